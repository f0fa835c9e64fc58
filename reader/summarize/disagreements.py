"""Where sources disagree: the same fact with a different number in different outlets.

Sentences of different sources (outlets, or a reprint and its original: a copy that changes a
figure is a correction or a mistake, either way worth seeing) that state the same fact, or nearly (`facts.NEAR_FACT`), are
compared number by number (`number_match`), after `quantities` has read every format into one
value (`$4.2m` = `4.2 million dollars`, `17 per cent` = `17%`), so a difference of writing is never
a disagreement. Sentences only loosely alike are compared too when two of the words beside their
numbers match ("cancelled about 3,500 flights on Thursday and Friday, according to a tracker"
restates "cancelled about 3,400 flights" in a long sentence of its own). Words beside many of each
outlet's numbers ("Corvane" in a story about Corvane) tell no quantity apart and are not counted.

Agreeing and disputing statements are joined into one disagreement per quantity, each value with
every outlet that states it, so "2,300 (three outlets) vs 2,600 (three outlets)" reads as one. A
sentence that reports a dispute itself (`number_match.rival_values`) joins its two values the same
way, and a list's lead-in lends its numbers to the list's items ("would pay $3.2 billion for:"). Two
notes go with it, for the reader to weigh: values that may be one rounded ("about 90,000" and
86,000), and values from different days in order (a count that grew, or a figure later corrected).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.summarize.event_dates import day_string
from reader.summarize.facts import NEAR_FACT, FactTable
from reader.summarize.number_match import compare, key, rival_values, rounded
from reader.summarize.quantities import Quantity, quantities
from reader.summarize.standalone import list_lead_ins
from reader.summarize.story import StoryUnits
from reader.summarize.units import Unit

CONTEXT_PAIRS = 2  # words beside two numbers that make them one quantity in sentences only loosely alike
LOOSELY_ALIKE = 0.06  # ...at least this alike (a long sentence with one number in common reads below SAME_FACT)
COMMON_SHARE = 0.1  # a word beside more than this share of the story's numbers (past one an outlet) tells none apart
COMMON_LEAST = 3  # ...and beside more than this many (a small story has few numbers)
TOLD_APART_BY = 2  # outlets each giving two values in separate sentences that make them two quantities
SOLE_KINDS = frozenset({"money"})  # sentences stating one fact with one amount each: it is one amount
SERIES_LEAST = 3  # values, one after another by day and all rising or all falling, that make a running figure


@dataclass(frozen=True, slots=True)
class Claim:
    """One outlet's sentence stating one value of the disputed quantity."""

    unit: Unit
    quantity: Quantity
    outlet: str
    voice: int
    copy_of: str | None = None
    heading: bool = False
    day: str | None = None  # YYYY-MM-DD its source was published (a reprint's: its original's), None if unknown


