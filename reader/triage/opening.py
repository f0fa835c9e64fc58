"""Open the triage database safely: WAL for concurrent processes, corrupt files kept aside, newer ones refused.

A corrupt file is never repaired or overwritten: it is renamed to `<name>.corrupt-<timestamp>`
(with its -wal/-shm companions) and a fresh database is started, with a warning for the user.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from reader.paths import STATE_FILE, default_state_path
from reader.triage.schema import SCHEMA_VERSION, TriageStoreError, migrate, refuse_newer, user_version

BUSY_TIMEOUT_MS = 5000  # how long a writer waits for another process's transaction to finish
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)
_Identity = tuple[int, int, int, int] | None


class _Corrupt(Exception):
    """The file at the path is not a usable SQLite database; carries which file we judged."""

    def __init__(self, identity: _Identity, reason: str) -> None:
        super().__init__(reason)
        self.identity = identity


SQLITE_MAGIC = b"SQLite format 3\x00"


def foreign_file(path: Path) -> bool:
    """A file that is not reader's: it exists, is not empty, is no SQLite database and has neither
    the default state path nor reader's state file name. It is never moved aside or written beside.
    (A damaged database of ours still starts with SQLite's header, or sits where reader keeps it.)"""
    if path.name == STATE_FILE or path == default_state_path():
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return False
    except OSError:
        return False  # unreadable: opening it will say so
    return bool(head) and head != SQLITE_MAGIC


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """Corrupt or not a database at all, as opposed to locked, read-only or missing."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    return not isinstance(exc, sqlite3.OperationalError)


def _identity(path: Path) -> _Identity:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _set_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL, retrying: SQLite answers "locked" at once, without the busy timeout, while another
    process is switching the same new file (two `reader` commands starting together)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _connect(path: Path) -> sqlite3.Connection:
    """One connection, checked and migrated; raises _Corrupt or TriageStoreError."""
    identity = _identity(path)
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        raise TriageStoreError(f"cannot open state database {path}: {exc}") from exc
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        version = user_version(db)  # reads the header only: "file is not a database" shows here
        refuse_newer(version, path)  # before anything that could write
        if identity is not None and identity[2] > 0:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise _Corrupt(identity, f"integrity check failed: {verdict}")
            if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise TriageStoreError(f"{path} is an SQLite database but not reader's state; "
                                       "pass --state PATH to use another file")
        _set_wal(db)
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, path)
        return db
    except sqlite3.DatabaseError as exc:
        db.close()
        if is_corruption(exc):
            raise _Corrupt(identity, str(exc)) from exc
        raise TriageStoreError(f"cannot use state database {path}: {exc}") from exc
    except BaseException:
        db.close()
        raise


@contextlib.contextmanager
def _recovery_lock(path: Path) -> Iterator[None]:
    """Serialise moving a corrupt file aside, so two processes never move each other's fresh database."""
    try:
        import fcntl
    except ImportError:  # Windows: the identity check alone guards the race
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _aside_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
        number += 1
    return candidate


def move_aside(path: Path, identity: _Identity) -> Path | None:
    """Rename the corrupt file (if it is still the one we judged) and its companions; the new name."""
    with _recovery_lock(path):
        if identity is None or _identity(path) != identity:
            return None  # another process already dealt with it
        target = _aside_name(path)
        os.replace(path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
        return target


def open_database(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    """A ready connection and the warnings the user should see (a corrupt file moved aside)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TriageStoreError(f"cannot create the state folder {path.parent}: {exc.strerror or exc}") from exc
    if foreign_file(path):
        raise TriageStoreError(f"{path} is not a reader state database (it is not SQLite); it was left as it is. "
                               "Pass --state with a new file name")
    warnings: list[str] = []
    for _attempt in range(3):
        try:
            return _connect(path), warnings
        except _Corrupt as corrupt:
            try:
                moved = move_aside(path, corrupt.identity)
            except OSError as exc:
                raise TriageStoreError(f"state database {path} is unreadable ({corrupt}) and could not be "
                                       f"moved aside: {exc.strerror or exc}") from exc
            if moved is not None:
                warnings.append(f"state database {path} was unreadable ({corrupt}); kept it as {moved.name} "
                                "and started a fresh one")
    raise TriageStoreError(f"state database {path} keeps failing its checks; pass --state PATH to use another file")


def open_read_only(path: Path) -> sqlite3.Connection:
    """The database as it is, for reading only: a read-only disk or home still lists articles and
    their marks. `immutable` because no lock or WAL index can be written beside it; raises
    TriageStoreError when that is not possible either (no file, an old schema that needs migrating)."""
    if not path.is_file() or foreign_file(path):
        raise TriageStoreError(f"state database {path} cannot be opened")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None,
                             check_same_thread=False)
        version = user_version(db)
    except sqlite3.DatabaseError as exc:
        raise TriageStoreError(f"cannot read state database {path}: {exc}") from exc
    if version != SCHEMA_VERSION:
        db.close()
        refuse_newer(version, path)
        raise TriageStoreError(f"state database {path} needs an upgrade, which a read-only disk does not allow")
    return db
