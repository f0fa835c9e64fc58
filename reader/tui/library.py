"""What the library screen shows, kept free of Textual: listed articles, failures, triage states, views, filter and sort.

A row is a `Listing` (from the ingest cache when the file is unchanged), never a parsed Article:
the article is parsed when it is opened, compared or summarized (`open_article`). Filtering and
sorting are plain functions over `Entry` rows so they can be tested without an app.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from reader.ingest import load_article
from reader.model import Article, LoadError
from reader.triage import ArticleKey, ArticleState
from reader.triage.ingest_cache import Listing

UNTOUCHED = ArticleState()


class View(str, Enum):
    """Which articles the table shows by their triage state; `v` cycles the first four."""

    UNREAD = "unread"
    STARRED = "starred"
    ARCHIVED = "archived"
    ALL = "all"
    TAG = "tag"


VIEW_CYCLE = (View.UNREAD, View.STARRED, View.ARCHIVED, View.ALL)


def in_view(state: ArticleState, view: View, tag: str | None = None) -> bool:
    """Whether an article in `state` belongs in `view`; archived articles only show in archived and all."""
    if view is View.ALL:
        return True
    if view is View.ARCHIVED:
        return state.archived
    if state.archived:
        return False
    if view is View.UNREAD:
        return not state.read
    if view is View.STARRED:
        return state.starred
    return tag is not None and tag in state.tags


class SortKey(str, Enum):
    """Orders the library can be shown in; FILE is the order the files were read."""

    FILE = "file"
    DATE = "date"
    SOURCE = "source"
    TITLE = "title"
    LENGTH = "length"


@dataclass(slots=True)
class Entry:
    """One listed article with its row key."""

    number: int
    listing: Listing

    @property
    def key(self) -> str:
        """The table row key: load order is unique even when a path is given twice."""
        return str(self.number)

    @property
    def triage_key(self) -> ArticleKey:
        return self.listing.key

    @property
    def words(self) -> int:
        return self.listing.words


def open_article(entry: Entry) -> Article | LoadError:
    """The entry's file parsed now (it may have changed since it was listed: then this is the new text)."""
    listing = entry.listing
    return load_article(listing.file or listing.path, listing.path)


def matches(entry: Entry, query: str) -> bool:
    """Every whitespace-separated term of the query occurs somewhere in the entry (case-insensitive)."""
    return all(term in entry.listing.search_text for term in query.casefold().split())


def _sort_value(entry: Entry, key: SortKey) -> tuple[object, ...]:
    article = entry.listing
    if key is SortKey.DATE:
        return (article.date or "", entry.number)
    if key is SortKey.SOURCE:
        return ((article.source or "\uffff").casefold(), (article.title or "").casefold(), entry.number)
    if key is SortKey.TITLE:
        return ((article.title or "\uffff").casefold(), entry.number)
    if key is SortKey.LENGTH:
        return (entry.words, entry.number)
    return (entry.number,)


def arrange(entries: Iterable[Entry], query: str = "", key: SortKey = SortKey.FILE,
            reverse: bool = False, keep: Callable[[Entry], bool] | None = None) -> list[Entry]:
    """The entries the table shows: those in the view (`keep`) matching the filter, in the chosen order."""
    if keep is not None:
        entries = [e for e in entries if keep(e)]
    shown = [e for e in entries if matches(e, query)] if query.strip() else list(entries)
    shown.sort(key=lambda e: _sort_value(e, key), reverse=reverse)
    return shown


@dataclass(slots=True)
class Library:
    """Everything loaded so far, what failed, and the triage state of each entry (by row key)."""

    entries: list[Entry] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)
    states: dict[str, ArticleState] = field(default_factory=dict)
    total: int = 0  # files found; known once the inputs have been listed
    loaded: bool = False
    gone: set[str] = field(default_factory=set)  # rows whose file went while the library was open (kept for their key)

    def add(self, listing: Listing, state: ArticleState = UNTOUCHED) -> Entry:
        """Append a listed article with its triage state."""
        entry = Entry(len(self.entries), listing)
        self.entries.append(entry)
        self.states[entry.key] = state
        return entry

    def state_of(self, entry: Entry) -> ArticleState:
        return self.states.get(entry.key, UNTOUCHED)

    def entry(self, key: str) -> Entry:
        return self.entries[int(key)]

    @property
    def live(self) -> list[Entry]:
        """The entries whose file is still there (a row's number stays its key, so gone ones stay listed)."""
        gone = self.gone
        return [e for e in self.entries if e.key not in gone] if gone else self.entries
