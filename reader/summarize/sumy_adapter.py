"""sumy's algorithms on reader's sentences, without NLTK data and without losing positions.

sumy compares sentences by text, so two identical sentences from two places would merge; here
each sumy sentence is compared by identity and carries the number of the reader sentence it is.
sumy itself is imported only when one of its algorithms runs, so `reader --help` never loads it.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from reader.summarize.tokens import STOP_WORDS, words
from reader.summarize.units import Unit

from reader.algorithms import SUMY_ALGORITHMS  # noqa: F401 - re-exported

# Edmundson's cue words: bonus words are the title's content words, these are the stigma words;
# a title with no content words (or none at all) falls back to the bonus words below.
EDMUNDSON_STIGMA_WORDS = frozenset({"advertisement", "subscribe", "newsletter"})
EDMUNDSON_FALLBACK_BONUS_WORDS = frozenset({"said"})


class ReaderTokenizer:
    """The tokenizer sumy asks for: reader's own sentence splitter and word tokens, no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from reader.ingest.sentences import split_spans

        return tuple(paragraph[a:b] for a, b in split_spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


@lru_cache(maxsize=1)
def _classes() -> dict[str, type]:
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {
        "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer, "edmundson": EdmundsonSummarizer, "kl": KLSummarizer,
        "sumbasic": SumBasicSummarizer, "reduction": ReductionSummarizer,
    }


@lru_cache(maxsize=1)
def _identity_sentence() -> type:
    from sumy.models.dom import Sentence

    class IdentitySentence(Sentence):
        """A sumy sentence equal only to itself, so repeated text keeps its own place."""

        __slots__ = ("number",)

        def __init__(self, text: str, tokenizer: Any, number: int) -> None:
            super().__init__(text, tokenizer)
            self.number = number

        __eq__ = object.__eq__
        __ne__ = object.__ne__
        __hash__ = object.__hash__

    return IdentitySentence


def sumy_sentences(units: Sequence[Unit]) -> list[Any]:
    """One identity-compared sumy sentence per unit, carrying the unit's number."""
    tokenizer = ReaderTokenizer()
    make = _identity_sentence()
    return [make(u.text, tokenizer, u.number) for u in units]


def sumy_summarizer(name: str, title: str | None = None) -> Any:  # noqa: ANN401 - a sumy summarizer
    """sumy's `name` summarizer with reader's stemmer language and stop words (and Edmundson's cue words)."""
    from sumy.nlp.stemmers import Stemmer

    summarizer = _classes()[name](Stemmer("english"))
    summarizer.stop_words = STOP_WORDS
    if name == "edmundson":
        summarizer.bonus_words = set(words(title or "")) - STOP_WORDS or EDMUNDSON_FALLBACK_BONUS_WORDS
        summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
        summarizer.null_words = STOP_WORDS
    return summarizer


def capture_ratings(summarizer: Any) -> dict[Any, float]:  # noqa: ANN401 - a sumy summarizer
    """Make `summarizer` record the rating of every sentence it ranks; return the (filling) record.

    Why a patch: sumy gives no public way to get a sentence's rating, only the chosen sentences,
    and every algorithm hands its ratings to the private `_get_best_sentences`. The ratings are
    computed once here (LSA's rating is a one-shot iterator: asking twice would read past its
    end), non-finite ones become 0.0, and sumy then chooses from these same values. If a sumy
    release drops the method, this raises an AttributeError naming the version; if it stops
    calling it, `sumy_scores` says so (`_check_rated`) instead of letting every score read 0.0.
    """
    original = getattr(summarizer, "_get_best_sentences", None)
    if not callable(original):
        raise AttributeError(
            f"sumy {_sumy_version()} has no {type(summarizer).__name__}._get_best_sentences, through which "
            "reader reads sentence ratings (reader/summarize/sumy_adapter.py): this sumy release is not supported")
    captured: dict[Any, float] = {}

    def capture(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        if callable(rating):
            values = {s: _finite(rating(s, *args, **kwargs)) for s in sentences}
        else:
            values = {s: _finite(rating[s]) for s in sentences}
        captured.update(values)
        return original(sentences, count, values)

    summarizer._get_best_sentences = capture
    return captured


def _check_rated(summarizer: Any, chosen: Sequence[Any], captured: dict[Any, float]) -> None:  # noqa: ANN401
    """A choice made without the patched step would carry no ratings: fail rather than score it 0.0."""
    if any(s not in captured for s in chosen):
        raise RuntimeError(
            f"sumy {_sumy_version()} {type(summarizer).__name__} chose sentences without rating them through "
            "_get_best_sentences, through which reader reads sentence ratings (reader/summarize/sumy_adapter.py): "
            "this sumy release is not supported")


def _sumy_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sumy")
    except PackageNotFoundError:
        return "(version unknown)"


def sumy_scores(name: str, units: Sequence[Unit], count: int, title: str | None = None) -> dict[int, float]:
    """Run sumy's `name` algorithm; return {unit number: score} for the sentences it chose, in text order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph

    sentences = sumy_sentences(units)
    if not sentences:
        return {}
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = sumy_summarizer(name, title)
    captured = capture_ratings(summarizer)
    # LexRank's power iteration divides by zero on some degenerate texts: numpy's warning is not
    # for the user, and a NaN rating is no rating (and no valid JSON).
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        chosen = summarizer(document, count)
    _check_rated(summarizer, chosen, captured)
    return {s.number: captured[s] for s in chosen}


def _finite(value: Any) -> float:  # noqa: ANN401
    number = float(value)
    return number if math.isfinite(number) else 0.0
