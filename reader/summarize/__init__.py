"""Extractive summaries that cite their sources, per article or across a story. Never imports Textual.

Algorithms are a table: reader's own (`reader`, the default), `lead`, and every sumy algorithm.
Each returns SummaryItems whose first citation is the sentence's own place in its file.
"""
from __future__ import annotations

from collections.abc import Sequence

from reader.model import Article
from reader.summarize.lead import lead_scores
from reader.summarize.reader_rank import Redundancy, mmr_select, relevance
from reader.summarize.similarity import tfidf_similarity
from reader.summarize.story import (DEFAULT_STORY_WORDS, StorySummary, build_items, select_story,
                                    story_units)
from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from reader.summarize.sumy_adapter import sumy_scores
from reader.summarize.tokens import content_of
from reader.summarize.tokens import words as token_words
from reader.summarize.topics import LeftOut
from reader.summarize.units import Citation, Report, SummaryItem, Unit, candidate_units

DEFAULT_SENTENCES = 3

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Citation", "SummaryItem", "Unit", "Report", "LeftOut", "summarize_article",
           "summarize_story", "StorySummary", "DEFAULT_STORY_WORDS", "UnknownAlgorithm"]


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
        # Each sentence is tokenised once; its content terms and word runs both come from the tokens.
        texts = [u.text for u in units]
        tokens = [token_words(t) for t in texts]
        similarity = tfidf_similarity(texts, max_df_share=1.0, smooth=True, terms=[content_of(t) for t in tokens])
        sizes = _word_counts(units)
        scores = relevance(similarity, [u.position for u in units], sizes)
        chosen = mmr_select(scores, similarity.matrix, count, sizes, words,
                            Redundancy([set(t) for t in similarity.terms], tokens))
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


def summarize_story(articles: Sequence[Article], algorithm: str = DEFAULT_ALGORITHM, count: int | None = None,
                    words: int | None = None) -> StorySummary:
    """One summary over several sources within a word budget: each sentence cites every outlet stating it.

    `words` is the budget (default DEFAULT_STORY_WORDS) and is never exceeded; `count` caps the
    number of sentences within it.
    """
    _check(algorithm)
    budget = DEFAULT_STORY_WORDS if words is None else words
    story = story_units(articles)
    summary = StorySummary([], list(articles), story.left_out, len({u.source_key for u in story.units}),
                           story.outlets.voices, budget)
    if not story.units:
        return summary
    if algorithm == DEFAULT_ALGORITHM:
        picked = select_story(story, budget, count)
    else:
        items = summarize_units(story.units, algorithm, count, budget,
                                articles[0].title if len(articles) == 1 else None)
        picked = [(item.unit.number, item.score) for item in sorted(items, key=lambda x: -x.score)]
    summary.items = build_items(story, picked)
    return summary
