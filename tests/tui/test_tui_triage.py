"""Triage from the TUI: keys change what is shown and what the store keeps, across runs and processes."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from reader.model import Article
from reader.triage import ArticleKey, ArticleState, TOGGLE_STAR, TriageStore, add_tag
from reader.tui.app import ReaderApp, make_app
from reader.tui.library import View, open_article
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.widgets.article_table import ArticleTable
from tui_helpers import SEEDS, WIDE, settle

SEED_COUNT = len([p for p in SEEDS.iterdir() if not p.name.startswith(".")])


def screen_of(app: ReaderApp) -> LibraryScreen:
    return app.library_screen


def table_of(app: ReaderApp) -> ArticleTable:
    return app.library_screen.query_one(ArticleTable)


def counts(app: ReaderApp) -> str:
    return str(app.library_screen.query_one("#counts").render())


def mark_at(table: ArticleTable, row: int) -> str:
    return table.get_row_at(row)[0].plain


def title_at(table: ArticleTable, row: int) -> str:
    return table.get_row_at(row)[1].plain


def article_at(app: ReaderApp, row: int) -> Article:
    table = table_of(app)
    key = table.coordinate_to_cell_key((row, 0)).row_key.value
    assert key is not None
    article = open_article(app.library.entry(key))
    assert isinstance(article, Article)
    return article


async def stored(pilot: Pilot[object], article: Article) -> ArticleState:
    """The state as a separate store instance reads it (the default location under READER_HOME),
    once the app has finished writing (marks are saved by a worker)."""
    await settle(pilot)
    with TriageStore.open() as store:
        return store.get(ArticleKey.of(article))


async def test_r_s_a_toggle_and_show_symbols_and_persist() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        first = article_at(app, 0)
        assert "●" in mark_at(table, 0)
        await pilot.press("r")
        assert "·" in mark_at(table, 0) and "●" not in mark_at(table, 0)
        assert (await stored(pilot, first)).read
        await pilot.press("r")
        assert "●" in mark_at(table, 0)
        assert not (await stored(pilot, first)).read
        await pilot.press("s")
        assert "★" in mark_at(table, 0)
        assert (await stored(pilot, first)).starred
        assert "1 starred" in counts(app)
        await pilot.press("a")
        await pilot.pause()
        assert (await stored(pilot, first)).archived
        assert table.row_count == SEED_COUNT - 1  # archived rows leave the unread view
        assert title_at(table, 0) != first.title


@pytest.mark.parametrize(("theme", "unread", "star"), [
    (None, "#5fa8d3", "#f2b35b"),  # themes/reader-dark.toml: mark-unread, mark-star
    ("reader-light", "#1f5f8b", "#a15c00"),  # themes/reader-light.toml
])
async def test_state_cell_is_coloured_from_the_theme(theme: str | None, unread: str, star: str) -> None:
    app = make_app([str(SEEDS)], theme=theme)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("s")
        cell = table.get_row_at(0)[0]
        spans = {cell.plain[s.start:s.end]: s.style for s in cell.spans}
        assert spans["●"].color.triplet.hex == unread and spans["●"].bold  # the tcss makes unread bold
        assert spans["★"].color.triplet.hex == star


async def test_tags_dialog_completes_and_saves() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        first, second = article_at(app, 0), article_at(app, 1)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"council", "comma", *"local", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert (await stored(pilot, first)).tags == {"council", "local"}
        assert "#" in mark_at(table, 0)
        await pilot.press("down", "t")
        await pilot.pause()
        box = app.screen.query_one(Input)
        await pilot.press(*"cou")
        await pilot.pause()
        await pilot.press("right")  # accept the completion from existing tags
        assert box.value == "council"
        await pilot.press("enter")
        await pilot.pause()
        assert (await stored(pilot, second)).tags == {"council"}
        # the tag view shows exactly the tagged articles
        await pilot.press("number_sign")
        await pilot.pause()
        await pilot.press("enter")  # first tag listed: council
        await pilot.pause()
        assert screen_of(app).session.view is View.TAG and table.row_count == 2
        assert "#council" in counts(app)


async def test_undo_several_levels() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        first = article_at(app, 0)
        await pilot.press("r", "s", "t")
        await pilot.pause()
        await pilot.press(*"x", "enter")
        await pilot.pause()
        assert (await stored(pilot, first)) == ArticleState(True, True, False, frozenset({"x"}))
        await pilot.press("u")
        assert (await stored(pilot, first)).tags == frozenset() and (await stored(pilot, first)).starred
        await pilot.press("u")
        assert not (await stored(pilot, first)).starred and (await stored(pilot, first)).read
        assert "★" not in mark_at(table, 0)
        await pilot.press("u")
        assert (await stored(pilot, first)) == ArticleState()
        assert "●" in mark_at(table, 0)


async def test_space_selects_and_keys_apply_to_the_selection() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        chosen = [article_at(app, 0), article_at(app, 2)]
        await pilot.press("space")
        assert "▸" in mark_at(table, 0)
        await pilot.press("down", "space")  # cursor moved to row 1 after the first space: now row 2
        assert "▸" in mark_at(table, 2) and "▸" not in mark_at(table, 1)
        assert "2 selected" in counts(app)
        await pilot.press("s")
        assert [(await stored(pilot, a)).starred for a in chosen] == [True, True]
        assert not (await stored(pilot, article_at(app, 1))).starred
        assert not screen_of(app).session.selected and "▸" not in mark_at(table, 0)  # selection cleared
        await pilot.press("u")  # one undo for the bulk change
        assert [(await stored(pilot, a)).starred for a in chosen] == [False, False]


async def test_R_marks_everything_shown_read_and_undo() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("slash", *"council", "enter")
        await pilot.pause()
        shown = table.row_count
        assert 0 < shown < SEED_COUNT
        articles = [article_at(app, i) for i in range(shown)]
        await pilot.press("R")
        assert all([(await stored(pilot, a)).read for a in articles])
        assert all("·" in mark_at(table, i) for i in range(shown))
        assert f"{SEED_COUNT - shown} unread" in counts(app)
        await pilot.press("u")
        assert not any([(await stored(pilot, a)).read for a in articles])


async def test_v_cycles_views_with_counts() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("s", "down", "a", "down", "r")
        await pilot.pause()
        assert "view: unread" in counts(app)
        await pilot.press("v")  # changing view re-applies it: the read one leaves unread
        assert "view: starred" in counts(app) and table.row_count == 1
        assert f"1 of {SEED_COUNT}" in counts(app)
        await pilot.press("v")
        assert "view: archived" in counts(app) and table.row_count == 1
        assert "▣" in mark_at(table, 0)
        await pilot.press("v")
        assert "view: all" in counts(app) and table.row_count == SEED_COUNT
        await pilot.press("v")
        assert "view: unread" in counts(app) and table.row_count == SEED_COUNT - 2


async def test_n_and_p_move_between_unread_in_library_and_article() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("down", "r", "down", "r", "home")
        await pilot.press("n")
        assert table.cursor_row == 3
        await pilot.press("p")
        assert table.cursor_row == 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("n")  # straight to the next unread article
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.path == article_at(app, 3).path
        assert (await stored(pilot, article_at(app, 3))).read  # opened: marked read
        await pilot.press("s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert table.cursor_row == 3
        assert "★" in mark_at(table, 3) and "·" in mark_at(table, 3)


async def test_opening_marks_read_unless_the_config_says_not(private_home: Path) -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert (await stored(pilot, article_at(app, 0))).read
        assert "·" in mark_at(table_of(app), 0)
    config = private_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("mark_read_on_open = false\n", encoding="utf-8")
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert not app.config.settings.mark_read_on_open
        await pilot.press("end", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        last = table_of(app).row_count - 1
        assert not (await stored(pilot, article_at(app, last))).read
        assert "●" in mark_at(table_of(app), last)


async def test_state_persists_across_runs_and_renames(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("s", "down", "r")
        starred = article_at(app, 0)
    moved = folder / ("renamed-" + Path(starred.path).name)
    Path(starred.path).rename(moved)
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("v", "v", "v")  # all
        assert "view: all" in counts(app)
        rows = {article_at(app, i).path: mark_at(table, i) for i in range(table.row_count)}
        assert "★" in rows[str(moved)]  # found by its content at the new name
        assert sum("·" in m for m in rows.values()) == 1
        assert "1 starred" in counts(app) and f"{SEED_COUNT - 1} unread" in counts(app)


async def test_outside_change_is_picked_up_on_refresh() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        first = article_at(app, 0)
        with TriageStore.open() as other:
            other.apply([ArticleKey.of(first)], TOGGLE_STAR, add_tag("elsewhere"))
        assert "★" not in mark_at(table, 0)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "★" in mark_at(table, 0) and "#" in mark_at(table, 0)
        assert "1 starred" in counts(app)


async def test_outside_change_is_picked_up_when_the_app_regains_focus() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = article_at(app, 0)
        with TriageStore.open() as other:
            other.apply([ArticleKey.of(first)], TOGGLE_STAR)
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert "★" in mark_at(table_of(app), 0)


async def test_a_store_from_a_newer_reader_falls_back_to_memory(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    with TriageStore.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.commit()
    db.close()
    app = make_app([str(SEEDS)], state=str(path))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.triage is not None and not app.triage.persistent
        assert any("this run only" in n.message for n in app._notifications)
        await pilot.press("r")
        assert "·" in mark_at(table_of(app), 0)


async def test_read_rows_stay_until_the_view_changes_and_undo_brings_archived_back() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        first, second = article_at(app, 0), article_at(app, 1)
        await pilot.press("r", "down", "a")
        await pilot.pause()
        assert table.row_count == SEED_COUNT - 1  # the archived one left, the read one stayed
        assert title_at(table, 0) == first.full_title and "·" in mark_at(table, 0)  # the library row keeps the whole title
        await pilot.press("u")
        await pilot.pause()
        assert not (await stored(pilot, second)).archived
        assert table.row_count == SEED_COUNT and title_at(table, 1) == second.full_title
        await pilot.press("v", "v", "v", "v")  # round the views back to unread: the read one is gone
        assert "view: unread" in counts(app) and table.row_count == SEED_COUNT - 1


async def test_selection_clears_even_when_nothing_changes() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("R", "asterisk")
        assert all("▸" in mark_at(table, i) for i in range(table.row_count))
        await pilot.press("R")  # all read already: no change, no undo level, selection still cleared
        assert not any("▸" in mark_at(table, i) for i in range(table.row_count))
        assert "selected" not in counts(app)
