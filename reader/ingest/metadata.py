"""Map the many key spellings publishers use in front matter and HTML meta onto Article fields."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.ingest.bylines import author_names
from reader.model import Related

TITLE_KEYS = ("title", "headline", "name")
EXCERPT_KEYS = ("excerpt", "summary", "description", "abstract", "lede", "lead", "subtitle", "dek")
DATE_KEYS = (
    "publishedDateTime", "published_date_time", "datePublished", "date_published", "published_at",
    "publishedAt", "published", "pubDate", "pubdate", "date", "created", "created_at", "createdAt",
    "updated", "dateModified", "lastmod", "modified",
)
URL_KEYS = ("originalUrl", "original_url", "url", "link", "canonical", "canonical_url", "canonicalUrl",
            "webUrl", "web_url", "source_url", "sourceUrl", "permalink", "href")
SOURCE_KEYS = ("provider", "source", "publisher", "site_name", "siteName", "site", "outlet",
               "publication", "organization")
TOPIC_KEYS = ("topics", "tags", "keywords", "categories", "category", "subjects", "subject")
RELATED_KEYS = ("related", "related_articles", "relatedArticles", "see_also", "links")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
KNOWN_KEYS = frozenset(k.lower() for keys in (TITLE_KEYS, EXCERPT_KEYS, DATE_KEYS, URL_KEYS, SOURCE_KEYS, TOPIC_KEYS,
                                              RELATED_KEYS, AUTHOR_KEYS) for k in keys)  # any field reader reads

MAX_LIST_ITEMS = 100
MAX_FIELD_CHARS = 4000
_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")  # 2023-07-19, 2023/07/19, 2023.07.19
# "June 1, 2023", "November 18th, 2019", "1 June 2023", "25. September 2018"
_DATE_WORDS = re.compile(r"([A-Z][a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
                         r"|(\d{1,2})(?:st|nd|rd|th|\.)?\s+([A-Z][a-z]+\.?),?\s+(\d{4})")
# The same dates as one pattern without groups, for finding a date in a line ("date: 19 July 2023").
DATE_TEXT = (r"\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}"
             r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
             r"|\d{1,2}(?:st|nd|rd|th|\.)?\s+[A-Z][a-z]+\.?,?\s+\d{4}")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_NON_TOPIC_CATEGORY = {"news", "article", "articles", "post", "posts", "blog", "story", "page"}


@dataclass(slots=True)
class Metadata:
    """Article fields found in front matter or page meta; None where nothing was found."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    topics: list[str] = field(default_factory=list)
    excerpt: str | None = None
    related: list[Related] = field(default_factory=list)
    author: str | None = None  # the people, ", "-joined


def clean_text(value: Any) -> str | None:
    """A single-line, bounded string, or None for anything that is not scalar text."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if not isinstance(value, (str, int, float)):
        return None
    text = " ".join(str(value).split())[:MAX_FIELD_CHARS]
    return text or None


def normalize_date(value: Any) -> str | None:
    """YYYY-MM-DD from ISO (or 2023/07/19) strings, datetimes, or 'June 1, 2023' / '1 June 2023'; None if unsure."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _numeric_date(value)
    text = clean_text(value)
    if not text:
        return None
    if found := _DATE.search(text):
        return _valid(int(found[1]), int(found[3]), int(found[4]))
    if found := _DATE_WORDS.search(text):
        month_name, day, year = (found[1], found[2], found[3]) if found[1] else (found[5], found[4], found[6])
        month = _MONTHS.get(month_name[:3].lower())
        return _valid(int(year), month, int(day)) if month else None
    return None


_EPOCH_SECONDS = (315_532_800, 4_102_444_800)  # 1980 to 2100: a Unix time in seconds


