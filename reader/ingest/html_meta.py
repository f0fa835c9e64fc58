"""Page metadata from <title>, <meta>, <link rel=canonical> and JSON-LD, in the order publishers are reliable.

Kept apart from the text extraction in `html_page` because it never needs positions: it only
answers "what is this article called, when and where from".
"""
from __future__ import annotations

import json
import re
from collections import deque

MAX_JSON_LD = 200_000  # characters; bigger scripts are app state, not article metadata
_MAX_NODES = 5_000  # JSON values visited per script
_MAX_TOPICS = 30
_SPACE = re.compile(r"\s+")
_SUFFIX_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 ")
_DATE_NAMES = ("date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
               "dcterms.date", "dcterms.issued", "dcterms.created")


def _clean(value: object) -> str:
    return _SPACE.sub(" ", value).strip() if isinstance(value, str) else ""


class MetaCollector:
    """Collects candidate values while the page is parsed; `result` picks the best of each."""

    def __init__(self) -> None:
        self.values: dict[str, list[str]] = {}
        self.page_title = ""
        self.ld: dict[str, object] = {}

    def _put(self, key: str, value: object) -> None:
        text = _clean(value)
        if text:
            self.values.setdefault(key, []).append(text)

    def _get(self, *keys: str) -> str:
        for key in keys:
            found = self.values.get(key)
            if found:
                return found[0]
        return ""

    def meta_tag(self, attrs: dict[str, str | None]) -> None:
        """A <meta>: keyed by property (Open Graph), name, or itemprop (microdata)."""
        content = attrs.get("content")
        if not content:
            return
        for attr in ("property", "name", "itemprop"):
            key = (attrs.get(attr) or "").strip().lower()
            if key:
                self._put(key, content)

    def link_tag(self, attrs: dict[str, str | None]) -> None:
        rel = (attrs.get("rel") or "").lower().split()
        if "canonical" in rel:
            self._put("canonical", attrs.get("href"))

    def title(self, text: str) -> None:
        if not self.page_title:
            self.page_title = _clean(text)

    def json_ld(self, raw: str) -> None:
        """One ld+json script; bounded and forgiving, since pages ship broken JSON all the time."""
        if len(raw) > MAX_JSON_LD or self.ld.get("_news"):
            return
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            return
        for node in _article_nodes(data):
            news = any("News" in t for t in _types(node))
            if self.ld and (not news or self.ld.get("_news")):
                continue
            self.ld = {"_news": news, "headline": _clean(node.get("headline")),
                       "date": _clean(node.get("datePublished")), "publisher": _names(node.get("publisher")),
                       "keywords": _keywords(node.get("keywords"))}

    def result(self) -> dict[str, object]:
        """The metadata dict: only keys that were found."""
        ld = self.ld
        source = self._get("og:site_name") or str(ld.get("publisher") or "") or self._get("application-name")
        title = self._get("og:title") or str(ld.get("headline") or "") or self.page_title or self._get("twitter:title")
        out: dict[str, object] = {}
        if title:
            out["title"] = strip_site_suffix(title, source)
        date = (self._get("article:published_time") or str(ld.get("date") or "")
                or self._get("datepublished", *_DATE_NAMES))
        if date:
            out["date"] = date
        if source:
            out["source"] = source
        url = self._get("og:url", "canonical")
        if url:
            out["url"] = url
        topics = _dedupe(self.values.get("article:tag", []) + _split(self.values.get("news_keywords", []))
                         + _split(self.values.get("keywords", [])) + list(ld.get("keywords") or []))
        if topics:
            out["topics"] = topics
        excerpt = self._get("og:description", "description", "twitter:description")
        if excerpt:
            out["excerpt"] = excerpt
        return out


def strip_site_suffix(title: str, site: str) -> str:
    """'Headline | Site' -> 'Headline' when the suffix is the site's own name."""
    if not site:
        return title
    folded = site.casefold()
    for sep in _SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and tail.strip().casefold() == folded:
            return head.strip()
    return title


def _types(node: dict) -> list[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _article_nodes(data: object) -> list[dict]:
    """Article-like objects anywhere in the JSON (top level, lists, @graph), visited breadth-first with a cap."""
    found: list[dict] = []
    queue: deque[object] = deque([data])
    seen = 0
    while queue and seen < _MAX_NODES:
        node = queue.popleft()
        seen += 1
        if isinstance(node, list):
            queue.extend(node[:_MAX_NODES])
        elif isinstance(node, dict):
            if any(t.endswith(("Article", "BlogPosting")) for t in _types(node)):
                found.append(node)
            graph = node.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph[:_MAX_NODES])
            main = node.get("mainEntity")
            if isinstance(main, (dict, list)):
                queue.append(main)
    return found


def _names(value: object) -> str:
    """A person or organisation as JSON-LD gives it: a string, {"name": ...}, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:20]:
        name = _clean(item.get("name")) if isinstance(item, dict) else _clean(item)
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


def _keywords(value: object) -> list[str]:
    if isinstance(value, str):
        return _split([value])
    if isinstance(value, list):
        return _split([v for v in value[:200] if isinstance(v, str)])
    return []


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _dedupe(topics: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for topic in topics:
        key = topic.casefold()
        if key not in seen:
            seen.add(key)
            out.append(topic)
    return out[:_MAX_TOPICS]
