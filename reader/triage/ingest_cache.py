"""A disposable cache of what listing, triage and summarizing need of each file, keyed by (path, size, change time).

Parsing 2,225 articles takes seconds; reading their titles and fingerprints back takes milliseconds.
Two tables: `entry` holds a file's listing (title, date, source, fingerprint, the text the library
filter searches), `summary` the digest of its summary for one choice of algorithm and length; the
full-text search index (`fulltext.py`) lives in the same database and is cleared with them.
The cache is derived data: if it is corrupt, locked or unwritable it is rebuilt or skipped, never
an error. It is cleared whenever reader's version or its ingest or summarize code changes.
"""
from __future__ import annotations

import functools
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reader
from reader.triage.fulltext import TABLES as FULLTEXT_TABLES
from reader.triage.fulltext import FullTextIndex
from reader.triage.opening import is_corruption
from reader.triage.stamps import FileStamp, fresh_rows
from reader.triage.state import ArticleKey

log = logging.getLogger(__name__)
CACHE_FILE = "ingest-cache.sqlite3"
_FORMAT = 5  # bump when the cached fields or the fingerprint change meaning (3: full titles, search index; 4: unspaced scripts searchable; 5: soft hyphens out of the index)


@dataclass(frozen=True, slots=True)
class Listing:
    """What listing and marking need of one article, without its sentences."""

    path: str  # as shown to the user
    title: str | None
    date: str | None
    source: str | None
    fingerprint: str
    sentences: int
    words: int
    warnings: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    search_text: str = ""  # title, source, topics and kept text, case-folded: what the library filter searches
    file: str = ""  # the file to open, when the shown path is relative to somewhere else

    @property
    def key(self) -> ArticleKey:
        return ArticleKey(self.fingerprint, self.path)


def cache_beside(state: str | Path | None) -> Path | None:
    """The cache lives beside the state database (`--state` or the default), so one flag moves every
    file reader writes; None when `--state` names a file that is not ours (nothing is written there)."""
    from reader.paths import default_state_path
    from reader.triage.opening import foreign_file

    where = Path(state).expanduser() if state is not None else default_state_path()
    return None if foreign_file(where) else where.parent / CACHE_FILE


@functools.cache
def _code_stamp() -> str:
    """Changes whenever the code that decides titles, dates or sentences changes (even in a checkout).

    Read once per process: a reader still running while a new version is installed over it must
    stamp what it computes with the code it runs, not with the files now on disk.
    """
    package = Path(reader.__file__).resolve().parent
    sources = [*package.joinpath("ingest").glob("*.py"), *package.joinpath("summarize").glob("*.py"),
               package / "model.py", package / "lines.py", package / "algorithms.py", package / "triage" / "state.py"]
    newest = max((p.stat().st_mtime_ns for p in sources if p.exists()), default=0)
    return f"{_FORMAT}:{reader.__version__}:{newest}"


