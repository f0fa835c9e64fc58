"""A bug inside a worker (loading, reading marks again, saving marks) is a notification; the app goes on."""
from __future__ import annotations

from pathlib import Path

import pytest

import reader.tui.screens.library_screen as library_screen
from reader.tui.app import make_app
from reader.tui.library_session import LibrarySession
from tui_helpers import SEEDS, WIDE


async def until(pilot, condition, rounds: int = 400) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (settle() would re-raise the failed worker)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


def _notes(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(n.title, n.message) for n in app._notifications]


async def test_a_bug_while_loading_is_a_notification_and_the_library_stays_open(
        private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = library_screen.load_batches

    def breaks_after_the_first_batch(*args, **kwargs):  # type: ignore[no-untyped-def]
        for batch in real(*args, **kwargs):
            yield batch
            if batch.listings:
                raise RuntimeError("disk on fire")

    monkeypatch.setattr(library_screen, "load_batches", breaks_after_the_first_batch)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await until(pilot, lambda: ("loading stopped", "RuntimeError: disk on fire") in _notes(app))
        screen = app.screen
        assert isinstance(screen, library_screen.LibraryScreen) and screen.table.row_count > 0
        await pilot.press("j")  # still answering keys
        assert app.is_running


async def test_a_bug_while_saving_marks_is_a_notification_and_the_mark_stays_queued(
        private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_flush(self: LibrarySession):  # type: ignore[no-untyped-def]
        raise RuntimeError("store exploded")

    monkeypatch.setattr(LibrarySession, "flush", broken_flush)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await until(pilot, lambda: app.session is not None and app.session.library.loaded)
        await pilot.press("s")  # star the first article
        await until(pilot, lambda: ("marks not saved", "RuntimeError: store exploded") in _notes(app))
        assert app.session is not None and app.session.unsaved
        assert app.is_running
