"""The library's full-text mode without Textual: the index prepared once, then one query per keystroke.

`LibraryIndex.prepare` does the slow part (walk the paths, index new or changed files) and is meant
for one worker thread; `find` is then only an FTS5 query (milliseconds) and is called from a worker
per keystroke, so calls can overlap: a lock serialises them on the one connection. The index lives
in the ingest cache beside the state (`reader search` shares it); when that cannot be used, an
in-memory index for this run is made instead, so the mode still works, only slower to prepare.
Sentences are what FTS5 ranks; an article ranks by its best sentence, which is the hit shown for it.

Rows are capped: each answer replaces the table's rows and the query fetches its sentences' text,
both in proportion to what is kept: at 10,000 articles `election` (827 articles in 2,000
sentences) took 690 ms from keystroke to rows, a median query 490 ms and the slowest 1.2 s. The best ARTICLE_ROWS articles, from the best
SENTENCE_LIMIT sentences, are several screens of rows; past them the line says more match.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.triage.body_search import Hit, SearchScope, prepare_search
from reader.triage.fulltext import FullTextIndex
from reader.triage.ingest_cache import IngestCache
from reader.tui.library import Entry

log = logging.getLogger(__name__)
SENTENCE_LIMIT = 500  # best sentences asked for per query: the articles they belong to are the rows
ARTICLE_ROWS = 200  # rows shown at most, best first (measured: tests/benchmarks/bench_tui_full_text.py)


@dataclass(frozen=True, slots=True)
class Match:
    """One article the query found: its library row, its best sentence, and how many of the sentences
    returned it holds (at most SENTENCE_LIMIT are looked at)."""

    key: str
    hit: Hit
    hits: int


@dataclass(frozen=True, slots=True)
class Found:
    """The articles a query found, best first; `ranked` is False when so many sentences match that
    FTS5 lists them in index order (see fulltext.RANKED_MATCHES); `more` when other articles match
    beyond these (past ARTICLE_ROWS, or in sentences past SENTENCE_LIMIT)."""

    query: str
    matches: tuple[Match, ...]
    ranked: bool = True
    more: bool = False


class LibraryIndex:
    """The search scope of the library's paths, made once and then queried from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scope: SearchScope | None = None
        self._querying = False  # a find holds the lock (not a prepare, which must never be interrupted)
        self._cache: IngestCache | None = None
        self.problems: list[str] = []  # what the user should know (index kept in memory only)

    @property
    def ready(self) -> bool:
        return self._scope is not None

    def prepare(self, paths: Sequence[str], cache_path: Path | None, cancelled: Callable[[], bool]) -> int:
        """Index what changed under `paths` (slow: a worker's job); the number of files searchable.

        Raises FullTextUnavailable when SQLite lacks FTS5.
        """
        with self._lock:
            index = self._open(cache_path)
            try:
                scope = prepare_search(index, paths, cancelled)
            except sqlite3.Error as exc:  # busy, read-only, full disk: index in memory, only speed is lost
                log.info("search index unusable (%s); indexing in memory for this run", exc)
                self.problems.append("the search index could not be saved; it is kept in memory for this run")
                scope = prepare_search(_in_memory(), paths, cancelled)
            self._scope = scope
            return len(scope.ids)

    def _open(self, cache_path: Path | None) -> FullTextIndex:
        if self._cache is not None:  # prepared again (files arrived): one connection at a time
            self._cache.close()
            self._cache = None
        if cache_path is not None:
            self._cache = IngestCache.open(cache_path, any_thread=True)
            index = self._cache.fulltext()
            if index is not None:
                return index
        return _in_memory()

    def find(self, query: str, entries: Callable[[str], Iterable[Entry]]) -> Found:
        """The articles matching `query`, best first; `entries(path)` gives the library rows of a file
        as shown. Raises QueryError (a plain sentence) for a query that means nothing, and
        QueryInterrupted when `interrupt` stopped it."""
        with self._lock:
            if self._scope is None:
                raise RuntimeError("the index is not prepared yet")
            self._querying = True
            try:
                result = self._scope.find(query, SENTENCE_LIMIT)
            finally:
                self._querying = False
        matches = rank_articles(result.hits, entries)
        more = len(matches) > ARTICLE_ROWS or len(result.hits) >= SENTENCE_LIMIT
        return Found(query, tuple(matches[:ARTICLE_ROWS]), result.ranked, more)

    def interrupt(self) -> None:
        """Stop the query running now, from the UI thread: a newer keystroke replaces it, and it would
        hold the lock the new query waits for (a one-letter prefix reads much of the index). The
        interrupted find raises QueryInterrupted. A prepare is never interrupted."""
        scope = self._scope
        if self._querying and scope is not None:
            scope.index.interrupt()

    def close(self) -> None:
        """Close the cache's connection, unless a worker is using it (then it goes with the process)."""
        if self._cache is not None and self._lock.acquire(blocking=False):
            try:
                self._cache.close()
                self._cache, self._scope = None, None
            finally:
                self._lock.release()


def _in_memory() -> FullTextIndex:
    return FullTextIndex(sqlite3.connect(":memory:", check_same_thread=False))


def rank_articles(hits: Sequence[Hit], entries: Callable[[str], Iterable[Entry]]) -> list[Match]:
    """One match per library row, in the order of each article's best sentence (hits come best first)."""
    best: dict[str, Hit] = {}
    counts: dict[str, int] = {}
    for hit in hits:
        for entry in entries(hit.path):
            best.setdefault(entry.key, hit)
            counts[entry.key] = counts.get(entry.key, 0) + 1
    return [Match(key, hit, counts[key]) for key, hit in best.items()]