class IngestCache:
    """Listing fields by file stamp; every failure quietly disables it for the rest of the run."""

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db

    @classmethod
    def open(cls, path: Path, any_thread: bool = False) -> IngestCache:
        """The cache at `path`; a corrupt file is deleted and rebuilt, any other trouble means no cache.

        `any_thread`: the connection may be used from threads other than this one (the TUI's search
        index is prepared in one worker and queried in others); the caller then serialises access.
        """
        for _attempt in range(2):
            try:
                return cls(_connect(path, any_thread))
            except sqlite3.DatabaseError as exc:
                if not is_corruption(exc):  # read-only, locked, no space: only speed is lost, nothing deleted
                    log.info("ingest cache %s unavailable: %s", path, exc)
                    break
                log.info("ingest cache %s unusable (%s); rebuilding", path, exc)
                try:
                    for suffix in ("", "-wal", "-shm", "-journal"):
                        path.with_name(path.name + suffix).unlink(missing_ok=True)
                except OSError:
                    break
            except OSError as exc:
                log.info("ingest cache %s unavailable: %s", path, exc)
                break
        return cls(None)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get_many(self, stamps: Sequence[FileStamp]) -> dict[FileStamp, Listing]:
        """Cached listings for files whose size and change time still match (path as shown is filled in later)."""
        rows = self._fresh_rows(
            "SELECT path, size, mtime_ns, title, date, source, fingerprint, sentences, words, warnings, topics, search"
            " FROM entry WHERE path IN ({})", [], stamps)
        try:
            return {stamp: Listing(stamp[0], title, date, source, fp, sentences, words, tuple(json.loads(warnings)),
                                   tuple(json.loads(topics)), search, stamp[0])
                    for stamp, (title, date, source, fp, sentences, words, warnings, topics, search) in rows.items()}
        except (ValueError, TypeError) as exc:
            self._give_up(exc)
            return {}

    def put_many(self, entries: Iterable[tuple[FileStamp, Listing]]) -> None:
        """Remember these listings; a failure (busy, read-only, full disk) only costs speed next time."""
        rows = [(*stamp, e.title, e.date, e.source, e.fingerprint, e.sentences, e.words, json.dumps(list(e.warnings)),
                 json.dumps(list(e.topics)), e.search_text)
                for stamp, e in entries]
        self._write("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def get_digests(self, stamps: Sequence[FileStamp], settings: str) -> dict[FileStamp, dict[str, Any]]:
        """Cached summary digests (as stored data) made with `settings` of files still unchanged."""
        rows = self._fresh_rows("SELECT path, size, mtime_ns, digest FROM summary WHERE settings = ? AND path IN ({})",
                                [settings], stamps)
        try:
            return {stamp: json.loads(digest) for stamp, (digest,) in rows.items()}
        except (ValueError, TypeError) as exc:
            self._give_up(exc)
            return {}

    def _fresh_rows(self, query: str, params: list[Any], stamps: Sequence[FileStamp]) -> dict[FileStamp, tuple[Any, ...]]:
        """The rest of each row (after path, size, mtime) whose file is unchanged; none once disabled."""
        if self._db is None:
            return {}
        try:
            return fresh_rows(self._db, query, params, stamps)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}

    def fulltext(self) -> FullTextIndex | None:
        """The search index in this cache's database; None when the cache is disabled.

        Raises FullTextUnavailable when SQLite has no FTS5.
        """
        if self._db is None:
            return None
        try:
            return FullTextIndex(self._db)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return None

    def put_digests(self, entries: Iterable[tuple[FileStamp, dict[str, Any]]], settings: str) -> None:
        """Remember summary digests made with `settings`; as with listings, a failure only costs speed."""
        rows = [(*stamp, settings, json.dumps(data, ensure_ascii=False)) for stamp, data in entries]
        self._write("INSERT OR REPLACE INTO summary VALUES (?, ?, ?, ?, ?)", rows)

    def _write(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if self._db is None or not rows:
            return
        try:
            with self._db:
                self._db.executemany(statement, rows)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        log.info("ingest cache disabled for this run: %s", exc)
        self.close()


def _connect(path: Path, any_thread: bool = False) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=2.0, check_same_thread=not any_thread)
    try:
        db.execute("PRAGMA busy_timeout = 2000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # losing the last writes on power loss costs only speed
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            stamp = _code_stamp()
            row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            if row is None or row[0] != stamp:  # other code, perhaps other columns: start afresh
                db.execute("DROP TABLE IF EXISTS entry")
                db.execute("DROP TABLE IF EXISTS summary")
                for table in FULLTEXT_TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
            db.execute("""CREATE TABLE IF NOT EXISTS entry (
                path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                title TEXT, date TEXT, source TEXT, fingerprint TEXT NOT NULL,
                sentences INTEGER NOT NULL, words INTEGER NOT NULL, warnings TEXT NOT NULL,
                topics TEXT NOT NULL, search TEXT NOT NULL)""")
            db.execute("""CREATE TABLE IF NOT EXISTS summary (
                path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                settings TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (path, settings))""")
        return db
    except BaseException:
        db.close()
        raise
