"""A bug in reader while the TUI runs: in a key's action or one of reader's handlers, a notification and
a log, and the app goes on; anywhere else (composing a screen), one line naming a log on exit, the
traceback in the log, status 70."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.app import make_app
from reader.tui.screens.library_screen import LibraryScreen
from tui_helpers import SEEDS, WIDE, settle


async def test_a_bug_leaves_one_line_and_a_log(private_home: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: LibraryScreen) -> object:
        raise ZeroDivisionError("division by zero in a test")

    monkeypatch.setattr(LibraryScreen, "compose", broken)  # Textual's work, outside reader's handlers
    app = make_app([str(SEEDS)])
    with pytest.raises(ZeroDivisionError):  # Pilot re-raises the app's exception for the test
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
    assert app.return_code == 1
    capsys.readouterr()
    app._print_error_renderables()  # what App.run does once the terminal is restored
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("reader: internal error: ZeroDivisionError: division by zero in a test")
    logs = list((private_home / "state").glob("crash-*.log"))
    assert len(logs) == 1 and f"details in {logs[0]}" in err[0]
    text = logs[0].read_text()
    assert "Traceback (most recent call last)" in text and "broken" in text


async def test_a_bug_in_a_keys_action_is_a_notification_and_the_app_goes_on(
        private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: LibraryScreen) -> None:
        raise ZeroDivisionError("division by zero in a test")

    monkeypatch.setattr(LibraryScreen, "action_story", broken)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        notes = [(n.title, n.message) for n in app._notifications]
        assert any(title == "story failed" and message.startswith("ZeroDivisionError: division by zero in a test")
                   for title, message in notes), notes
        logs = list((private_home / "state").glob("crash-*.log"))
        assert len(logs) == 1 and "broken" in logs[0].read_text()
        await pilot.press("j")  # the library still answers
        assert app.is_running and isinstance(app.screen, LibraryScreen)
    assert app.return_code in (0, None)


def _notes(app: object) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_bug_in_a_message_handler_costs_that_message_only(
        private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing in the filter runs reader's Input.Changed handler and watcher: when they fail, the user
    is told once per failure, and the same screen still handles the next messages."""
    arrange = LibraryScreen._arrange
    failing = {"on": True}

    def sometimes_broken(self: LibraryScreen, *args: object, **kwargs: object) -> None:
        if failing["on"]:
            raise KeyError("a bug in a test")
        arrange(self, *args, **kwargs)

    monkeypatch.setattr(LibraryScreen, "_arrange", sometimes_broken)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        rows_before = screen.table.row_count
        await pilot.press("slash", "z")
        await pilot.pause()
        notes = _notes(app)
        assert any(title == "query text failed" and message.startswith("KeyError: 'a bug in a test'")
                   for title, message in notes), notes
        assert len(list((private_home / "state").glob("crash-*.log"))) >= 1
        assert app.is_running and app.screen is screen
        failing["on"] = False  # the bug is gone: the very same handlers answer the next keystrokes
        await pilot.press("backspace", *"zzzznotatitle")
        await pilot.pause()
        assert screen.table.row_count == 0
        await pilot.press(*["backspace"] * len("zzzznotatitle"))
        await pilot.pause()
        assert screen.table.row_count == rows_before
    assert app.return_code in (0, None)


async def test_a_bug_in_an_article_panes_handler_leaves_the_panes_working(
        private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving through the summary posts SentenceHighlighted; its handler failing is one notification,
    and the source pane still follows the cursor afterwards."""
    from reader.tui.screens import article_screen

    cite = article_screen.ArticleScreen.status
    failing = {"on": False}

    def sometimes_broken(self: object, *args: object, **kwargs: object) -> None:
        if failing["on"]:
            raise RuntimeError("status bug in a test")
        cite(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(article_screen.ArticleScreen, "status", sometimes_broken)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, article_screen.ArticleScreen)
        screen.summary.focus()
        await pilot.pause()
        failing["on"] = True
        await pilot.press("down")
        await pilot.pause()
        assert any(title == "cite sentence failed" and "status bug in a test" in message
                   for title, message in _notes(app)), _notes(app)
        failing["on"] = False
        await pilot.press("down")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        chosen = screen.summary.items[screen.summary.highlighted].unit.sentence.span
        assert screen.source.cited == chosen  # the handler ran again and cited the new sentence
    assert app.return_code in (0, None)


def test_every_handler_of_reader_is_contained() -> None:
    """A handler added without @contained would again end the app on its first bug."""
    import importlib
    import inspect
    import pkgutil

    import reader.tui
    from reader.tui.contained import CONTAINED_MARK

    bare = []
    for info in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for name, member in vars(cls).items():
                if not inspect.isfunction(member):
                    continue
                handler = name.startswith(("on_", "watch_")) or hasattr(member, "_textual_on")
                if handler and not getattr(member, CONTAINED_MARK, False):
                    bare.append(f"{cls.__qualname__}.{name}")
    assert bare == ["ReaderApp.on_unmount"], bare  # leaving: its own guard, and a bug there is the crash line


def test_two_bugs_in_one_second_keep_both_logs(private_home: Path) -> None:
    from reader.tui.contained import write_crash_log

    first, second = write_crash_log("first traceback"), write_crash_log("second traceback")
    assert first is not None and second is not None and first != second
    assert (first.read_text(), second.read_text()) == ("first traceback", "second traceback")
