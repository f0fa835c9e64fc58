"""Extractive summaries that cite their sources, per article or across a story. Never imports Textual.

Algorithms are a table: reader's own (`reader`, the default), `lead`, and every sumy algorithm.
Each returns SummaryItems whose first citation is the sentence's own place in its file.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.model import Article
from reader.summarize.lead import lead_scores
from reader.summarize.reader_rank import Redundancy, mmr_select, relevance
from reader.summarize.similarity import tfidf_similarity
from reader.summarize.story import corroborations, story_order, story_scores
from reader.summarize.topics import main_story
from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from reader.summarize.sumy_adapter import sumy_scores
from reader.summarize.units import Citation, SummaryItem, Unit, candidate_units

DEFAULT_SENTENCES = 3
DEFAULT_STORY_SENTENCES = 7

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Citation", "SummaryItem", "Unit", "summarize_article",
           "summarize_story", "UnknownAlgorithm"]


class UnknownAlgorithm(ValueError):
    """The algorithm name is not in ALGORITHMS."""


def _check(algorithm: str) -> None:
    if algorithm not in ALGORITHMS:
        raise UnknownAlgorithm(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")


def _word_counts(units: Sequence[Unit]) -> list[int]:
    return [len(u.text.split()) for u in units]


def _by_budget(ranked: Sequence[int], units: Sequence[Unit], count: int | None, words: int | None) -> list[int]:
    """Take the best-ranked units until the sentence count or the word budget is reached."""
    chosen: list[int] = []
    used = 0
    for i in ranked:
        size = len(units[i].text.split())
        if words is not None and chosen and used + size > words:
            continue
        chosen.append(i)
        used += size
        if (count is not None and len(chosen) >= count) or (words is not None and used >= words):
            break
    return chosen


def summarize_units(units: Sequence[Unit], algorithm: str = DEFAULT_ALGORITHM, count: int | None = DEFAULT_SENTENCES,
                    words: int | None = None, title: str | None = None) -> list[SummaryItem]:
    """Summarize candidate units as one text; items come back in the order the text has them."""
    _check(algorithm)
    if not units:
        return []
    if words is not None:
        count = None
    if algorithm == DEFAULT_ALGORITHM:
        # One text: its topic words recur in most sentences and are the signal (smoothed idf).
        similarity = tfidf_similarity([u.text for u in units], max_df_share=1.0, smooth=True)
        scores = relevance(similarity, [u.position for u in units], _word_counts(units))
        chosen = mmr_select(scores, similarity.matrix, count, _word_counts(units), words,
                            Redundancy([set(t) for t in similarity.terms], [u.text for u in units]))
        picked = {i: float(scores[i]) for i in chosen}
    elif algorithm == "lead":
        scores_list = lead_scores(units)
        picked = {i: scores_list[i] for i in _by_budget(range(len(units)), units, count, words)}
    else:
        ask = count if count is not None else len(units)
        rated = sumy_scores(algorithm, units, ask if words is None else len(units), title)
        ranked = sorted(rated, key=lambda number: -rated[number])
        picked = {i: rated[i] for i in _by_budget(ranked, units, count, words)}
    return [SummaryItem(units[i], round(picked[i], 4)) for i in sorted(picked)]


def summarize_article(article: Article, algorithm: str = DEFAULT_ALGORITHM, count: int | None = DEFAULT_SENTENCES,
                      words: int | None = None) -> list[SummaryItem]:
    """An extractive summary of one article, in article order."""
    return summarize_units(candidate_units([article]), algorithm, count, words, article.title)


def summarize_story(articles: Sequence[Article], algorithm: str = DEFAULT_ALGORITHM,
                    count: int | None = DEFAULT_STORY_SENTENCES, words: int | None = None) -> list[SummaryItem]:
    """One summary over several sources: one sentence per fact, citing every source that reports it."""
    _check(algorithm)
    units = candidate_units(articles)
    if len(units) > 1:
        story_sources = main_story(units)
        units = [u for u in units if u.source_key in story_sources]
        units = [Unit(n, u.article, u.sentence, u.position, u.count) for n, u in enumerate(units)]
    if not units:
        return []
    similarity = tfidf_similarity([u.text for u in units])
    support = corroborations(units, similarity)
    if algorithm == DEFAULT_ALGORITHM:
        scores = story_scores(units, similarity, support)
        chosen = mmr_select(scores, similarity.matrix, None if words else count, _word_counts(units), words,
                            Redundancy([set(t) for t in similarity.terms], [u.text for u in units]))
        picked = {i: float(scores[i]) for i in chosen}
    else:
        items = summarize_units(units, algorithm, count, words, articles[0].title if len(articles) == 1 else None)
        picked = {item.unit.number: item.score for item in items}
    order = story_order(units, list(picked), support)
    return [
        SummaryItem(units[i], round(picked[i], 4),
                    tuple(units[j] for _, j in sorted(support[i].items(), key=lambda kv: (kv[0][0], kv[0][1]))))
        for i in order
    ]
