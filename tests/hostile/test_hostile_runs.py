"""Runs that end badly: a terminal that cannot show the text, SIGTERM, SIGKILL. Nothing crashes or lingers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _command() -> list[str]:
    """The installed entry point beside this interpreter, as a user runs it."""
    exe = Path(sys.executable).parent / "reader"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]

PROJECT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc")


def test_a_terminal_that_only_takes_ascii_gets_escapes_not_a_crash(run_reader) -> None:
    done = run_reader("summarize", "seeds/01-bellhaven-courier.txt", env={"PYTHONIOENCODING": "ascii"})
    assert done.code == 0, done.err
    assert "\\u2019" in done.out or "\\u2026" in done.out  # curly quotes and ellipses, escaped
    listed = run_reader("list", "seeds", env={"PYTHONIOENCODING": "ascii"})
    assert listed.code == 0 and "\\u25cf" in listed.out  # the unread mark


def _corpus(root: Path, files: int = 500) -> Path:
    """Enough work that the pool is busy for seconds: files of 150 distinct sentences."""
    root.mkdir()
    for n in range(files):
        body = " ".join(f"Council member {n} said on day {k} that the plan number {k * n} would pass."
                        for k in range(150))
        (root / f"{n:04}.txt").write_text(f"Headline {n}\n\n{body}\n")
    return root


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found |= {int(c) for c in text.split()}
    return found


def _started(tmp_path: Path, home: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    folder = _corpus(tmp_path / "news")
    process = subprocess.Popen([*_command(), "summarize", str(folder)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "READER_HOME": str(home)}, cwd=PROJECT)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.05)  # polling a process we do not control; not a speed check
    assert len(workers) >= 2, "the pool never started"
    return process, workers


def _gone(pids: set[int], within: float = 30.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = {p for p in pids if Path(f"/proc/{p}").exists()
                 and "zombie" not in Path(f"/proc/{p}/status").read_text(errors="replace").lower()}
        if not alive:
            return True
        time.sleep(0.05)
    return False


@linux_only
def test_sigterm_ends_the_run_and_its_workers(tmp_path: Path, private_home: Path) -> None:
    process, workers = _started(tmp_path, private_home)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    assert _gone(workers)


@linux_only
def test_workers_die_with_a_killed_parent(tmp_path: Path, private_home: Path) -> None:
    process, workers = _started(tmp_path, private_home)
    process.kill()
    process.wait(timeout=30)
    assert _gone(workers, within=10.0)  # was: both alive, parsing, past 120 s


def test_a_full_disk_while_marking_is_named_and_nothing_is_half_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main
    from reader.triage import TriageStore, TriageStoreError

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Ferry strike ends\n\nThe strike ended on Monday. Crews return on Tuesday.\n")

    def full(self: TriageStore, *args: object, **kwargs: object) -> None:
        raise TriageStoreError(f"state database {self.path}: database or disk is full")

    monkeypatch.setattr(TriageStore, "apply", full)
    assert main(["mark", "--star", str(news)]) == 1  # was: internal error, exit 70
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"reader: state database {TriageStore.open().path}: database or disk is full; "
                   "nothing was marked (1 article unchanged)"]
