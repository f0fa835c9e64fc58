"""Feed files (RSS 2.0, RSS 1.0, Atom, JSON Feed): one entry per item, its text mapped to the feed's lines.

The XML is read by feed_xml (expat with entity declarations refused), JSON Feed by feed_json; both
keep positions, so an item's HTML, however it is escaped (CDATA, entities, JSON escapes), becomes a
Block whose characters know their offsets in the feed file. entry_article then reads that HTML
with the page extractor and cites the feed's own lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from reader.ingest.blocks import Block
from reader.ingest.feed_json import JsonError, Text, json_text, parse_json
from reader.ingest.feed_xml import Element, FeedXmlError, parse_xml
from reader.ingest.item_ids import item_ids
from reader.ingest.source_map import verbatim, xml_text

FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed"}
MAX_ITEMS = 5_000
_ROOT = re.compile(r"<(?![?!/])(?:[\w.-]+:)?([\w.-]+)")
_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
_JSON_FEED = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/')
_ALTERNATE = ("alternate", "")
_ADDRESS = re.compile(r"^\S+@\S+$")
_ADDRESS_AND_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")  # RSS 2.0 <author>: "desk@outlet.example (Name)"


class FeedError(ValueError):
    """The file is a feed that cannot be read at all; the message is one plain line."""


@dataclass(slots=True)
class FeedEntry:
    """One item: its metadata, its text mapped to the file, and the span of its element."""

    key: str  # what identifies it across re-saves: guid, id, link, else title and date
    start: int
    end: int
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    topics: list[str] = field(default_factory=list)
    body: Block | None = None
    html: bool = False


@dataclass(slots=True)
class Feed:
    """A parsed feed: its outlet name and link, its entries (with stable ids) and what went wrong."""

    kind: str
    title: str | None
    url: str | None
    entries: list[FeedEntry]
    ids: list[str]
    warnings: list[str] = field(default_factory=list)
    author: str | None = None  # the feed's own author (Atom, JSON Feed): an entry without one has it


def root_element(head: str) -> str:
    """The name of the first element of an XML text (past its declaration, comments, doctype), lower-cased."""
    root = _ROOT.search(head)
    return root.group(1).lower() if root else ""


def feed_kind(text: str, suffix: str) -> str | None:
    """"rss", "atom", "rdf" or "json" when the text is a feed; a feed suffix with an unknown root is "xml"."""
    head = text[:8192].lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        return "json" if _JSON_FEED.search(head) else None
    if not head.startswith("<"):
        return None
    name = root_element(head)
    if name in ("rss", "channel"):
        return "rss"
    if name == "feed":
        return "atom"
    if name == "rdf":
        return "rdf"
    return "xml" if suffix in (".rss", ".atom", ".rdf", ".feed") else None


def parse_feed(text: str, kind: str) -> Feed:
    """The feed's entries; a break part-way keeps the items before it (with a warning); raises FeedError
    when nothing can be read."""
    if kind == "json":
        try:
            return _json_feed(text, parse_json(text))
        except JsonError as exc:
            raise FeedError(f"not a readable JSON Feed ({exc})") from None
    warnings: list[str] = []
    try:
        roots = parse_xml(text)
    except FeedXmlError as exc:
        roots = exc.elements
        if not _entries_in(roots):
            raise FeedError(f"not a readable feed ({exc})") from None
        warnings.append(f"{exc}; only the items before it are read")
    feed = _xml_feed(text, roots)
    feed.warnings[:0] = warnings
    return feed


def _entries_in(roots: list[Element]) -> bool:
    return any(e.end >= 0 for e in _walk_items(roots))


def _walk_items(roots: list[Element]) -> list[Element]:
    """item and entry elements under the root (RSS 2.0: in channel; RSS 1.0: beside it; Atom: in feed)."""
    found: list[Element] = []
    for root in roots:
        for node in [root, *root.children]:
            found.extend(c for c in node.children if c.name in ("item", "entry"))
        if root.name in ("item", "entry"):
            found.append(root)
    return found


def _plain(text: str, node: Element | None) -> str | None:
    """An element's text on one line: entities decoded, tags (of an HTML title) dropped."""
    if node is None or node.inner_end < 0:
        return None
    raw = text[node.inner_start:node.inner_end]
    value = xml_text(text, node.inner_start, node.inner_end).text if not node.children else raw
    if node.attrs.get("type") in ("html", "xhtml") or node.children:
        value = unescape(_TAG.sub(" ", value))
    value = " ".join(value.split())
    return value[:1000] or None


def _link(text: str, node: Element) -> str | None:
    for link in node.all("link"):
        if "href" in link.attrs and link.attrs.get("rel", "") in _ALTERNATE:
            return link.attrs["href"].strip() or None
    for link in node.all("link"):
        if value := (link.attrs.get("href") or _plain(text, link)):
            return value
    return None