def _numeric_date(value: float) -> str | None:
    """A date written as a number by an exporter: 20230719 (YYYYMMDD), or a Unix time in seconds or
    milliseconds (1689760800, 1689760800000), read as a UTC day. Other numbers are no date."""
    if isinstance(value, int) and 19_000_101 <= value <= 21_001_231:
        return _valid(value // 10_000, value // 100 % 100, value % 100)
    for scale in (1, 1000):
        if _EPOCH_SECONDS[0] <= value / scale < _EPOCH_SECONDS[1]:
            return dt.datetime.fromtimestamp(value / scale, dt.timezone.utc).date().isoformat()
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _first(data: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in keys:
        if key in data and data[key] not in (None, "", []):
            return data[key]
        if key.lower() in lowered and lowered[key.lower()] not in (None, "", []):
            return lowered[key.lower()]
    return None


def _source_name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return clean_text(_first(value, ("name", "title", "domain", "url")))
    if isinstance(value, list) and value:
        return _source_name(value[0])
    return clean_text(value)


def _string_list(value: Any) -> list[str]:
    if isinstance(value, str):
        items: list[Any] = [part for part in re.split(r"[,;]", value)]
    elif isinstance(value, list):
        items = value[:MAX_LIST_ITEMS]
    else:
        items = [value]
    out: list[str] = []
    for item in items:
        text = _source_name(item) if isinstance(item, Mapping) else clean_text(item)
        if text and text not in out:
            out.append(text)
    return out


def _url(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = _first(value, ("href", "url"))
    text = clean_text(value)
    return text if text and re.match(r"[a-z][a-z0-9+.-]*://|www\.", text, re.I) else None


def _topics(data: Mapping[str, Any]) -> list[str]:
    topics: list[str] = []
    for key in TOPIC_KEYS:
        value = _first(data, (key,))
        if value is None:
            continue
        found = _string_list(value)
        if key == "category":
            found = [t for t in found if t.lower() not in _NON_TOPIC_CATEGORY]
        topics.extend(t for t in found if t not in topics)
    return topics[:MAX_LIST_ITEMS]


def _related(value: Any) -> list[Related]:
    if not isinstance(value, list):
        return []
    related = []
    for item in value[:MAX_LIST_ITEMS]:
        if isinstance(item, Mapping):
            meta = from_mapping(item, nested=True)
            if meta.title or meta.url:
                related.append(Related(meta.title, meta.excerpt, meta.date, meta.url, meta.source))
        elif url := _url(item):
            related.append(Related(url=url))
    return related


def from_mapping(data: Mapping[str, Any], nested: bool = False) -> Metadata:
    """Read Article fields from a front matter mapping, whatever the publisher called them."""
    url_keys = URL_KEYS
    return Metadata(
        title=_first_text(_first(data, TITLE_KEYS)),
        date=normalize_date(_first(data, DATE_KEYS)),
        source=_source_name(_first(data, SOURCE_KEYS)),
        url=next((u for k in url_keys if (u := _url(_first(data, (k,))))), None),
        topics=[] if nested else _topics(data),
        excerpt=_first_text(_first(data, EXCERPT_KEYS)),
        related=[] if nested else _related(_first(data, RELATED_KEYS)),
        author=None if nested else _authors(_first(data, AUTHOR_KEYS)),
    )


def _first_text(value: Any) -> str | None:
    """A text field's value; given a list (`title: [Main, Sub]`), its first text, as for a source."""
    if isinstance(value, list):
        return next((text for item in value[:MAX_LIST_ITEMS] if (text := clean_text(item))), None)
    return clean_text(value)


def _authors(value: Any) -> str | None:
    """`author: Ana Ruiz`, `authors: [A, B]`, `author: {name: A}`, "By A and B": the people, ", "-joined."""
    items = value[:MAX_LIST_ITEMS] if isinstance(value, list) else [value]
    texts = [text for item in items if (text := _source_name(item) if isinstance(item, Mapping) else clean_text(item))]
    return ", ".join(author_names(texts)) or None


def date_problem(data: Mapping[str, Any]) -> str | None:
    """A warning when the mapping names a date that is no real date (2023-02-30, year 0): it is ignored."""
    raw = _first(data, DATE_KEYS)
    if raw is None or normalize_date(raw) is not None:
        return None
    shown = clean_text(raw)
    if shown is None:  # a list, a mapping, true: say what it was, not ''
        kind = ("a list" if isinstance(raw, list) else "a mapping" if isinstance(raw, Mapping)
                else str(raw).lower() if isinstance(raw, bool) else repr(raw)[:40])
        return f"front matter date is {kind}, not a date; ignored"
    return f"front matter date {shown[:40]!r} is not a date; ignored"
