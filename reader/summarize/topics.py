"""Which sources tell the main story, so a story summary never quotes a glued-in unrelated story.

Each source (a file, or one glued-in copy within a file) becomes one TF-IDF vector; sources
linked by similarity form stories (connected components); the story told by the most sources
is the one summarized, and the others are reported as left out.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.summarize.similarity import tfidf_similarity
from reader.summarize.units import Unit

SAME_STORY_SIMILARITY = 0.15  # cosine between whole sources that marks one story


def main_story(units: Sequence[Unit]) -> set[tuple[str, int]]:
    """Source keys of the largest group of related sources (all sources when none are related)."""
    keys = sorted({u.source_key for u in units})
    if len(keys) <= 2:
        return set(keys)
    texts = {key: [] for key in keys}
    for unit in units:
        texts[unit.source_key].append(unit.text)
    matrix = tfidf_similarity([" ".join(texts[k]) for k in keys], max_df_share=1.0, smooth=True).matrix
    linked = matrix >= SAME_STORY_SIMILARITY
    component = [-1] * len(keys)
    groups: list[list[int]] = []
    for start in range(len(keys)):
        if component[start] >= 0:
            continue
        stack, members = [start], []
        component[start] = len(groups)
        while stack:
            node = stack.pop()
            members.append(node)
            for other in np.nonzero(linked[node])[0].tolist():
                if component[other] < 0:
                    component[other] = len(groups)
                    stack.append(other)
        groups.append(members)
    sizes = [(len(g), sum(len(texts[keys[i]]) for i in g), -min(g)) for g in groups]
    best = groups[max(range(len(groups)), key=lambda g: sizes[g])]
    if len(best) == 1:
        return set(keys)
    return {keys[i] for i in best}
