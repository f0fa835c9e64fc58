"""Choosing a page's title, published date, authors and site name among everything that claims to be one.

Publishers state each several times, and not always alike: `og:title` is often the social-media
headline and `<title>` the search-engine one ("Title | Section | Site"), JSON-LD names an
organisation as author or gives a desk's account name, a theme shows the modified date in the
byline. The page's own visible headline (its h1) and byline are what a reader sees, so they are
used when they agree with the metadata, and the metadata fills in where a page shows nothing.
Measured on 91 real pages against hand labels in tests/benchmarks/bench_page_metadata.py.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from reader.ingest.bylines import author_names, has_label
from reader.ingest.dateline import line_date
from reader.ingest.html_marks import Found
from reader.ingest.metadata import normalize_date

HEADLINE_COVERED = 0.6  # share of an h1's words the metadata titles must hold for it to be the headline
BYLINE_BEFORE = 12  # blocks before the headline where a byline may sit (above it, in the kicker)
BYLINE_AFTER = 30  # and after it (dek, photo, caption, then the byline)
DATE_AFTER = 15  # blocks after the headline where a date line belongs to the article's header
MAX_SITE_WORDS = 6
EARLIEST_YEAR = 1990
_WORD = re.compile(r"\w+")
_SITE_PARTS = re.compile(r"\s+[|:\u2013\u2014-]\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d?|[a-z]{3,9})[/-](\d\d?)(?:/|[-_.]|$)", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def choose_title(candidates: Sequence[str], headings: Sequence[tuple[int, str]], site: str) -> tuple[str, int]:
    """The page's visible headline when the metadata agrees with it, else the first candidate.

    Returns the title and the block number of the headline (-1 when no heading was chosen)."""
    known = [c for c in candidates if c]
    vocabulary = {w for c in known for w in _words(c)}
    folded = {" ".join(c.split()).casefold() for c in known}
    site_key = site.casefold()
    for number, heading in headings:
        text = " ".join(heading.split())
        words = _words(text)
        if not words or text.casefold() == site_key:
            continue
        if text.casefold() in folded:
            return text, number
        if len(words) >= 2 and sum(w in vocabulary for w in words) >= HEADLINE_COVERED * len(words):
            return text, number
    return (known[0] if known else ""), -1


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def choose_site(candidates: Sequence[str], title: str) -> str:
    """The first candidate that reads as a name: a tagline after "|" goes, "@handle" loses its "@"."""
    for candidate in candidates:
        name = " ".join(candidate.split()).lstrip("@")
        name = _SITE_PARTS.split(name)[0].strip() if "|" in name else name
        if name and len(name.split()) <= MAX_SITE_WORDS and name.casefold() != title.casefold():
            return name
    return ""


def headline_side(title: str) -> str:
    """The longest part of a title cut at its separators: "Mill closure puts 400 jobs at risk -
    Valley Gazette" -> the headline; a site name or section is the shorter part."""
    parts = [" ".join(p.split()) for p in _SITE_PARTS.split(title)]
    return max(parts, key=lambda p: len(p.split()), default="")


def title_suffix(page_title: str, headline: str) -> str:
    """'Headline - CBS News' -> 'CBS News': what a <title> adds after the headline, when it is short."""
    if not headline or not page_title.casefold().startswith(headline.casefold()):
        return ""
    rest = page_title[len(headline):].strip()
    parts = _SITE_PARTS.split(" " + rest)
    tail = parts[-1].strip() if len(parts) > 1 else ""
    return tail if 0 < len(tail.split()) <= 4 else ""


def plausible_date(value: str) -> str | None:
    """YYYY-MM-DD of a date a web page can have been published on (not 0001-01-01, not next year)."""
    date = normalize_date(value)
    if date is None:
        return None
    year = int(date[:4])
    return date if EARLIEST_YEAR <= year <= dt.date.today().year + 1 else None


