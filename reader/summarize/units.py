"""A summary candidate: one sentence of one article, identified by position, never by text."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.model import Article, LineSpan, Sentence

if TYPE_CHECKING:  # disagreements are made from units; an item only carries them
    from reader.summarize.disagreements import Disagreement, Value


# A place in capitals, perhaps ", STATE", an agency in brackets, then a dash: "PORT TALLIS (VV7) — ".
_DATELINE = re.compile(r"^[\"“]?(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                       r"(?: \([^)]{1,40}\))? ?[—–-]{1,2} (?=[“\"‘A-Z0-9])")


def without_dateline(text: str) -> str:
    """The text with a leading dateline removed (the rest must still be a sentence of some length)."""
    match = _DATELINE.match(text)
    if not match or len(text) - match.end() < 20:
        return text
    return text[match.end():]


def source_key_of(article: Article, segment: int) -> tuple[str, int]:
    """The source a segment of an article belongs to: a copy repeated within the file is its original."""
    segments = article.segments
    seen = set()
    while 0 <= segment < len(segments) and segments[segment].duplicate_of is not None and segment not in seen:
        seen.add(segment)
        segment = segments[segment].duplicate_of  # type: ignore[assignment]
    return (article.path, segment)


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence with the article it belongs to; `number` is its place in the candidate list."""

    number: int
    article: Article = field(compare=False, repr=False)
    sentence: Sentence = field(compare=False)
    position: int = 0  # index among the article's candidate sentences (0 = lead)
    count: int = 1  # how many candidates the article has

    @property
    def text(self) -> str:
        """The sentence as quoted: a leading dateline ("KELLERTON —") is where it was filed, not news."""
        return without_dateline(self.sentence.text)

    @property
    def source_key(self) -> tuple[str, int]:
        """Which outlet said it: the file, and the glued-in copy within it (a repeated copy is its original)."""
        return source_key_of(self.article, self.sentence.segment)


@dataclass(frozen=True, slots=True)
class Citation:
    path: str
    span: LineSpan


@dataclass(frozen=True, slots=True)
class Report:
    """Another source stating the fact of a summary sentence: where, which outlet, and whether it is a reprint."""

    unit: Unit
    outlet: str
    copy_of: str | None = None  # the outlet whose copy this source reprints (counted once with it)
    cited: bool = True  # its lines carry enough of the sentence's own words to stand as a citation


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """A chosen sentence, its score, and the other sources that report the same."""

    unit: Unit
    score: float
    reports: tuple[Report, ...] = ()
    outlet: str | None = None  # the outlet of the sentence itself (stories)
    voices: int = 1  # independent outlets stating it, the sentence's own included
    contested: tuple[tuple[Disagreement, Value], ...] = ()  # numbers it states that other outlets give otherwise
    copy_of: str | None = None  # the outlet whose copy the sentence's own source reprints (stories)

    @property
    def text(self) -> str:
        return self.unit.text

    @property
    def corroborating(self) -> tuple[Unit, ...]:
        return tuple(r.unit for r in self.reports)

    @property
    def citations(self) -> list[Citation]:
        """The text's own place first, then each corroborating place whose lines carry the sentence's words."""
        cited = [r.unit for r in self.reports if r.cited]
        return [Citation(u.article.file, u.sentence.span) for u in (self.unit, *cited)]

    @property
    def source_count(self) -> int:
        """Independent outlets that state it: a reprint of the same copy counts once."""
        return self.voices

    @property
    def only_in(self) -> str | None:
        """The one outlet that states it, when only one does: the original, when the sentence is
        quoted from a reprint of it (a reworded line of the copy), never the reprint."""
        return (self.copy_of or self.outlet) if self.voices == 1 else None


def candidate_units(articles: Iterable[Article]) -> list[Unit]:
    """Every sentence a summary may quote: prose only, never headings, boilerplate or repeats (a
    sentence an article gives again word for word, as a page's repeated table cells do, is one fact)."""
    units: list[Unit] = []
    for article in articles:
        seen: set[tuple[int, str]] = set()
        chosen: list[Sentence] = []
        for sentence in article.sentences:
            if sentence.is_candidate and (sentence.segment, sentence.text) not in seen:
                seen.add((sentence.segment, sentence.text))
                chosen.append(sentence)
        for position, sentence in enumerate(chosen):
            units.append(Unit(len(units), article, sentence, position, len(chosen)))
    return units
