"""The rows of files that arrived or changed under the opened paths, listed off the UI thread.

Only the files the folder watcher names are listed again, through the ingest cache like the first
load (a feed or mailbox gives one row per item, `file#id`); each new row comes with its stored
triage state, looked up by content and then by path, so an article moved or edited keeps its marks.
A file that went is named with no rows. Textual-free: the watcher's thread calls `list_arrivals`,
the library screen applies the result on the UI thread (`library_update`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.model import LoadError
from reader.triage import ArticleKey, ArticleState
from reader.triage.catalog import Input, inputs_of, scan_inputs
from reader.triage.ingest_cache import IngestCache, Listing
from reader.tui.folder_snapshot import FileDiff

Lookup = Callable[[Sequence[ArticleKey]], list[ArticleState]]


@dataclass(frozen=True, slots=True)
class FileRows:
    """What one touched file gives now: its rows with their stored states, and what failed in it.

    No rows and no failures: the file went."""

    owner: str  # the file's display path; its rows are `owner` or `owner#id`
    listings: tuple[Listing, ...] = ()
    states: tuple[ArticleState, ...] = ()
    failures: tuple[LoadError, ...] = ()


@dataclass(frozen=True, slots=True)
class Arrivals:
    """Every file touched since the last report; `filled`: opened folders that were empty."""

    files: tuple[FileRows, ...] = ()
    filled: tuple[str, ...] = ()


def list_arrivals(diff: FileDiff, cache_path: Path | None, lookup: Lookup,
                  cancelled: Callable[[], bool] = lambda: False) -> Arrivals | None:
    """List the files the diff adds or changes (nothing else is read); None when cancelled meanwhile."""
    inputs: list[Input] = []
    owners: list[str] = []
    for seen in (*diff.added, *diff.changed):
        for item in inputs_of([seen.spec] * seen.copies):
            inputs.append(item)
            owners.append(seen.owner)
    listed: dict[str, list[Listing | LoadError]] = {seen.owner: [] for seen in (*diff.added, *diff.changed)}
    if inputs:
        cache = IngestCache.open(cache_path) if cache_path is not None else None
        try:
            results = list(scan_inputs(inputs, cache, cancelled))
        finally:
            if cache is not None:
                cache.close()
        if cancelled() or len(results) != len(inputs):
            return None
        for owner, result in zip(owners, results):
            listed[owner].append(result)
    listings = [r for rows in listed.values() for r in rows if isinstance(r, Listing)]
    states = iter(lookup([listing.key for listing in listings]) if listings else [])
    files: list[FileRows] = []
    for owner, rows in listed.items():
        mine = tuple(r for r in rows if isinstance(r, Listing))
        files.append(FileRows(owner, mine, tuple(next(states) for _ in mine),
                              tuple(r for r in rows if isinstance(r, LoadError))))
    files.extend(FileRows(owner) for owner in diff.removed)
    return Arrivals(tuple(files), diff.filled)
