"""A redundancy count for tests and benchmarks, deliberately independent of the model the summarizer uses."""
from __future__ import annotations

from collections.abc import Sequence

from reader.summarize.tokens import content_terms

EVALUATION_REDUNDANT_SHARE = 0.6  # share of the shorter sentence's content terms that makes a pair say the same thing


def redundant_pairs(texts: Sequence[str], threshold: float = EVALUATION_REDUNDANT_SHARE) -> int:
    """Pairs of sentences that say the same thing: most of the shorter one's content terms recur."""
    sets = [set(content_terms(t)) for t in texts]
    return sum(
        len(sets[i] & sets[j]) / max(1, min(len(sets[i]), len(sets[j]))) >= threshold
        for i in range(len(sets)) for j in range(i + 1, len(sets))
    )
