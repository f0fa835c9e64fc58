"""Sentences of a later day that no earlier source can have told: evidence beyond shared words.

Word overlap cannot tell a follow-up's news from a retelling when the news reuses the old words:
"a judge on Monday blocked the merger" against "the commission asked a judge to block the merger",
"141 people reported illness" against "96 people reported illness". Two facts of the text itself
settle it. An event dated (`event_dates`) after an earlier article was published cannot be in it.
A number (a count, an amount, a share) that no earlier-dated sentence of the story states is
something no earlier article said: an updated toll, a new figure. The timeline lists such a
sentence as the day's news even when most of its other words were told before.
"""
from __future__ import annotations

from collections.abc import Sequence

from reader.summarize.equivalence import SAYS_AGAIN
from reader.summarize.event_dates import dated_after, published_day
from reader.summarize.quantities import Quantity, quantities
from reader.summarize.story import StoryUnits

MEASURED_KINDS = ("count", "money", "percent")  # dates, times and years are not a fact's value here


def _a_figure(q: Quantity) -> bool:
    """A value a fact states, written in figures: "141 people", "$6 million", "62%". Spelled counts
    ("two of the six", "a second day") are the story's telling, and an age describes a person."""
    return (q.kind in MEASURED_KINDS and isinstance(q.value, float) and q.unit != "age"
            and any(c.isdigit() for c in q.text))


def told_before(story: StoryUnits, days: Sequence[str | None], i: int) -> bool:
    """Whether a sentence dated before sentence i's day says what it says (the story summary's "says
    again" bar) and can have: it was published on or after the day i dates its event to. Undated
    sentences are compared with every dated one."""
    mine = days[i]
    published = published_day(mine)
    text = story.units[i].text
    for j in story.equivalence.matches(i, threshold=SAYS_AGAIN):
        theirs = days[j] if j < len(story.units) else None
        if theirs is None or (mine is not None and theirs >= mine):
            continue
        if published is None or not dated_after(text, published, theirs, story.units[j].text):
            return True
    return False


def surely_new(story: StoryUnits, days: Sequence[str | None], new: Sequence[bool]) -> set[int]:
    """The sentences of later days that carry an event dated after every earlier day (of those `new`
    on their day: not told by a source that can have told them), or a figure no sentence of an
    earlier day states, which makes even a sentence told before in other respects an update."""
    texts = [u.text for u in story.units]
    dated = sorted({d for d in days if d})
    # A figure's value, whatever it measures: "Harold Pettibone, 71" is no update on "a 71-year-old
    # man", and "$6 million" after "6 million" would be too fine a distinction to call news.
    # Any number stated earlier, in any form, is no update: only figures are news.
    values = [{float(q.value) for q in quantities(t) if _a_figure(q)} for t in texts]
    stated_by_day: dict[str, set[float]] = {}
    for t, d in zip(texts, days):
        if d:
            stated_by_day.setdefault(d, set()).update(float(q.value) for q in quantities(t)
                                                      if isinstance(q.value, float))
    by_day: dict[str, list[int]] = {}
    for i, d in enumerate(days):
        if d:
            by_day.setdefault(d, []).append(i)
    out: set[int] = set()
    before: set[float] = set()
    for previous, day in zip([None, *dated], dated):
        published = published_day(day)
        if previous is not None and published is not None:
            for i in by_day[day]:
                if (new[i] and dated_after(texts[i], published, previous)) or values[i] - before:
                    out.add(i)
        before |= stated_by_day.get(day, set())
    return out
