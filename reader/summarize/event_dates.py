"""The days a news sentence says its events happened, read against the article's publication date.

News dates events relative to the day it is published: "a federal judge on Monday blocked the
deal", "the order was lifted at 5 p.m. Friday", "yesterday", "on Aug. 15". Resolved to calendar
days, these tell what no text similarity can: a source published before an event cannot have
reported it, however many words its sentences share with the report of it ("the commission asked
a judge to block the deal" and "a judge on Monday blocked the deal"). The timeline uses this.

Only days on or before publication count: "three berths will reopen on Monday" is a plan, and an
earlier source may well have told the plan. A weekday is the latest such day on or before the
publication date (the article's own day included), and it is not read at all in a sentence about
the future ("will", "would", "next"), where "Monday" is the coming one. A month and day take the
publication year, or the year before when that would put them more than a season ahead.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from reader.summarize.quantities import quantities

_WEEKDAYS = {name: n for n, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAY = re.compile(r"\b(last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(today|tonight|this\s+(?:morning|afternoon|evening)|yesterday|last\s+night)\b",
                       re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|shall|next|won['’]t|expected\s+to|scheduled|due\s+to|plans?\s+to|set\s+to)\b"
                     r"|['’]ll\b", re.IGNORECASE)
FUTURE_WINDOW = 4  # words before a day name that may make it a coming day: "will be reopened on Monday"
AHEAD_DAYS = 120  # a month and day this far past publication are last year's ("on Dec. 30", published Jan. 4)


def published_day(text: str | None) -> date | None:
    """The YYYY-MM-DD day of an article's date string, None when it has none."""
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def day_string(text: str | None) -> str | None:
    """The YYYY-MM-DD day of an article's date string as text, None when it names no real day: the one
    test of "dated" that the story filter, the timeline and novelty share."""
    return (text or "")[:10] if published_day(text) is not None else None


def event_days(sentence: str, published: date, unless_in: str = "") -> tuple[date, ...]:
    """The days on or before `published` that `sentence` dates something to, in order of mention.
    A day word (weekday, "yesterday") that `unless_in` also has is not read: an earlier report of
    the same fact with the same "on Monday" means that Monday, not the week's latest one."""
    return _event_days(sentence, published, frozenset(_day_words(unless_in)) if unless_in else frozenset())


def dated_after(sentence: str, published: date, since: str, earlier: str = "") -> bool:
    """Whether `sentence` (published on `published`) dates an event after the day `since`
    (YYYY-MM-DD), reading its day words that the `earlier` sentence shares as that sentence's."""
    happened = max(event_days(sentence, published, earlier), default=None)
    return happened is not None and happened.isoformat() > since


def _day_words(text: str) -> set[str]:
    return {m.group(2).lower() for m in _WEEKDAY.finditer(text)} | {
        " ".join(m.group(1).lower().split()) for m in _RELATIVE.finditer(text)}


@lru_cache(maxsize=65536)
def _event_days(sentence: str, published: date, shared: frozenset[str]) -> tuple[date, ...]:
    found: list[tuple[int, date]] = []
    for q in quantities(sentence):
        if q.kind == "date" and isinstance(q.value, tuple):
            day = _month_day(q.value[0], q.value[1], published)
            if day is not None:
                found.append((q.start, day))
    for m in _WEEKDAY.finditer(sentence):
        if _ahead(sentence, m.start()) or m.group(2).lower() in shared:
            continue
        back = (published.weekday() - _WEEKDAYS[m.group(2).lower()]) % 7
        if m.group(1) and back == 0:
            back = 7
        _add(found, m.start(), published, back)
    for m in _RELATIVE.finditer(sentence):
        if _ahead(sentence, m.start()) or " ".join(m.group(1).lower().split()) in shared:
            continue
        _add(found, m.start(), published, 1 if m.group(1).lower().startswith(("yesterday", "last")) else 0)
    return tuple(day for _, day in sorted(found) if day <= published)


def _add(found: list[tuple[int, date]], at: int, published: date, back: int) -> None:
    """The day `back` days before publication, unless that is before the calendar (a file dated 0001-01-01)."""
    try:
        found.append((at, published - timedelta(days=back)))
    except OverflowError:
        pass


def _ahead(sentence: str, start: int) -> bool:
    """Whether the words just before a day name put it in the future: "would reopen on Monday"
    (but not "said on Monday that it would reopen")."""
    before = sentence[:start].split()[-FUTURE_WINDOW:]
    return bool(_FUTURE.search(" ".join(before)))


def _month_day(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if (candidate - published).days <= AHEAD_DAYS:
            return candidate
    return None
