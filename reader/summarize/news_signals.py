"""Sentences of a later day that no earlier source can have told: evidence beyond shared words.

Word overlap cannot tell a follow-up's news from a retelling when the news reuses the old words:
"a judge on Monday blocked the merger" against "the commission asked a judge to block the merger",
"141 people reported illness" against "96 people reported illness". Two facts of the text itself
settle it (`novelty`): an event dated after every earlier article was published cannot be in them,
and a figure that no earlier-dated sentence of the story states is something no earlier article
said. The timeline lists such a sentence as the day's news even when most of its other words were
told before.
"""
from __future__ import annotations

from collections.abc import Sequence

from reader.summarize.event_dates import dated_after, published_day
from reader.summarize.novelty import figures, numbers, told_by
from reader.summarize.story import StoryUnits


def told_before(story: StoryUnits, days: Sequence[str | None], i: int) -> bool:
    """Whether a sentence dated before sentence i's day says what it says (the story summary's "says
    again" bar) and can have. Undated sentences are compared with every dated one."""
    mine = days[i]
    return told_by(story, i, lambda j: days[j] is not None and (mine is None or days[j] < mine))


def surely_new(story: StoryUnits, days: Sequence[str | None], new: Sequence[bool]) -> set[int]:
    """The sentences of later days that carry an event dated after every earlier day (of those `new`
    on their day: not told by a source that can have told them), or a figure no sentence of an
    earlier day states, which makes even a sentence told before in other respects an update."""
    texts = [u.text for u in story.units]
    dated = sorted({d for d in days if d})
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
                if (new[i] and dated_after(texts[i], published, previous)) or figures(texts[i]) - before:
                    out.add(i)
        before |= numbers(texts[i] for i in by_day[day])
    return out
