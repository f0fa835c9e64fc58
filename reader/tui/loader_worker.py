"""Read files and folders in batches for the library screen, off the UI thread.

Listing the inputs first gives a total for the progress bar; the first batch is a handful of files
so rows appear at once, later batches are whatever was read in `INTERVAL` seconds so the table is
updated a few times a second rather than per file. Textual-free: the library screen's thread
worker iterates `load_batches`. (A process pool was measured and lost: parsing is ~2 ms a file and
pickling the result back costs a fifth of that, so it only pays with several idle cores.)
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from reader.ingest import iter_inputs, load_article
from reader.model import Article, LoadError
from reader.tui.library import haystack

FIRST_BATCH = 8  # files in the first batch, so rows show before the rest are read
INTERVAL = 0.25  # seconds between later batches: a few status updates a second is plenty


@dataclass(slots=True)
class Batch:
    """Articles (with their filter text) and failures read since the last batch, and the running count."""

    articles: list[tuple[Article, str, int]] = field(default_factory=list)  # article, haystack, words
    failures: list[LoadError] = field(default_factory=list)
    done: int = 0
    total: int = 0
    finished: bool = False

    def add(self, loaded: Article | LoadError) -> None:
        if isinstance(loaded, LoadError):
            self.failures.append(loaded)
        else:
            self.articles.append((loaded, haystack(loaded), loaded.word_count))
        self.done += 1


def load_batches(paths: Iterable[str | os.PathLike[str]], cancelled: Callable[[], bool] = lambda: False,
                 interval: float = INTERVAL, first: int = FIRST_BATCH) -> Iterator[Batch]:
    """Yield what was read: first the total alone, then batches of rows; the last has `finished` set."""
    inputs = list(iter_inputs(paths))
    total = len(inputs)
    yield Batch(total=total)
    batch = Batch(total=total)
    sent = time.monotonic()
    for number, item in enumerate(inputs, start=1):
        if cancelled():
            return
        batch.add(item if isinstance(item, LoadError) else load_article(item[1], item[0]))
        if number == first or (number > first and time.monotonic() - sent >= interval):
            yield batch
            batch = Batch(done=batch.done, total=total)
            sent = time.monotonic()
    batch.finished = True
    yield batch
