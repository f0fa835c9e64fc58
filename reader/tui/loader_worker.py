"""List files and folders in batches for the library screen, off the UI thread.

Listing the inputs first gives a total for the progress bar. Rows are Listings: an unchanged file's
comes from the ingest cache (a stat and a lookup), a new or changed file is parsed (by a pool of
processes when there are many, which send back only the Listing) and its Listing is cached for the
next launch. The first few files are listed on their own so rows appear at once. Batches go out
every `INTERVAL` seconds so the UI redraws a few times a second, not once per file. Asked to,
it first takes a stat-only snapshot of the paths and hands it over with the last batch: the folder
watcher starts from it, so a file that arrives while the library loads is reported too.
Textual-free: the library screen's thread worker iterates `load_batches`.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import LoadError
from reader.triage.catalog import inputs_of, scan_inputs
from reader.triage.ingest_cache import IngestCache, Listing
from reader.tui.folder_snapshot import Snapshot, take_snapshot

FIRST_BATCH = 8  # files listed before the rest, so the first rows show before any pool has started
INTERVAL = 0.25  # seconds between batches: a few status updates a second is plenty


@dataclass(slots=True)
class Batch:
    """Listings and failures read since the last batch, and the count so far."""

    listings: list[Listing] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)
    done: int = 0
    total: int = 0
    finished: bool = False
    snapshot: Snapshot | None = None  # on the last batch: the paths as they were before listing began

    def add(self, result: Listing | LoadError) -> None:
        if isinstance(result, LoadError):
            self.failures.append(result)
        else:
            self.listings.append(result)
        self.done += 1


def load_batches(paths: Iterable[str | os.PathLike[str]], cancelled: Callable[[], bool] = lambda: False,
                 interval: float = INTERVAL, first: int = FIRST_BATCH, cache_path: Path | None = None,
                 snapshot: bool = False) -> Iterator[Batch]:
    """Yield what was read: first the total alone, then batches of rows; the last has `finished` set
    (and, with `snapshot`, the stat snapshot taken before listing).

    The cache (at `cache_path`, if given) is opened here, in the thread that uses it.
    """
    paths = list(paths)
    before = take_snapshot(paths) if snapshot else None
    inputs = inputs_of(paths)
    total = len(inputs)
    yield Batch(total=total)
    cache = IngestCache.open(cache_path) if cache_path is not None else None
    try:
        batch = Batch(total=total)
        for result in scan_inputs(inputs[:first], cache, cancelled):
            batch.add(result)
        if cancelled():
            return
        yield batch
        batch = Batch(done=batch.done, total=total)
        sent = time.monotonic()
        for result in scan_inputs(inputs[first:], cache, cancelled):
            batch.add(result)
            if time.monotonic() - sent >= interval:
                yield batch
                batch = Batch(done=batch.done, total=total)
                sent = time.monotonic()
        if cancelled():
            return
        batch.finished = True
        batch.snapshot = before
        yield batch
    finally:
        if cache is not None:
            cache.close()
