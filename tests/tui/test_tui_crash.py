"""A bug in reader while the TUI runs: in a key's action, a notification and a log, and the app goes on;
anywhere else, one line naming a log on exit, the traceback in the log, status 70."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.tui.app import make_app
from reader.tui.screens.library_screen import LibraryScreen
from tui_helpers import SEEDS, WIDE, settle


async def test_a_bug_leaves_one_line_and_a_log(private_home: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: LibraryScreen, batch: object = None) -> None:
        raise ZeroDivisionError("division by zero in a test")

    monkeypatch.setattr(LibraryScreen, "_show_counts", broken)  # runs as the library screen mounts
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
