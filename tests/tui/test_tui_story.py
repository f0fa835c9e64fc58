"""The story screen on an invented story: word budget keys, outlet counts, "only in", reprints, left-out inputs.

The corpus (tests/cli/story_corpus.py) has three outlets, a reprint and an unrelated file; the
assertions hold whichever sentences the summarizer picks.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.summarize.topics import LeftOut
from reader.tui.app import make_app
from reader.tui.screens import story_screen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.screens.summary_screen import SENTENCES, STORY_WORDS
from reader.tui.widgets.citation_list import CitationList
from reader.tui.widgets.left_out_note import LeftOutNote, left_out_line
from reader.tui.widgets.summary_view import SummaryView
from story_corpus import ONLY_RADIO, REPRINT, UNRELATED
from tui_helpers import WIDE, notices, settle


async def open_story(pilot) -> StoryScreen:  # type: ignore[no-untyped-def]
    """The story over every article of the folder: all selected (`*`), then S (alone, S takes the cursor's story)."""
    await settle(pilot)
    await pilot.press("asterisk", "S")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StoryScreen) and screen.ready
    return screen


def prompts(view: SummaryView | CitationList, count: int) -> list[str]:
    return [str(view.get_option_at_index(i).prompt) for i in range(count)]


def used_words(view: SummaryView) -> int:
    return sum(len(item.text.split()) for item in view.items)


async def test_sentences_show_outlet_counts_or_only_in(story_news: Path) -> None:
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        story = screen.query_one(SummaryView)
        assert story.items and used_words(story) <= 160
        assert screen.query_one("#story-pane").border_title == "Story · reader · 160 words"
        for item, prompt in zip(story.items, prompts(story, len(story.items))):
            assert (item.only_in is not None) == (item.voices == 1)
            label = f"only in {item.only_in}" if item.only_in else f"{item.voices} outlets"
            assert label in prompt
            assert f"{Path(item.unit.article.path).name}:{item.unit.sentence.span}" in prompt
            assert UNRELATED not in prompt
        assert any(item.only_in == ONLY_RADIO for item in story.items)
        assert any(item.voices > 1 for item in story.items)
        title = str(screen.query_one("#story-title").render())
        assert "of 160 words" in title and "4 sources from 3 outlets" in title
        note = str(screen.query_one(LeftOutNote).render())
        assert note.startswith("1 input left out: ") and UNRELATED in note
        assert UNRELATED in (screen.query_one(LeftOutNote).tooltip or "")


async def test_plus_and_minus_change_the_word_budget(story_news: Path) -> None:
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        story = screen.query_one(SummaryView)
        pane = screen.query_one("#story-pane")
        await pilot.press("plus")
        await settle(pilot)
        assert screen.words == 200 and pane.border_title == "Story · reader · 200 words"
        assert used_words(story) <= 200
        await pilot.press("minus", "minus", "minus")
        await settle(pilot)
        assert screen.words == 80 and used_words(story) <= 80
        assert "of 80 words" in str(screen.query_one("#story-title").render())
        await pilot.press(*["minus"] * 5)
        await settle(pilot)
        assert screen.words == STORY_WORDS.low == 40 and used_words(story) <= 40
        assert pane.border_title == "Story · reader · 40 words"


def test_length_steps_are_bounded_and_never_go_the_wrong_way() -> None:
    assert (STORY_WORDS.longer(960), STORY_WORDS.longer(1000), STORY_WORDS.longer(2000)) == (1000, 1000, 2000)
    assert (STORY_WORDS.shorter(80), STORY_WORDS.shorter(40), STORY_WORDS.shorter(20)) == (40, 40, 20)
    assert (SENTENCES.longer(3), SENTENCES.shorter(1), SENTENCES.label(3)) == (4, 1, "3 sentences")


async def test_places_pane_names_each_outlet_and_the_reprint(story_news: Path) -> None:
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        story = screen.query_one(SummaryView)
        places = screen.query_one(CitationList)
        seen_copy = False
        for index, item in enumerate(story.items):
            story.highlighted = index
            await pilot.pause()
            shown = prompts(places, len(places.places))
            assert len(shown) == 1 + len(item.reports)
            assert shown[0].startswith("▸ ") and (item.outlet or "") in shown[0]
            for report, prompt in zip(item.reports, shown[1:]):
                assert report.outlet in prompt
                assert f"{Path(report.unit.article.path).name}:{report.unit.sentence.span}" in prompt
                if report.copy_of:
                    assert report.unit.article.path.endswith(REPRINT)
                    assert f"{report.outlet} · copy of {report.copy_of}" in prompt
                    seen_copy = True
        assert seen_copy