def choose_date(stated: Sequence[str], found: Found, texts: Sequence[str], headline: int, url: str,
                byline: Byline | None = None, modified: Sequence[str] = ()) -> str:
    """The published day: what the metadata states, else what the page shows around the headline (a
    date element that says it is the publication date, a <time>, the byline's date, a date line), else
    the URL's; the `modified` dates only when the page gives no published one at all."""
    for value in stated:
        if value and (date := plausible_date(value)):
            return date
    near = [(n, value, published) for n, value, published in found.dates
            if headline < 0 or headline - BYLINE_BEFORE <= n <= headline + BYLINE_AFTER]
    for wanted in (True, False):
        for _, value, published in near:
            if published == wanted and (date := plausible_date(value)):
                return date
    if byline and (date := plausible_date(texts[byline.block])):  # "By A. Writer, May 3, 2024"
        return date
    start = max(headline, 0)
    for text in texts[start:start + DATE_AFTER]:
        if (date := line_date(text)) and plausible_date(date):
            return date
    if date := url_date(url):
        return date
    return next((date for value in modified if value and (date := plausible_date(value))), "")


def url_date(url: str) -> str | None:
    """The day in an article URL's path: /2019/11/18/ or /2019/nov/18/."""
    found = _URL_DATE.search(urlparse(url).path) if url else None
    if found is None:
        return None
    year, month, day = found.groups()
    number = int(month) if month.isdigit() else (_MONTHS.index(month[:3].lower()) + 1
                                                  if month[:3].lower() in _MONTHS else 0)
    return plausible_date(f"{year}-{number:02d}-{int(day):02d}") if number else None


def choose_author(structured: Sequence[str], stated: Sequence[str], byline: Byline | None, site: str) -> str:
    """The byline's people: JSON-LD's, else the meta tags' (a one-word meta author is an account name
    more often than a person), unless the visible byline names more, or names someone else after "By"."""
    primary = author_names(structured, site) or author_names([s for s in stated if len(s.split()) > 1], site)
    visible = _byline_names(byline, site) if byline else []
    if not visible:
        return ", ".join(primary)
    shown, known = {n.casefold() for n in visible}, {n.casefold() for n in primary}
    # "By Jonathan GarberFOXBusiness": text run together in the page is the same person, not another.
    glued = any(v.startswith(k) for v in shown for k in known)
    if not primary or shown > known or (byline and byline.labelled and not shown & known and not glued):
        return ", ".join(visible)
    return ", ".join(primary)


@dataclass(frozen=True, slots=True)
class Byline:
    """The byline near the headline: one block, the texts of the marked elements in it, and whether
    the block starts with a label such as "By"."""

    block: int
    exact: tuple[str, ...]  # inline elements' own texts (a rel=author link): names and nothing else
    loose: tuple[str, ...]  # texts running on to the block's end (a div.byline), or the block's
    labelled: bool


def _byline_names(byline: Byline, site: str) -> list[str]:
    """The people of every exact element (each link one author), else of the first loose text naming any."""
    names = author_names(byline.exact, site)
    return names or next((found for text in byline.loose if (found := author_names([text], site))), [])


def visible_bylines(found: Found, texts: Sequence[str], headline: int) -> Byline | None:
    """The first block near the headline that holds a marked byline element, or starts with "By" and a name."""
    start = max(0, headline - BYLINE_BEFORE) if headline >= 0 else 0
    end = min((headline + BYLINE_AFTER) if headline >= 0 else BYLINE_AFTER, len(texts) - 1)
    for n in range(start, end + 1):
        marked = [(text, exact) for number, text, exact in found.bylines if number == n]
        labelled = len(texts[n]) <= 200 and has_label(texts[n])
        if marked or (labelled and author_names([texts[n]], strict=True)):
            return Byline(n, tuple(t for t, exact in marked if exact),
                          tuple(t for t, exact in marked if not exact) or (texts[n],),
                          labelled or any(has_label(t) for t, _ in marked))
    return None
