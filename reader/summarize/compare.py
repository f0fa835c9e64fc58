"""Sentences two articles share: for each sentence of one, the equivalent sentence (or headline) of the other.

Built on exactly what a story summary over the same two articles uses (`story.story_units`: the
same candidate sentences, headlines and same-fact index), so the compare view and the story's
source counts always agree. Never imports Textual.
"""
from __future__ import annotations

from reader.model import Article, Sentence
from reader.summarize.story import story_units


def shared_sentences(a: Article, b: Article) -> list[tuple[Sentence, Sentence]]:
    """Pairs (sentence of a, its best equivalent in b), in a's order; identity by position, never text."""
    story = story_units([a, b])
    total = len(story.units) + len(story.headings)
    in_b = [j for j in range(total) if story.indexed(j).article is b]
    pairs: list[tuple[Sentence, Sentence]] = []
    for i, unit in enumerate(story.units):
        if unit.article is not a:
            continue
        matches = story.equivalence.matches(i, in_b)
        if matches:
            best = max(matches, key=lambda j: (matches[j], -j))
            pairs.append((unit.sentence, story.indexed(best).sentence))
    return sorted(pairs, key=lambda pair: pair[0].index)
