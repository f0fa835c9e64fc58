"""reader's own summarizer for news: centrality, lead position and corroboration, then MMR.

- Centrality: continuous LexRank over TF-IDF cosine similarity (Erkan & Radev, 2004).
- Position: news puts the essentials first (the lead baseline is hard to beat on news).
- Corroboration: in a story, a fact several outlets carry matters more than one outlet's aside.
- Redundancy: Maximal Marginal Relevance (Carbonell & Goldstein, 1998) picks sentences that add
  something; equivalent sentences are never both chosen.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.summarize.similarity import Similarity, centrality

POSITION_WEIGHT = 0.45
CENTRALITY_WEIGHT = 0.55
POSITION_DECAY = 0.6  # score of the k-th sentence falls as 1 / (1 + k) ** decay
SHORT_SENTENCE_WORDS = 8  # shorter sentences carry little on their own
MMR_LAMBDA = 0.7
REDUNDANT_SIMILARITY = 0.5  # cosine above which two sentences say the same thing


def position_prior(positions: Sequence[int]) -> np.ndarray:
    return np.array([1.0 / (1.0 + p) ** POSITION_DECAY for p in positions])


def length_factor(word_counts: Sequence[int]) -> np.ndarray:
    counts = np.asarray(word_counts, dtype=np.float64)
    return np.clip(counts / SHORT_SENTENCE_WORDS, 0.25, 1.0)


def relevance(similarity: Similarity, positions: Sequence[int], word_counts: Sequence[int]) -> np.ndarray:
    """How much each sentence deserves a place, before redundancy is considered."""
    central = centrality(similarity.matrix)
    score = CENTRALITY_WEIGHT * central + POSITION_WEIGHT * position_prior(positions)
    return score * length_factor(word_counts)


REDUNDANT_SHARED_TERMS = 0.5  # or: half the shorter sentence's content terms recur in the other


def shares_terms(term_sets: Sequence[set[str]], chosen: int) -> np.ndarray:
    """Which sentences repeat most of their content terms with the chosen one (either way round)."""
    mine = term_sets[chosen]
    return np.array([
        bool(mine and other) and len(mine & other) / min(len(mine), len(other)) >= REDUNDANT_SHARED_TERMS
        for other in term_sets
    ], dtype=bool)


def mmr_select(scores: np.ndarray, matrix: np.ndarray, count: int | None, word_counts: Sequence[int],
               word_budget: int | None = None, term_sets: Sequence[set[str]] | None = None) -> list[int]:
    """Greedy MMR: best score minus similarity to what is already chosen; never two equivalents."""
    chosen: list[int] = []
    available = np.ones(len(scores), dtype=bool)
    words = 0
    while available.any() and (count is None or len(chosen) < count):
        if chosen:
            overlap = matrix[:, chosen].max(axis=1)
            gain = MMR_LAMBDA * scores - (1 - MMR_LAMBDA) * overlap
            available &= overlap < REDUNDANT_SIMILARITY
            if not available.any():
                break
        else:
            gain = scores.astype(np.float64)
        best = int(np.argmax(np.where(available, gain, -np.inf)))
        if word_budget is not None and chosen and words + word_counts[best] > word_budget:
            available[best] = False
            continue
        chosen.append(best)
        words += word_counts[best]
        available[best] = False
        if term_sets is not None:
            available &= ~shares_terms(term_sets, best)
        if word_budget is not None and words >= word_budget:
            break
    return chosen
