"""sumy's algorithms on reader's sentences, without NLTK data and without losing positions.

sumy compares sentences by text, so two identical sentences from two places would merge; here
each sumy sentence is compared by identity and carries the number of the reader sentence it is.
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


def sumy_scores(name: str, units: Sequence[Unit], count: int, title: str | None = None) -> dict[int, float]:
    """Run sumy's `name` algorithm; return {unit number: score} for the sentences it chose, best first."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.nlp.stemmers import Stemmer

    tokenizer = ReaderTokenizer()
    make = _identity_sentence()
    sentences = [make(u.text, tokenizer, u.number) for u in units]
    if not sentences:
        return {}
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = _classes()[name](Stemmer("english"))
    summarizer.stop_words = STOP_WORDS
    if name == "edmundson":
        summarizer.bonus_words = set(words(title or "")) - STOP_WORDS or {"said"}
        summarizer.stigma_words = {"advertisement", "subscribe", "newsletter"}
        summarizer.null_words = STOP_WORDS
    captured: dict[Any, float] = {}
    original = summarizer._get_best_sentences

    def capture(sentences_: Any, count_: Any, rating: Any, *args: Any, **kwargs: Any) -> Any:
        # Rate once (LSA's rating is a one-shot iterator), keep the ratings, then let sumy choose.
        if callable(rating):
            values = {s: _finite(rating(s, *args, **kwargs)) for s in sentences_}
        else:
            values = {s: _finite(rating[s]) for s in sentences_}
        captured.update(values)
        return original(sentences_, count_, values)

    summarizer._get_best_sentences = capture
    # LexRank's power iteration divides by zero on some degenerate texts: numpy's warning is not
    # for the user, and a NaN rating is no rating (and no valid JSON).
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        chosen = summarizer(document, count)
    return {s.number: captured.get(s, 0.0) for s in chosen}


def _finite(value: Any) -> float:  # noqa: ANN401
    number = float(value)
    return number if math.isfinite(number) else 0.0
