"""An ordered, cancellable map over processes: parsing and summarizing are pure Python, so threads
would only share one core (and fight a UI for the GIL). `run_apart` runs one call in a child
process that a waiting thread can give up on, for work whose garbage a UI's process must not collect.

It knows nothing of articles. Small inputs stay in this process, since starting workers costs more
than it saves. Workers ignore Ctrl-C, so an interrupt reaches only the main process, which stops
cleanly. Work goes out in chunks so pickling is amortised, and comes back in input order. When
processes cannot start here (no /dev/shm, a sandbox), the rest runs in this process instead.
"""
from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 200  # below this, one process is faster than starting workers
CHUNK_ITEMS = 32  # per task: small enough for steady progress, large enough to amortise pickling


def worker_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepare(apart: bool = False) -> None:
    """Start multiprocessing's resource tracker now, while stderr is still a real file, and with
    `apart` the fork server `run_apart` starts its children from, while this process is still small.

    Inside a Textual app sys.stderr is replaced by an object whose fileno() is -1, and the tracker
    (started by the first pool) would fail with "bad value(s) in fds_to_keep".
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass  # then the pool fails too and the map runs in this process
    if apart and "forkserver" in multiprocessing.get_all_start_methods():
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        except (OSError, ValueError):
            pass  # then run_apart spawns


WORKER_GC_THRESHOLD = 20_000  # allocations between young collections in a worker (Python's default: 700)


def _start_worker() -> None:
    """Leave Ctrl-C to the main process; collect garbage less often.

    A worker only runs short pure functions whose results it sends away, so its garbage is young
    and small; with the default threshold, parsing thousands of small objects per file spent
    about a sixth of its time in the collector walking the same live modules again and again.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # a forked worker must not inherit the parent's handlers
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _die_with_parent()
    gc.freeze()  # what the worker inherited or imported is never garbage
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _die_with_parent() -> None:
    """On Linux, ask the kernel to end this worker when the process that started it dies (even by
    SIGKILL): a killed `reader` must not leave workers parsing on for minutes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _apply(function: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [function(item) for item in chunk]


def _context() -> multiprocessing.context.BaseContext:
    # fork is fastest, but forking a process that runs threads (a TUI, a worker) is unsafe.
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def ordered_map(function: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
                chunk: int = CHUNK_ITEMS, min_items: int = PARALLEL_MIN_ITEMS,
                cancelled: Callable[[], bool] = lambda: False) -> Iterator[R]:
    """`function(item)` for every item, yielded in input order; stops early once `cancelled()` holds.

    `function` must be a module-level function (it is pickled to the workers) and must not raise:
    a result type that carries errors keeps one bad item from costing the others.
    """
    workers = worker_count() if workers is None else workers
    done = 0
    if workers >= 2 and len(items) >= min_items:
        chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        try:
            pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker)
        except (OSError, ValueError):
            pool = None
        if pool is not None:
            try:
                for results in pool.map(partial(_apply, function), chunks):
                    if cancelled():
                        return
                    done += len(results)
                    yield from results
                return
            except (BrokenProcessPool, OSError, ValueError):
                pass  # processes could not start or died: do the rest here
            finally:
                pool.shutdown(wait=False, cancel_futures=True)  # a cancelled map must not wait for the pool
    for item in items[done:]:
        if cancelled():
            return
        yield function(item)


APART_POLL = 0.1  # seconds between checks of `cancelled` while the child works


class ApartFailed(RuntimeError):
    """The function raised in the child process; the message names the exception."""


def _run_child(function: Callable[[T], R], item: T, sender: multiprocessing.connection.Connection) -> None:
    _start_worker()
    try:
        outcome: tuple[bool, object] = (True, function(item))
    except Exception as exc:  # sent back as one line: the child's traceback would go nowhere
        outcome = (False, f"{type(exc).__name__}: {exc}")
    sender.send(outcome)
    sender.close()


def _apart_context() -> multiprocessing.context.BaseContext:
    """Where `run_apart`'s child comes from: a fork of this process when it runs no threads; else the
    fork server (`prepare(apart=True)`), since forking, or spawning from, a large process holds the
    GIL while its page tables are copied: 0.25 s stalls of the TUI's library, 850 ms in
    `Process.start`, measured with 2,225 articles loaded."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_apart(function: Callable[[T], R], item: T, cancelled: Callable[[], bool] = lambda: False) -> R | None:
    """`function(item)` in a child process, waited for from this thread; None once `cancelled()` holds
    (the child is ended then, and its own workers with it). Runs here when no process can start.

    The child may start pools of its own (`ordered_map`). `function` must be a module-level function;
    an exception it raises comes back as `ApartFailed`.
    """
    context = _apart_context()
    try:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_run_child, args=(function, item, sender))
        child.start()
    except (OSError, ValueError):
        return function(item)
    sender.close()
    try:
        while not receiver.poll(APART_POLL):
            if cancelled():
                return None
            if not child.is_alive() and not receiver.poll(0):  # killed before it could answer: do it here
                return function(item)
        try:
            done, value = receiver.recv()
        except EOFError:
            return function(item)
        if not done:
            raise ApartFailed(str(value))
        return value  # type: ignore[return-value]
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join(timeout=1)
