"""Who reported what: a story's sentences grouped into facts, each fact against the outlets that state it.

A fact is a group of sentences from different sources that report the same thing (`equivalence`,
the test the story summary uses for "reported by"). Grouping is a star clustering, so a fact never
drifts by chaining (a ~ b ~ c while a and c say different things): the sentence the other outlets
restate most (the closest restatement from each, summed) is a fact's centre, and every other
source joins with its sentence closest to the centre; then the next centre among the sentences
left. A sentence whose every equivalent is taken by then joins the fact of its closest one, so
"only in X" means what the summary means by it: no other outlet has a sentence, or a headline,
stating it. Headlines never make a fact of their own, but one stating a fact is listed with it. A
reprint is one voice with its original and is listed as its copy; the outlets are the independent
voices (`outlets`).

Each sentence's equivalents come from the inverted index (`Equivalence.matches`), once per
sentence; nothing is computed over all pairs.
"""
from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model import Article
from reader.summarize.equivalence import SAME_FACT
from reader.summarize.outlets import SourceKey
from reader.summarize.story import StoryUnits, story_units
from reader.summarize.topics import LeftOut
from reader.summarize.units import Unit

NEAR_FACT = 0.1  # alike enough that a number the two sentences give differently is worth comparing (`disagreements`)


@dataclass(frozen=True, slots=True)
class Statement:
    """One source's sentence stating a fact, and how close it is to the fact's central sentence."""

    unit: Unit
    outlet: str  # the source's own label
    voice: int
    copy_of: str | None = None  # the outlet whose copy this source reprints
    similarity: float = 1.0
    heading: bool = False  # a headline or subheading, not a sentence of the text


@dataclass(frozen=True, slots=True)
class Outlet:
    """A column of the table: one independent voice, named after its first original source."""

    voice: int
    name: str
    sources: tuple[SourceKey, ...]


@dataclass(slots=True)
class Fact:
    """A row: the central sentence first, then every other statement of it."""

    number: int  # its place in the table, from 1
    statements: tuple[Statement, ...]

    @property
    def center(self) -> Statement:
        return self.statements[0]

    @property
    def voices(self) -> frozenset[int]:
        return frozenset(s.voice for s in self.statements)

    def cell(self, voice: int) -> list[Statement]:
        """What one outlet says of the fact: its original sources first, then its reprints."""
        return sorted((s for s in self.statements if s.voice == voice),
                      key=lambda s: (s.copy_of is not None, s.heading, -s.similarity, s.unit.number))

    @property
    def only_in(self) -> str | None:
        """The one outlet stating the fact, when only one does: named after its original, not a reprint."""
        if len(self.voices) != 1:
            return None
        original = next((s for s in self.statements if s.copy_of is None), None)
        return original.outlet if original else self.center.copy_of or self.center.outlet


@dataclass(slots=True)
class FactTable:
    """A story's facts (most voices first, then first appearance) against its outlets."""

    facts: list[Fact]
    outlets: list[Outlet]
    articles: list[Article]
    left_out: list[LeftOut] = field(default_factory=list)
    story: StoryUnits | None = None
    neighbours: list[dict[int, float]] = field(default_factory=list)  # each unit's equivalents (units and headings)
    fact_of: dict[int, int] = field(default_factory=dict)  # unit or heading index -> fact number
    near: list[dict[int, float]] = field(default_factory=list)  # each one's sentences at least NEAR_FACT alike

    def outlet(self, voice: int) -> Outlet:
        return next(o for o in self.outlets if o.voice == voice)


def _outlets(story: StoryUnits) -> list[Outlet]:
    by_voice: dict[int, list[SourceKey]] = {}
    for key, voice in story.outlets.voice.items():
        by_voice.setdefault(voice, []).append(key)
    found = []
    for voice, keys in sorted(by_voice.items()):
        keys.sort()
        originals = [k for k in keys if k not in story.outlets.copy_of] or keys
        found.append(Outlet(voice, story.outlets.name[originals[0]], tuple(keys)))
    return found


def fact_table(articles: Sequence[Article], story: StoryUnits | None = None) -> FactTable:
    """The facts of the story told by `articles` (its main story: inputs about another are left out)."""
    story = story if story is not None else story_units(articles)
    grouping = _Grouping(story)
    grouping.stars()
    grouping.headlines()
    grouping.lone_to_headlines()
    facts = grouping.facts()
    fact_of = {s.unit.number: fact.number for fact in facts for s in fact.statements}  # a heading's number is its index
    return FactTable(facts, _outlets(story), list(articles), story.left_out, story, grouping.neighbours, fact_of,
                     grouping.near)


