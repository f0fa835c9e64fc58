"""Which of reader's blocks hold a text that another extractor produced, found by aligning words.

A main-text library returns plain text with no positions; reader's blocks carry file offsets.
Walking both word sequences in reading order and matching runs that start with a shared word
4-gram tells, per block, how many of its words the library kept, so the library decides what is
main text while every kept character still maps to the file. The walk is monotone (it never goes
back), which ties a repeated phrase to its place in reading order; of the next few places an
anchor occurs, the one that agrees longest is taken, so a teaser that opens like the story does
not capture it. Each step costs a hash lookup, a bisection and at most CANDIDATES times the words
it advances over: linear in the page.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

ANCHOR = 4  # words that must agree before a run counts: shorter ones match by chance
CANDIDATES = 8  # later places of the same anchor tried; each costs at most the run finally taken
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """`\\w+` runs, case-folded (a library may change case in headings; never what it keeps)."""
    return [w.casefold() for w in _WORD.findall(text)]


def matched_words(blocks: Sequence[str], guide: str) -> list[int]:
    """For each block, how many of its words are aligned with words of `guide`, in reading order."""
    flat: list[str] = []
    owner: list[int] = []
    for number, text in enumerate(blocks):
        found = words(text)
        flat.extend(found)
        owner.extend([number] * len(found))
    wanted = words(guide)
    hits = [0] * len(blocks)
    if len(flat) < ANCHOR or len(wanted) < ANCHOR:
        return hits
    at: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(flat) - ANCHOR + 1):  # positions are appended in order, so each list is sorted
        at.setdefault(tuple(flat[i:i + ANCHOR]), []).append(i)
    cursor = j = 0
    while j <= len(wanted) - ANCHOR:
        places = at.get(tuple(wanted[j:j + ANCHOR]))
        k = bisect_left(places, cursor) if places else 0
        if not places or k == len(places):
            j += 1
            continue
        best, length = places[k], 0
        for place in places[k:k + CANDIDATES]:  # the longest agreement wins: a teaser's opening is short
            run = _agreement(flat, place, wanted, j)
            if run > length:
                best, length = place, run
        for i in range(best, best + length):
            hits[owner[i]] += 1
        cursor, j = best + length, j + length
    return hits


def _agreement(flat: list[str], i: int, wanted: list[str], j: int) -> int:
    """How many words agree from flat[i] and wanted[j] on."""
    start = i
    while i < len(flat) and j < len(wanted) and flat[i] == wanted[j]:
        i += 1
        j += 1
    return i - start
