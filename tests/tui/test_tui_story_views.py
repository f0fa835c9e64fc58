"""The story screen's timeline (t) and "new to you" (N), on three ferry-strike articles (tests/fixtures/stories/ferry-strike).

01 (Northsound News Service) is dated 2026-06-01 in its first line, 08 (the Kellerton Ledger) 2026-06-05
in its front matter, and 06 (wire copies glued into one file) has no date: the timeline must list
06 apart as "Undated", after the dated days. The three are one story, so `S` on the first row opens it.
Expected dates and file names come from the files, not from reader. "New to you" is checked against
read marks set with the library's own keys (r on a row, r on the story row of the grouped view).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.citation_list import CitationList
from reader.tui.widgets.summary_view import SummaryView
from tui_helpers import WIDE, file_lines, press, screen_rows, settle, words

FERRY = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "ferry-strike"
FIRST = "01-northsound-news-service.txt"
LATER = "08-kellerton-ledger-tentative-deal.md"
UNDATED = "06-wire-copies-glued.txt"
DATE_OF = {FIRST: "2026-06-01", LATER: "2026-06-05", UNDATED: "Undated"}
CITED = re.compile(r"(\S+):L(\d+)(?:-(\d+))?")


@pytest.fixture
def ferry(tmp_path: Path) -> Path:
    folder = tmp_path / "ferry"
    folder.mkdir()
    for name in DATE_OF:
        shutil.copy(FERRY / name, folder / name)
    return folder


async def open_story(pilot) -> StoryScreen:  # type: ignore[no-untyped-def]
    """S on the first row: the story of the three articles (grouped in a worker first)."""
    await settle(pilot)
    await press(pilot, "S")
    screen = pilot.app.screen
    assert isinstance(screen, StoryScreen) and screen.ready
    assert len(screen.offered) == 3
    return screen


async def open_timeline(pilot) -> tuple[StoryScreen, SummaryView]:  # type: ignore[no-untyped-def]
    """The story, then t: its timeline in the story list."""
    screen = await open_story(pilot)
    await press(pilot, "t")
    return screen, screen.query_one(SummaryView)


def options(view: SummaryView) -> list[tuple[bool, str]]:
    """Each option of the list as (can be chosen, text)."""
    return [(not view.get_option_at_index(i).disabled, str(view.get_option_at_index(i).prompt))
            for i in range(view.option_count)]


def timeline_days(view: SummaryView) -> list[tuple[str, list[str]]]:
    """The headings in order, each with the facts listed under it (a note under a day with none)."""
    days: list[tuple[str, list[str]]] = []
    for enabled, text in options(view):
        if enabled:
            days[-1][1].append(text)
        elif re.match(r"\d{4}-\d\d-\d\d · |Undated · ", text):
            days.append((text, []))
    return days


def cited_lines(folder: Path, fact: str) -> tuple[str, str]:
    """The file a fact's prompt cites first and the text of its cited lines, read here from the file."""
    name, start, end = CITED.search(fact).groups()  # type: ignore[union-attr]
    lines = file_lines(folder / name)
    return name, " ".join(lines[int(start) - 1:int(end or start)])


async def test_t_lists_the_facts_under_their_dates_with_the_undated_apart(ferry: Path) -> None:
    app = make_app([str(ferry)])
    async with app.run_test(size=WIDE) as pilot:
        screen, view = await open_timeline(pilot)
        days = timeline_days(view)
        assert [heading.split(" · ")[0] for heading, _ in days] == ["2026-06-01", "2026-06-05", "Undated"]
        for (heading, facts), name in zip(days, [FIRST, LATER, UNDATED]):
            assert heading.endswith(f"1 article: {name}"), heading
            assert facts, heading  # each of the three articles adds something on its own date
            for fact in facts:
                cited, text = cited_lines(ferry, fact)
                assert DATE_OF[cited] == heading.split(" · ")[0], fact  # cited in an article of that date
                sentence = fact.split("\n")[0]
                assert set(words(sentence)) <= set(words(text)), fact  # the cited lines say it
        rows = "\n".join(screen_rows(app))
        assert f"2026-06-01 · 1 article: {FIRST}" in rows
        assert "Timeline · by date" in rows and "t Timeline" in rows
        # A day lists all its news, so the undated come into view as the cursor goes down to their first.
        await press(pilot, *["down"] * (len(days[0][1]) + len(days[1][1])))
        assert f"Undated · 1 article: {UNDATED}" in "\n".join(screen_rows(app))
        title = str(screen.query_one("#story-title").render())
        assert "3 articles · 2 dates and undated" in title


async def test_a_timeline_fact_shows_its_places_and_opens_at_its_line(ferry: Path) -> None:
    app = make_app([str(ferry)])
    async with app.run_test(size=WIDE) as pilot:
        screen, view = await open_timeline(pilot)
        later = [fact for heading, facts in timeline_days(view) if heading.startswith("2026-06-05") for fact in facts]
        position = len(timeline_days(view)[0][1])  # the first fact of the second date, counting facts only
        await press(pilot, *["down"] * position)
        item = view.items[view.highlighted_item]  # type: ignore[index]
        assert item.text.split()[0] in later[0] and Path(item.unit.article.path).name == LATER
        places = screen.query_one(CitationList)
        own = str(places.get_option_at_index(0).prompt)
        assert own.startswith(f"▸ {LATER}:L{item.unit.sentence.span.start}")
        await press(pilot, "enter")
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert Path(article.article.path).name == LATER
        span = item.unit.sentence.span
        assert article.start_line == span.start and article.start_cite == span
        assert set(words(item.text)) <= set(words(" ".join(file_lines(ferry / LATER)[span.start - 1:span.end])))
        await press(pilot, "escape")
        assert app.screen is screen and timeline_days(view)  # still the timeline


