"""A story summary quotes a running figure at its latest value.

A count that grows from article to article (38 ill, then 96, then 141: `Disagreement.updated`) is
one fact whose every value is true of its day; a summary of the story tells the reader where it
stands, so a chosen sentence giving an earlier value gives way to a sentence giving the latest,
when one may be quoted (it stands alone, says nothing a chosen sentence says) and the budget holds
it. The earlier values stay in the sentence's note, by day.
"""
from __future__ import annotations

from collections.abc import Sequence

from reader.summarize.disagreements import Disagreement, in_order_of_days
from reader.summarize.story import StoryUnits, vetoes


def running_figures(found: Sequence[Disagreement]) -> dict[int, frozenset[int]]:
    """Each unit (by number) stating a value of a running figure, with the figures' indices in `found`:
    the story selection takes one sentence per figure."""
    out: dict[int, set[int]] = {}
    for k, d in enumerate(found):
        if d.updated:
            for value in d.values:
                for claim in value.claims:
                    if not claim.heading:
                        out.setdefault(claim.unit.number, set()).add(k)
    return {unit: frozenset(ks) for unit, ks in out.items()}


def prefer_latest_values(story: StoryUnits, picked: Sequence[tuple[int, float]], found: Sequence[Disagreement],
                         budget: int) -> list[tuple[int, float]]:
    """`picked` (unit, gain) with each earlier value of a running figure swapped for its latest one."""
    running = [d for d in found if d.updated]
    if not running:
        return list(picked)
    eligible, allowed = vetoes(story)
    words = [t.word_count for t in story.terms]
    chosen = [i for i, _ in picked]
    used = sum(words[i] for i in chosen)
    for k, (i, _) in enumerate(picked):
        for d in running:
            own = d.value_of(i)
            latest = in_order_of_days(d)[-1]
            if own is None or own is latest:
                continue
            others = chosen[:k] + chosen[k + 1:]
            options = sorted((c.unit.number for c in latest.claims
                              if c.unit.number < len(story.units) and c.unit is story.units[c.unit.number]
                              and eligible[c.unit.number] and c.unit.number not in chosen),
                             key=lambda j: (-story.equivalence.similarity(i, j), j))
            for j in options:
                if used - words[i] + words[j] <= budget and allowed(j, others):
                    used += words[j] - words[i]
                    chosen[k] = j
                    break
            break  # one figure decides: the sentence's first running figure
    return [(j, gain) for j, (_, gain) in zip(chosen, picked)]
