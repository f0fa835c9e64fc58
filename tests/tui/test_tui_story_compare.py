"""The story view (sentences with their sources, enter opens one) and the compare view (shared sentences)."""
from __future__ import annotations

from pathlib import Path

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.compare_screen import CompareScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.citation_list import CitationList
from reader.tui.widgets.source_view import SourceView
from reader.tui.widgets.summary_view import SummaryView
from tui_helpers import SEEDS, WIDE, file_lines, settle, words


async def test_story_sentences_show_citations_and_outlet_counts() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("asterisk", "S")  # every article selected: the other story is left out
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        story = screen.query_one(SummaryView)
        assert story.items and sum(len(item.text.split()) for item in story.items) <= 160
        assert any(item.source_count > 1 for item in story.items)
        for index, item in enumerate(story.items):
            prompt = str(story.get_option_at_index(index).prompt)
            label = f"only in {item.only_in}" if item.only_in else f"{item.voices} outlets"
            assert label in prompt
            own = item.citations[0]
            assert f"{Path(own.path).name}:{own.span}" in prompt
            assert "meteorite" not in own.path  # the unrelated story is left out, and says so
        assert "2 inputs left out: " in str(screen.query_one("#left-out").render())
        places = screen.query_one(CitationList)
        assert len(places.units) == 1 + len(story.items[0].reports)


async def test_enter_on_a_story_sentence_opens_the_article_at_its_line() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        story = app.screen.query_one(SummaryView)
        await pilot.press("j", "j")
        item = story.items[story.highlighted]
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.article.path == item.unit.article.path
        source = screen.query_one(SourceView)
        span = item.citations[0].span
        assert source.cited == span and source.cursor_line == span.start and source.has_focus
        lines = file_lines(Path(item.unit.article.path), item.unit.article.encoding)
        assert set(words(item.text)) <= set(words(" ".join(lines[span.start - 1:span.end])))
        first, last = source.rows_of(span)
        top = int(source.scroll_offset.y)
        assert top <= first and last < top + source.scrollable_content_region.height
        await pilot.press("escape")
        assert isinstance(app.screen, StoryScreen)


async def test_a_place_in_the_citation_list_opens_that_source() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        story = app.screen.query_one(SummaryView)
        index = next(i for i, item in enumerate(story.items) if item.source_count > 1)
        await pilot.press(*["j"] * index, "tab")
        places = app.screen.query_one(CitationList)
        assert places.has_focus
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        other = story.items[index].corroborating[0]
        assert screen.article.path == other.article.path
        assert screen.query_one(SourceView).cited == other.sentence.span


async def test_story_over_the_filtered_set() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"meteorite", "enter", "S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        assert len(screen.chosen) == 2
        assert "filtered" in str(screen.query_one("#story-title").render())
        paths = {c.path for item in screen.query_one(SummaryView).items for c in item.citations}
        assert paths and all("meteorite" in p for p in paths)


async def pick_two(pilot, first: str, second: str) -> CompareScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    screen = pilot.app.screen
    table = screen.query_one(ArticleTable)

    def row_of(name: str) -> int:
        keys = [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]
        return next(i for i, key in enumerate(keys) if screen.library.entry(key).listing.path.endswith(name))

    await pilot.press(*["down"] * row_of(first), "c")
    prompt = screen.query_one("#compare-prompt")
    assert prompt.display and "c on a second article" in str(prompt.render())
    delta = row_of(second) - table.cursor_row
    await pilot.press(*(["down"] * delta if delta > 0 else ["up"] * -delta), "c")
    await settle(pilot)
    compare = pilot.app.screen
    assert isinstance(compare, CompareScreen)
    return compare


async def test_compare_highlights_shared_sentences_in_both() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await pick_two(pilot, "11-skyline-science-meteorite.txt", "12-high-plains-observer-meteorite.md")
        a, b = screen.query_one("#source-a", SourceView), screen.query_one("#source-b", SourceView)
        assert screen.pairs
        for left, right in screen.pairs:
            assert set(range(left.span.start, left.span.end + 1)) <= a.shared
            assert set(range(right.span.start, right.span.end + 1)) <= b.shared
        # The first pair is cited in both panes, and the two cited passages share a good part of their words.
        left, right = screen.pairs[0]
        assert a.cited == left.span and b.cited == right.span
        shared = set(words(left.text)) & set(words(right.text))
        assert len(shared) >= min(len(set(words(left.text))), len(set(words(right.text)))) / 3
        await pilot.press("n")
        assert a.cited == screen.pairs[1 % len(screen.pairs)][0].span
        await pilot.press("p")
        assert a.cited == left.span
        assert "shared 1/" in str(screen.query_one("#status").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_compare_of_unrelated_articles_says_so() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await pick_two(pilot, "11-skyline-science-meteorite.txt", "04-valley-ledger-card.txt")
        assert screen.pairs == []  # a meteorite fall and a council vote share no sentence
        assert "share no sentence" in str(screen.query_one("#status").render())
        assert not screen.query_one("#source-a", SourceView).shared
        assert not screen.query_one("#source-b", SourceView).shared


async def test_c_twice_on_the_same_row_cancels() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        prompt = app.screen.query_one("#compare-prompt")
        await pilot.press("c")
        assert prompt.display
        await pilot.press("c")
        assert not prompt.display
        await pilot.press("c", "escape")
        assert not prompt.display
