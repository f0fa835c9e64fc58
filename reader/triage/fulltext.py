"""Full-text index of article sentences in SQLite FTS5, kept beside the ingest cache's rows.

Each indexed file has a row in `ft_file` with its stamp (absolute path, size, mtime): a changed file
is indexed again, a vanished one is dropped. Its sentences go into the FTS5 table `ft_sentence` with
their lines, so a hit is a citation (`file:line` and the sentence). A sentence's rowid is
`file id << 24 | sentence index`, so one file's rows are removed with one rowid range, not a scan.
Sentences are the documents bm25 ranks: a hit is the sentence that matches best, not a whole article.
Like the cache, the index is derived data: it is rebuilt, never migrated, when reader's code changes.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from reader.text_scripts import SEARCH_SEPARATOR, search_form
from reader.triage.stamps import FileStamp, fresh_rows

_SHIFT = 24  # sentences per file at most 2**24; file ids up to 2**39
MAX_SENTENCES = 1 << _SHIFT
RANKED_MATCHES = 20_000  # more matching sentences than this are listed in index order, not ranked
TABLES = ("ft_sentence", "ft_file")


class FullTextUnavailable(Exception):
    """This Python's SQLite was built without FTS5; the message says so in one line."""


@dataclass(frozen=True, slots=True)
class IndexedSentence:
    index: int
    text: str
    line_start: int
    line_end: int


@dataclass(frozen=True, slots=True)
class RawHit:
    """A matching sentence of an indexed file (by absolute path), lower rank is better (bm25)."""

    file: str
    index: int
    text: str
    line_start: int
    line_end: int
    rank: float


def fts5_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    return True


def create_tables(db: sqlite3.Connection) -> bool:
    """Create the index tables if missing; False (and no tables) when SQLite has no FTS5."""
    try:
        db.execute(f"""CREATE VIRTUAL TABLE IF NOT EXISTS ft_sentence USING fts5(
            text, line_start UNINDEXED, line_end UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2 separators ''{SEARCH_SEPARATOR}''', prefix = '2 3')""")
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower():
            return False
        raise
    db.execute("""CREATE TABLE IF NOT EXISTS ft_file (
        id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL)""")
    return True


class FullTextIndex:
    """The FTS5 tables on one connection; callers serialise access (one command, one worker)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        if not create_tables(db):
            raise FullTextUnavailable("full-text search needs SQLite's FTS5, which this Python's sqlite3 lacks")
        self._db = db
        self._wanted: frozenset[int] | None = None  # the file ids in the temporary table

    @classmethod
    def in_memory(cls) -> FullTextIndex:
        """An index for this run only: when the cache beside the state cannot be written."""
        return cls(sqlite3.connect(":memory:"))

    def fresh(self, stamps: Sequence[FileStamp]) -> dict[FileStamp, int]:
        """The file id of each stamp whose file is indexed and unchanged since."""
        rows = fresh_rows(self._db, "SELECT path, size, mtime_ns, id FROM ft_file WHERE path IN ({})", [], stamps)
        return {stamp: int(rest[0]) for stamp, rest in rows.items()}

    def put(self, files: Iterable[tuple[FileStamp, Sequence[IndexedSentence]]]) -> dict[str, int]:
        """Index these files' sentences, replacing what was indexed for the same paths; their new ids."""
        ids: dict[str, int] = {}
        with self._db:
            for (path, size, mtime), sentences in files:
                self._drop(path)
                cursor = self._db.execute("INSERT INTO ft_file (path, size, mtime_ns) VALUES (?, ?, ?)",
                                          (path, size, mtime))
                ids[path] = int(cursor.lastrowid or 0)
                base = ids[path] << _SHIFT
                self._db.executemany(
                    "INSERT INTO ft_sentence (rowid, text, line_start, line_end) VALUES (?, ?, ?, ?)",
                    [(base | s.index, search_form(s.text), s.line_start, s.line_end)
                     for s in sentences if s.index < MAX_SENTENCES])
        return ids

    def forget(self, paths: Iterable[str]) -> None:
        """Drop these files (by absolute path) from the index: they are gone or no longer articles."""
        with self._db:
            for path in paths:
                self._drop(path)

    def paths_under(self, folder: str) -> list[str]:
        """Indexed absolute paths inside `folder` (to find the ones that vanished from it)."""
        prefix = folder.rstrip("/") + "/"
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [p for (p,) in self._db.execute("SELECT path FROM ft_file WHERE path LIKE ? ESCAPE '\\'",
                                               (escaped + "%",))]

    def interrupt(self) -> None:
        """Stop the statement running on this connection, from any thread (sqlite3_interrupt); it
        raises OperationalError('interrupted'). With nothing running it does nothing."""
        self._db.interrupt()

    def search(self, match: str, file_ids: Collection[int], limit: int) -> tuple[list[RawHit], bool]:
        """The best `limit` sentences matching the FTS5 expression `match` among these files, and
        whether they are ranked: past RANKED_MATCHES matches (`the`) they come in index order instead,
        since bm25 would score every one of them to order words that say nothing about relevance.

        Raises sqlite3.OperationalError for an expression FTS5 rejects (callers build it with `to_fts`).
        """
        wanted = self._restrict(frozenset(file_ids))
        ranked = self._db.execute("SELECT count(*) FROM (SELECT 1 FROM ft_sentence WHERE ft_sentence MATCH ? LIMIT ?)",
                                  (match, RANKED_MATCHES + 1)).fetchone()[0] <= RANKED_MATCHES
        found = self._db.execute(
            f"""SELECT f.path, s.rowid & {MAX_SENTENCES - 1}, s.text, s.line_start, s.line_end,
                       {"s.rank" if ranked else "0.0"}
                FROM ft_sentence s JOIN ft_file f ON f.id = s.rowid >> {_SHIFT}
                WHERE ft_sentence MATCH ? {wanted}
                ORDER BY {"s.rank, f.path, s.rowid" if ranked else "s.rowid"} LIMIT ?""",
            (match, limit)).fetchall()
        return [RawHit(path, int(index), text.replace(SEARCH_SEPARATOR, ""), int(start), int(end), float(rank))
                for path, index, text, start, end, rank in found], ranked

    def _restrict(self, file_ids: frozenset[int]) -> str:
        """The SQL condition keeping hits to `file_ids`: none when they are every indexed file, else a
        temporary table, filled again only when the set changes (10,000 ids cost more than a query)."""
        if len(file_ids) == self._db.execute("SELECT count(*) FROM ft_file").fetchone()[0]:
            return ""  # the ids all come from ft_file, so as many means all of them
        if file_ids != self._wanted:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS ft_wanted (id INTEGER PRIMARY KEY)")
            with self._db:
                self._db.execute("DELETE FROM ft_wanted")
                self._db.executemany("INSERT OR IGNORE INTO ft_wanted VALUES (?)", [(i,) for i in file_ids])
            self._wanted = file_ids
        return "AND f.id IN (SELECT id FROM ft_wanted)"

    def _drop(self, path: str) -> None:
        self._wanted = None
        row = self._db.execute("SELECT id FROM ft_file WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        base = int(row[0]) << _SHIFT
        self._db.execute("DELETE FROM ft_sentence WHERE rowid BETWEEN ? AND ?", (base, base | (MAX_SENTENCES - 1)))
        self._db.execute("DELETE FROM ft_file WHERE id = ?", (row[0],))