@pytest.mark.parametrize("opens, key", [("t", "t"), ("t", "escape"), ("t", "q"), ("N", "N"), ("N", "escape")])
async def test_the_same_key_again_or_escape_goes_back_to_the_summary(ferry: Path, opens: str, key: str) -> None:
    app = make_app([str(ferry)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        view = screen.query_one(SummaryView)
        summary = [item.text for item in view.items]
        await press(pilot, opens)
        assert timeline_days(view) if opens == "t" else screen.view == "new"
        assert not str(screen.query_one("#story-title").render()).startswith("Story over")
        await press(pilot, key)
        assert app.screen is screen
        assert [item.text for item in view.items] == summary
        assert all(enabled for enabled, _ in options(view))  # no date headings left
        assert screen.query_one("#story-pane").border_title == "Story · reader · 160 words"
        assert str(screen.query_one("#story-title").render()).startswith("Story over 3 articles")
        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_the_length_keys_in_the_timeline_change_the_summary_shown_after_it(ferry: Path) -> None:
    """+ in the timeline recomputes the summary behind it (not shown over the timeline), shown on return."""
    app = make_app([str(ferry)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        view = screen.query_one(SummaryView)
        await press(pilot, "t")
        before = timeline_days(view)
        await press(pilot, "plus", "plus")
        assert timeline_days(view) == before
        await press(pilot, "t")
        assert screen.query_one("#story-pane").border_title == "Story · reader · 240 words"
        assert sum(len(item.text.split()) for item in view.items) <= 240
        assert [i.text for i in view.items] == [i.text for i in screen.story_summary.items]  # type: ignore[union-attr]


# -- new to you ---------------------------------------------------------------------------------------

def table_row(app, name: str) -> int:  # type: ignore[no-untyped-def]
    """The library row of the article in file `name`."""
    table = app.library_screen.query_one(ArticleTable)
    keys = [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]
    return next(i for i, key in enumerate(keys) if not key.startswith("story:")
                and Path(app.library.entry(key).listing.path).name == name)


async def places_of_each_fact(pilot, screen: StoryScreen) -> list[str]:  # type: ignore[no-untyped-def]
    """Every fact shown, with the places pane's text for it, moving down the list as a user does."""
    view, places = screen.query_one(SummaryView), screen.query_one(CitationList)
    shown = []
    for index in range(len(view.items)):
        if index:
            await press(pilot, "down")
        assert view.highlighted_item == index
        prompts = [str(places.get_option_at_index(i).prompt) for i in range(places.option_count)]
        shown.append(str(view.get_option_at_index(view.highlighted).prompt) + "\n" + "\n".join(prompts))  # type: ignore[arg-type]
    return shown


async def test_new_to_you_leaves_out_what_the_read_articles_state_then_nothing_once_all_are_read(ferry: Path) -> None:
    app = make_app([str(ferry)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        await press(pilot, "N")
        title = str(screen.query_one("#story-title").render())
        assert title.startswith("New to you · 0 of 3 articles read · only what the 3 unread add"), title
        assert screen.query_one("#story-pane").border_title == "New to you · 160 words"
        assert any(FIRST in fact for fact in await places_of_each_fact(pilot, screen))  # nothing read yet
        await press(pilot, "N")  # again: the summary
        assert screen.query_one("#story-pane").border_title == "Story · reader · 160 words"

        await press(pilot, "escape")
        await press(pilot, *["down"] * table_row(app, FIRST), "r")  # FIRST marked read in the library
        await press(pilot, "S", "N")
        screen = app.screen
        assert isinstance(screen, StoryScreen) and screen.view == "new"
        title = str(screen.query_one("#story-title").render())
        assert title.startswith("New to you · 1 of 3 articles read · only what the 2 unread add"), title
        facts = await places_of_each_fact(pilot, screen)
        assert facts  # the other two articles add something
        for fact in facts:
            assert FIRST not in fact, fact  # neither quoted from the read article nor reported there
        assert "Nothing new to you" not in "\n".join(screen_rows(app))

        await press(pilot, "escape", "escape", "z", "home", "r")  # read on the story row: all its articles
        await press(pilot, "S", "N")
        screen = app.screen
        assert isinstance(screen, StoryScreen) and len(screen.offered) == 3
        view = screen.query_one(SummaryView)
        assert view.items == []
        shown = "\n".join(screen_rows(app))
        assert "Nothing new to you in this story: all 3 articles are read." in shown
        assert "New to you · all 3 articles read" in shown
        assert "N New to you" in shown  # in the footer


async def test_the_length_keys_change_the_new_to_you_budget(ferry: Path) -> None:
    app = make_app([str(ferry)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        await press(pilot, "N")
        await press(pilot, "minus", "minus")
        assert screen.view == "new" and screen.query_one("#story-pane").border_title == "New to you · 80 words"
        view = screen.query_one(SummaryView)
        assert view.items and sum(len(item.text.split()) for item in view.items) <= 80


@pytest.mark.parametrize("size", [WIDE, (80, 24)])
async def test_the_footer_names_facts_timeline_and_new_to_you(ferry: Path, size: tuple[int, int]) -> None:
    app = make_app([str(ferry)])
    async with app.run_test(size=size) as pilot:
        await open_story(pilot)
        footer = screen_rows(app)[-1]
        assert "f Facts" in footer and "t Timeline" in footer and "N New to you" in footer, footer
        assert "? Keys" in footer and "q Back" in footer, footer
