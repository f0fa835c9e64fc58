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
from reader.triage.catalog import inputs_of, through_cache
from reader.triage.fulltext import FullTextIndex, IndexedSentence
from reader.triage.ingest_cache import IngestCache
from reader.triage.search_query import QueryError, QueryInterrupted, to_fts
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
    ranked: bool = True  # False: so many sentences match that hits come in index order (see fulltext)

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


@dataclass(slots=True)
class SearchScope:
    """The indexed files a run searches (made once by `prepare_search`); `find` is then only a query.

    The TUI can prepare a scope for its library in a worker and call `find` as the user types.
    """

    index: FullTextIndex
    shown: dict[str, tuple[str, str]]  # absolute path -> (path as shown, file to open)
    ids: dict[str, int]  # absolute path -> file id in the index
    errors: list[LoadError]

    def find(self, query: str, limit: int = DEFAULT_LIMIT) -> SearchResult:
        """The best `limit` sentences matching `query`; raises QueryError when it means nothing."""
        match = to_fts(query)
        try:
            raw, ranked = self.index.search(match, self.ids.values(), limit)
        except sqlite3.OperationalError as exc:  # to_fts should make this impossible; never a traceback
            if "interrupt" in str(exc):
                raise QueryInterrupted(query) from exc
            raise QueryError(f"SQLite could not search for this query ({exc})") from exc
        hits = [Hit(*self.shown[r.file], r.index, r.text, r.line_start, r.line_end, r.rank)
                for r in raw if r.file in self.shown]
        return SearchResult(hits, list(self.errors), [self.shown[f][0] for f in self.ids if f in self.shown], ranked)


def prepare_search(index: FullTextIndex, paths: Sequence[str],
                   cancelled: Callable[[], bool] = lambda: False) -> SearchScope:
    """Index what is new or changed under `paths` (on every core), drop what vanished; the scope to search."""
    inputs = inputs_of(paths)
    shown = {_absolute(item[1]): item for item in inputs if not isinstance(item, LoadError)}
    ids: dict[str, int] = {}

    def lookup(stamps: list[FileStamp]) -> dict[FileStamp, str]:
        found = index.fresh(stamps)
        ids.update((stamp[0], file_id) for stamp, file_id in found.items())
        return {stamp: stamp[0] for stamp in found}

    def store(rows: list[tuple[FileStamp, tuple[IndexedSentence, ...]]]) -> None:
        ids.update(index.put(rows))

    errors = [value for value in through_cache(inputs, lookup, indexed_input, store, lambda v, _p, _f: v, cancelled)
              if isinstance(value, LoadError)]
    failed = {e.path for e in errors}
    gone = {file for file, item in shown.items() if item[0] in failed}  # no longer readable as articles
    for folder in (p for p in paths if os.path.isdir(p)):
        gone.update(p for p in index.paths_under(_absolute(folder)) if p not in shown)
    if gone:
        index.forget(sorted(gone))
        for file in gone:
            ids.pop(file, None)
    return SearchScope(index, shown, ids, errors)


def search_index(index: FullTextIndex, query: str, paths: Sequence[str], limit: int = DEFAULT_LIMIT,
                 cancelled: Callable[[], bool] = lambda: False) -> SearchResult:
    """The best `limit` sentences matching `query` in the articles under `paths`, using `index`.

    Raises QueryError (before any work) when the query means nothing.
    """
    to_fts(query)
    return prepare_search(index, paths, cancelled).find(query, limit)


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
