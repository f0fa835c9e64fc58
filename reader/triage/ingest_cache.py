"""A disposable cache of the few fields `reader list` and `reader mark` need, keyed by (path, size, mtime).

Parsing 2,225 articles takes seconds; reading their titles and fingerprints back takes milliseconds.
The cache is derived data: if it is corrupt, locked or unwritable it is rebuilt or skipped, never
an error. It is cleared whenever reader's version or its ingest code changes.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import reader
from reader.triage.state import ArticleKey

log = logging.getLogger(__name__)
CACHE_FILE = "ingest-cache.sqlite3"
_FORMAT = 1  # bump when the cached fields or the fingerprint change meaning
_CHUNK = 400


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

    @property
    def key(self) -> ArticleKey:
        return ArticleKey(self.fingerprint, self.path)


FileStamp = tuple[str, int, int]  # absolute path, size, mtime_ns


def _code_stamp() -> str:
    """Changes whenever the code that decides titles, dates or sentences changes (even in a checkout)."""
    package = Path(reader.__file__).resolve().parent
    sources = [*package.joinpath("ingest").glob("*.py"), package / "model.py", package / "triage" / "state.py"]
    newest = max((p.stat().st_mtime_ns for p in sources if p.exists()), default=0)
    return f"{_FORMAT}:{reader.__version__}:{newest}"


class IngestCache:
    """Listing fields by file stamp; every failure quietly disables it for the rest of the run."""

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db

    @classmethod
    def open(cls, path: Path) -> IngestCache:
        """The cache at `path`; a corrupt file is deleted and rebuilt, any other trouble means no cache."""
        for _attempt in range(2):
            try:
                return cls(_connect(path))
            except sqlite3.DatabaseError as exc:
                log.info("ingest cache %s unusable (%s); rebuilding", path, exc)
                for suffix in ("", "-wal", "-shm", "-journal"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
            except OSError as exc:
                log.info("ingest cache %s unavailable: %s", path, exc)
                break
        return cls(None)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get_many(self, stamps: Sequence[FileStamp]) -> dict[FileStamp, Listing]:
        """Cached listings for files whose size and mtime still match (path as shown is filled in later)."""
        if self._db is None or not stamps:
            return {}
        wanted = set(stamps)
        found: dict[FileStamp, Listing] = {}
        try:
            paths = sorted({s[0] for s in stamps})
            for start in range(0, len(paths), _CHUNK):
                chunk = paths[start:start + _CHUNK]
                rows = self._db.execute(
                    "SELECT path, size, mtime_ns, title, date, source, fingerprint, sentences, words, warnings"
                    f" FROM entry WHERE path IN ({','.join('?' * len(chunk))})", chunk)
                for path, size, mtime, title, date, source, fp, sentences, words, warnings in rows:
                    stamp = (path, size, mtime)
                    if stamp in wanted:
                        found[stamp] = Listing(path, title, date, source, fp, sentences, words,
                                               tuple(json.loads(warnings)))
        except (sqlite3.Error, ValueError, TypeError) as exc:
            self._give_up(exc)
            return {}
        return found

    def put_many(self, entries: Iterable[tuple[FileStamp, Listing]]) -> None:
        """Remember these listings; a failure (busy, read-only, full disk) only costs speed next time."""
        rows = [(*stamp, e.title, e.date, e.source, e.fingerprint, e.sentences, e.words, json.dumps(list(e.warnings)))
                for stamp, e in entries]
        if self._db is None or not rows:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        log.info("ingest cache disabled for this run: %s", exc)
        self.close()


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=2.0)
    try:
        db.execute("PRAGMA busy_timeout = 2000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # losing the last writes on power loss costs only speed
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("""CREATE TABLE IF NOT EXISTS entry (
                path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                title TEXT, date TEXT, source TEXT, fingerprint TEXT NOT NULL,
                sentences INTEGER NOT NULL, words INTEGER NOT NULL, warnings TEXT NOT NULL)""")
            stamp = _code_stamp()
            row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            if row is None or row[0] != stamp:
                db.execute("DELETE FROM entry")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
        return db
    except BaseException:
        db.close()
        raise
