"""When two sentences from different sources report the same fact, in any wording and either direction.

"Amazon denied violating the law" and "Amazon said it disagreed with the FTC's claims and denied
violating the law" report one fact, although the second says more. Two sentences report the same
fact when the information they share is a large enough part of both: the cosine of their sets of
content terms, each weighted by its idf within the story (names and numbers that recur in every
source weigh little, a fact's own specifics a lot; "$30m" and "$30 million" give the same terms),
with at least two terms in common. This is symmetric, unlike containment: if a reports b's fact,
b reports a's. The thresholds were chosen on the key-fact stories, where every outlet stating a
fact is known (tests/benchmarks/bench_story.py): "reports" keeps precision and recall of the
source counts near 0.9; "says again" is stricter, since one summary may well tell two related facts.
Candidates come from an inverted index, so asking about one sentence costs its postings, never a
pass over every pair.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from reader.summarize.sentence_terms import SentenceTerms

SAME_FACT = 0.13  # cosine at which another sentence states (part of) the same fact: it reports it
SAYS_AGAIN = 0.2  # cosine at which a second sentence in one summary would say a chosen one's fact again
MIN_SHARED_TERMS = 2  # content terms two sentences must share to be compared at all


class Equivalence:
    """Same-fact tests between the candidate sentences of one story (or of two compared articles)."""

    def __init__(self, terms: Sequence[SentenceTerms], names: bool = True) -> None:
        # Content words, with a run of capitalised words as one word: "Medicines Safety Administration"
        # shared by two sentences is one thing they share, not three (or, with names=False, each word).
        self.sets = [t.names if names else t.term_set for t in terms]
        n = len(self.sets)
        df: dict[str, int] = {}
        for s in self.sets:
            for term in s:
                df[term] = df.get(term, 0) + 1
        self.idf = {t: float(np.log((n + 1) / (d + 0.5))) for t, d in df.items()}
        self.weight = {t: v * v for t, v in self.idf.items()}  # binary vectors weighted by idf: squared
        self.mass = np.array([sum(self.weight[t] for t in s) for s in self.sets])  # squared norms
        self._index = list(df)
        ids = {t: k for k, t in enumerate(self._index)}
        rows: list[list[int]] = [[] for _ in self._index]
        for i, s in enumerate(self.sets):
            for term in s:
                rows[ids[term]].append(i)
        self._postings = {t: np.asarray(r, dtype=np.int64) for t, r in zip(self._index, rows)}

    def similarity(self, i: int, j: int) -> float:
        """Cosine of the two sentences' idf-weighted term sets; 0 when they share too few terms."""
        shared = self.sets[i] & self.sets[j]
        if len(shared) < MIN_SHARED_TERMS:
            return 0.0
        return sum(self.weight[t] for t in shared) / max(1e-9, float(np.sqrt(self.mass[i] * self.mass[j])))

    def same_fact(self, i: int, j: int, threshold: float = SAME_FACT) -> bool:
        return i != j and self.similarity(i, j) >= threshold

    def matches(self, i: int, among: Iterable[int] | None = None, threshold: float = SAME_FACT) -> dict[int, float]:
        """Every sentence reporting sentence i's fact, with its similarity (i itself excluded)."""
        terms = self.sets[i]
        if not terms:
            return {}
        n = len(self.sets)
        count = np.zeros(n, dtype=np.int32)
        dot = np.zeros(n)
        for term in terms:
            rows = self._postings[term]
            count[rows] += 1
            dot[rows] += self.weight[term]
        candidate = count >= MIN_SHARED_TERMS
        if among is not None:
            allowed = np.zeros(n, dtype=bool)
            allowed[list(among)] = True
            candidate &= allowed
        candidate[i] = False
        rows = np.nonzero(candidate)[0]
        scores = dot[rows] / np.maximum(1e-9, np.sqrt(self.mass[i] * self.mass[rows]))
        keep = scores >= threshold
        return {int(r): float(s) for r, s in zip(rows[keep], scores[keep])}
