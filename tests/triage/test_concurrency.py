"""Two processes writing at once (the TUI and `reader mark` in another shell): no lost update."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from triage_corpus import load, write_articles

from reader.triage import TriageStore

ROUNDS = 300

# Each worker imports and loads what it needs, says "ready" on stdout, then blocks reading stdin
# until the test has heard both and writes "go" to each: both start together, however slow the
# machine is at importing.
READY = """
import sys
def start_line():
    print("ready", flush=True)
    assert sys.stdin.readline() == "go\\n"
"""

STORE_WORKER = READY + """
from reader.ingest import load_article
from reader.triage import TOGGLE_READ, TriageStore, add_tag
name, rounds, *paths = sys.argv[1:]
articles = [load_article(p) for p in paths]
start_line()
with TriageStore.open() as store:
    for number in range(int(rounds)):
        store.apply(articles, add_tag(f"{name}-{number}"), TOGGLE_READ)
"""

CLI_WORKER = READY + """
import contextlib, io
from reader.cli import main
name, rounds, folder = sys.argv[1:]
start_line()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    for number in range(int(rounds)):
        assert main(["mark", folder, "--tag", f"{name}-{number}"]) == 0
"""


def _race(script: str, args: list[list[str]]) -> None:
    workers = [subprocess.Popen([sys.executable, "-c", script, *a], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for a in args]
    try:
        for worker in workers:  # blocks until that worker is at the start line (or has died trying)
            assert worker.stdout is not None
            assert worker.stdout.readline() == "ready\n", worker.communicate(timeout=60)[1]
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        for worker in workers:
            _, err = worker.communicate(timeout=240)
            assert worker.returncode == 0, err
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def test_two_processes_tagging_and_toggling_lose_nothing(tmp_path: Path) -> None:
    paths = [str(p) for p in write_articles(tmp_path / "news", 3)]
    _race(STORE_WORKER, [["one", str(ROUNDS), *paths], ["two", str(ROUNDS + 1), *paths]])
    expected = {f"one-{n}" for n in range(ROUNDS)} | {f"two-{n}" for n in range(ROUNDS + 1)}
    with TriageStore.open() as store:
        for path in paths:
            state = store.get(load(Path(path)))
            assert state.tags == expected
            assert state.read  # 601 toggles in all: an odd number, so every one of them counted


def test_two_reader_mark_commands_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    paths = write_articles(folder, 4)
    rounds = 40
    _race(CLI_WORKER, [["one", str(rounds), str(folder)], ["two", str(rounds), str(folder)]])
    expected = {f"{name}-{n}" for name in ("one", "two") for n in range(rounds)}
    with TriageStore.open() as store:
        assert all(state.tags == expected for state in store.lookup([load(p) for p in paths]))
