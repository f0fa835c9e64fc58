"""reader's own summarizer for news: centrality, lead position and corroboration, then MMR.

- Centrality: degree centrality over TF-IDF cosine similarity (the "centroid" sentences that
  share most with the rest; Erkan & Radev, 2004, compare it with LexRank's eigenvector form).
- Information: longer sentences carry more of the story, within limits.
- Position: news puts the essentials first (the lead baseline is hard to beat on news).
- Corroboration: in a story, a fact several outlets carry matters more than one outlet's aside.
- Redundancy: Maximal Marginal Relevance (Carbonell & Goldstein, 1998) picks sentences that add
  something; equivalent sentences are never both chosen.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence, Set

import numpy as np

from reader.summarize.similarity import Similarity

POSITION_WEIGHT = 0.2
CENTRALITY_WEIGHT = 0.8
POSITION_DECAY = 0.6  # score of the k-th sentence falls as 1 / (1 + k) ** decay
SHORT_SENTENCE_WORDS = 8  # shorter sentences carry little on their own
LENGTH_EXPONENT = 0.5  # preference for longer sentences, relative to the article's mean length
MAX_LENGTH_BONUS = 2.0
MMR_LAMBDA = 0.7
REDUNDANT_SIMILARITY = 0.5  # cosine above which two sentences say the same thing


def position_prior(positions: Sequence[int]) -> np.ndarray:
    return np.array([1.0 / (1.0 + p) ** POSITION_DECAY for p in positions])


def length_factor(word_counts: Sequence[int]) -> np.ndarray:
    """Short fragments count little; longer sentences a little more, up to a cap."""
    counts = np.asarray(word_counts, dtype=np.float64)
    if counts.size == 0:
        return counts
    relative = np.minimum((counts / max(1.0, counts.mean())) ** LENGTH_EXPONENT, MAX_LENGTH_BONUS)
    return np.clip(counts / SHORT_SENTENCE_WORDS, 0.25, 1.0) * relative


def degree_centrality(similarity: Similarity) -> np.ndarray:
    """Each sentence's total similarity to the others, scaled to [0, 1]."""
    degree = similarity.degree()
    top = degree.max() if degree.size else 0.0
    return degree / top if top > 0 else degree


def relevance(similarity: Similarity, positions: Sequence[int], word_counts: Sequence[int]) -> np.ndarray:
    """How much each sentence deserves a place, before redundancy is considered."""
    central = degree_centrality(similarity)
    score = CENTRALITY_WEIGHT * central + POSITION_WEIGHT * position_prior(positions)
    return score * length_factor(word_counts)


# A candidate says again what a chosen sentence says (containment, also story.py's rule) when
SAYS_AGAIN_SHARE = 0.5  # half the shorter sentence's content terms recur in the other,
REDUNDANT_SHARED_RUN = 6  # or: both carry the same run of six words ("the council voted 9-4 late Tuesday")


def shares_most_terms(mine: Set[str], other: Set[str]) -> bool:
    """Whether most of the shorter sentence's content terms recur in the other (single articles and stories)."""
    return bool(mine and other) and len(mine & other) / min(len(mine), len(other)) >= SAYS_AGAIN_SHARE


class Redundancy:
    """Which candidates say again what a chosen sentence says, by shared terms or a shared phrase."""

    def __init__(self, term_sets: Sequence[set[str]], tokens: Sequence[Sequence[str]]) -> None:
        """`tokens` are each text's `words`, computed once by the caller."""
        self.term_sets = term_sets
        self.tokens = tokens
        self._runs: dict[int, set[tuple[str, ...]]] = {}  # made when first compared: most never are

    def runs(self, k: int) -> set[tuple[str, ...]]:
        found = self._runs.get(k)
        if found is None:
            found = self._runs[k] = _runs(self.tokens[k])
        return found

    def of(self, chosen: int, candidates: Iterable[int]) -> list[int]:
        """The candidates that say again what sentence `chosen` says."""
        mine, my_runs, sets = self.term_sets[chosen], self.runs(chosen), self.term_sets
        if not mine:  # then no candidate shares most terms with it: only phrases can say it again
            return [k for k in candidates if my_runs and not my_runs.isdisjoint(self.runs(k))]
        size = len(mine)  # shares_most_terms, inlined: this runs for every candidate after every pick
        return [k for k in candidates
                if (sets[k] and len(mine & sets[k]) / min(size, len(sets[k])) >= SAYS_AGAIN_SHARE)
                or (my_runs and not my_runs.isdisjoint(self.runs(k)))]


def _runs(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    """Every run of REDUNDANT_SHARED_RUN consecutive tokens (zip of shifted copies: no Python loop)."""
    return set(zip(*(tokens[i:] for i in range(REDUNDANT_SHARED_RUN))))


def mmr_select(scores: np.ndarray, similarity: Similarity, count: int | None, word_counts: Sequence[int],
               word_budget: int | None = None, redundancy: Redundancy | None = None) -> list[int]:
    """Greedy MMR: best score minus similarity to what is already chosen; never two equivalents.

    The overlap with the chosen sentences is kept as a running maximum, one similarity column per
    choice, so a very long text never needs its whole matrix."""
    chosen: list[int] = []
    available = np.ones(len(scores), dtype=bool)
    overlap = np.zeros(len(scores), dtype=np.float32)
    words = 0
    relevant = MMR_LAMBDA * scores  # the same every round (numpy calls dominate on a news article)
    gain = scores.astype(np.float64)
    while available.any() and (count is None or len(chosen) < count):
        best = int(np.argmax(np.where(available, gain, -np.inf)))
        if word_budget is not None and words + word_counts[best] > word_budget:  # a hard limit
            available[best] = False
            continue
        chosen.append(best)
        np.maximum(overlap, similarity.column(best), out=overlap)
        gain = relevant - (1 - MMR_LAMBDA) * overlap
        available &= overlap < REDUNDANT_SIMILARITY  # an equivalent of a chosen sentence is never chosen
        words += word_counts[best]
        available[best] = False
        if redundancy is not None:
            available[redundancy.of(best, np.flatnonzero(available).tolist())] = False
        if word_budget is not None and words >= word_budget:
            break
    return chosen
