"""Extractive summaries that cite their sources, per article or across a story. Never imports Textual.

Algorithms are a table (`summarizers.SUMMARIZERS`): reader's own (`reader`, the default), `lead`,
and every sumy algorithm. Each returns SummaryItems whose first citation is the sentence's own place in its file.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.model import Article
from reader.summarize.story import (DEFAULT_STORY_WORDS, StorySummary, build_items, select_story,
                                    story_units)
from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from reader.summarize.summarizers import SUMMARIZERS, Summarizer
from reader.summarize.disagreements import contested, disagreements
from reader.summarize.latest_values import prefer_latest_values, running_figures
from reader.summarize.standalone import quotable
from reader.summarize.topics import LeftOut
from reader.summarize.units import Citation, Report, SummaryItem, Unit, candidate_units

DEFAULT_SENTENCES = 3
# What one article's summary never quotes. A story summary vetoes every `quotable` reason; one
# article keeps its questions ("But is his vision for Africa too grand?" may be its point), its
# dashed items and the sentences whose start is lost, which a reader of that one text can place.
SINGLE_ARTICLE_VETOES = frozenset({"byline", "credit", "list fragment", "contact line"})

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Citation", "SummaryItem", "Unit", "Report", "LeftOut", "summarize_article",
           "summarize_story", "StorySummary", "DEFAULT_STORY_WORDS", "UnknownAlgorithm"]


class UnknownAlgorithm(ValueError):
    """The algorithm name is not in ALGORITHMS."""


def _summarizer(algorithm: str) -> Summarizer:
    """The table's summarizer for `algorithm`, or UnknownAlgorithm naming the choices."""
    summarizer = SUMMARIZERS.get(algorithm)
    if summarizer is None:
        raise UnknownAlgorithm(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    return summarizer


def summarize_units(units: Sequence[Unit], algorithm: str = DEFAULT_ALGORITHM, count: int | None = DEFAULT_SENTENCES,
                    words: int | None = None, title: str | None = None) -> list[SummaryItem]:
    """Summarize candidate units as one text; items come back in the order the text has them.

    A word budget wins over a sentence count, as on the command line.
    """
    summarizer = _summarizer(algorithm)
    if not units:
        return []
    if words is not None:
        count = None
    picked = summarizer.choose(units, count, words, title)
    return [SummaryItem(units[i], round(picked[i], 4)) for i in sorted(picked)]


def summarize_article(article: Article, algorithm: str = DEFAULT_ALGORITHM, count: int | None = DEFAULT_SENTENCES,
                      words: int | None = None) -> list[SummaryItem]:
    """An extractive summary of one article, in article order. reader's own algorithm never quotes
    what cannot stand alone (a byline, a credit, a list fragment, a contact line:
    `standalone.quotable`) while the article has other sentences; the sumy algorithms and
    lead, the anchors it is measured beside, see every candidate as published."""
    units = candidate_units([article])
    if algorithm == DEFAULT_ALGORITHM:
        units = _standing_alone(article, units)
    return summarize_units(units, algorithm, count, words, article.title)


def _standing_alone(article: Article, units: list[Unit]) -> list[Unit]:
    """The units that may be quoted, numbered again; all of them when none may."""
    reasons = dict(zip((s.index for s in article.sentences), quotable(article.sentences)))
    kept = [u for u in units if reasons.get(u.sentence.index) not in SINGLE_ARTICLE_VETOES]
    if not kept or len(kept) == len(units):
        return units
    return [replace(u, number=k) for k, u in enumerate(kept)]


def summarize_story(articles: Sequence[Article], algorithm: str = DEFAULT_ALGORITHM, count: int | None = None,
                    words: int | None = None) -> StorySummary:
    """One summary over several sources within a word budget: each sentence cites every outlet stating it.

    `words` is the budget (default DEFAULT_STORY_WORDS) and is never exceeded; `count` caps the
    number of sentences within it.
    """
    _summarizer(algorithm)
    budget = DEFAULT_STORY_WORDS if words is None else words
    story = story_units(articles)
    summary = StorySummary([], list(articles), story.left_out, len({u.source_key for u in story.units}),
                           story.outlets.voices, budget)
    if not story.units:
        return summary
    found = disagreements(story)  # a chosen sentence stating a number other outlets give otherwise says so
    if algorithm == DEFAULT_ALGORITHM:
        figures = running_figures(found)
        picked = prefer_latest_values(story, select_story(story, budget, count, figures=figures), found, budget)
    else:
        items = summarize_units(story.units, algorithm, count, budget,
                                articles[0].title if len(articles) == 1 else None)
        picked = [(item.unit.number, item.score) for item in sorted(items, key=lambda x: -x.score)]
    summary.items = [replace(item, contested=tuple(contested(found, item.unit.number)))
                     for item in build_items(story, picked)]
    return summary
