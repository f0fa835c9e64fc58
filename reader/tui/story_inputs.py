"""Each library article as story grouping reads it, from the ingest cache when its file is unchanged.

Grouping needs every article's sentence fingerprints and word counts, which only a parse gives;
the library lists its rows without parsing (ingest cache), so the readings are kept in the same
cache, beside the summary digests (`SETTINGS` names them there): the first grouping of a folder
parses it on every core, later ones read the readings back and parse only files that changed.
A large library is grouped in a child process (`group_apart`): the readings of 2,225 articles
are some 500,000 small objects, and made in the TUI's process their allocation set off full
garbage collections on the UI thread (0.3 to 0.9 s stalls, measured); only the stories come back.
Textual-free: the library's `StoryGrouper` thread calls `group_apart`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.ingest import load_article
from reader.model import LoadError
from reader.parallel import PARALLEL_MIN_ITEMS, run_apart
from reader.summarize.grouping import Reading, Story, group_readings, reading
from reader.triage.catalog import Input, through_cache
from reader.triage.ingest_cache import FileStamp, IngestCache

SETTINGS = "story-reading:1"  # the summary table's settings column: bump when a reading's fields change


def reading_input(item: tuple[str, str]) -> Reading | LoadError:
    """Parse one file (in a pool worker) and keep only what grouping reads of it."""
    loaded = load_article(Path(item[1]), item[0])
    return loaded if isinstance(loaded, LoadError) else reading(loaded)


def to_data(value: Reading) -> dict[str, Any]:
    """A reading as JSON data (the path is the cache's key, and the shown path is this run's)."""
    return {"title": value.title, "date": value.date, "source": value.source, "headline": value.headline,
            "prints": sorted(value.prints), "counts": dict(value.counts)}


def from_data(data: Any, path: str = "") -> Reading | None:
    """A stored reading, or None when the data is not one (a damaged cache only costs a parse)."""
    if not isinstance(data, dict):
        return None
    prints, counts = data.get("prints"), data.get("counts")
    if not isinstance(prints, list) or not isinstance(counts, dict):
        return None
    texts = {key: data.get(key) for key in ("title", "date", "source")}
    if not all(value is None or isinstance(value, str) for value in texts.values()):
        return None
    if not all(isinstance(p, str) for p in prints) or not all(
            isinstance(k, str) and isinstance(n, int) for k, n in counts.items()):
        return None
    return Reading(path, path, texts["title"], texts["date"], texts["source"], data.get("headline") is True,
                   frozenset(prints), Counter(counts))


def _decoded(stored: dict[FileStamp, Any]) -> dict[FileStamp, Reading]:
    found = {stamp: from_data(data, stamp[0]) for stamp, data in stored.items()}
    return {stamp: value for stamp, value in found.items() if value is not None}


def _shown(value: Reading, path: str, file: str) -> Reading:
    return replace(value, path=path, file=file)


def readings(inputs: Sequence[tuple[str, str]], cache: IngestCache | None,
             cancelled: Callable[[], bool] = lambda: False) -> Iterator[Reading | LoadError]:
    """Each input (display path, file) as a Reading, in order: cached when unchanged, else parsed."""
    items: list[Input] = list(inputs)
    if cache is None:
        return through_cache(items, lambda stamps: {}, reading_input, lambda rows: None, _shown, cancelled)
    return through_cache(items, lambda stamps: _decoded(cache.get_digests(stamps, SETTINGS)), reading_input,
                         lambda rows: cache.put_digests([(stamp, to_data(r)) for stamp, r in rows], SETTINGS),
                         _shown, cancelled)


def group_items(job: tuple[Sequence[tuple[str, str]], Path | None]) -> list[Story]:
    """The stories of the inputs (display path, file), read through the cache at the path given (if any).

    Module-level, so it can run in a child process; a file gone or broken since it was listed is in no story.
    """
    items, cache_path = job
    cache = IngestCache.open(cache_path) if cache_path is not None else None
    try:
        read = [value for value in readings(items, cache) if not isinstance(value, LoadError)]
    finally:
        if cache is not None:
            cache.close()
    return group_readings(read)


def group_apart(items: Sequence[tuple[str, str]], cache_path: Path | None,
                cancelled: Callable[[], bool] = lambda: False) -> list[Story] | None:
    """`group_items` in a child process for a large library (here for a small one, where starting a
    process costs more than it spares); None when cancelled meanwhile."""
    job = (list(items), cache_path)
    if len(job[0]) < PARALLEL_MIN_ITEMS:
        return group_items(job)
    return run_apart(group_items, job, cancelled)
