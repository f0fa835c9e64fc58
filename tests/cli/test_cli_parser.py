"""One parser for `reader`: the bare form opens the TUI, subcommands do one-shot work, typos are usage errors."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.ingest.loader import iter_inputs
from reader.model import LoadError

Launch = list[tuple[list[str], dict[str, object]]]
ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "01-bellhaven-courier.txt"


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> Launch:
    """The TUI's launches (paths, options), without starting it."""
    seen: Launch = []
    monkeypatch.setattr("reader.tui.app.run", lambda paths, **options: seen.append((list(paths), options)) or 0)
    return seen


def test_global_options_before_or_after_paths_reach_the_tui(launched: Launch) -> None:
    assert main(["--theme", "reader-light", "seeds"]) == 0
    assert main(["seeds", "--state", "s.db", "--theme", "t"]) == 0
    assert main(["--state=s.db"]) == 0
    assert launched == [(["seeds"], {"theme": "reader-light", "state": None}),
                        (["seeds"], {"theme": "t", "state": "s.db"}),
                        ([], {"theme": None, "state": "s.db"})]


def test_a_double_dash_makes_any_word_a_path(launched: Launch) -> None:
    assert main(["--", "list", "-odd-name.txt"]) == 0
    assert launched == [(["list", "-odd-name.txt"], {"theme": None, "state": None})]


def test_global_state_before_a_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "elsewhere.sqlite3"
    assert main(["--state", str(state), "list", "--format", "json", str(ARTICLE)]) == 0
    assert state.is_file()
    assert [row["path"] for row in json.loads(capsys.readouterr().out)] == [str(ARTICLE)]


@pytest.mark.parametrize("args", [["--help"], ["--theme", "x", "--help"], ["--state", "s.db", "--theme", "x", "-h"]])
def test_help_after_global_options(args: list[str], launched: Launch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "summarize" in out and "With no command, opens the reader" in out
    assert launched == []


def test_version_after_global_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--theme", "x", "--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("reader ")


@pytest.mark.parametrize(("word", "meant"), [("summarise", "summarize"), ("lst", "list"), ("shwo", "show"),
                                             ("theme", "themes")])
def test_a_mistyped_command_is_a_usage_error_that_suggests_the_command(
        word: str, meant: str, launched: Launch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([word, "seeds"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[0].startswith("usage: reader")
    assert err.splitlines()[-1] == f"reader: unknown command {word!r} (did you mean {meant!r}?)"
    assert launched == []


def test_a_folder_named_like_a_command_typo_still_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         launched: Launch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "summarise").mkdir()
    assert main(["summarise"]) == 0
    assert launched == [(["summarise"], {"theme": None, "state": None})]


def test_a_missing_path_like_no_command_opens_the_tui_which_reports_it(tmp_path: Path, launched: Launch) -> None:
    missing = os.fspath(tmp_path / "gone")
    assert main(["nosuchfolder", missing, "show.txt"]) == 0
    assert launched == [(["nosuchfolder", missing, "show.txt"], {"theme": None, "state": None})]
    # What the library then shows for each (the TUI loads through iter_inputs):
    assert list(iter_inputs([missing])) == [LoadError(missing, "no such file or folder")]


def test_usage_errors_exit_2(launched: Launch) -> None:
    for args in (["--state"], ["--bogus"], ["list", "--theme", "x"], ["summarize", "-n", "0"]):
        with pytest.raises(SystemExit) as done:
            main(args)
        assert done.value.code == 2, args
    assert launched == []
