"""One article's summary as plain data: what `reader summarize` prints, without the parsed article.

A digest is small (the article's metadata and a few sentences with their lines), so workers send
digests back instead of whole Articles, and the cache keeps them: an unchanged file is summarized
once, not on every run.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.model import Article, path_file
from reader.summarize.units import SummaryItem


@dataclass(frozen=True, slots=True)
class DigestItem:
    """A summary sentence and the lines of its file that hold it (1-based, inclusive)."""

    text: str
    line_start: int
    line_end: int
    score: float


@dataclass(frozen=True, slots=True)
class ArticleDigest:
    """An article's metadata and its summary sentences, in article order."""

    path: str  # as shown to the user
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    warnings: tuple[str, ...]
    items: tuple[DigestItem, ...]
    item: str | None = None  # the item's id when the article is one of a feed's or mailbox's

    @property
    def file(self) -> str:
        """The file its citations name (`path` without an item's `#id`)."""
        return path_file(self.path, self.item)

    def to_data(self) -> dict[str, Any]:
        """JSON-ready, without the path (the cache keys by file; the shown path can differ per run)."""
        return {"title": self.title, "date": self.date, "source": self.source, "url": self.url,
                "warnings": list(self.warnings),
                "items": [[i.text, i.line_start, i.line_end, i.score] for i in self.items], "item": self.item}

    @classmethod
    def from_data(cls, path: str, data: dict[str, Any]) -> ArticleDigest:
        """The inverse of `to_data`; raises ValueError, KeyError or TypeError on anything else."""
        items = tuple(DigestItem(str(text), int(start), int(end), float(score))
                      for text, start, end, score in data["items"])
        item = data.get("item")
        return cls(path, data["title"], data["date"], data["source"], data["url"],
                   tuple(str(w) for w in data["warnings"]), items, str(item) if item is not None else None)


def digest_of(article: Article, items: Sequence[SummaryItem]) -> ArticleDigest:
    """The digest of an article's summary: each sentence as quoted, with its own lines."""
    return ArticleDigest(article.path, article.title, article.date, article.source, article.url,
                         tuple(article.warnings),
                         tuple(DigestItem(i.text, i.unit.sentence.span.start, i.unit.sentence.span.end, i.score)
                               for i in items), article.item)
