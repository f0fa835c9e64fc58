"""The library's view, sort and grouping, remembered across runs in the preferences file, as the theme is.

A reader who keeps the library sorted by date, or always works in the starred view, should not
have to choose again on every start. The choice is stored under one key of `preferences.json`
(`reader.config.save_preference`, written atomically); each field is checked on its own when read,
so a missing, damaged or hand-edited value loads as its default and never stops the app.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.config import load_preferences, save_preference
from reader.tui.library import SortKey, View
from reader.tui.library_session import LibrarySession

PREFERENCE = "library"


@dataclass(frozen=True, slots=True)
class LibraryPrefs:
    """What the library remembers: the view (with its tag), the sort (with its direction), and whether
    it shows one row per story (the grouped view)."""

    view: View = View.UNREAD
    tag: str | None = None
    sort: SortKey = SortKey.FILE
    reverse: bool = False
    grouped: bool = False


DEFAULT = LibraryPrefs()


def _member(kind: type[View] | type[SortKey], value: Any, default: Any) -> Any:
    try:
        return kind(value) if isinstance(value, str) else default
    except ValueError:
        return default


def parse(data: Any) -> LibraryPrefs:
    """Stored data as prefs; anything unexpected in a field gives that field's default."""
    if not isinstance(data, dict):
        return DEFAULT
    view = _member(View, data.get("view"), DEFAULT.view)
    tag = data.get("tag")
    if view is View.TAG and not (isinstance(tag, str) and tag.strip()):
        view, tag = DEFAULT.view, None  # a tag view without its tag cannot be shown
    reverse, grouped = data.get("reverse"), data.get("grouped")
    return LibraryPrefs(view=view, tag=tag if view is View.TAG else None,
                        sort=_member(SortKey, data.get("sort"), DEFAULT.sort),
                        reverse=reverse if isinstance(reverse, bool) else DEFAULT.reverse,
                        grouped=grouped if isinstance(grouped, bool) else DEFAULT.grouped)


def load_library_prefs() -> LibraryPrefs:
    """The remembered view and sort (the defaults when nothing valid was stored)."""
    return parse(load_preferences().get(PREFERENCE))


def of(session: LibrarySession) -> LibraryPrefs:
    """What the session shows now."""
    return LibraryPrefs(session.view, session.view_tag, session.sort_key, session.reverse, session.grouped)


def restore(session: LibrarySession, prefs: LibraryPrefs) -> None:
    """Start the session on the remembered view and sort."""
    session.show_view(prefs.view, prefs.tag)
    session.sort_key, session.reverse = prefs.sort, prefs.reverse
    session.grouped = prefs.grouped


def remember(prefs: LibraryPrefs) -> None:
    """Store the prefs for the next run (a write that fails is skipped: see `save_preference`)."""
    save_preference(PREFERENCE, {"view": prefs.view.value, "tag": prefs.tag, "sort": prefs.sort.value,
                                 "reverse": prefs.reverse, "grouped": prefs.grouped})
