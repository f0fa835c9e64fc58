"""A source line far taller than the pane (a whole article on one line, as some exports write it):
the keys scroll through it as a pager does, and a search hit or a cited sentence inside it is shown.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.widgets.summary_view import SummaryView
from tui_helpers import press, settle, shown_lines, words

SMALL = (80, 24)
PLACES = ["harbour", "council", "market", "library", "station", "bridge", "school", "clinic", "airport", "museum"]


def one_line_article(folder: Path) -> Path:
    """A title, a short line, then ~60 KB of distinct sentences on one line, then a closing line."""
    sentences = [f"The {PLACES[i % 10]} report number {i} said that {i * 7} residents asked for repairs "
                 f"before the winter of {1990 + i % 30}." for i in range(600)]
    sentences[450] = "A zeppelin moored above the old harbour while the council met on Friday."
    path = folder / "one-line.txt"
    path.write_text("Repairs across the town\n\nResidents asked for repairs.\n\n" + " ".join(sentences)
                    + "\n\nThe council meets again in May.\n", encoding="utf-8")
    return path


async def open_only(pilot) -> ArticleScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await press(pilot, "enter")
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    screen.text_view.focus()
    await settle(pilot)
    return screen


@pytest.fixture
def folder(tmp_path: Path, private_home: Path) -> Path:
    one_line_article(tmp_path)
    return tmp_path


async def test_down_and_page_down_scroll_through_a_tall_line_then_move_on(folder: Path) -> None:
    app = make_app([str(folder)])
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_only(pilot)
        view = screen.text_view
        while view.cursor_line != 5:  # onto the long line (file line 5)
            await press(pilot, "down")
        first, last = view._line_rows[view.cursor]
        assert last - first > 100  # far taller than the pane
        top = int(view.scroll_offset.y)
        await press(pilot, "down")
        assert view.cursor_line == 5 and int(view.scroll_offset.y) == top + 1
        await press(pilot, "pagedown")
        assert view.cursor_line == 5 and int(view.scroll_offset.y) > top + 5
        for _ in range(200):  # page through to its end, then on to the next line
            if view.cursor_line != 5:
                break
            await pilot.press("pagedown")
        await settle(pilot)
        assert view.cursor_line == 7
        assert any("meets again in May" in row for row in shown_lines(view))
        await press(pilot, "up")  # back into the tall line from below: its end is shown
        assert view.cursor_line == 5
        assert any("winter of" in row for row in shown_lines(view))
        assert int(view.scroll_offset.y) > first + 100


async def test_a_search_hit_deep_in_a_tall_line_is_brought_into_view(folder: Path) -> None:
    app = make_app([str(folder)])
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_only(pilot)
        await press(pilot, "slash", *"zeppelin", "enter")
        assert any("zeppelin" in row for row in shown_lines(screen.text_view))


async def test_each_cited_sentence_inside_a_tall_line_is_shown(folder: Path) -> None:
    app = make_app([str(folder)])
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_only(pilot)
        summary = screen.query_one(SummaryView)
        summary.focus()
        await settle(pilot)
        inside = 0
        for index in range(len(summary.items)):
            summary.highlighted = index
            await settle(pilot)
            item = summary.items[index]
            if item.citations[0].span.start != 5:
                continue
            inside += 1
            shown = " ".join(shown_lines(screen.text_view))
            assert set(words(item.text)[:6]) <= set(words(shown)), item.text
        assert inside >= 2  # the summary quotes the long line, several times
