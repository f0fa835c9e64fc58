"""The summarizers as a table: each carries its name, the paper it follows, its constants and one way to choose.

`SUMMARIZERS` holds them in the order of `reader.algorithms.ALGORITHMS`, the light name list the
command line shows without loading numpy or sumy. Building the table imports no sumy class:
sumy_adapter imports one only when a sumy algorithm runs.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol

from reader.algorithms import DEFAULT_ALGORITHM
from reader.text_scripts import count_words
from reader.summarize import reader_rank
from reader.summarize.lead import lead_scores
from reader.summarize.reader_rank import Redundancy, mmr_select, relevance
from reader.summarize.similarity import tfidf_similarity
from reader.summarize.sumy_adapter import EDMUNDSON_FALLBACK_BONUS_WORDS, EDMUNDSON_STIGMA_WORDS, sumy_scores
from reader.summarize.tokens import content_of
from reader.summarize.tokens import words as token_words
from reader.summarize.units import Unit

_NONE: Mapping[str, object] = MappingProxyType({})


class Summarizer(Protocol):
    """One extractive algorithm: which candidate sentences it quotes, and how well each scored."""

    @property
    def name(self) -> str: ...

    @property
    def paper(self) -> str: ...

    @property
    def constants(self) -> Mapping[str, object]: ...

    def choose(self, units: Sequence[Unit], count: int | None, words: int | None,
               title: str | None) -> dict[int, float]:
        """{index into `units`: score} for the chosen units: at most `count` of them, or about `words` words."""
        ...


def _by_budget(ranked: Sequence[int], units: Sequence[Unit], count: int | None, words: int | None) -> list[int]:
    """Take the best-ranked units until the sentence count or the word budget is reached."""
    chosen: list[int] = []
    used = 0
    for i in ranked:
        size = count_words(units[i].text)
        if words is not None and used + size > words:  # a hard limit: a longer sentence is passed over
            continue
        chosen.append(i)
        used += size
        if (count is not None and len(chosen) >= count) or (words is not None and used >= words):
            break
    return chosen


_READER_RANK_CONSTANTS = ("CENTRALITY_WEIGHT", "POSITION_WEIGHT", "POSITION_DECAY", "SHORT_SENTENCE_WORDS",
                          "LENGTH_EXPONENT", "MAX_LENGTH_BONUS", "MMR_LAMBDA", "REDUNDANT_SIMILARITY",
                          "SAYS_AGAIN_SHARE", "REDUNDANT_SHARED_RUN")


class ReaderSummarizer:
    """reader's own: centrality, lead position and length, then MMR that never quotes two equivalents."""

    name = DEFAULT_ALGORITHM
    paper = "Carbonell & Goldstein 1998 (MMR) over degree centrality (Erkan & Radev 2004)"
    # One text: its topic words recur in most sentences and are the signal, so no term is dropped
    # for being frequent, and idf is smoothed.
    MAX_DF_SHARE = 1.0
    SMOOTH_IDF = True

    @property
    def constants(self) -> Mapping[str, object]:
        """The tuning in reader_rank, read where it is defined (change it there), and the idf choice here."""
        tuning: dict[str, object] = {name: getattr(reader_rank, name) for name in _READER_RANK_CONSTANTS}
        return MappingProxyType(tuning | {"MAX_DF_SHARE": self.MAX_DF_SHARE, "SMOOTH_IDF": self.SMOOTH_IDF})

    def choose(self, units: Sequence[Unit], count: int | None, words: int | None,
               title: str | None) -> dict[int, float]:
        # Each sentence is tokenised once; its content terms and word runs both come from the tokens.
        texts = [u.text for u in units]  # a property that strips the dateline: read once
        tokens = [token_words(t) for t in texts]
        similarity = tfidf_similarity(texts, max_df_share=self.MAX_DF_SHARE, smooth=self.SMOOTH_IDF,
                                      terms=[content_of(t) for t in tokens])
        sizes = [count_words(t) for t in texts]
        scores = relevance(similarity, [u.position for u in units], sizes)
        chosen = mmr_select(scores, similarity, count, sizes, words,
                            Redundancy([set(t) for t in similarity.terms], tokens))
        return {i: float(scores[i]) for i in chosen}


class LeadSummarizer:
    """The first sentences, in text order: the news baseline that is hard to beat."""

    name = "lead"
    paper = "Brandow, Mitze & Rau 1995, the lead baseline"
    constants = _NONE

    def choose(self, units: Sequence[Unit], count: int | None, words: int | None,
               title: str | None) -> dict[int, float]:
        scores = lead_scores(units)
        return {i: scores[i] for i in _by_budget(range(len(units)), units, count, words)}


@dataclass(frozen=True, slots=True)
class SumySummarizer:
    """One of sumy's algorithms, rated on reader's sentences; the best-rated are taken within the budget."""

    name: str
    paper: str
    constants: Mapping[str, object] = field(default_factory=lambda: _NONE)

    def choose(self, units: Sequence[Unit], count: int | None, words: int | None,
               title: str | None) -> dict[int, float]:
        # With a word budget sumy rates every sentence and the budget picks; the numbers sumy
        # returns are the units' places in the list, which is what candidate lists number them by.
        ask = count if count is not None else len(units)
        rated = sumy_scores(self.name, units, ask if words is None else len(units), title)
        ranked = sorted(rated, key=lambda number: -rated[number])
        return {i: rated[i] for i in _by_budget(ranked, units, count, words)}


SUMMARIZERS: dict[str, Summarizer] = {summarizer.name: summarizer for summarizer in (
    ReaderSummarizer(),
    LeadSummarizer(),
    SumySummarizer("lexrank", "Erkan & Radev 2004, LexRank"),
    SumySummarizer("textrank", "Mihalcea & Tarau 2004, TextRank"),
    SumySummarizer("lsa", "Steinberger & Jezek 2004, LSA (after Gong & Liu 2001)"),
    SumySummarizer("luhn", "Luhn 1958"),
    SumySummarizer("edmundson", "Edmundson 1969 (cue, title and location; sumy leaves key off)",
                   MappingProxyType({"EDMUNDSON_STIGMA_WORDS": EDMUNDSON_STIGMA_WORDS,
                                     "EDMUNDSON_FALLBACK_BONUS_WORDS": EDMUNDSON_FALLBACK_BONUS_WORDS})),
    SumySummarizer("kl", "Haghighi & Vanderwende 2009, KLSum"),
    SumySummarizer("sumbasic", "Nenkova & Vanderwende 2005, SumBasic"),
    SumySummarizer("reduction", "no paper: sumy's port of adamfabish/Reduction (shared-word sentence graph)"),
)}
