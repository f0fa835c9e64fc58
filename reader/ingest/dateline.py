"""The publication date a saved article shows in its header, for files with no date in metadata.

Text saved from the web or a wire usually keeps the page's header under the headline: a line
such as "Published September 19, 2026, 9:10 a.m. | By A. Writer", "Thu 17 Sep 2026 19.05 BST",
"Wednesday 13 May 2026" or "Brennock Daily News | May 12, 2026". A line counts when one of its
parts (split at `|`, `·`, `•`) is a date with little else: at most a label word, a time and a
zone. A sentence that mentions a date ("On May 3, 2020, the council voted 7-2.") has more words
than that and never counts. Only the first lines after the headline are read: further down, a
date is part of the story, not its header.
"""
from __future__ import annotations

import re

from reader.ingest.metadata import normalize_date

HEADER_LINES = 8  # non-blank lines after the headline that may hold the header's date
HEADER_LINE_CHARS = 200  # a header line is short; a paragraph of prose is not searched for one
LEFTOVER_WORDS = 2  # words beside the date, time and zone: "Published", "Updated at"
_PARTS = re.compile(r"\s[|·•]\s")
_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}"
    r"|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}"
)
# What may stand beside the date in a header part: times ("9:10", "19.05", "a.m."), zones ("BST",
# "GMT+1"), the weekday, and joining words; each counts as no word.
_BESIDE = re.compile(
    r"\d{1,2}[:.]\d{2}(?::\d{2})?|\d{1,2}|[ap]\.?m\.?|[A-Z]{2,4}(?:[+-]\d{1,2})?|at|on|[,.()–—-]"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?",
    re.IGNORECASE,
)


def header_date(text: str, start: int = 0) -> str | None:
    """YYYY-MM-DD from a date line just under the headline of `text[start:]`, or None."""
    lines = []
    for line in text[start:start + 4000].splitlines():
        if line.strip():
            lines.append(line)
            if len(lines) > HEADER_LINES:
                break
    for line in lines[1:]:  # the first line is the headline: a date there is what it is about
        if len(line) > HEADER_LINE_CHARS:
            continue
        for part in _PARTS.split(line):
            if (date := _date_part(part)) is not None:
                return date
    return None


def line_date(line: str) -> str | None:
    """The date of one header line ("Published May 12, 2026 | By A. Writer"), or None if it is prose."""
    if len(line) > HEADER_LINE_CHARS:
        return None
    return next((date for part in _PARTS.split(line) if (date := _date_part(part)) is not None), None)


def _date_part(part: str) -> str | None:
    found = _DATE.search(part)
    if found is None:
        return None
    date = normalize_date(found.group())
    if date is None:
        return None
    rest = (part[:found.start()] + " " + part[found.end():]).split()
    leftover = [word for word in rest if not _BESIDE.fullmatch(word.strip(",.;"))]
    return date if len(leftover) <= LEFTOVER_WORDS else None
