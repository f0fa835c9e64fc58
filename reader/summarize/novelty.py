"""Whether a story's sentence says something new against what a reader already has.

Shared by the timeline (new against earlier dates) and "new to you" (new against the articles
already read). For the timeline "says the same" is the story summary's "says again" bar, stricter
than corroboration's: "the order was lifted for north Dunmere" shares a few words with "a
boil-water order was issued", and is the news (measured: bench_timeline.py). "New to you" uses
corroboration's own bar, since each sentence it shows lists who reports it: a read article listed
there would say the fact was not new.
"""
from __future__ import annotations

from collections.abc import Callable

from reader.summarize.equivalence import SAYS_AGAIN
from reader.summarize.story import StoryUnits


def said_by(story: StoryUnits, i: int, known: Callable[[int], bool], threshold: float = SAYS_AGAIN) -> bool:
    """Whether some candidate sentence j with `known(j)` says what sentence i says."""
    units = len(story.units)
    return any(j < units and known(j) for j in story.equivalence.matches(i, threshold=threshold))
