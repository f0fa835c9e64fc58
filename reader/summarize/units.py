"""A summary candidate: one sentence of one article, identified by position, never by text."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.model import Article, LineSpan, Sentence


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
        return self.sentence.text

    @property
    def source_key(self) -> tuple[str, int]:
        """Which outlet said it: the file, and the glued-in copy within it (a repeated copy is its original)."""
        segment = self.sentence.segment
        segments = self.article.segments
        while 0 <= segment < len(segments) and segments[segment].duplicate_of is not None:
            segment = segments[segment].duplicate_of  # type: ignore[assignment]
        return (self.article.path, segment)


@dataclass(frozen=True, slots=True)
class Citation:
    path: str
    span: LineSpan


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """A chosen sentence, its score, and the other sources that report the same."""

    unit: Unit
    score: float
    corroborating: tuple[Unit, ...] = ()

    @property
    def text(self) -> str:
        return self.unit.text

    @property
    def citations(self) -> list[Citation]:
        """The text's own place first, then one place per corroborating source."""
        return [Citation(u.article.path, u.sentence.span) for u in (self.unit, *self.corroborating)]

    @property
    def source_count(self) -> int:
        return 1 + len(self.corroborating)


def candidate_units(articles: Iterable[Article]) -> list[Unit]:
    """Every sentence a summary may quote: prose only, never headings, boilerplate or repeats."""
    units: list[Unit] = []
    for article in articles:
        chosen: Sequence[Sentence] = [s for s in article.sentences if s.is_candidate]
        for position, sentence in enumerate(chosen):
            units.append(Unit(len(units), article, sentence, position, len(chosen)))
    return units
