"""Sentences two articles share: for each sentence of one, the equivalent sentence of the other, if any.

Uses the story summary's notion of "reports the same fact" (`story.corroborations`), so the compare
view and the story's source counts agree. Never imports Textual.
"""
from __future__ import annotations

from reader.model import Article, Sentence
from reader.summarize.similarity import tfidf_similarity
from reader.summarize.story import corroborations
from reader.summarize.units import candidate_units


def shared_sentences(a: Article, b: Article) -> list[tuple[Sentence, Sentence]]:
    """Pairs (sentence of a, its best equivalent in b), in a's order; identity by position, never text."""
    units = candidate_units([a, b])
    if not units:
        return []
    similarity = tfidf_similarity([u.text for u in units])
    support = corroborations(units, similarity)
    pairs: list[tuple[Sentence, Sentence]] = []
    for i, unit in enumerate(units):
        if unit.article is not a:
            continue
        matches = [j for j in support[i].values() if units[j].article is b]
        if matches:
            best = max(matches, key=lambda j: float(similarity.matrix[i, j]))
            pairs.append((unit.sentence, units[best].sentence))
    return pairs
