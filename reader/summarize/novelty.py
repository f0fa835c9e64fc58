"""Whether a story's sentence says something new against what a reader already has.

Shared by the timeline (new against earlier dates) and "new to you" (new against the articles
already read). A known sentence tells sentence i when it says the same (`equivalence`) and can
have: one published before the day i dates its event to ("a judge on Monday blocked the deal",
`event_dates`) cannot have told it, however many words they share. And a figure no known sentence
states ("141 people reported illness" after "96") makes i an update, new in that respect.

For the timeline "says the same" is the story summary's "says again" bar, stricter than
corroboration's: one follow-up may well tell two related facts (measured: bench_timeline.py).
"New to you" uses corroboration's own bar, since each sentence it shows lists who reports it: a
read article listed there would say the fact was not new.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from reader.summarize.equivalence import SAYS_AGAIN
from reader.summarize.event_dates import dated_after, day_string, published_day
from reader.summarize.quantities import Quantity, quantities
from reader.summarize.story import StoryUnits

MEASURED_KINDS = ("count", "money", "percent")  # dates, times and years are not a fact's value here


def told_by(story: StoryUnits, i: int, known: Callable[[int], bool], threshold: float = SAYS_AGAIN) -> bool:
    """Whether some candidate sentence j with `known(j)` says what sentence i says and can have:
    j was not published before the day i dates its event to (when both articles have a date)."""
    units = story.units
    mine = day_string(units[i].article.date)
    published = published_day(mine)
    text = units[i].text
    for j in story.equivalence.matches(i, threshold=threshold):
        if j >= len(units) or not known(j):
            continue
        theirs = day_string(units[j].article.date)
        if published is None or theirs is None or not dated_after(text, published, theirs, units[j].text):
            return True
    return False


def figures(text: str) -> set[float]:
    """The values a sentence states in figures: "141 people", "$6 million", "62%". Spelled counts
    ("two of the six", "a second day") are the story's telling, and an age describes a person."""
    return {float(q.value) for q in quantities(text) if _a_figure(q)}


def numbers(texts: Iterable[str]) -> set[float]:
    """Every value the texts state in any form: a figure among them is no update ("Harold
    Pettibone, 71" after "a 71-year-old man")."""
    return {float(q.value) for t in texts for q in quantities(t) if isinstance(q.value, float)}


def _a_figure(q: Quantity) -> bool:
    return (q.kind in MEASURED_KINDS and isinstance(q.value, float) and q.unit != "age"
            and any(c.isdigit() for c in q.text))
