"""Files that hold several articles (feeds, mailboxes): which files they are, their item ids, one item's Article.

The loader asks `container_of` about every file with a feed or mailbox suffix (or none); a
container is expanded into one input per item, `file#id` (item_ids), and each item is built on
its own from the same parsed container, so a worker never builds the items it was not asked for.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.ingest.article_builder import build_from_blocks
from reader.ingest.blocks import Block
from reader.ingest.feeds import FEED_SUFFIXES, Feed, FeedEntry, FeedError, feed_kind, parse_feed, root_element
from reader.ingest.metadata import Metadata, normalize_date
from reader.ingest.source_map import compose, map_span
from reader.lines import LineIndex
from reader.model import Article, LineSpan

MAILBOX_SUFFIXES = {".mbox", ".mbx"}
CONTAINER_SUFFIXES = FEED_SUFFIXES | MAILBOX_SUFFIXES | {""}
MAX_ITEM_CHARS = 2_000_000  # a feed item longer than a long book is a dump: its start is read


class ContainerError(ValueError):
    """A feed or mailbox that cannot be read at all (broken, hostile); one plain line."""


@dataclass(slots=True)
class Container:
    """The items of one file: ids in file order, file-level warnings, and how to build item i."""

    kind: str  # "feed" or "mailbox"
    ids: list[str]
    build: Callable[[int, str, str, list[str]], Article]  # (number, shown path, encoding, warnings)
    warnings: list[str] = field(default_factory=list)
    positions: dict[str, int] = field(init=False)  # id -> its index: each of 5,000 items found without a scan

    def __post_init__(self) -> None:
        self.positions = {item: n for n, item in reversed(list(enumerate(self.ids)))}  # the first of a repeated id


def may_hold_items(path: str) -> bool:
    """Whether a file's suffix lets it be a feed or mailbox (the rest are never opened early)."""
    return os.path.splitext(path)[1].lower() in CONTAINER_SUFFIXES


def container_of(text: str, suffix: str) -> Container | None:
    """The file's items when it is a feed or mailbox, None when it is one article; raises ContainerError."""
    suffix = suffix.lower()
    kind = feed_kind(text, suffix)
    if kind is not None:
        try:
            feed = parse_feed(text, kind)
        except FeedError as exc:
            raise ContainerError(str(exc)) from None
        if not feed.entries:
            raise ContainerError("feed holds no items")
        return Container("feed", feed.ids, lambda n, shown, enc, warn: entry_article(text, shown, feed, n, enc, warn),
                         feed.warnings)
    if (refused := not_an_article(text, suffix)) is not None:
        raise ContainerError(refused)
    from reader.ingest.mailbox import mailbox_container

    return mailbox_container(text, suffix)


# Six words in a row, not markup. A word starts only after a space or markup, and possessively, so
# a long run with no space (base64) is passed once, not tried from each of its characters.
_PROSE = re.compile(r"(?<![^\s<>\"{}])[^\W\d_][^\s<>\"{}]*+(?:\s++[^\s<>\"{}]++){5}")


def not_an_article(text: str, suffix: str) -> str | None:
    """Why a data file named as one is no article (a sitemap, a package manifest: no six words of
    prose in a row), or None. Read as text, its markup or keys would be the headline and the story;
    a file of data that holds prose (<note><body>Call the harbour office ...</body></note>) is read."""
    head = text[:8192].lstrip("\ufeff \t\r\n")
    if suffix == ".json" and head.startswith(("{", "[")) and not _PROSE.search(text[:MAX_ITEM_CHARS]):
        return "JSON that is not a feed and holds no prose"
    if suffix == ".xml" and head.startswith("<"):
        root = root_element(head)
        prose = _PROSE.search(re.sub(r"<[^<>]*+>", " ", text[:MAX_ITEM_CHARS]))
        if root and root not in ("html", "article", "body") and not prose:
            return f"XML that is not a feed (its root is <{root}>) and holds no prose"
    return None


def entry_article(text: str, shown: str, feed: Feed, number: int, encoding: str = "utf-8",
                  warnings: list[str] | None = None) -> Article:
    """Item `number` of the feed as an Article over the whole feed file: its HTML through the page
    extractor (or its plain text as paragraphs), every sentence at the feed lines holding it."""
    entry = feed.entries[number]
    warnings = list(warnings or [])
    body = body_blocks(entry.body, entry.html, warnings)
    # The item's author element, else the byline its HTML shows, else the feed's own author (Atom's rule).
    meta = Metadata(title=entry.title, date=normalize_date(entry.date), source=feed.title, url=entry.url,
                    topics=list(entry.topics), author=entry.author or body.author or feed.author)
    article = build_from_blocks(text, shown, meta, body.blocks, body.left_out, body.format, encoding, warnings)
    return as_item(article, feed.ids[number], entry.start, entry.end)


class ItemBody(NamedTuple):
    """An item's text blocks at file offsets, the spans left out, its format and the byline's people."""

    blocks: list[Block]
    left_out: list[tuple[int, int, str]]
    format: str
    author: str | None = None


def body_blocks(body: Block | None, html: bool, warnings: list[str]) -> ItemBody:
    """Blocks of a decoded body (HTML through the page extractor), carried through to file offsets."""
    if body is None:
        return ItemBody([], [], "html" if html else "text")
    if body.length > MAX_ITEM_CHARS:
        warnings.append(f"item text is {body.length:,} characters; only the first {MAX_ITEM_CHARS:,} are read")
        body = body.slice(0, MAX_ITEM_CHARS)
    if html:
        from reader.ingest.html_page import parse_html

        page = parse_html(body.text)
        warnings.extend(page.warnings)
        dropped = [(*map_span(body, a, b), why) for a, b, why in page.dropped]
        author = page.meta.get("author")
        return ItemBody([compose(b, body) for b in page.blocks], dropped, "html", author if isinstance(author, str) else None)
    from reader.ingest.plain import plain_blocks

    return ItemBody([compose(b, body) for b in plain_blocks(body.text)], [], "text")


def as_item(article: Article, item: str, start: int, end: int) -> Article:
    """Mark an Article as item `item` of its file, spanning file offsets start..end (its fields as built)."""
    index: LineIndex = article.line_index
    article.item = item
    article.item_lines = LineSpan(index.line_of(start), index.line_of(max(end - 1, start)))
    return article


__all__ = ["CONTAINER_SUFFIXES", "Container", "ContainerError", "FeedEntry", "ItemBody", "as_item", "body_blocks",
           "container_of", "entry_article", "may_hold_items"]
