"""What a story summary needs of each sentence, computed once: content terms, concepts, word count.

Concepts follow Gillick & Favre (2009, "A scalable global model for summarization"): pairs of
adjacent content words ("civil penalty", "5.8 million", "inactive child"), which name facts far
more specifically than single words do. Numbers are normalised by `tokens.words`, so "$30m" and
"$30 million" give the same concept.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from dataclasses import dataclass

from reader.text_scripts import count_words
from reader.summarize.tokens import cased_words, content_stem
from reader.summarize.units import Unit


@dataclass(frozen=True, slots=True)
class SentenceTerms:
    """The tokens of one candidate sentence that every later step uses."""

    terms: tuple[str, ...]  # stemmed content words, in order
    concepts: frozenset[str]  # adjacent content-word pairs, "a b" (names as one word)
    names: frozenset[str]  # the single words of `concept_tokens`, for matching headline words
    word_count: int  # whitespace words, the unit of the summary budget
    fingerprint: str  # every word, normalised: equal for a sentence reprinted verbatim
    specifics: frozenset[str]  # numbers and capitalised names (not sentence-initial): what a fact pins down

    @property
    def term_set(self) -> frozenset[str]:
        return frozenset(self.terms)


# Words of time and measure: every story has a "last year" and a "per cent", so a pair made with
# them names no fact ("17%", "17 per cent" and "17 percent" all become "17" next to what it
# measures). They still count as content words when comparing sentences.
_MEASURE = frozenset("last next year years month months week weeks day days time times today yesterday ago "
                     "per cent percent".split())


@lru_cache(maxsize=262144)
def _concept_stem(word: str) -> str | None:
    return None if word in _MEASURE else content_stem(word)


def concept_tokens(text: str | list[tuple[str, bool]]) -> list[str]:
    """Content words in order, each run of capitalised words (a name) as one token: its last word.

    "Mayor Dr. Alicia Moreno-Hart" is one person: as five words it would make four concepts and
    weigh more than any fact said about her. Its last word ("hart") stands for the name, so
    "Moreno-Hart said" and "Mayor Alicia Moreno-Hart said" still meet.
    """
    out: list[str] = []
    in_name = False
    for word, capital in cased_words(text) if isinstance(text, str) else text:
        token = _concept_stem(word)
        if token is None:
            in_name = False
            continue
        if capital and in_name:
            out[-1] = token
        else:
            out.append(token)
        in_name = capital
    return out


def sentence_terms(text: str) -> SentenceTerms:
    """Tokenise once; everything else is derived from the one token list."""
    cased = cased_words(text)
    tokens = concept_tokens(cased)
    terms = tuple(t for t in map(content_stem, (w for w, _ in cased)) if t is not None)
    specifics = frozenset(w for w, _ in cased if w[0].isdigit())
    return SentenceTerms(terms, pairs(tokens), frozenset(tokens), count_words(text),
                         " ".join(w for w, _ in cased), specifics)


def pairs(tokens: Sequence[str]) -> frozenset[str]:
    return frozenset(f"{a} {b}" for a, b in zip(tokens, tokens[1:]) if a != b)


def terms_of(units: Sequence[Unit]) -> list[SentenceTerms]:
    """One SentenceTerms per unit, in unit order; a sentence repeated word for word is analysed once."""
    seen: dict[str, SentenceTerms] = {}
    out = []
    for unit in units:
        terms = seen.get(unit.text)
        if terms is None:
            terms = seen[unit.text] = sentence_terms(unit.text)
        out.append(terms)
    return out
