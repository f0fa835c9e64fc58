"""Story summaries across outlets: group equivalent sentences, rank the groups, cite every source.

A group holds sentences that say the same thing in different words (cosine similarity over
normalised content terms); the summary quotes one representative per group, cites where it is
from first, then one sentence from each other source that reports the same.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.summarize.reader_rank import length_factor, position_prior
from reader.summarize.similarity import Similarity, centrality
from reader.summarize.tokens import STOP_WORDS, content_terms, words
from reader.summarize.units import Unit

EQUIVALENT_SIMILARITY = 0.4  # cosine at which two sentences from different sources report one fact
MIN_COVERAGE = 0.5  # and the other sentence carries at least half of this one's content words
CORROBORATION_WEIGHT = 0.35
CENTRALITY_WEIGHT = 0.4
POSITION_WEIGHT = 0.25


def _plain_words(text: str) -> set[str]:
    """Distinct content words as written (no stemming, no digits): what a reader sees repeated."""
    return {w for w in words(text) if w not in STOP_WORDS and not w.replace(".", "").isdigit()}


def equivalent(units: Sequence[Unit], similarity: Similarity, i: int, j: int) -> bool:
    """Whether unit j reports what unit i says: similar overall, and carrying most of i's words."""
    if similarity.matrix[i, j] < EQUIVALENT_SIMILARITY:
        return False
    mine = _plain_words(units[i].text)
    if not mine:
        return False
    return len(mine & _plain_words(units[j].text)) / len(mine) >= MIN_COVERAGE


def corroborations(units: Sequence[Unit], similarity: Similarity) -> list[dict[tuple[str, int], int]]:
    """For each unit, the best equivalent unit in every other source: {source key: unit index}."""
    n = len(units)
    out: list[dict[tuple[str, int], int]] = [{} for _ in range(n)]
    matrix = similarity.matrix
    rows, cols = np.nonzero(matrix >= EQUIVALENT_SIMILARITY)
    for i, j in zip(rows.tolist(), cols.tolist()):
        if i == j or units[i].source_key == units[j].source_key:
            continue
        if not equivalent(units, similarity, i, j):
            continue
        key = units[j].source_key
        best = out[i].get(key)
        if best is None or matrix[i, j] > matrix[i, best]:
            out[i][key] = j
    return out


def story_scores(units: Sequence[Unit], similarity: Similarity, support: list[dict[tuple[str, int], int]]) -> np.ndarray:
    """Centrality across the whole story, corroboration by other sources, and lead position."""
    sources = len({u.source_key for u in units}) or 1
    corroborated = np.array([len(s) for s in support], dtype=np.float64) / max(1, sources - 1)
    central = centrality(similarity.matrix)
    lead = position_prior([u.position for u in units])
    score = CENTRALITY_WEIGHT * central + CORROBORATION_WEIGHT * corroborated + POSITION_WEIGHT * lead
    return score * length_factor([len(u.text.split()) for u in units])


def story_order(units: Sequence[Unit], chosen: Sequence[int], support: list[dict[tuple[str, int], int]]) -> list[int]:
    """Read in the order the story broke: earliest date first, then where the sources place the fact."""

    def first_telling(i: int) -> tuple[str, float, int]:
        tellings = [i, *support[i].values()]
        earliest = min(units[t].article.date or "9999-99-99" for t in tellings)
        places = sorted(units[t].position / max(1, units[t].count) for t in tellings)
        return earliest, places[len(places) // 2], i

    return sorted(chosen, key=first_telling)


REDUNDANT_SHARED_TERMS = 0.6


def redundant_pairs(texts: Sequence[str], threshold: float = REDUNDANT_SHARED_TERMS) -> int:
    """Pairs of sentences that say the same thing: most of the shorter one's content terms recur.

    Deliberately independent of the TF-IDF model the summarizer uses, for benchmarks and tests.
    """
    sets = [set(content_terms(t)) for t in texts]
    return sum(
        len(sets[i] & sets[j]) / max(1, min(len(sets[i]), len(sets[j]))) >= threshold
        for i in range(len(sets)) for j in range(i + 1, len(sets))
    )
