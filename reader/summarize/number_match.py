"""Whether two sentences' numbers are one quantity told alike, told differently, or two quantities.

Values are compared after `quantities` has read them, so only values differ, never formats. Two
numbers of the same kind and unit are the same quantity when they count the same thing, which
shows in the words beside them ("3,400 flights" and "3,500 flights" share "flights"; a year, a
time, a date or a vote, which say little about what they date or count, must share two words);
and only when their values are close: a number far from another is another quantity, not a dispute,
unless the words beside the two all but match ("$118 million for the transit program" and "$90
million for the transit program").
A hedge that holds is no dispute: "more than 2,300" and "2,350", "at least 24" and "up to 30",
"about 11:48 p.m." and "about 11:50 p.m.".

One sentence can also report a dispute itself: "the company said 22 containers had gone overboard,
fewer than the 31 counted by the coastguard". A value set against another with a comparison ("fewer
than the", "rather than the") and given to someone else ("counted by", "the coastguard's") is the
same quantity told two ways, however far apart the values are: the sentence says so.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.summarize.quantities import Quantity

MAX_RATIO = 1.3  # values further apart than this are different quantities, not one told differently
MAX_DAYS = 31  # dates further apart than this are different events
MAX_MINUTES = 180  # times of day likewise
MAX_YEARS = 3
MAX_VOTES = 3  # "9-4" and "8-5" may be one vote told two ways; "9-4" and "2-11" are not
ABOUT_MINUTES = 10  # "about 11:48 p.m." and "about 11:50 p.m." are one time
MIN_SHARED_WORDS = 2  # for a year, time, date or vote ("in 2023 ... in 2024" date different things)
NUMERIC = frozenset({"count", "money", "percent"})
FAR_SHARED_WORDS = 3  # words beside two numbers that make them one quantity however far apart their values
FAR_KINDS = NUMERIC | {"date"}
_VAGUE = frozenset({"year", "time", "date", "score"})
# A comparison that sets the next value against another stated one: "fewer than the", "rather than
# the", "compared with the coastguard's", "not the"; a bare "more than 31" is a hedge, never this.
_SET_AGAINST = re.compile(r"\b(?:(?:fewer|more|less|lower|higher|smaller|larger|greater|bigger|rather|other)\s+than"
                          r"|compared\s+(?:with|to)|as\s+opposed\s+to|instead\s+of|against|versus|vs\.?|not)"
                          r"\s+the\s+(?:[\w.-]+\s+){0,4}?(?:[\w.-]+['’]s\s+)?$", re.IGNORECASE)
# ...and gives it to someone as their count or word: "31 counted by the coastguard", "the coastguard's
# 31". Verbs of counting and saying only: "the 1,900 moved by the county in 2019" is another event,
# "the $2bn expected by analysts" a hope, not anyone's count of the same thing.
_GIVEN_BY = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?:counted|tallied|reported|recorded|estimated|cited|claimed|given|"
                       r"stated|quoted|announced|confirmed|listed|logged|put|recounted)\s+(?:forward\s+)?by\s+\S",
                       re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+$")


def key(q: Quantity) -> tuple[object, ...]:
    """What two numbers must share to be the same value: kind, unit and value."""
    return (q.kind, q.unit, q.value)


def _ordinal(q: Quantity) -> float:
    if q.kind == "date":
        month, day = q.value  # type: ignore[misc]
        return float(month * 31 + day)
    return float(q.value)  # type: ignore[arg-type]


def close(a: Quantity, b: Quantity) -> bool:
    """Whether two values of one kind are near enough to be one quantity told differently."""
    if a.kind in NUMERIC:
        x, y = sorted((float(a.value), float(b.value)))  # type: ignore[arg-type]
        return x > 0 and y / x <= MAX_RATIO
    if a.kind == "score":
        return all(abs(p - q) <= MAX_VOTES for p, q in zip(a.value, b.value))  # type: ignore[arg-type]
    limit = {"date": MAX_DAYS, "time": MAX_MINUTES, "year": MAX_YEARS}.get(a.kind)
    return limit is not None and abs(_ordinal(a) - _ordinal(b)) <= limit


def hedge_holds(a: Quantity, b: Quantity) -> bool:
    """Whether a hedge makes two values agree ("more than 2,300" and "2,350")."""
    if a.kind == "time" and "about" in (a.hedge, b.hedge) and abs(_ordinal(a) - _ordinal(b)) <= ABOUT_MINUTES:
        return True
    if a.kind not in NUMERIC and a.kind not in ("time", "date"):
        return False
    for bound, other in ((a, b), (b, a)):
        low, high = _ordinal(bound), _ordinal(other)
        if bound.hedge == "over" and (high > low if other.hedge != "under" else high >= low):
            return True
        if bound.hedge == "under" and other.hedge != "over" and high < low:
            return True
    return False


def rounded(a: Quantity, b: Quantity) -> bool:
    """Whether one value may be the other rounded: within half a step of the coarser one (86,000 and
    "about 90,000"; 4.1% and 4%)."""
    if a.kind not in NUMERIC:
        return False
    return abs(float(a.value) - float(b.value)) <= max(a.step, b.step) / 2 + 1e-9  # type: ignore[arg-type]


def disputes(x: Quantity, y: Quantity, shared: int) -> bool:
    """Whether two numbers sharing `shared` words beside them are one quantity with two values. Far
    apart, they still are when the words beside them all but match: "$118 million a year for the
    transit program" and "$90 million a year for the transit program" count one thing."""
    if key(x) == key(y) or (x.kind, x.unit) != (y.kind, y.unit) or hedge_holds(x, y):
        return False
    if not close(x, y) and not (x.kind in FAR_KINDS and shared >= FAR_SHARED_WORDS):
        return False
    return shared >= (MIN_SHARED_WORDS if x.kind in _VAGUE else 1)


