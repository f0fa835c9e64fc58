"""TF-IDF sentence vectors and their cosine similarities within one article, vectorised with numpy.

The single-article summarizer needs two things of the similarities: each sentence's total (its
degree centrality) and, for each sentence it picks, that sentence's similarity to every other.
For a news article (hundreds of sentences) one dense sentence x sentence matrix gives both at
once. A very long text (a report, a dump: 30,000 sentences would make a 7 GB matrix) never builds
one: the totals are each vector's product with the sum of all vectors (the centroid identity
sum_j v_i.v_j = v_i.sum_j v_j), and a column is computed from the postings when it is asked for.
Stories never build a matrix either (see story.py, which works from postings and pair lists).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from dataclasses import dataclass

import numpy as np

from reader.summarize.tokens import content_terms


DENSE_SENTENCES = 2_000  # up to this many sentences one matrix (16 MB of float32) is simplest


@dataclass(slots=True)
class Similarity:
    """Cosine similarity between the sentences, and each sentence's term weights."""

    matrix: np.ndarray | None  # (n, n) float32, diagonal 1; None for a very long text (see `column`)
    terms: list[dict[str, float]]  # normalised tf-idf weights per sentence
    idf: dict[str, float]
    _postings: dict[str, tuple[np.ndarray, np.ndarray]] | None = None  # term -> (rows, weights)

    def degree(self) -> np.ndarray:
        """Each sentence's summed similarity to all the others."""
        if self.matrix is not None:
            return self.matrix.sum(axis=1, dtype=np.float64) - np.diagonal(self.matrix)
        assert self._postings is not None
        n = len(self.terms)
        total = np.zeros(n)
        for rows, values in self._postings.values():
            total[rows] += values * (values.sum() - values)  # v_i . (sum_j v_j) without j = i
        return total

    def column(self, j: int) -> np.ndarray:
        """Every sentence's similarity to sentence j (1 for j itself), as the matrix's column would be."""
        if self.matrix is not None:
            return self.matrix[:, j]
        assert self._postings is not None
        out = np.zeros(len(self.terms))
        for term, weight in self.terms[j].items():
            posting = self._postings.get(term)
            if posting is not None:
                out[posting[0]] += weight * posting[1]
        out[j] = 1.0
        return np.clip(out, 0.0, 1.0).astype(np.float32)


def tfidf_similarity(texts: Sequence[str], max_df_share: float = 0.5, smooth: bool = False,
                     terms: Sequence[Sequence[str]] | None = None) -> Similarity:
    """Cosine similarity of log-tf x idf vectors; terms in most sentences carry no signal and are skipped.

    `smooth` keeps terms shared by every text worth something (idf >= 1): right for comparing a
    handful of whole documents, where shared vocabulary is the very signal. `terms` are the texts'
    content terms when the caller has them already.
    """
    n = len(texts)
    bags: list[dict[str, int]] = []
    for k, text in enumerate(texts):
        bag: dict[str, int] = {}  # a plain loop: Counter() costs more than counting a sentence's terms
        for term in (content_terms(text) if terms is None else terms[k]):
            bag[term] = bag.get(term, 0) + 1
        bags.append(bag)
    df = Counter(chain.from_iterable(bags))  # each bag's terms once, in first-seen order (the vocabulary's)
    if smooth:
        idf = {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}
    else:
        idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    weights: list[dict[str, float]] = []
    log = math.log  # math: numpy on scalars is slow; a term said once weighs (1 + log 1) * idf = idf
    for bag in bags:
        vec = {t: idf[t] if c == 1 else (1.0 + log(c)) * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum([v * v for v in vec.values()])) or 1.0
        weights.append({t: v / norm for t, v in vec.items()})
    max_df = max(2, int(max_df_share * n)) if n > 20 else n
    if n > DENSE_SENTENCES:
        return Similarity(None, weights, idf, _postings_of(weights, df, max_df))
    return Similarity(_cosine(weights, df, n, max_df), weights, idf)


def _postings_of(weights: list[dict[str, float]], df: dict[str, int], max_df: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each term shared by 2..max_df sentences, the sentences holding it and its weight in each."""
    rows: dict[str, list[int]] = {}
    values: dict[str, list[float]] = {}
    for i, vec in enumerate(weights):
        for term, value in vec.items():
            if 2 <= df[term] <= max_df:
                rows.setdefault(term, []).append(i)
                values.setdefault(term, []).append(value)
    return {t: (np.asarray(r, dtype=np.int64), np.asarray(values[t])) for t, r in rows.items()}


DENSE_CELLS = 2_000_000  # sentences x shared terms up to which one matrix product beats postings


def _cosine(weights: list[dict[str, float]], df: dict[str, int], n: int, max_df: int) -> np.ndarray:
    """Cosines over the terms shared by 2..max_df sentences (the rest add nothing to any pair)."""
    vocabulary = {t: k for k, t in enumerate(t for t, d in df.items() if 2 <= d <= max_df)}
    if n * len(vocabulary) <= DENSE_CELLS:  # a news article: one small product
        vectors = np.zeros((n, len(vocabulary)))
        rows: list[int] = []  # one assignment instead of one numpy call per term
        cols: list[int] = []
        values: list[float] = []
        column = vocabulary.get
        for i, vec in enumerate(weights):
            for term, value in vec.items():
                k = column(term)
                if k is not None:
                    rows.append(i)
                    cols.append(k)
                    values.append(value)
        vectors[rows, cols] = values
        matrix = (vectors @ vectors.T).astype(np.float32)
    else:
        matrix = _cosine_by_postings(weights, vocabulary, n)
    np.fill_diagonal(matrix, 1.0)
    return np.clip(matrix, 0.0, 1.0)


def _cosine_by_postings(weights: list[dict[str, float]], vocabulary: dict[str, int], n: int) -> np.ndarray:
    """The same cosines for a very long text, without a sentences x terms matrix."""
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for i, vec in enumerate(weights):
        for term, value in vec.items():
            if term in vocabulary:
                rows, vals = postings.setdefault(term, ([], []))
                rows.append(i)
                vals.append(value)
    index_parts: list[np.ndarray] = []
    value_parts: list[np.ndarray] = []
    for rows, vals in postings.values():
        r = np.asarray(rows, dtype=np.int64)
        v = np.asarray(vals, dtype=np.float64)
        index_parts.append((r[:, None] * n + r[None, :]).ravel())
        value_parts.append(np.outer(v, v).ravel())
    if not index_parts:
        return np.zeros((n, n), dtype=np.float32)
    flat = np.bincount(np.concatenate(index_parts), weights=np.concatenate(value_parts), minlength=n * n)
    return flat.reshape(n, n).astype(np.float32)
