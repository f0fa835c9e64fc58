"""Files that arrived, changed or went, applied to the open library on the UI thread, without Textual.

A row keeps its key for the whole run, so the cursor, the selection and every mark stay on the
same article when rows arrive: a changed file's rows are updated in place (a feed's item by its
`file#id`, so items that are still there keep their rows and marks, new ones are added and those
taken out go); a file that went leaves its rows marked gone (hidden, their marks kept, in the
store too), and a row whose file comes back is the same row again. What happened is counted per
article for the notice ("2 new articles, 1 changed, 1 removed").
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.model import LoadError
from reader.tui.arrivals import Arrivals
from reader.tui.library import Entry
from reader.tui.library_session import LibrarySession


@dataclass(frozen=True, slots=True)
class Applied:
    """What the arrivals did to the library: counts for the notice, and the rows whose cells changed."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    failed: int = 0  # files (or items) that arrived or changed and cannot be read
    redrawn: frozenset[str] = frozenset()  # rows whose listing was replaced: their cells are stale
    failures_changed: bool = False

    @property
    def notice(self) -> str | None:
        """`2 new articles, 1 changed, 1 removed`; None when nothing a reader would see happened."""
        counts = [(self.new, "new"), (self.changed, "changed"), (self.removed, "removed")]
        parts = []
        for count, what in counts:
            if not count:
                continue
            if parts:
                parts.append(f"{count} {what}")
            else:
                noun = "article" if count == 1 else "articles"
                parts.append(f"{count} new {noun}" if what == "new" else f"{count} {noun} {what}")
        if self.failed:
            parts.append(f"{self.failed} could not be read")
        return ", ".join(parts) if parts else None


def owner_of(path: str, owners: set[str]) -> str | None:
    """The touched file a row or failure belongs to: its own path, or the file of `file#id`."""
    if path in owners:
        return path
    base, mark, _item = path.rpartition("#")
    return base if mark and base in owners else None


def apply_arrivals(session: LibrarySession, arrivals: Arrivals) -> Applied:
    """Bring the library's rows and failures in line with what the touched files hold now."""
    library = session.library
    owners = {f.owner for f in arrivals.files}
    present: dict[str, list[Entry]] = {}  # rows of touched files, by path, in load order
    returning: dict[str, list[Entry]] = {}  # rows of files that went earlier, by path
    for entry in library.entries:
        if owner_of(entry.listing.path, owners) is not None:
            rows = returning if entry.key in library.gone else present
            rows.setdefault(entry.listing.path, []).append(entry)
    new = changed = 0
    redrawn: set[str] = set()
    for file in arrivals.files:
        for listing, state in zip(file.listings, file.states):
            same = present.get(listing.path)
            if same:
                entry = same.pop(0)
                if entry.listing != listing:  # its marks stay: same article, edited in place
                    changed += 1
                    entry.listing = listing
                    redrawn.add(entry.key)
                continue
            back = returning.get(listing.path)
            if back:
                entry = back.pop(0)
                library.gone.discard(entry.key)
                entry.listing = listing
                library.states[entry.key] = state
                redrawn.add(entry.key)
            else:
                library.add(listing, state)
            new += 1
    left = [entry for rows in present.values() for entry in rows]
    _forget(session, left)
    failed, failures_changed = _refresh_failures(library.failures, arrivals, owners)
    return Applied(new, changed, len(left), failed, frozenset(redrawn), failures_changed)


def _forget(session: LibrarySession, entries: Iterable[Entry]) -> None:
    """Hide rows whose file went; their states stay (in memory and in the store) for when it comes back."""
    for entry in entries:
        session.library.gone.add(entry.key)
        session.selected.discard(entry.key)
        session.sticky.discard(entry.key)
        if session.picked == entry.key:
            session.picked = None


def _refresh_failures(failures: list[LoadError], arrivals: Arrivals, owners: set[str]) -> tuple[int, bool]:
    """Replace the touched files' failures with their new ones (in place); (new failures, whether any changed)."""
    filled = set(arrivals.filled)
    kept = [f for f in failures if f.path not in filled and owner_of(f.path, owners) is None]
    fresh = [f for file in arrivals.files for f in file.failures]
    changed = len(kept) != len(failures) or bool(fresh)
    known = set(failures)
    failures[:] = kept + fresh
    return sum(1 for f in fresh if f not in known), changed
