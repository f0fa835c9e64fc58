"""Search the bodies of the articles under PATHs: index what changed, then ask FTS5 (UI-free).

`reader search` and, later, the TUI's library filter call `search_bodies`; each Hit names the file
as this run shows it and the lines of the matching sentence, so opening a hit means opening that
file at `line_start`. Files new or changed since they were indexed are parsed on every core first;
unchanged ones cost a stat.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import load_article
from reader.model import LoadError
from reader.paths import printable_path
from reader.triage.catalog import Input, inputs_of, through_cache
from reader.triage.fulltext import FullTextIndex, IndexedSentence
from reader.triage.ingest_cache import IngestCache
from reader.triage.search_query import QueryError, to_fts
from reader.triage.stamps import FileStamp

log = logging.getLogger(__name__)
DEFAULT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching sentence: the file as shown in this run, the file to open, and the sentence's lines."""

    path: str
    file: str
    index: int
    text: str
    line_start: int
    line_end: int
    rank: float  # bm25: lower is better


@dataclass(slots=True)
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # every file searched, as shown

    @property
    def files(self) -> int:
        return len(self.paths)


def indexed_input(item: tuple[str, str]) -> tuple[IndexedSentence, ...] | LoadError:
    """Parse one file (in a worker) and keep only its sentences with their lines."""
    article = load_article(Path(item[1]), item[0])
    if isinstance(article, LoadError):
        return article
    return tuple(IndexedSentence(s.index, s.text, s.span.start, s.span.end) for s in article.sentences)


def _absolute(file: str) -> str:
    return printable_path(os.path.abspath(file))


def _index(index: FullTextIndex, inputs: Sequence[Input], cancelled: Callable[[], bool]
           ) -> tuple[dict[str, int], list[LoadError]]:
    """Bring the index up to date for `inputs`: the file id of every indexed input, and the failures."""
    ids: dict[str, int] = {}

    def lookup(stamps: list[FileStamp]) -> dict[FileStamp, str]:
        found = index.fresh(stamps)
        ids.update((stamp[0], file_id) for stamp, file_id in found.items())
        return {stamp: stamp[0] for stamp in found}

    def store(rows: list[tuple[FileStamp, tuple[IndexedSentence, ...]]]) -> None:
        ids.update(index.put(rows))

    errors: list[LoadError] = []
    for value in through_cache(inputs, lookup, indexed_input, store, lambda v, _p, _f: v, cancelled):
        if isinstance(value, LoadError):
            errors.append(value)
    return ids, errors


def _forget_stale(index: FullTextIndex, paths: Sequence[str], inputs: Sequence[Input],
                  errors: Sequence[LoadError]) -> None:
    """Files gone from the folders searched, or no longer readable as articles, leave the index."""
    present = {_absolute(item[1]) for item in inputs if not isinstance(item, LoadError)}
    failed = {e.path for e in errors}
    gone = {_absolute(item[1]) for item in inputs if not isinstance(item, LoadError) and item[0] in failed}
    for folder in (p for p in paths if os.path.isdir(p)):
        gone.update(p for p in index.paths_under(_absolute(folder)) if p not in present)
    if gone:
        index.forget(sorted(gone))


def search_index(index: FullTextIndex, query: str, paths: Sequence[str], limit: int = DEFAULT_LIMIT,
                 cancelled: Callable[[], bool] = lambda: False) -> SearchResult:
    """The best `limit` sentences matching `query` in the articles under `paths`, using `index`.

    Raises QueryError (before any work) when the query means nothing.
    """
    match = to_fts(query)
    inputs = inputs_of(paths)
    ids, errors = _index(index, inputs, cancelled)
    _forget_stale(index, paths, inputs, errors)
    shown = {_absolute(item[1]): item for item in inputs if not isinstance(item, LoadError)}
    try:
        raw = index.search(match, ids.values(), limit)
    except sqlite3.OperationalError as exc:  # to_fts should make this impossible; never a traceback
        raise QueryError(f"SQLite could not search for this query ({exc})") from exc
    hits = [Hit(shown[r.file][0], shown[r.file][1], r.index, r.text, r.line_start, r.line_end, r.rank)
            for r in raw if r.file in shown]
    return SearchResult(hits, errors, [shown[file][0] for file in ids if file in shown])


def search_bodies(query: str, paths: Sequence[str], cache: IngestCache | None, limit: int = DEFAULT_LIMIT,
                  cancelled: Callable[[], bool] = lambda: False) -> SearchResult:
    """`search_index` on the index kept in the ingest cache, or on one for this run when it is unusable.

    Raises QueryError for a query that means nothing, FullTextUnavailable when SQLite lacks FTS5.
    """
    to_fts(query)  # a bad query is reported before the index is even opened
    index = cache.fulltext() if cache is not None else None
    if index is not None:
        try:
            return search_index(index, query, paths, limit, cancelled)
        except sqlite3.Error as exc:  # busy, read-only, full disk: search anyway, only speed is lost
            log.info("search index unusable (%s); indexing in memory for this run", exc)
    return search_index(FullTextIndex.in_memory(), query, paths, limit, cancelled)
