"""The sumy adapter: every sentence's rating is read through sumy's private ranking step, by identity.

The patch of `_get_best_sentences` is the one place reader depends on sumy's internals, so it is
tested on its own: ratings for every sentence, non-finite ratings, repeated text, and a sumy
release without the method.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.summarizers._summarizer import AbstractSummarizer

from reader.ingest import load_article
from reader.model import Article
from reader.summarize.sumy_adapter import (SUMY_ALGORITHMS, capture_ratings, sumy_scores, sumy_sentences,
                                           sumy_summarizer)
from reader.summarize.units import Unit, candidate_units

SEED = Path(__file__).resolve().parents[2] / "seeds" / "10-meridian-review-cp1252.txt"


def load(path: Path) -> Article:
    article = load_article(path)
    assert isinstance(article, Article)
    return article


@pytest.fixture(scope="module")
def seed() -> tuple[Article, list[Unit]]:
    article = load(SEED)
    units = candidate_units([article])
    assert len(units) >= 6  # a small real text, but more than a handful of sentences
    return article, units


@pytest.mark.parametrize("name", SUMY_ALGORITHMS)
def test_every_sentence_is_rated_once_for_each_algorithm(name: str, seed: tuple[Article, list[Unit]]) -> None:
    article, units = seed
    sentences = sumy_sentences(units)
    summarizer = sumy_summarizer(name, article.title)
    captured = capture_ratings(summarizer)
    chosen = summarizer(ObjectDocumentModel([Paragraph(sentences)]), 3)
    assert len(captured) == len(sentences)
    assert all(any(s is c for c in captured) for s in sentences)
    assert all(isinstance(v, float) and math.isfinite(v) for v in captured.values())
    assert 1 <= len(chosen) <= 3 and all(s in captured for s in chosen)
    # sumy chose by the captured values: nothing left out rates above what was taken.
    assert min(captured[s] for s in chosen) >= max((v for s, v in captured.items() if s not in chosen), default=-math.inf)


@pytest.mark.parametrize("name", SUMY_ALGORITHMS)
def test_scores_are_the_captured_ratings_keyed_by_unit_number(name: str, seed: tuple[Article, list[Unit]]) -> None:
    article, units = seed
    scores = sumy_scores(name, units, 3, article.title)
    assert 1 <= len(scores) <= 3
    assert set(scores) <= {u.number for u in units}
    assert list(scores) == sorted(scores)  # sumy hands its choice back in text order
    again = sumy_scores(name, units, len(units), article.title)
    assert len(again) == len(units) and all(again[n] == s for n, s in scores.items())


class _Fixed(AbstractSummarizer):  # type: ignore[misc]
    """A sumy summarizer whose ratings are given, so non-finite ones can be fed to sumy's own ranking."""

    def __init__(self, make_rating: Callable[[list[Any]], Any]) -> None:
        super().__init__()
        self.make_rating = make_rating

    def __call__(self, document: Any, sentences_count: int) -> Any:
        return self._get_best_sentences(document.sentences, sentences_count, self.make_rating(document.sentences))


NOT_FINITE = [math.nan, math.inf, -math.inf, 1.5]


@pytest.mark.parametrize("shape", ["one-shot callable", "dict"])
def test_non_finite_ratings_become_zero(shape: str, seed: tuple[Article, list[Unit]]) -> None:
    sentences = sumy_sentences(seed[1][:4])

    def make_rating(given: list[Any]) -> Any:
        if shape == "dict":
            return dict(zip(given, NOT_FINITE))
        values = iter(NOT_FINITE)  # like LSA's: each call takes the next value
        return lambda _sentence: next(values)

    summarizer = _Fixed(make_rating)
    captured = capture_ratings(summarizer)
    chosen = summarizer(ObjectDocumentModel([Paragraph(sentences)]), 2)
    assert [captured[s] for s in sentences] == [0.0, 0.0, 0.0, 1.5]
    assert chosen[-1] is sentences[3] and len(chosen) == 2  # sumy ranked the cleaned values


@pytest.mark.parametrize("name", SUMY_ALGORITHMS)
def test_identical_sentences_at_two_places_stay_two_candidates(name: str, tmp_path: Path) -> None:
    same = "The committee will publish its findings on Friday morning."
    (tmp_path / "one.txt").write_text(f"Officials gathered at the hall today.\n\n{same}\n")
    (tmp_path / "two.txt").write_text(f"A different opening line sits here first.\n\nSomething else was said.\n\n{same}\n")
    units = candidate_units([load(tmp_path / "one.txt"), load(tmp_path / "two.txt")])
    repeated = {u.number for u in units if u.text == same}
    assert len(repeated) == 2
    summarizer = sumy_summarizer(name)
    captured = capture_ratings(summarizer)
    summarizer(ObjectDocumentModel([Paragraph(sumy_sentences(units))]), len(units))
    assert len(captured) == len(units)  # not merged by text
    scores = sumy_scores(name, units, len(units))
    assert repeated <= set(scores)


def test_a_sumy_without_the_private_step_fails_loudly(monkeypatch: pytest.MonkeyPatch,
                                                      seed: tuple[Article, list[Unit]]) -> None:
    monkeypatch.delattr(AbstractSummarizer, "_get_best_sentences")
    with pytest.raises(AttributeError, match=rf"sumy {version('sumy')} has no LuhnSummarizer\._get_best_sentences"):
        sumy_scores("luhn", seed[1], 3)
    with pytest.raises(AttributeError, match="not supported"):
        capture_ratings(object())


def test_a_sumy_that_stops_calling_the_private_step_fails_loudly(monkeypatch: pytest.MonkeyPatch,
                                                                  seed: tuple[Article, list[Unit]]) -> None:
    from sumy.summarizers.luhn import LuhnSummarizer

    monkeypatch.setattr(LuhnSummarizer, "__call__", lambda self, document, count: tuple(document.sentences[:count]))
    with pytest.raises(RuntimeError, match=rf"sumy {version('sumy')} LuhnSummarizer chose sentences without rating"):
        sumy_scores("luhn", seed[1], 3)
