"""Read files and folders in batches for the library screen, off the UI thread.

Listing the inputs first gives a total for the progress bar. The first few files are parsed right
here so rows appear at once; a large remainder is parsed by a pool of processes (parsing is pure
Python, so threads would only fight the UI for the GIL) and comes back in file order. Batches go
out every `INTERVAL` seconds so the UI redraws a few times a second, not once per file.
Textual-free: the library screen's thread worker iterates `load_batches`, and pool processes import
this module without importing Textual.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import iter_inputs, load_article
from reader.ingest.parallel import PARALLEL_MIN_FILES, worker_count
from reader.model import Article, LoadError
from reader.tui.library import haystack

FIRST_BATCH = 8  # files parsed in this thread, so the first rows show before any pool has started
INTERVAL = 0.25  # seconds between batches: a few status updates a second is plenty
CHUNK = 32  # files per pool task: small enough for steady progress, large enough to amortise pickling

Input = tuple[str, str] | LoadError  # (display path, file path) or a path that already failed
Loaded = tuple[Article | LoadError, str, int]  # the result, its filter text and its word count


@dataclass(slots=True)
class Batch:
    """Articles (with filter text and word count) and failures read since the last batch, and the count so far."""

    articles: list[tuple[Article, str, int]] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)
    done: int = 0
    total: int = 0
    finished: bool = False

    def add(self, loaded: Loaded) -> None:
        result, searched, words = loaded
        if isinstance(result, LoadError):
            self.failures.append(result)
        else:
            self.articles.append((result, searched, words))
        self.done += 1


def load_chunk(items: Sequence[Input]) -> list[Loaded]:
    """Parse some inputs and prepare what the library needs; runs in a pool process or in the worker."""
    out: list[Loaded] = []
    for item in items:
        result = item if isinstance(item, LoadError) else load_article(Path(item[1]), item[0])
        if isinstance(result, Article):
            out.append((result, haystack(result), result.word_count))
        else:
            out.append((result, "", 0))
    return out


def prepare_pool() -> None:
    """Start multiprocessing's resource tracker now, while stderr is still a real file.

    Once the app runs, Textual replaces sys.stderr with an object whose fileno() is -1, and the
    tracker (started by the first pool) would fail with "bad value(s) in fds_to_keep".
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass  # then the pool fails too and the loader reads in its own thread


def _ignore_interrupts() -> None:
    """Pool processes leave Ctrl-C to the app."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parsed(rest: list[Input], cancelled: Callable[[], bool]) -> Iterator[Loaded]:
    """Parse the remaining inputs in file order: in processes when there are many and cores to use."""
    chunks = [rest[i:i + CHUNK] for i in range(0, len(rest), CHUNK)]
    done = 0
    if worker_count() >= 2 and len(rest) >= PARALLEL_MIN_FILES:
        # spawn, never fork: the app runs threads, and forking a threaded process is unsafe.
        pool = ProcessPoolExecutor(worker_count(), mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_ignore_interrupts)
        try:
            for results in pool.map(load_chunk, chunks):
                if cancelled():
                    return
                done += 1
                yield from results
            return
        except (BrokenProcessPool, OSError, ValueError):
            pass  # processes could not start here: read the rest in this thread
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # quitting mid-load must not wait for the pool
    for chunk in chunks[done:]:
        for item in chunk:
            if cancelled():
                return
            yield from load_chunk([item])


def load_batches(paths: Iterable[str | os.PathLike[str]], cancelled: Callable[[], bool] = lambda: False,
                 interval: float = INTERVAL, first: int = FIRST_BATCH) -> Iterator[Batch]:
    """Yield what was read: first the total alone, then batches of rows; the last has `finished` set."""
    inputs: list[Input] = [item if isinstance(item, LoadError) else (item[0], os.fspath(item[1]))
                           for item in iter_inputs(paths)]
    total = len(inputs)
    yield Batch(total=total)
    batch = Batch(total=total)
    for loaded in load_chunk(inputs[:first]):
        batch.add(loaded)
    if cancelled():
        return
    yield batch
    batch = Batch(done=batch.done, total=total)
    sent = time.monotonic()
    for loaded in _parsed(inputs[first:], cancelled):
        batch.add(loaded)
        if time.monotonic() - sent >= interval:
            yield batch
            batch = Batch(done=batch.done, total=total)
            sent = time.monotonic()
    if cancelled():
        return
    batch.finished = True
    yield batch