def _distance(x: Quantity, y: Quantity) -> float:
    a, b = _ordinal(x) if x.kind != "score" else sum(x.value), _ordinal(y) if y.kind != "score" else sum(y.value)  # type: ignore[arg-type]
    return abs(a - b) / max(abs(a), abs(b), 1e-9)


def _sole(found: Sequence[Quantity], kinds: frozenset[str]) -> set[int]:
    """Indexes of the numbers that are their sentence's only one of their kind and unit (of `kinds`)."""
    count = Counter((q.kind, q.unit) for q in found)
    return {i for i, q in enumerate(found) if q.kind in kinds and count[(q.kind, q.unit)] == 1}


def compare(a: Sequence[Quantity], b: Sequence[Quantity], least: int = 1,
            ignore: frozenset[str] = frozenset(), sole: frozenset[str] = frozenset()) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Two sentences' numbers: the pairs (index in a, index in b) that agree, and those that dispute.

    Pairs must share at least `least` words beside them; for a dispute, words in `ignore` (beside
    too many of the story's numbers to tell any apart) are left out, while one value given by two
    sentences this alike is taken as one quantity on any word. A value the other sentence also
    gives disputes nothing. Of the rest, each number is paired with at most one of the other's: most shared words
    first, then the closest value. Numbers of a kind in `sole` that are each their sentence's only one
    of their kind and unit are one quantity without a word in common when one has no words beside it
    at all (", for $2.9 billion."): two sentences stating one fact give one price.
    """
    alone = (_sole(a, sole), _sole(b, sole)) if sole else (set(), set())

    def shared(x: Quantity, y: Quantity) -> int:
        return len((x.context & y.context) - ignore)

    agree = [(i, j) for i, x in enumerate(a) for j, y in enumerate(b)
             if key(x) == key(y) and len(x.context & y.context) >= least]
    given_a = {key(x) for x in a}
    given_b = {key(y) for y in b}
    candidates = []
    for i, x in enumerate(a):
        if key(x) in given_b:
            continue
        for j, y in enumerate(b):
            words = shared(x, y)
            if not words and (not x.context or not y.context) and i in alone[0] and j in alone[1] \
                    and (x.kind, x.unit) == (y.kind, y.unit):
                words = least
            if key(y) not in given_a and words >= least and disputes(x, y, words):
                candidates.append((-words, _distance(x, y), i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    dispute = []
    for _, _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            dispute.append((i, j))
    return agree, dispute


def rival_values(found: Sequence[Quantity], text: str) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of one sentence's numbers where the sentence sets the later value,
    given to another party, against the earlier one: a dispute it reports itself."""
    pairs = []
    for j, y in enumerate(found):
        before = text[:y.start]
        against = _SET_AGAINST.search(before[-80:])
        if against is None:
            continue
        if not (_POSSESSIVE.search(before) or _GIVEN_BY.match(text[y.end:y.end + 80])):
            continue
        earlier = [i for i, x in enumerate(found[:j]) if (x.kind, x.unit) == (y.kind, y.unit) and key(x) != key(y)]
        if earlier:
            pairs.append((earlier[-1], j))
    return pairs
