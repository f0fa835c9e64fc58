"""The generated hostile corpus through every command and the TUI: each bad file is one clear line,
the good ones are read, nothing is written to the inputs, no traceback, no escape reaches the output."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "hostile"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))
from make_hostile import make  # noqa: E402
from tui_helpers import WIDE, settle  # noqa: E402

from reader.tui.app import make_app  # noqa: E402
from reader.tui.screens.article_screen import ArticleScreen  # noqa: E402
from reader.tui.screens.library_screen import LibraryScreen  # noqa: E402
from reader.tui.widgets.article_table import ArticleTable  # noqa: E402


def _state(folder: Path) -> dict[str, str]:
    """Each regular file's hash (FIFOs and links are not read)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
            if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(tmp_path_factory.mktemp("hostile") / "news")


COMMANDS = [["list"], ["summarize"], ["summarize", "--format", "json"], ["summarize", "--story"],
            ["summarize", "--story", "--format", "json"], ["summarize", "--format", "markdown"],
            ["mark", "--star"], ["list", "--format", "json"], ["facts"], ["facts", "--format", "json"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_reads_the_good_files_and_names_each_bad_one(hostile: Path, run_reader,
                                                                    command: list[str]) -> None:
    before = _state(hostile)
    done = run_reader(*command, str(hostile), timeout=300)
    assert done.code in (0, 1), done.err
    assert "Traceback" not in done.err and "internal error" not in done.err
    assert "\x1b" not in done.out and "\x07" not in done.out  # escapes from file text never reach the terminal
    summary = ("marked ",) if command[0] == "mark" else ()  # mark's own one-line account
    assert all(line.startswith(("reader: ", *summary)) for line in done.err.splitlines())  # one line each
    for name in ("binary.png", "empty.txt", "a-fifo.txt", "loop-a.txt"):
        assert name in done.err  # each refused file is named
    assert _state(hostile) == before  # inputs are never written
    if "json" in command and command[0] in ("summarize", "facts"):
        json.loads(done.out)  # valid JSON, whatever the files held


def test_show_on_each_file_answers_in_one_clean_way(hostile: Path, run_reader) -> None:
    for path in sorted(hostile.iterdir()):
        done = run_reader("show", str(path), timeout=120)
        assert done.code in (0, 1), (path.name, done.err)
        assert "Traceback" not in done.err and "\x1b" not in done.out, path.name


async def test_the_tui_lists_the_corpus_and_opens_every_article(hostile: Path) -> None:
    app = make_app([str(hostile)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        rows = screen.query_one(ArticleTable).row_count
        assert rows >= 10 and screen.library.failures  # the bad ones are listed apart
        for row in range(rows):
            await pilot.press("home", *["down"] * row, "enter")
            await settle(pilot)
            assert isinstance(app.screen, ArticleScreen), row
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running
