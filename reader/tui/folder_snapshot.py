"""What is under the opened paths, by stat alone: each file the library reads with its (change time, size).

The folder watcher compares two snapshots to know which files arrived, changed or went without
opening any of them. The walk mirrors `ingest.iter_inputs` (folders recursively, sorted, hidden
names skipped, the display path joined onto the path as given), so a file is named here exactly as
the library's rows name it: `owner` is that display path, and a feed's or mailbox's rows are
`owner#id`. Textual-free, so the diff is tested without an app.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import split_address
from reader.ingest.loader import editor_leftover
from reader.paths import printable_path
from reader.triage.stamps import changed_ns

Stamp = tuple[int, int]  # (change time in ns: the later of mtime and ctime, size)
UNSTATABLE: Stamp = (-1, -1)  # a dangling link or a file gone between listing and stat: still a name


@dataclass(frozen=True, slots=True)
class Seen:
    """One file under the opened paths: the rows' display path, what to hand `iter_inputs` to list it
    again, its stamp, and how often it was given (a path given twice is listed twice)."""

    owner: str
    spec: str
    stamp: Stamp
    copies: int = 1


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Every file found, by display path, and the opened folders that held no file."""

    files: dict[str, Seen] = field(default_factory=dict)
    empty_folders: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FileDiff:
    """Files that arrived or changed (to list again) and the display paths of files that went;
    `filled` names opened folders that were empty and now hold files (their failure is obsolete)."""

    added: tuple[Seen, ...] = ()
    changed: tuple[Seen, ...] = ()
    removed: tuple[str, ...] = ()
    filled: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.filled)

    @property
    def touched(self) -> tuple[str, ...]:
        """Every display path whose rows may change."""
        return tuple(s.owner for s in (*self.added, *self.changed)) + self.removed


def stamp(path: str | os.PathLike[str]) -> Stamp:
    """(change time in ns, size) of the file the path leads to; UNSTATABLE when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return UNSTATABLE
    return (changed_ns(st), st.st_size)


def take_snapshot(paths: Iterable[str | os.PathLike[str]]) -> Snapshot:
    """Stat every file the library would read under `paths`; nothing is opened."""
    files: dict[str, Seen] = {}
    empty: set[str] = set()
    for given in paths:
        given_text = os.fspath(given)
        path = Path(given_text).expanduser()
        if path.is_dir():
            if not _walk(given_text, path, files):
                empty.add(printable_path(given_text))
        elif path.exists() or path.is_symlink():
            _add(files, printable_path(given_text), given_text, path)
        elif (address := split_address(given_text)) is not None:
            shown = printable_path(given_text)
            owner = shown[:len(shown) - len(address[1]) - 1]  # the item's rows carry the id, not the number given
            _add(files, owner, given_text, Path(address[0]).expanduser())
    return Snapshot(files, frozenset(empty))


def _walk(given_text: str, path: Path, files: dict[str, Seen]) -> bool:
    """Add the files under one opened folder as `iter_inputs` names them; whether there was any.

    One `scandir` per folder and one stat per file (the walk `iter_inputs` does, without its
    `relpath`, which asks for the working directory twice per file: 4,451 files took 0.3 s so).
    """
    found = False
    prefix = os.path.join(given_text, "")  # ends with the separator: names are appended, not joined
    pending = [("", os.fspath(path))]
    while pending:
        rel, folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:  # a folder that cannot be listed: the loader reports it; nothing to watch in it
            continue
        below = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            name = f"{rel}{os.sep}{entry.name}" if rel else entry.name
            if is_dir:
                below.append((name, entry.path))
            elif editor_leftover(entry.name):
                continue  # as the loader skips them
            elif not _links_to_folder(entry):  # os.walk lists a link to a folder as a folder, never read
                found = True
                spec = prefix + name
                _add(files, printable_path(spec), spec, entry.path)
        pending.extend(reversed(below))  # depth first, in name order, as os.walk goes
    return found


def _links_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:
        return False


def _add(files: dict[str, Seen], owner: str, spec: str, path: str | Path) -> None:
    before = files.get(owner)
    files[owner] = Seen(owner, spec, stamp(path), before.copies + 1 if before is not None else 1)


def diff_snapshots(old: Snapshot, new: Snapshot) -> FileDiff:
    """What changed from `old` to `new`: a file is changed when its (change time, size) or its copies differ."""
    added = tuple(seen for owner, seen in new.files.items() if owner not in old.files)
    changed = tuple(seen for owner, seen in new.files.items()
                    if owner in old.files and old.files[owner] != seen)
    removed = tuple(owner for owner in old.files if owner not in new.files)
    filled = tuple(sorted(old.empty_folders - new.empty_folders))
    return FileDiff(added, changed, removed, filled)
