"""What the library screen shows, kept free of Textual: loaded articles, failures, marks, filter and sort.

Filtering and sorting are plain functions over `Entry` rows so they can be tested without an app.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from reader.model import Article, LoadError


class Mark(Enum):
    """Per-article reading state; the symbol is what the table's first column shows."""

    UNREAD = "●"
    READ = "·"

    @property
    def symbol(self) -> str:
        return self.value


class SortKey(str, Enum):
    """Orders the library can be shown in; FILE is the order the files were read."""

    FILE = "file"
    DATE = "date"
    SOURCE = "source"
    TITLE = "title"
    LENGTH = "length"


@dataclass(slots=True)
class Entry:
    """One loaded article with its row key and the lower-cased text the filter searches."""

    number: int
    article: Article
    haystack: str
    words: int  # cached: Article.word_count walks every sentence, and sorting asks for it often

    @property
    def key(self) -> str:
        """The table row key: load order is unique even when a path is given twice."""
        return str(self.number)


def haystack(article: Article) -> str:
    """Title, source, topics and kept text, case-folded once so filtering as you type is cheap."""
    parts = [article.title or "", article.source or "", " ".join(article.topics)]
    parts.extend(s.text for s in article.sentences)
    return "\n".join(parts).casefold()


def matches(entry: Entry, query: str) -> bool:
    """Every whitespace-separated term of the query occurs somewhere in the entry (case-insensitive)."""
    return all(term in entry.haystack for term in query.casefold().split())


def _sort_value(entry: Entry, key: SortKey) -> tuple[object, ...]:
    article = entry.article
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
            reverse: bool = False) -> list[Entry]:
    """The entries the table shows: those matching the filter, in the chosen order."""
    shown = [e for e in entries if matches(e, query)] if query.strip() else list(entries)
    shown.sort(key=lambda e: _sort_value(e, key), reverse=reverse)
    return shown


@dataclass(slots=True)
class Library:
    """Everything loaded so far, what failed, and the reading mark of each article (default unread)."""

    entries: list[Entry] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)
    marks: dict[str, Mark] = field(default_factory=dict)
    total: int = 0  # files found; known once the inputs have been listed
    loaded: bool = False

    def add(self, article: Article, searched: str | None = None, words: int | None = None) -> Entry:
        """Append an article; `searched` and `words` come precomputed when a worker thread read it."""
        entry = Entry(len(self.entries), article, searched if searched is not None else haystack(article),
                      words if words is not None else article.word_count)
        self.entries.append(entry)
        return entry

    def mark_of(self, article: Article) -> Mark:
        return self.marks.get(article.path, Mark.UNREAD)

    def set_mark(self, article: Article, mark: Mark) -> None:
        self.marks[article.path] = mark

    def entry(self, key: str) -> Entry:
        return self.entries[int(key)]
