"""Sentences two articles share: for each sentence of one, the equivalent sentence of the other, if any.

Uses the story summary's notion of "reports the same fact" (`equivalence.Equivalence` over the
same candidate sentences), so the compare view and a story summary over the same two articles
agree on which sentences report each other. Never imports Textual.
"""
from __future__ import annotations

from reader.model import Article, Sentence
from reader.summarize.equivalence import Equivalence
from reader.summarize.sentence_terms import terms_of
from reader.summarize.units import candidate_units


def shared_sentences(a: Article, b: Article) -> list[tuple[Sentence, Sentence]]:
    """Pairs (sentence of a, its best equivalent in b), in a's order; identity by position, never text."""
    units = candidate_units([a, b])
    if not units:
        return []
    same = Equivalence(terms_of(units))
    in_b = [j for j, u in enumerate(units) if u.article is b]
    pairs: list[tuple[Sentence, Sentence]] = []
    for i, unit in enumerate(units):
        if unit.article is not a:
            continue
        matches = same.matches(i, in_b)
        if matches:
            best = max(matches, key=lambda j: (matches[j], -j))
            pairs.append((unit.sentence, units[best].sentence))
    return pairs
