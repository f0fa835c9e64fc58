"""Two processes writing at once (the TUI and `reader mark` in another shell): no lost update."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from triage_corpus import load, write_articles

from reader.triage import TriageStore

ROUNDS = 300

STORE_WORKER = """
import sys, time
from pathlib import Path
from reader.ingest import load_article
from reader.triage import TOGGLE_READ, TriageStore, add_tag
name, go, rounds, *paths = sys.argv[1:]
articles = [load_article(p) for p in paths]
while not Path(go).exists():
    time.sleep(0.005)
with TriageStore.open() as store:
    for number in range(int(rounds)):
        store.apply(articles, add_tag(f"{name}-{number}"), TOGGLE_READ)
"""

CLI_WORKER = """
import contextlib, io, sys, time
from pathlib import Path
from reader.cli import main
name, go, rounds, folder = sys.argv[1:]
while not Path(go).exists():
    time.sleep(0.005)
with contextlib.redirect_stderr(io.StringIO()):
    for number in range(int(rounds)):
        assert main(["mark", folder, "--tag", f"{name}-{number}"]) == 0
"""


def _race(script: str, args: list[list[str]], go: Path) -> None:
    workers = [subprocess.Popen([sys.executable, "-c", script, *a], stderr=subprocess.PIPE, text=True) for a in args]
    time.sleep(0.5)  # let both import and wait at the start line
    go.touch()
    for worker in workers:
        _, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err


def test_two_processes_tagging_and_toggling_lose_nothing(tmp_path: Path) -> None:
    paths = [str(p) for p in write_articles(tmp_path / "news", 3)]
    go = tmp_path / "go"
    _race(STORE_WORKER, [["one", str(go), str(ROUNDS), *paths], ["two", str(go), str(ROUNDS + 1), *paths]], go)
    expected = {f"one-{n}" for n in range(ROUNDS)} | {f"two-{n}" for n in range(ROUNDS + 1)}
    with TriageStore.open() as store:
        for path in paths:
            state = store.get(load(Path(path)))
            assert state.tags == expected
            assert state.read  # 601 toggles in all: an odd number, so every one of them counted


def test_two_reader_mark_commands_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    paths = write_articles(folder, 4)
    go = tmp_path / "go"
    rounds = 40
    _race(CLI_WORKER, [["one", str(go), str(rounds), str(folder)], ["two", str(go), str(rounds), str(folder)]], go)
    expected = {f"{name}-{n}" for name in ("one", "two") for n in range(rounds)}
    with TriageStore.open() as store:
        assert all(state.tags == expected for state in store.lookup([load(p) for p in paths]))
