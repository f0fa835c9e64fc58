"""The library screen driven as a user drives it: rows appear, filter, sort, failures beside, open and come back."""
from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.failure_list import FailureList
from tui_helpers import SEEDS, WIDE, settle

SEED_COUNT = len([p for p in SEEDS.iterdir() if not p.name.startswith(".")])


def titles(table: ArticleTable) -> list[str]:
    return [table.get_row_at(i)[1].plain for i in range(table.row_count)]


async def test_library_opens_on_seeds_with_rows_and_count() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        assert table.row_count == SEED_COUNT
        counts = str(screen.query_one("#counts").render())
        assert f"{SEED_COUNT} of {SEED_COUNT}" in counts
        assert "failed" not in counts
        assert not screen.has_class("-loading")
        assert not screen.query_one(FailureList).display


async def test_no_path_opens_the_bundled_seeds() -> None:
    app = make_app([])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ArticleTable).row_count == SEED_COUNT


async def test_filter_as_you_type_and_escape_restores() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"meteorite")
        await pilot.pause()
        shown = titles(table)
        assert 0 < len(shown) < SEED_COUNT
        assert all("meteorite" in t.casefold() or "coal" in t.casefold() for t in shown)
        assert "filter: “meteorite”" in str(app.screen.query_one("#counts").render())
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == SEED_COUNT
        assert app.focused is table
        assert not app.screen.query_one(Input).display


async def test_filter_searches_text_and_source_case_insensitively() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.press("slash", *"METRO TRANSIT")
        await pilot.pause()
        assert 1 <= table.row_count < SEED_COUNT  # the source "Metro Transit Wire", and texts naming it
        await pilot.press("enter")  # keeps the filter, back to the table
        assert app.focused is table
        assert table.row_count < SEED_COUNT


async def test_sort_by_title_and_reverse_and_by_date() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.press("T")
        ordered = titles(table)
        assert ordered == sorted(ordered, key=str.casefold)
        await pilot.press("T")
        assert titles(table) == ordered[::-1]
        await pilot.press("d")
        dates = [table.get_row_at(i)[3].plain for i in range(table.row_count)]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True)  # newest first


async def test_clicking_a_header_sorts() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        title_x = table.columns["mark"].get_render_width(table) + 2
        await pilot.click(ArticleTable, offset=(title_x, 0))
        await pilot.pause()
        assert screen.session.sort_key.value == "title"
        ordered = titles(table)
        assert ordered == sorted(ordered, key=str.casefold)


async def test_enter_opens_the_row_and_escape_returns_to_the_same_row() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.press("down", "down", "down")
        row = table.cursor_row
        expected = table.get_row_at(row)[1].plain
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.title == expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert table.cursor_row == row
        assert table.get_row_at(row)[0].plain.strip() == "·"  # marked read


async def test_bad_files_are_listed_with_reasons_and_good_files_still_shown(bad_folder: Path) -> None:
    app = make_app([str(bad_folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(ArticleTable)
        assert table.row_count == 2
        failures = screen.query_one(FailureList)
        assert failures.display and failures.region.height > 0
        listed = [str(failures.get_option_at_index(i).prompt) for i in range(failures.option_count)]
        assert len(listed) == 2
        binary = next(x for x in listed if "c-binary.png" in x)
        empty = next(x for x in listed if "d-empty.txt" in x)
        assert "binary" in binary
        assert "empty" in empty
        assert "2 failed" in str(screen.query_one("#counts").render())
        assert failures.border_title == "2 files could not be read"
        await pilot.press("enter")  # the good files still open
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)


async def test_missing_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    app = make_app([str(tmp_path / "nowhere")])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(FailureList).option_count == 1
        assert app.screen.query_one(ArticleTable).row_count == 0
        await pilot.press("enter", "S", "c")  # nothing to open, summarise or compare: still no crash
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_a_narrow_terminal_shows_title_source_and_date_without_scrolling_sideways() -> None:
    """At 60 columns the words and story columns give way; widened again, they come back."""
    app = make_app([str(SEEDS)])
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        labels = [column.label.plain for column in table.columns.values()]
        assert labels == ["●★#", "Title", "Source", "Date", "", ""]
        assert table.columns["title"].width >= 16
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        assert [column.label.plain for column in table.columns.values()][-2:] == ["Words", "Story"]
        assert table.columns["length"].width == 6
