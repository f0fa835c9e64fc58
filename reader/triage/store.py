"""TriageStore: read/starred/archived/tags per article in an embedded SQLite database.

Articles are found by content fingerprint first (so renames and moves keep their state), then
by last seen path (so an article edited in place keeps it too). Every write is one short
`BEGIN IMMEDIATE` transaction that re-reads the rows it changes, so the TUI and `reader mark`
running at the same time compose their changes instead of losing one.
"""
from __future__ import annotations

import contextlib
import os
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.model import Article
from reader.paths import default_state_path
from reader.triage.actions import Action, apply_all
from reader.triage.opening import open_database, open_read_only
from reader.triage.schema import TriageStoreError
from reader.triage.state import UNTOUCHED, ArticleKey, ArticleState, Change, TagCount

log = logging.getLogger(__name__)
Keyed = Article | ArticleKey
_CHUNK = 400  # keeps each IN (...) list well under SQLite's variable limit
_SEP = "\x1f"  # tags cannot contain control characters, so this separates them safely


@dataclass(slots=True)
class _Row:
    id: int
    fingerprint: str
    path: str | None
    state: ArticleState


def _writable_fs(path: Path) -> bool:
    """False on a file system mounted read-only (os.access does not see that for root)."""
    try:
        return not (os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return True


def _key(item: Keyed) -> ArticleKey:
    return item if isinstance(item, ArticleKey) else ArticleKey.of(item)


def _always(state: ArticleState) -> Callable[[ArticleState], ArticleState]:
    return lambda _current: state


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


class TriageStore:
    """One open state database; thread-safe (calls are serialised), close it when done."""

    def __init__(self, db: sqlite3.Connection, path: Path, warnings: Sequence[str] = ()) -> None:
        self._db = db
        self._lock = threading.RLock()
        self.path = path
        self.warnings: tuple[str, ...] = tuple(warnings)  # e.g. a corrupt file moved aside: show them once

    @classmethod
    def open(cls, path: Path | str | None = None) -> TriageStore:
        """Open (creating if needed) the database at `path`, default `state_dir()/state.sqlite3`.

        Raises TriageStoreError when it cannot be used; a corrupt file is moved aside and reported
        in `warnings` instead.
        """
        where = Path(path).expanduser() if path is not None else default_state_path()
        try:
            db, warnings = open_database(where)
        except TriageStoreError as refused:
            if os.access(where.parent, os.W_OK) and os.access(where, os.W_OK) and _writable_fs(where):
                raise  # not a read-only place: the first reason is the one to show
            try:
                db = open_read_only(where)
            except TriageStoreError:
                raise refused from None  # reading is impossible too: the first reason says why
            warnings = [f"state database {where} is read-only: marks are shown but cannot be saved"]
        for warning in warnings:
            log.warning("%s", warning)
        return cls(db, where, warnings)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> TriageStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------------

    def get(self, article: Keyed) -> ArticleState:
        """The state of one article (all false and no tags if never marked)."""
        return self.lookup([article])[0]

    def lookup(self, articles: Iterable[Keyed]) -> list[ArticleState]:
        """States in the order given; records where each article was last seen when that moved."""
        keys = [_key(a) for a in articles]
        with self._lock, self._guard():
            with self._transaction("BEGIN"):
                rows = self._resolve(keys)
            if self._hints(keys, rows, dry_run=True):
                self._record_hints_quietly(keys)
        return [row.state if row else UNTOUCHED for row in rows]

    def all_tags(self) -> list[TagCount]:
        """Every tag in use with how many articles carry it, by name (case-insensitive)."""
        with self._lock, self._guard():
            found = self._db.execute("SELECT tag, count(*) FROM article_tag GROUP BY tag").fetchall()
        return sorted((TagCount(tag, count) for tag, count in found), key=lambda t: (t.tag.casefold(), t.tag))

    def data_version(self) -> int:
        """Changes when another connection commits; cheap to poll when the TUI regains focus.

        Writes made through this same store do not change it (you already know about those).
        """
        with self._lock, self._guard():
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------------

    def apply(self, articles: Iterable[Keyed], *actions: Action) -> list[Change]:
        """Apply the actions, in order, to every article in one transaction; one Change per article.

        Toggles flip each article's own value. Keep the result to undo with `restore`.
        """
        keys = [_key(a) for a in articles]
        with self._lock, self._guard(), self._transaction("BEGIN IMMEDIATE"):
            rows = self._resolve(keys)
            self._hints(keys, rows)

            def step(state: ArticleState) -> ArticleState:
                return apply_all(state, actions)

            return self._write(keys, rows, [step] * len(keys), once_per_row=True)

    def restore(self, changes: Iterable[Change]) -> list[Change]:
        """Put each article back to its `before` state (undo); returns the Changes that redo it."""
        changes = list(changes)
        keys = [c.key for c in changes]
        targets = [_always(c.before) for c in changes]
        with self._lock, self._guard(), self._transaction("BEGIN IMMEDIATE"):
            rows = self._resolve(keys)
            self._hints(keys, rows)
            return self._write(keys, rows, targets, once_per_row=False)

    # -- internals -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite trouble mid-session becomes a one-line TriageStoreError, not a traceback."""
        try:
            yield
        except sqlite3.Error as exc:
            raise TriageStoreError(f"state database {self.path}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self, begin: str) -> Iterator[None]:
        self._db.execute(begin)
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _fetch(self, fingerprints: Sequence[str], paths: Sequence[str]) -> list[_Row]:
        rows: dict[int, _Row] = {}
        for column, values in (("fingerprint", fingerprints), ("path", paths)):
            for chunk in _chunks(values):
                marks = ",".join("?" * len(chunk))
                found = self._db.execute(
                    "SELECT a.id, a.fingerprint, a.path, a.read, a.starred, a.archived, a.updated_at,"
                    f" group_concat(t.tag, char(31)) FROM article a LEFT JOIN article_tag t ON t.article_id = a.id"
                    f" WHERE a.{column} IN ({marks}) GROUP BY a.id", chunk).fetchall()
                for id_, fp, path, read, starred, archived, updated, tags in found:
                    state = ArticleState(bool(read), bool(starred), bool(archived),
                                         frozenset(tags.split(_SEP)) if tags else frozenset(), updated)
                    rows[id_] = _Row(id_, fp, path, state)
        return list(rows.values())

    def _resolve(self, keys: Sequence[ArticleKey]) -> list[_Row | None]:
        """Each key's row: by fingerprint (the one at this path if several), else by path, else none."""
        rows = self._fetch(sorted({k.fingerprint for k in keys}), sorted({k.location for k in keys}))
        by_fp: dict[str, list[_Row]] = {}
        by_path: dict[str, _Row] = {}
        for row in rows:
            by_fp.setdefault(row.fingerprint, []).append(row)
            if row.path is not None:
                by_path[row.path] = row
        found: list[_Row | None] = []
        claimed: set[int] = set()
        for key in keys:
            candidates = by_fp.get(key.fingerprint)
            row = None
            if candidates:
                row = next((r for r in candidates if r.path == key.location), None)
                row = row or max(candidates, key=lambda r: (r.state.updated_at or 0.0, r.id))
                claimed.add(row.id)
            found.append(row)
        for index, key in enumerate(keys):  # edits in place, unless that row's content is elsewhere in the batch
            if found[index] is None:
                row = by_path.get(key.location)
                if row is not None and row.id not in claimed:
                    found[index] = row
        return found

    def _hints(self, keys: Sequence[ArticleKey], rows: Sequence[_Row | None], dry_run: bool = False) -> bool:
        """Record each article's last seen path and current fingerprint; whether anything moved."""
        batch_paths: dict[int, set[str]] = {}
        for key, row in zip(keys, rows):
            if row is not None:
                batch_paths.setdefault(row.id, set()).add(key.location)
        moved = False
        for key, row in zip(keys, rows):
            if row is None:
                continue
            if row.fingerprint != key.fingerprint:  # edited in place
                moved = True
                if not dry_run:
                    self._db.execute("UPDATE article SET fingerprint = ? WHERE id = ?", (key.fingerprint, row.id))
                    row.fingerprint = key.fingerprint
            if row.path not in batch_paths[row.id]:  # renamed or moved (copies in one batch keep theirs)
                moved = True
                if not dry_run:
                    self._claim_path(row.id, key.location)
                    row.path = key.location
        return moved

    def _record_hints_quietly(self, keys: Sequence[ArticleKey]) -> None:
        """Lookups record renames too, but a busy or read-only database must not make reading fail."""
        try:
            with self._transaction("BEGIN IMMEDIATE"):
                self._hints(keys, self._resolve(keys))
        except sqlite3.OperationalError as exc:
            log.info("could not record new article paths: %s", exc)

    def _claim_path(self, row_id: int, path: str) -> None:
        """A path holds one article at a time: whoever had it before loses the hint."""
        self._db.execute("UPDATE article SET path = NULL WHERE path = ? AND id != ?", (path, row_id))
        self._db.execute("UPDATE article SET path = ? WHERE id = ?", (path, row_id))

    def _insert(self, key: ArticleKey, now: float) -> _Row:
        self._db.execute("UPDATE article SET path = NULL WHERE path = ?", (key.location,))
        cursor = self._db.execute("INSERT INTO article (fingerprint, path, updated_at) VALUES (?, ?, ?)",
                                  (key.fingerprint, key.location, now))
        return _Row(int(cursor.lastrowid or 0), key.fingerprint, key.location, replace(UNTOUCHED, updated_at=now))

    def _write(self, keys: Sequence[ArticleKey], rows: Sequence[_Row | None],
               targets: Sequence[Callable[[ArticleState], ArticleState]], once_per_row: bool) -> list[Change]:
        """Compute each key's new state with its `target(before)` and store what differs.

        With `once_per_row`, a row shared by several keys (identical copies) changes once: a toggle
        on both copies must not cancel itself out. Restore sets each key's state as recorded instead.
        """
        now = time.time()
        created: dict[str, _Row] = {}
        done: dict[int, tuple[ArticleState, ArticleState]] = {}
        touched: dict[int, tuple[_Row, frozenset[str]]] = {}  # row, its tags before this transaction
        changes: list[Change] = []
        for key, row, target in zip(keys, rows, targets):
            row = row or created.get(key.fingerprint)
            if row is not None and row.id in done and once_per_row:
                changes.append(Change(key, *done[row.id]))
                continue
            before = row.state if row else UNTOUCHED
            after = target(before)
            if after == before:
                after = before
            else:
                after = replace(after, updated_at=now)
                if row is None:
                    row = created[key.fingerprint] = self._insert(key, now)
                touched.setdefault(row.id, (row, row.state.tags))
                row.state = after
            if row is not None:
                done[row.id] = (before, after)
            changes.append(Change(key, before, after))
        self._db.executemany(
            "UPDATE article SET read = ?, starred = ?, archived = ?, updated_at = ? WHERE id = ?",
            [(int(r.state.read), int(r.state.starred), int(r.state.archived), now, r.id) for r, _ in touched.values()])
        self._db.executemany("DELETE FROM article_tag WHERE article_id = ? AND tag = ?",
                             [(r.id, t) for r, old in touched.values() for t in old - r.state.tags])
        self._db.executemany("INSERT OR IGNORE INTO article_tag (article_id, tag) VALUES (?, ?)",
                             [(r.id, t) for r, old in touched.values() for t in r.state.tags - old])
        return changes
