"""`run_apart`: one call in a child process that the waiting thread can give up on."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from reader import parallel
from reader.parallel import ApartFailed, run_apart


def child_pid(_item: object) -> int:
    return os.getpid()


def fail(_item: object) -> int:
    raise ValueError("no such thing")


def wait_then_write(path: str) -> None:
    """Sleep, then leave a mark: a child that was ended never writes it."""
    time.sleep(3)
    Path(path).write_text("finished", encoding="utf-8")


def square_and_pids(items: list[int]) -> list[tuple[int, int]]:
    """A pool inside the child: the child may start workers of its own."""
    return [(n * n, pid) for n, pid in zip(items, parallel.ordered_map(child_pid, items, workers=2, min_items=1))]


def test_the_call_runs_in_another_process_and_its_value_comes_back() -> None:
    assert run_apart(child_pid, None) != os.getpid()


def test_a_child_may_run_a_pool_of_its_own() -> None:
    values = run_apart(square_and_pids, [1, 2, 3])
    assert values is not None and [v for v, _ in values] == [1, 4, 9]
    assert os.getpid() not in {pid for _, pid in values}


def test_an_exception_in_the_child_comes_back_named() -> None:
    with pytest.raises(ApartFailed, match="ValueError: no such thing"):
        run_apart(fail, None)


def test_cancelled_gives_none_at_once_and_ends_the_child(tmp_path: Path) -> None:
    mark = tmp_path / "mark"
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    assert run_apart(wait_then_write, str(mark), stop.is_set) is None
    time.sleep(3.5)  # past the child's three seconds: had it gone on, the mark would be there
    assert not mark.exists()


def test_where_no_process_can_start_the_call_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoProcesses:
        def Pipe(self, duplex: bool = True) -> None:  # multiprocessing's name
            raise OSError("no /dev/shm")

    monkeypatch.setattr(parallel, "_apart_context", lambda: NoProcesses())
    assert run_apart(child_pid, None) == os.getpid()