class _Grouping:
    """The star clustering's state: which group each sentence (unit, then heading) is in."""

    def __init__(self, story: StoryUnits) -> None:
        self.story = story
        self.n = len(story.units)
        total = self.n + len(story.headings)
        self.keys = [story.indexed(j).source_key for j in range(total)]
        self.voices = [story.outlets.voice[k] for k in self.keys]
        self.near = [story.equivalence.matches(i, threshold=NEAR_FACT) for i in range(total)]
        self.neighbours = [{j: v for j, v in row.items() if v >= SAME_FACT} for row in self.near]
        self.group: list[int | None] = [None] * total
        self.groups: list[list[tuple[int, float]]] = []  # members (sentence, similarity), the centre first

    def strength(self, i: int) -> float:
        """How strongly the other outlets restate sentence i: its closest free sentence of each, summed."""
        best: dict[int, float] = {}
        for j, similarity in self.neighbours[i].items():
            voice = self.voices[j]
            if j < self.n and self.group[j] is None and voice != self.voices[i] and similarity > best.get(voice, 0.0):
                best[voice] = similarity
        return round(sum(best.values()), 9)

    def join(self, g: int, members: list[tuple[int, float]]) -> None:
        for j, similarity in members:
            self.group[j] = g
            self.groups[g].append((j, similarity))

    def closest_free(self, i: int) -> list[tuple[int, float]]:
        """Each other source's free sentence closest to sentence i."""
        best: dict[SourceKey, tuple[float, int]] = {}
        for j, similarity in self.neighbours[i].items():
            key = self.keys[j]
            if j < self.n and self.group[j] is None and key != self.keys[i]:
                if key not in best or (similarity, -j) > (best[key][0], -best[key][1]):
                    best[key] = (similarity, j)
        return [(j, s) for s, j in best.values()]

    def stars(self) -> None:
        """Centres strongest first (a lazy heap: strengths only fall as sentences are taken)."""
        heap = [(-self.strength(i), i) for i in range(self.n)]
        heapq.heapify(heap)
        while heap:
            negative, i = heapq.heappop(heap)
            if self.group[i] is not None:
                continue
            strength = self.strength(i)
            if strength != -negative:
                heapq.heappush(heap, (-strength, i))
                continue
            members = self.closest_free(i)
            taken = [(s, -j) for j, s in self.neighbours[i].items()
                     if self.group[j] is not None and self.voices[j] != self.voices[i]]
            if strength == 0 and taken:  # everything stating it is in a fact already: join the closest
                target = self.group[-max(taken)[1]]
                assert target is not None
                self.join(target, [(i, 0.0), *members])
                continue
            self.groups.append([])
            self.join(len(self.groups) - 1, [(i, 1.0), *members])

    def headlines(self) -> None:
        """A headline stating a fact is listed with the fact of the sentence closest to it."""
        for h in range(self.n, len(self.keys)):
            told = [(s, -j) for j, s in self.neighbours[h].items() if j < self.n]
            if told:
                similarity, j = max(told)
                target = self.group[-j]
                assert target is not None
                self.join(target, [(h, similarity)])

    def lone_to_headlines(self) -> None:
        """A fact of one outlet that another outlet's headline states joins that headline's fact."""
        for g, members in enumerate(self.groups):
            if len({self.voices[j] for j, _ in members}) != 1:
                continue
            others = [(s, k) for j, _ in members for k, s in self.neighbours[j].items()
                      if self.voices[k] != self.voices[j] and self.group[k] not in (None, g)]
            if others:
                target = self.group[max(others)[1]]
                assert target is not None
                self.join(target, [(j, 0.0) for j, _ in members])
                members.clear()

    def statement(self, j: int, similarity: float) -> Statement:
        key = self.keys[j]
        outlets = self.story.outlets
        original = outlets.copy_of.get(key)
        return Statement(self.story.indexed(j), outlets.name[key], self.voices[j],
                         outlets.name[original] if original else None, similarity, j >= self.n)

    def facts(self) -> list[Fact]:
        """The groups as facts: most voices first, then the one whose first sentence comes first."""
        rows = []
        for members in self.groups:
            if not members:
                continue
            center = members[0][0]
            rest = sorted(members[1:], key=lambda m: (self.keys[m[0]], m[0]))
            rows.append([self.statement(center, 1.0)] +
                        [self.statement(j, self.neighbours[center].get(j, s)) for j, s in rest])
        rows.sort(key=lambda r: (-len({s.voice for s in r}), min(s.unit.number for s in r if not s.heading)))
        return [Fact(k, tuple(r)) for k, r in enumerate(rows, start=1)]