@dataclass(frozen=True, slots=True)
class Value:
    """One of the values given, with every statement of it."""

    label: str  # in canonical form: "$30 million", "3,400", "Sep 14"
    claims: tuple[Claim, ...]

    @property
    def voices(self) -> frozenset[int]:
        return frozenset(c.voice for c in self.claims)

    @property
    def outlets(self) -> list[str]:
        """The outlets stating it, once each, in the order of their claims."""
        return list(dict.fromkeys(c.outlet for c in self.claims if c.copy_of is None) or
                    dict.fromkeys(c.outlet for c in self.claims))


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One quantity stated with different values by different outlets."""

    kind: str  # the quantity's kind ("count", "money", ...)
    values: tuple[Value, ...]  # most voices first
    rounding: bool  # every pair of values could be one value rounded
    facts: tuple[int, ...]  # the numbers of the facts its sentences belong to
    later: bool = False  # each value comes from articles of other days than the rest, in order: maybe an update
    series: bool = False  # ...and three or more of them, all rising or all falling: a running figure, updated

    @property
    def updated(self) -> bool:
        """A figure that changed from day to day (38, 96, 127, 141 ill), not rival accounts: two values of
        two days may be either, so only a run of them all one way is told as updates."""
        return self.later and self.series

    @property
    def first(self) -> int:
        """The first sentence (by unit number) stating any of its values."""
        return min(c.unit.number for v in self.values for c in v.claims)

    def value_of(self, unit_number: int) -> Value | None:
        """The value a sentence (by unit number) states, when it states one of them."""
        return next((v for v in self.values if any(c.unit.number == unit_number for c in v.claims)), None)


class _Groups:
    """Numbers (sentence, index) joined into quantities. Two different numbers of one sentence are two
    quantities ("six of its seven members"), so a join that would make them one is refused, unless the
    sentence itself sets them against each other (`number_match.rival_values`)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}
        self.slots: dict[tuple[int, int], dict[int, frozenset[int]]] = {}  # root -> sentence -> its numbers in it

    def find(self, x: tuple[int, int]) -> tuple[int, int]:
        if x not in self.parent:
            self.parent[x] = x
            self.slots[x] = {x[0]: frozenset({x[1]})}
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[int, int], b: tuple[int, int], rivals: bool = False) -> bool:
        """Join a's and b's quantities; False when that would make two numbers of one sentence one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        sa, sb = self.slots[ra], self.slots[rb]
        if not rivals and any(j in sb and not (ks <= sb[j] or sb[j] <= ks) for j, ks in sa.items()):
            return False
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        merged = dict(self.slots[root])
        for j, ks in self.slots.pop(other).items():
            merged[j] = merged.get(j, frozenset()) | ks
        self.slots[root] = merged
        return True


def table_disagreements(table: FactTable) -> list[Disagreement]:
    """The disagreements among a fact table's sentences, numbered by the facts they are in."""
    if table.story is None:
        return []
    return disagreements(table.story, table.near, table.fact_of)


def disagreements(story: StoryUnits, near: Sequence[dict[int, float]] | None = None,
                  fact_of: dict[int, int] | None = None) -> list[Disagreement]:
    """Every quantity that outlets stating (nearly) the same fact give with different values.

    `near` is each sentence's equivalents at NEAR_FACT (a fact table has them); without it they are
    looked up for the sentences that give a number, among those alone.
    """
    outlets = story.outlets
    total = len(story.units) + len(story.headings)
    unit = [story.indexed(j) for j in range(total)]
    voice = [outlets.voice[u.source_key] for u in unit]
    own = [quantities(u.text) for u in unit]
    stated_in = _lead_in_units(unit[:len(story.units)])
    numbers = [found + quantities(stated_in[j].text) if j in stated_in else found for j, found in enumerate(own)]
    numbered = [j for j in range(total) if numbers[j]]
    if near is None:
        rows = {i: story.equivalence.matches(i, among=numbered, threshold=NEAR_FACT) for i in numbered}
        near = [rows.get(i, {}) for i in range(total)]
    # A statement given word for word again counts once: eight reprints of one wire story are one
    # story's numbers, not eight times as many, and their words would otherwise all look common.
    stated = {(voice[j], key(q), q.context): q for j, found in enumerate(own) for q in found}
    # A word is common when each outlet has it beside several of its own numbers; beside one number in
    # every outlet ("38 people ill", "96 people ill") it names that one quantity, however many tell it.
    per_outlet = Counter((v, w) for (v, _, _), q in stated.items() for w in q.context)
    beside: Counter[str] = Counter()
    for (_, w), count in per_outlet.items():
        beside[w] += count - 1
    limit = max(COMMON_LEAST, COMMON_SHARE * len(stated))
    common = frozenset(w for w, count in beside.items() if count > limit)
    groups = _Groups()
    disputed: set[tuple[int, int]] = set()
    compared: set[tuple[int, int]] = set()

    def take(i: int, j: int, least: int, sole: frozenset[str] = frozenset()) -> None:
        agree, dispute = compare(numbers[i], numbers[j], least, common, sole)
        for p, q in agree:
            groups.union((i, p), (j, q))
        for p, q in dispute:
            if groups.union((i, p), (j, q)):
                disputed.update({(i, p), (j, q)})

    source = [u.source_key for u in unit]
    for i in numbered:  # sentences (nearly) stating one fact: one word in common beside the numbers will do
        for j in near[i]:  # a reprint too: a copy that changes a figure disagrees with its original
            if j > i and source[j] != source[i] and numbers[j]:
                compared.add((i, j))
                take(i, j, 1, SOLE_KINDS)
    for j in numbered:  # a sentence that reports a dispute itself ("22, fewer than the 31 counted by the coastguard")
        for p, q in rival_values(own[j], unit[j].text):
            groups.union((j, p), (j, q), rivals=True)
            disputed.update({(j, p), (j, q)})
    for i, j in _context_pairs(numbers, voice, common):  # sentences loosely alike, with more words in common
        if (i, j) not in compared and story.equivalence.similarity(i, j) >= LOOSELY_ALIKE:
            take(i, j, CONTEXT_PAIRS)
    members: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for node in groups.parent:
        members[groups.find(node)].append(node)
    cited = [[u] * len(own[j]) + [stated_in[j]] * (len(numbers[j]) - len(own[j])) if j in stated_in else [u] * len(own[j])
             for j, u in enumerate(unit)]  # the sentence each number is written in
    published: dict[object, str | None] = {u.source_key: day_string(u.article.date) for u in story.units}  # for reprints
    found = [_disagreement(story, fact_of or {}, sorted(members[root]), cited, voice, numbers, published)
             for root in {groups.find(node) for node in disputed}]
    found = [d for d in found if len(d.values) > 1 and not _told_apart(d)]
    return sorted(found, key=lambda d: (min(d.facts, default=0), d.first, -sum(len(v.voices) for v in d.values)))