async def test_config_budget_and_sentence_cap_reach_the_story_screen(story_news: Path, private_home: Path) -> None:
    (private_home / "config").mkdir(parents=True, exist_ok=True)
    (private_home / "config" / "config.toml").write_text("story_words = 80\nstory_sentences = 2\n")
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        story = screen.query_one(SummaryView)
        assert screen.query_one("#story-pane").border_title == "Story · reader · 80 words · at most 2 sentences"
        assert 1 <= len(story.items) <= 2 and used_words(story) <= 80


async def test_outlet_names_from_files_are_shown_literally(story_news: Path) -> None:
    radio = story_news / "c-island-radio.md"
    radio.write_text(radio.read_text().replace("source: Island Radio", 'source: "[bold]Island[/bold] Radio"'))
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        story = screen.query_one(SummaryView)
        shown = "\n".join(prompts(story, len(story.items)))
        assert "only in [bold]Island[/bold] Radio" in shown


async def test_a_sumy_baseline_sees_only_the_leading_articles_of_a_huge_selection(
        story_news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(story_screen, "MAX_BASELINE_UNITS", 6)
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        assert len(screen.chosen) == 5  # reader's own summarizer is linear: no cut
        await pilot.press("a")  # lead: linear too
        await settle(pilot)
        assert screen.algorithm == "lead" and len(screen.chosen) == 5
        await pilot.press("a")  # lexrank
        await settle(pilot)
        assert screen.algorithm == "lexrank" and len(screen.chosen) < 5
        assert "the first" in str(screen.query_one("#story-title").render())


def test_left_out_line_fits_the_width() -> None:
    left = [LeftOut("news/e-library.txt", None, "another story (uses 2% of this story's vocabulary; 11% needed)"),
            LeftOut("news/f-glued.txt", 1, "another story, with e-library.txt (similarity 0.01)")]
    head, rest = left_out_line(left, 200)
    assert head == "2 inputs left out: "
    assert rest == ("e-library.txt: another story (uses 2% of this story's vocabulary; 11% needed) · "
                    "f-glued.txt (copy 2): another story, with e-library.txt (similarity 0.01)")
    # Both entries with each reason's first clause beat one with its full reason; then names alone; then a count.
    assert left_out_line(left, 150)[1] == "e-library.txt (another story …) · f-glued.txt (copy 2) (another story …)"
    assert left_out_line(left, 90)[1] == "e-library.txt · f-glued.txt (copy 2)"
    assert left_out_line(left, 45)[1] == "e-library.txt · +1 more"
    head, rest = left_out_line(left, 30)
    assert len(head + rest) == 30 and rest.endswith("…")


async def test_e_saves_the_story_as_a_markdown_brief(story_news: Path, private_home: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The brief is the shown story with footnote citations, the same text `summarize --story
    --format markdown` prints for the same files; an existing name is refused inside the dialog."""
    from textual.widgets import Input, Static

    from reader.cli import main
    from reader.tui.screens.export_dialog import ExportDialog

    app = make_app([str(story_news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        shown = [item.text for item in screen.story.items]
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        line = dialog.query_one("#brief-path", Input)
        assert Path(line.value).parent == private_home / "briefs"
        taken = story_news / "brief.md"
        taken.write_text("mine", encoding="utf-8")
        line.value = str(taken)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "exists already" in str(dialog.query_one("#brief-error", Static).render())
        assert taken.read_text(encoding="utf-8") == "mine"
        taken.unlink()
        target = private_home / "out" / "story.md"
        line.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert any(message.startswith(f"Brief saved to {target}") for message in seen), seen
    brief = target.read_text(encoding="utf-8")
    assert all(text.split()[0] in brief for text in shown) and "[^1]:" in brief
    capsys.readouterr()
    assert main(["summarize", "--story", str(story_news), "--format", "markdown"]) == 0
    assert capsys.readouterr().out == brief


async def test_export_before_the_story_is_ready_says_so(story_news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app([str(story_news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        screen.ready = False  # as while a new length is being computed
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen
        assert "No story summary to export yet." in seen, seen
