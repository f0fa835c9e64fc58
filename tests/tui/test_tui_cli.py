"""The bare command opens the TUI on its paths; subcommands and --help never import Textual."""
from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from reader import cli


def test_bare_command_runs_the_app_on_its_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr("reader.tui.app.run", lambda paths, **options: seen.append([*paths, options]) or 0)
    assert cli.main(["seeds", "other.txt"]) == 0
    assert cli.main([]) == 0
    assert cli.main(["--theme", "reader-light", "--state", "s.db", "seeds"]) == 0
    assert seen == [["seeds", "other.txt", {"theme": None, "state": None}], [{"theme": None, "state": None}],
                    ["seeds", {"theme": "reader-light", "state": "s.db"}]]


def test_help_does_not_import_textual() -> None:
    code = ("import sys, contextlib, io\n"
            "from reader.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n"
            "        main(['--help'])\n"
            "    except SystemExit:\n"
            "        pass\n"
            "assert 'textual' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_app_starts_on_given_paths_and_thaws_the_gc_at_exit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.app import make_app

    (tmp_path / "one.txt").write_text("A headline\n\nThe council met on Monday. It voted to adopt the plan.\n")
    app = make_app([str(tmp_path)])
    assert app.paths == [str(tmp_path)]
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.library.entries) == 1
        assert gc.get_freeze_count() > 0  # the loaded library is kept out of full collections
    assert gc.get_freeze_count() == 0  # and given back when the app exits
