"""Page metadata from <title>, <meta>, <link rel=canonical> and JSON-LD, in the order publishers are reliable.

Kept apart from the text extraction in `html_page` because it never needs positions: it only
answers "what is this article called, when, by whom and where from". Which of the candidates
wins, and what the visible headline, byline and <time> add, is `page_fields`' choice.
"""
from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Sequence
from html import unescape

from reader.ingest.html_marks import Found
from reader.ingest.page_fields import (choose_author, choose_date, choose_site, choose_title, title_suffix,
                                       visible_bylines)

MAX_JSON_LD = 200_000  # characters; bigger scripts are app state, not article metadata
_MAX_NODES = 5_000  # JSON values visited per script
_MAX_TOPICS = 30
_SPACE = re.compile(r"\s+")
_SUFFIX_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 ")
# Published dates by name, best first; never a modified date (dateModified, article:modified_time).
_DATE_NAMES = ("datepublished", "og:pubdate", "pubdate", "publishdate", "publish-date", "publish_date", "pub_date",
               "article.published", "published_at", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
               "dcterms.date", "dcterms.issued", "dcterms.created", "date", "datecreated", "article_date_original")
# Last changed: a page's date only when it says nothing of when it was published.
_MODIFIED_NAMES = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
# Meta tags that name the author; article:author is often a profile URL, which the name check drops.
_AUTHOR_NAMES = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
                 "byl", "citation_author")
_MAX_LD_NODES = 20  # article-like nodes kept per page


def _clean(value: object) -> str:
    return _SPACE.sub(" ", value).strip() if isinstance(value, str) else ""


def _ld_text(value: object) -> str:
    """A JSON-LD string: script text is not entity-decoded by the HTML parser, so "&#8216;" is still there."""
    text = _clean(value)
    return _clean(unescape(text)) if "&" in text else text


class MetaCollector:
    """Collects candidate values while the page is parsed; `result` picks the best of each."""

    def __init__(self) -> None:
        self.values: dict[str, list[str]] = {}
        self.page_title = ""
        self.ld: dict[str, object] = {}
        self.ld_all: list[dict[str, object]] = []  # every article-like node, in page order
        self.ld_pages: list[dict[str, object]] = []  # WebPage nodes: a date when no article node has one
        self.people: dict[str, tuple[str, bool]] = {}  # JSON-LD @id -> (name, is an organisation)

    def _put(self, key: str, value: object) -> None:
        text = _clean(value)
        if text:
            self.values.setdefault(key, []).append(text)

    def first(self, *keys: str) -> str:
        """The first value stated for the first of these keys that has one, or ""."""
        return self._get(*keys)

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
        if len(raw) > MAX_JSON_LD or len(self.ld_all) >= _MAX_LD_NODES:
            return
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            return
        articles, pages = _article_nodes(data, self.people)
        for node in pages[:_MAX_LD_NODES]:
            self.ld_pages.append({"date": _ld_text(node.get("datePublished")), "headline": _ld_text(node.get("headline")),
                                  "author": node.get("author"), "modified": _ld_text(node.get("dateModified"))})
        for node in articles[:_MAX_LD_NODES]:
            news = any("News" in t for t in _types(node))
            summary = {"_news": news, "headline": _ld_text(node.get("headline")),
                       "date": _ld_text(node.get("datePublished")) or _ld_text(node.get("dateCreated")),
                       "publisher": _ld_text(_names(node.get("publisher"))),
                       "keywords": _keywords(node.get("keywords")), "author": node.get("author"),
                       "modified": _ld_text(node.get("dateModified"))}
            self.ld_all.append(summary)
            if not self.ld or (news and not self.ld.get("_news")):
                self.ld = summary

    def result(self, found: Found | None = None, headings: Sequence[tuple[int, str]] = (),
               texts: Sequence[str] = (), shown: str = "") -> dict[str, object]:
        """The metadata dict (only keys that were found); `found`, `headings` (h1 block number and text)
        and `texts` (every block's text) are what the page shows, for the headline, byline and date;
        `shown` is a headline the page marks as one without an h1, taken over any title it disagrees with."""
        found = found or Found()
        ld = self.ld
        site = choose_site([self._get("og:site_name"), str(ld.get("publisher") or ""), self._get("application-name")],
                           "")
        stated = [self._get("og:title"), str(ld.get("headline") or ""), self.page_title, self._get("twitter:title")]
        title, headline = choose_title([*([shown] if shown else []), *(strip_site_suffix(t, site) for t in stated if t)],
                                       headings, site)
        if not site:
            site = choose_site([title_suffix(self.page_title, title), self._get("apple-mobile-web-app-title")], title)
        out: dict[str, object] = {}
        if title:
            out["title"] = title
        url = self._get("og:url", "canonical")
        dates = [self._get("article:published_time"), str(ld.get("date") or ""),
                 *(str(n.get("date") or "") for n in self.ld_all),
                 *(v for key in _DATE_NAMES for v in self.values.get(key, [])[:1]),
                 *(str(n.get("date") or "") for n in self.ld_pages)]
        byline = visible_bylines(found, texts, headline)
        modified = [*(str(n.get("modified") or "") for n in [ld, *self.ld_all, *self.ld_pages]),
                    *(v for key in _MODIFIED_NAMES for v in self.values.get(key, [])[:1])]
        if date := choose_date(dates, found, texts, headline, url, byline, modified):
            out["date"] = date
        if site:
            out["source"] = site
        if url:
            out["url"] = url
        structured = next((names for n in [ld, *self.ld_all, *self.ld_pages]
                           if (names := _people(n.get("author"), self.people))), [])
        stated_authors = [v for key in _AUTHOR_NAMES for v in self.values.get(key, [])[:1]]
        if author := choose_author(structured[:20], stated_authors, byline, site):
            out["author"] = author
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


def _article_nodes(data: object, people: dict[str, tuple[str, bool]]) -> tuple[list[dict], list[dict]]:
    """Article-like and WebPage objects anywhere in the JSON (top level, lists, @graph), visited
    breadth-first with a cap; named nodes with an @id go into `people`, for authors given by reference."""
    found: list[dict] = []
    pages: list[dict] = []
    queue: deque[object] = deque([data])
    seen = 0
    while queue and seen < _MAX_NODES:
        node = queue.popleft()
        seen += 1
        if isinstance(node, list):
            queue.extend(node[:_MAX_NODES])
        elif isinstance(node, dict):
            types = _types(node)
            if any(t.endswith(("Article", "BlogPosting")) for t in types):
                found.append(node)
            elif any(t.endswith("WebPage") for t in types):
                pages.append(node)
            ref, name = node.get("@id"), _ld_text(node.get("name"))
            if isinstance(ref, str) and name and len(people) < _MAX_NODES:
                people.setdefault(ref, (name, _organisation(types)))
            graph = node.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph[:_MAX_NODES])
            main = node.get("mainEntity")
            if isinstance(main, (dict, list)):
                queue.append(main)
    return found, pages


def _organisation(types: list[str]) -> bool:
    return any("Organization" in t or t in ("Corporation", "WebSite", "Brand") for t in types)


def _people(value: object, people: dict[str, tuple[str, bool]]) -> list[str]:
    """The people a JSON-LD author names: strings, Person objects, @id references; organisations left out."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:20]:
        if isinstance(item, str):
            names.append(_ld_text(item))
        elif isinstance(item, dict):
            ref = item.get("@id")
            name, organisation = _ld_text(item.get("name")), _organisation(_types(item))
            if not name and isinstance(ref, str) and ref in people:
                name, organisation = people[ref]
            if name and not organisation:
                names.append(name)
    return [n for n in names if n]


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
