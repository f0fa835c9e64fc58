"""File stamps (absolute path, size, change time): how the caches and the search index tell an unchanged file.

A row stored with a stamp is still good while the file's size and change time match; any other row
is stale. The change time is the later of mtime and ctime: a file rewritten and given its old mtime
back (`cp -p`, `rsync -t`, `touch -r`, an editor keeping times) has the same size and mtime, but its
ctime, which no program can set, moved.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from typing import Any

FileStamp = tuple[str, int, int]  # absolute path, size, change time (ns)
_CHUNK = 400  # keeps each IN (...) list well under SQLite's variable limit


def changed_ns(st: os.stat_result) -> int:
    """When the file last changed in any way, in nanoseconds: its mtime, or its ctime if later."""
    return max(st.st_mtime_ns, st.st_ctime_ns)


def fresh_rows(db: sqlite3.Connection, query: str, params: list[Any],
               stamps: Sequence[FileStamp]) -> dict[FileStamp, tuple[Any, ...]]:
    """The rest of each row (after path, size, mtime) whose stamp is among `stamps`, queried in chunks
    of paths (`{}` in the query takes the placeholders). Raises sqlite3.Error."""
    if not stamps:
        return {}
    wanted = set(stamps)
    found: dict[FileStamp, tuple[Any, ...]] = {}
    paths = sorted({s[0] for s in stamps})
    for start in range(0, len(paths), _CHUNK):
        chunk = paths[start:start + _CHUNK]
        for path, size, mtime, *rest in db.execute(query.format(",".join("?" * len(chunk))), [*params, *chunk]):
            if (path, size, mtime) in wanted:
                found[(path, size, mtime)] = tuple(rest)
    return found