def _person(text: str, node: Element) -> str | None:
    """Who an item or feed names as author: Atom author/name, dc:creator, or RSS 2.0's "address (Name)"
    taken to the name; an e-mail address alone is no person, so a byline or the feed's author may stand."""
    author = node.child("author", "creator")
    name = author.child("name") if author is not None else None
    value = _plain(text, name if name is not None else author)
    if value is None:
        return None
    if found := _ADDRESS_AND_NAME.match(value):
        return found.group(1).strip() or None
    return None if _ADDRESS.match(value) else value


def _xml_feed(text: str, roots: list[Element]) -> Feed:
    root = roots[0] if roots else None
    kind = {"feed": "atom", "rdf": "rdf"}.get(root.name.lower(), "rss") if root else "rss"
    channel = (root.child("channel") or root) if root else None
    title = _plain(text, channel.child("title")) if channel else None
    url = _link(text, channel) if channel else None
    entries, warnings = [], []
    for node in _walk_items(roots):
        if node.end < 0:
            continue
        if len(entries) >= MAX_ITEMS:
            warnings.append(f"only the first {MAX_ITEMS:,} items are read")
            break
        entries.append(_xml_entry(text, node))
    return Feed(kind, title, url, entries, item_ids([e.key for e in entries]), warnings,
                _person(text, channel) if channel else None)


def _xml_entry(text: str, node: Element) -> FeedEntry:
    entry = FeedEntry("", node.start, node.end, title=_plain(text, node.child("title")), url=_link(text, node),
                      date=_plain(text, node.child("published", "pubDate", "date", "issued", "updated", "modified")),
                      author=_person(text, node),
                      topics=[t for c in node.all("category") if (t := c.attrs.get("term") or _plain(text, c))][:20])
    body = _body_element(node)
    if body is not None and body.inner_end > body.inner_start:
        if body.children:  # Atom type="xhtml": the markup is the element's content, as written
            entry.body, entry.html = verbatim(text, body.inner_start, body.inner_end), True
        else:
            entry.body = xml_text(text, body.inner_start, body.inner_end)
            entry.html = body.attrs.get("type") in ("html", "xhtml", "text/html") or (
                body.attrs.get("type") in (None, "") and _TAG.search(entry.body.text) is not None)
    guid = _plain(text, node.child("guid", "id")) or node.attrs.get("about")
    entry.key = guid or entry.url or f"{entry.title}|{entry.date}"
    return entry


def _body_element(node: Element) -> Element | None:
    """The fullest text an item carries: content:encoded or Atom content, else description or summary."""
    for child in node.children:
        if child.name == "encoded" or (child.name == "content" and "src" not in child.attrs):
            return child
    return node.child("description", "summary")


def _json_feed(text: str, doc: Any) -> Feed:  # noqa: ANN401 - a JSON document
    if not isinstance(doc, dict):
        raise FeedError("not a readable JSON Feed: the document is not an object")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError("not a readable JSON Feed: it has no list of items")
    entries, warnings = [], []
    for item in items:
        if not isinstance(item, dict):
            continue
        if len(entries) >= MAX_ITEMS:
            warnings.append(f"only the first {MAX_ITEMS:,} items are read")
            break
        entries.append(_json_entry(text, item))
    return Feed("json", _string(doc.get("title")), _string(doc.get("home_page_url")), entries,
                item_ids([e.key for e in entries]), warnings, _json_person(doc))


def _json_entry(text: str, item: dict[str, Any]) -> FeedEntry:
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    entry = FeedEntry("", getattr(item, "start", 0), getattr(item, "end", 0), title=_string(item.get("title")), url=_string(item.get("url")),
                      date=_string(item.get("date_published") or item.get("date_modified")),
                      author=_json_person(item),
                      topics=[t for t in (_string(x) for x in tags[:20]) if t])
    for key, html in (("content_html", True), ("content_text", False), ("summary", False)):
        value = item.get(key)
        if isinstance(value, Text) and value.strip():
            entry.body, entry.html = json_text(text, value), html
            break
    entry.key = _string(item.get("id")) or entry.url or f"{entry.title}|{entry.date}"
    return entry


def _json_person(node: dict[str, Any]) -> str | None:
    """The first author's name of an item or feed: JSON Feed 1.1 `authors`, 1.0 `author`."""
    authors = node.get("authors") if isinstance(node.get("authors"), list) else [node.get("author")]
    first = authors[0] if authors else None
    return _string(first.get("name")) if isinstance(first, dict) else None


def _string(value: Any) -> str | None:  # noqa: ANN401
    if not isinstance(value, str):
        return None
    return " ".join(value.split())[:1000] or None