def _context_pairs(numbers: Sequence[tuple[Quantity, ...]], voice: Sequence[int],
                   common: frozenset[str]) -> list[tuple[int, int]]:
    """Pairs of sentences (of different outlets) with numbers of one kind sharing CONTEXT_PAIRS words beside
    them, from an inverted index of (kind, unit, word); `common` words, beside many numbers, are not indexed,
    so no posting is longer than a share of the story's numbers."""
    postings: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for j, found in enumerate(numbers):
        for k, q in enumerate(found):
            for word in q.context - common:
                postings[(q.kind, q.unit, word)].append((j, k))
    shared: dict[tuple[tuple[int, int], tuple[int, int]], int] = defaultdict(int)
    for nodes in postings.values():
        for a, x in enumerate(nodes):
            for y in nodes[a + 1:]:
                if voice[x[0]] != voice[y[0]]:
                    shared[(x, y)] += 1
    return sorted({(x[0], y[0]) if x[0] < y[0] else (y[0], x[0]) for (x, y), count in shared.items()
                   if count >= CONTEXT_PAIRS})


def _lead_in_units(units: Sequence[Unit]) -> dict[int, Unit]:
    """For each list item among the units, its list's lead-in ("Ostrander would pay $3.2 billion for:"),
    which is never a unit itself: its numbers are the item's too (`standalone.list_lead_ins`)."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for j, u in enumerate(units):
        by_article[id(u.article)].append(j)
    out: dict[int, Unit] = {}
    for js in by_article.values():
        article = units[js[0]].article
        index = {id(s): i for i, s in enumerate(article.sentences)}
        leads = list_lead_ins(article.sentences)
        for j in js:
            lead = leads.get(index.get(id(units[j].sentence), -1))
            if lead is not None:
                out[j] = Unit(j, article, lead)
    return out


def _disagreement(story: StoryUnits, fact_of: dict[int, int], nodes: Iterable[tuple[int, int]],
                  cited: Sequence[Sequence[Unit]], voice: Sequence[int], numbers: Sequence[tuple[Quantity, ...]],
                  published: dict[object, str | None]) -> Disagreement:
    outlets = story.outlets
    n = len(story.units)
    by_value: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for j, k in nodes:
        q = numbers[j][k]
        if (id(cited[j][k].sentence), q.start) in seen:
            continue  # a lead-in's number, read with each item of its list: one statement
        seen.add((id(cited[j][k].sentence), q.start))
        source = cited[j][k].source_key
        original = outlets.copy_of.get(source)
        day = day_string(cited[j][k].article.date) or (published.get(original) if original else None)
        by_value[key(q)].append(Claim(cited[j][k], q, outlets.name[source], voice[j],
                                       outlets.name[original] if original else None, j >= n, day))
    values = [Value(claims[0].quantity.label, tuple(sorted(claims, key=lambda c: (c.copy_of is not None, c.unit.number))))
              for claims in by_value.values()]
    values.sort(key=lambda v: (-len(v.voices), min(c.unit.number for c in v.claims)))
    quantities_given = [v.claims[0].quantity for v in values]
    rounding = all(rounded(x, y) for i, x in enumerate(quantities_given) for y in quantities_given[i + 1:])
    facts = tuple(sorted({fact_of[c.unit.number] for v in values for c in v.claims if c.unit.number in fact_of}))
    later = _in_order_of_days(values)
    return Disagreement(quantities_given[0].kind, tuple(values), rounding, facts, later, later and _running(values))


def _told_apart(d: Disagreement) -> bool:
    """Whether independent outlets, two or more, each give two of the values in sentences of their
    own: articles that state "$30 million" in one sentence and "$25 million" in another hold them for
    two quantities (a total and its part), not for rival accounts of one. One article doing so may be
    reporting the dispute ("depends on whom you ask: ... 1.1 million ... 1.4 million"), and a sentence
    setting two values against each other ("22, fewer than the 31 the coastguard counted") tells
    none apart."""
    sentences: dict[object, dict[object, set[int]]] = defaultdict(lambda: defaultdict(set))
    voice_of = {}
    for value in d.values:
        for claim in value.claims:
            sentences[claim.unit.source_key][value.label].add(id(claim.unit.sentence))
            voice_of[claim.unit.source_key] = claim.voice
    apart = set()
    for source, by_value in sentences.items():
        told = list(by_value.values())
        if any(not (a & b) for k, a in enumerate(told) for b in told[k + 1:]):
            apart.add(voice_of[source])
    return len(apart) >= TOLD_APART_BY


def _in_order_of_days(values: Sequence[Value]) -> bool:
    """Whether the values' days do not overlap, one value after the other: maybe a count that grew or
    a figure later corrected, maybe two estimates published on different days. An undated statement
    places nothing and contradicts nothing; a value no dated source gives cannot be placed."""
    spans = []
    for value in values:
        days = [c.day for c in value.claims if c.day]
        if not days:
            return False
        spans.append((min(days), max(days)))
    spans.sort()
    return all(earlier[1] < later[0] for earlier, later in zip(spans, spans[1:]))


def _running(values: Sequence[Value]) -> bool:
    """Whether SERIES_LEAST or more values, taken by day, all rise or all fall."""
    amounts = [v.claims[0].quantity.value for v in _by_day(values)]
    if len(amounts) < SERIES_LEAST or not all(isinstance(a, float | int) for a in amounts):
        return False
    steps = [b - a for a, b in zip(amounts, amounts[1:])]  # type: ignore[operator]
    return all(x > 0 for x in steps) or all(x < 0 for x in steps)


def _by_day(values: Sequence[Value]) -> list[Value]:
    return sorted(values, key=lambda v: min((c.day for c in v.claims if c.day), default="9999"))


def in_order_of_days(d: Disagreement) -> list[Value]:
    """The values by the first day a dated source gives each (undated ones last): how a figure changed."""
    return _by_day(d.values)


def contested(found: Sequence[Disagreement], unit_number: int) -> list[tuple[Disagreement, Value]]:
    """The disagreements a sentence takes a side in, each with the value it states."""
    out = []
    for d in found:
        value = d.value_of(unit_number)
        if value is not None:
            out.append((d, value))
    return out
