"""The triage database's schema, versioned with `PRAGMA user_version` and grown by migrations.

`MIGRATIONS[n]` takes a database at version n to n + 1; adding version 2 means appending one
function. A database from a newer reader (user_version above what we know) is never touched.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable


class TriageStoreError(Exception):
    """The state database cannot be used (newer schema, no permission, locked too long); one line."""


def _v1(db: sqlite3.Connection) -> None:
    """Articles by content fingerprint with their last seen path; tags in their own table."""
    db.execute("""
        CREATE TABLE article (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            path TEXT,                       -- last seen absolute path; NULL once another article claimed it
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0,
            updated_at REAL NOT NULL
        )""")
    db.execute("CREATE INDEX article_fingerprint ON article (fingerprint)")
    db.execute("CREATE UNIQUE INDEX article_path ON article (path) WHERE path IS NOT NULL")
    db.execute("""
        CREATE TABLE article_tag (
            article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX article_tag_tag ON article_tag (tag)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer(version: int, where: object) -> None:
    """Raise if the database was written by a newer reader; we must not guess at its meaning."""
    if version > SCHEMA_VERSION:
        raise TriageStoreError(
            f"state database {where} has schema version {version}, newer than this reader knows "
            f"({SCHEMA_VERSION}); upgrade reader or pass --state PATH to use another file")


def migrate(db: sqlite3.Connection, where: object) -> None:
    """Bring the schema up to date in one transaction (re-reading the version under the write lock)."""
    if user_version(db) == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(db)
        refuse_newer(version, where)
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
