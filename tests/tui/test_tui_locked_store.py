"""Another `reader` holding the state database: a mark made meanwhile is shown, kept, and saved later."""
from __future__ import annotations

import sqlite3

import pytest

import reader.triage.opening as opening
from reader.paths import default_state_path
from reader.triage import ArticleKey, TriageStore
from reader.tui.app import make_app
from reader.tui.library import open_article
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable
from tui_helpers import SEEDS, WIDE, settle


async def test_a_mark_made_while_the_database_is_locked_is_kept_and_saved_once_it_frees(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 100)  # give up on the lock quickly
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        first = open_article(screen.library.entry(table.current_key))
        other = sqlite3.connect(default_state_path(), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # e.g. a `reader mark` over a huge folder
        await pilot.press("s")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        assert "1 change not saved yet" in str(screen.query_one("#counts").render())
        assert "★" in table.get_row_at(0)[0].plain  # shown as starred already
        other.execute("ROLLBACK")
        other.close()
        await pilot.press("r")  # the next mark saves both, in order
        await settle(pilot)
        assert "not saved yet" not in str(screen.query_one("#counts").render())
    with TriageStore.open() as store:
        state = store.get(ArticleKey.of(first))
    assert state.starred and state.read
