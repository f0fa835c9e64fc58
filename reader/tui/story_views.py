"""The story screen's other views of its story: the timeline by date, and what is new to you.

Both are lists of summary items, so the story screen shows them in its own summary list (with a
heading per date for the timeline) and every fact keeps its places pane and `enter` to open it.
The texts here say what each view holds, in the words the CLI uses for it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from textual.content import Content

from reader.model import Article
from reader.output.places import below
from reader.output.sanitize import one_line
from reader.output.story_facts import plural
from reader.summarize.new_to_you import NewToYou
from reader.summarize.timeline import Day, Timeline
from reader.tui.widgets.summary_view import Section

View = Literal["summary", "timeline", "new"]

NAMED_ARTICLES = 3  # a day's heading names this many files, then says how many more
NOTHING_LATER = "(nothing that an earlier source had not said)"
NOTHING_NEW = "Nothing new to you in this story"


@dataclass(frozen=True, slots=True)
class ViewResult:
    """What a view's worker computed, with the view it was for (the user may have moved on)."""

    view: View
    value: Timeline | NewToYou


def _names(articles: Sequence[Article], base: str | None) -> str:
    names = [one_line(below(a.path, base)) for a in articles[:NAMED_ARTICLES]]
    more = len(articles) - NAMED_ARTICLES
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def day_heading(day: Day, base: str | None) -> Content:
    """`2026-06-01 · 2 articles: a.txt, b.md`, or `Undated · …` for the articles with no usable date."""
    return Content.assemble((day.date or "Undated", "$text-accent bold"),
                            (f" · {plural(len(day.articles), 'article')}: ", "$foreground bold"),
                            (_names(day.articles, base), "$text-muted"))


def timeline_sections(timeline: Timeline, base: str | None) -> list[Section]:
    """One section a day, in date order with the undated last, as `story_timeline` orders them."""
    return [Section(day_heading(day, base), day.items, NOTHING_LATER) for day in timeline.days]


def timeline_line(timeline: Timeline) -> str:
    """`3 articles · 2 dates and undated · each date: only what no earlier source said`."""
    dated = sum(1 for day in timeline.days if day.date is not None)
    undated = " and undated" if any(day.date is None for day in timeline.days) else ""
    articles = sum(len(day.articles) for day in timeline.days)
    return f"{plural(articles, 'article')} · {plural(dated, 'date')}{undated} · each date: only what no earlier source said"


def new_line(found: NewToYou) -> str:
    """`1 of 3 articles read · only what the 2 unread add`, as `summarize --story --new` says it."""
    total = len(found.read) + len(found.unread)
    if not found.unread:
        return f"all {plural(total, 'article')} read"
    return f"{len(found.read)} of {plural(total, 'article')} read · only what the {len(found.unread)} unread add"


def nothing_new(found: NewToYou) -> str:
    """Why the list is empty: everything is read, or the unread articles only repeat the read ones."""
    if not found.unread:
        total = len(found.read)
        if not total:
            return f"{NOTHING_NEW}: none of its files could be read as an article."
        return f"{NOTHING_NEW}: {'its article is' if total == 1 else f'all {total} articles are'} read."
    unread = "the unread article says" if len(found.unread) == 1 else f"the {len(found.unread)} unread articles say"
    return f"{NOTHING_NEW}: {unread} nothing that the read ones do not."
