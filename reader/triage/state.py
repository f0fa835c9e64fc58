"""The values triage deals in: an article's key (content fingerprint + path hint) and its state.

An article is identified by what it says, not where it lives, so renaming or moving a file
keeps its state; the path is only a hint that disambiguates copies and follows edits in place.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from reader.model import Article


def fingerprint(article: Article) -> str:
    """sha256 of the kept sentence texts joined by newlines (or of the whitespace-normalised text).

    Sentences rather than raw bytes, so re-encoding a file or changing its line endings keeps its state.
    """
    if article.sentences:
        basis = "\n".join(sentence.text for sentence in article.sentences)
    else:
        basis = " ".join(article.text.split())
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """What the store needs to find an article's state, without holding the parsed article."""

    fingerprint: str
    path: str  # as shown (relative paths allowed); the store records it made absolute

    @classmethod
    def of(cls, article: Article) -> ArticleKey:
        return cls(fingerprint(article), article.path)

    @property
    def location(self) -> str:
        """The absolute path recorded as the last place this article was seen."""
        return os.path.abspath(os.path.expanduser(self.path))


@dataclass(frozen=True, slots=True)
class ArticleState:
    """Read, starred, archived and tags of one article; `updated_at` is left out of equality."""

    read: bool = False
    starred: bool = False
    archived: bool = False
    tags: frozenset[str] = frozenset()
    updated_at: float | None = field(default=None, compare=False)  # unix time of the last change

    @property
    def sorted_tags(self) -> list[str]:
        return sorted(self.tags, key=lambda tag: (tag.casefold(), tag))


UNTOUCHED = ArticleState()  # an article the store has never heard of


@dataclass(frozen=True, slots=True)
class Change:
    """One article's state before and after an `apply`; `restore` puts `before` back (undo)."""

    key: ArticleKey
    before: ArticleState
    after: ArticleState

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag in use and how many articles carry it, for completion."""

    tag: str
    count: int
