"""Which sources tell the main story, so a story summary never quotes a glued-in unrelated story.

Each source (a file, or one glued-in copy within a file; a reprint stands with its original) is a
TF-IDF vector of its content words. Sources whose cosine reaches `CORE_LINK` clearly tell one
story: linked together they form story cores, and the core with the most sources is the main
story. A source in another core tells that other story, unless it resembles the main story as a
whole (cosine with the core's centroid at least `ATTACH`). A source linked to nothing, such as
a two-paragraph follow-up that is mostly new facts, is judged by how much of the story's
vocabulary it uses: the share of the core centroid's weight on words it contains (at least
`LONE_CONTAINS`), because a follow-up names the story's subject however little else it repeats.
A source dated before the story's first report is no follow-up: a longer article on the same
town shares that much vocabulary by chance ("port", "Calverston", "Wednesday"), so it is kept
only when it resembles the story as a whole.
Everything else is left out, with its reason.

Pairs are found through an inverted index, term by term, skipping terms so common that they say
nothing about which story a source tells (more than `MAX_POSTING` sources); the work and memory
grow with the input, never with the square of the sources, and the centroid test is linear.
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from reader.summarize.event_dates import day_string
from reader.summarize.sentence_terms import SentenceTerms
from reader.summarize.tokens import STOP_WORDS, cased_words
from reader.summarize.units import Unit, source_key_of

SourceKey = tuple[str, int]

CORE_LINK = 0.3  # cosine at which two sources clearly tell one story
ATTACH = 0.2  # cosine with the main story's centroid at which a source of another core belongs to it
LONE_CONTAINS = 0.11  # share of the centroid's weight a source linked to nothing must contain
MAX_POSTING = 64  # a term in more sources than this does not tell stories apart
MAX_PAIR_ENTRIES = 4_000_000  # bound on the index's pair list; common terms are dropped first


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A source the story summary does not use, and why, in words a user can check."""

    path: str
    segment: int | None  # which glued-in copy of the file, when the file holds several
    reason: str


@dataclass(slots=True)
class _Vectors:
    keys: list[SourceKey]  # representative sources (originals, not reprints)
    src: np.ndarray  # (source, term, weight) triples of unit-length log-tf x idf vectors
    term: np.ndarray
    weight: np.ndarray
    sizes: np.ndarray  # candidate sentences per source


def _vectors(units: Sequence[Unit], terms: Sequence[SentenceTerms], skip: Mapping[SourceKey, SourceKey]) -> _Vectors:
    keys: dict[SourceKey, int] = {}
    vocab: dict[str, int] = {}
    counts: dict[tuple[int, int], int] = {}
    sizes: list[int] = []
    for unit, t in zip(units, terms):
        if unit.source_key in skip:
            continue
        s = keys.get(unit.source_key)
        if s is None:
            s = keys[unit.source_key] = len(keys)
            sizes.append(0)
        sizes[s] += 1
        for term in t.terms:
            v = vocab.setdefault(term, len(vocab))
            counts[(s, v)] = counts.get((s, v), 0) + 1
    n = len(keys)
    src = np.fromiter((p[0] for p in counts), np.int64, len(counts))
    term = np.fromiter((p[1] for p in counts), np.int64, len(counts))
    tf = np.fromiter(counts.values(), np.float64, len(counts))
    df = np.bincount(term, minlength=len(vocab))
    weight = (1.0 + np.log(tf)) * (np.log((n + 1) / (df[term] + 1)) + 1.0)
    norms = np.sqrt(np.bincount(src, weights=weight * weight, minlength=n))
    return _Vectors(list(keys), src, term, weight / np.maximum(norms[src], 1e-12), np.asarray(sizes))


def _linked_pairs(v: _Vectors) -> np.ndarray:
    """Source pairs (a < b) whose cosine reaches CORE_LINK, from the terms they share."""
    n = len(v.keys)
    order = np.lexsort((v.src, v.term))
    src, term, weight = v.src[order], v.term[order], v.weight[order]
    bounds = np.flatnonzero(np.diff(term)) + 1
    postings = [(s, w) for s, w in zip(np.split(src, bounds), np.split(weight, bounds)) if s.size > 1]
    cap = MAX_POSTING
    while cap > 2 and sum(min(s.size, cap) ** 2 for s, _ in postings if s.size <= cap) > 2 * MAX_PAIR_ENTRIES:
        cap //= 2
    keys_parts: list[np.ndarray] = []
    value_parts: list[np.ndarray] = []
    for s, w in postings:
        if s.size > cap:
            continue
        a, b = np.triu_indices(s.size, 1)
        keys_parts.append(s[a] * n + s[b])
        value_parts.append(w[a] * w[b])
    if not keys_parts:
        return np.zeros((0, 2), dtype=np.int64)
    pair_keys, inverse = np.unique(np.concatenate(keys_parts), return_inverse=True)
    cosine = np.bincount(inverse, weights=np.concatenate(value_parts))
    linked = pair_keys[cosine >= CORE_LINK]
    return np.stack([linked // n, linked % n], axis=1)


def _components(n: int, edges: np.ndarray) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges.tolist():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    return list(groups.values())


def _against_centroid(v: _Vectors, members: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Each source's cosine with the members' centroid (a member's own vector taken out), and the share
    of the centroid's weight on words the source contains."""
    n = len(v.keys)
    inside = np.zeros(n, dtype=bool)
    inside[members] = True
    mask = inside[v.src]
    centroid = np.bincount(v.term[mask], weights=v.weight[mask], minlength=int(v.term.max()) + 1)
    dot = np.bincount(v.src, weights=v.weight * centroid[v.term], minlength=n)
    own = np.where(inside, 1.0, 0.0)  # unit vectors: a member's dot with itself is 1
    rest = np.sqrt(np.maximum(float(centroid @ centroid) - 2.0 * np.where(inside, dot, 0.0) + own, 1e-12))
    contained = np.bincount(v.src, weights=centroid[v.term], minlength=n) / max(float(centroid.sum()), 1e-12)
    return (dot - own) / rest, contained


_TIME_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                        "may june july august september october november december".split())


def _names(units: Sequence[Unit]) -> dict[SourceKey, set[str]]:
    """Each source's names: words written capitalised inside a sentence ("Pine Ridge", "FTC"), days
    and months aside. A short follow-up of a story names its places, people or bodies; an article
    on another event that merely uses the same words ("evacuation orders", "residents") names others."""
    found: dict[SourceKey, set[str]] = {}
    for unit in units:
        words = cased_words(unit.text)[1:]
        own = found.setdefault(unit.source_key, set())
        own.update(w for w, capital in words if capital and w not in STOP_WORDS and w not in _TIME_NAMES
                   and not w[0].isdigit())
    return found


def _days(units: Sequence[Unit]) -> dict[SourceKey, str]:
    """Each dated source's publication day (YYYY-MM-DD), as its file gives it."""
    days: dict[SourceKey, str] = {}
    for unit in units:
        day = day_string(unit.article.date)
        if day is not None:
            days.setdefault(unit.source_key, day)
    return days


def _echoing(units: Sequence[Unit], kept: set[SourceKey]) -> set[SourceKey]:
    """Glued-in copies that repeat sentences of a kept copy of their file: they tell the kept story,
    however little of their own text is left once the repeats are dropped (an unrelated story glued
    into the file never repeats this one's sentences)."""
    found: set[SourceKey] = set()
    for article in {id(u.article): u.article for u in units}.values():
        for number, segment in enumerate(article.segments):
            key = source_key_of(article, number)
            if segment.echoes is not None and key not in kept and source_key_of(article, segment.echoes) in kept:
                found.add(key)
    return found


def main_story(units: Sequence[Unit], terms: Sequence[SentenceTerms],
               copy_of: Mapping[SourceKey, SourceKey] | None = None) -> tuple[set[SourceKey], list[LeftOut]]:
    """Source keys of the story most sources tell, and the sources left out with their reason.

    `copy_of` maps reprints to the source they copy: a reprint goes wherever its original goes.
    """
    # A reprint stands with the copy it shares its text with; the longest copy speaks for them all.
    sizes: dict[SourceKey, int] = {}
    for unit in units:
        sizes[unit.source_key] = sizes.get(unit.source_key, 0) + 1
    groups: dict[SourceKey, list[SourceKey]] = {}
    for copy, original in (copy_of or {}).items():
        groups.setdefault(original, [original]).append(copy)
    copies = {}
    for members in groups.values():
        speaker = max(members, key=lambda k: (sizes.get(k, 0), k))
        copies.update({k: speaker for k in members if k != speaker})
    v = _vectors(units, terms, copies)
    every = sorted({u.source_key for u in units})
    if len(v.keys) <= 2 or not v.weight.size:
        return set(every), []
    cores = _components(len(v.keys), _linked_pairs(v))
    main = max(cores, key=lambda g: (len(g), int(v.sizes[g].sum()), -g[0]))
    if len(main) == 1:  # nothing is clearly one story: there is no story to keep apart from
        return set(every), []
    similarity, contained = _against_centroid(v, main)
    core_of = {s: core for core in cores for s in core}
    day = _days(units)
    began = min((day[v.keys[s]] for s in main if day.get(v.keys[s])), default=None)
    before = {s for s in range(len(v.keys)) if began and (day.get(v.keys[s]) or began) < began}
    lone = [s for s in range(len(v.keys)) if similarity[s] < ATTACH and len(core_of[s]) == 1
            and contained[s] >= LONE_CONTAINS and s not in before]
    named: set[int] = set()
    if lone:  # names are read only when a lone source might join
        wanted = {v.keys[s] for s in [*main, *lone]}
        names = _names([u for u in units if u.source_key in wanted])
        told = set().union(*(names.get(v.keys[s], set()) for s in main))
        named = {s for s in lone if names.get(v.keys[s], set()) & told}
    chosen = set(main) | {s for s in range(len(v.keys)) if similarity[s] >= ATTACH} | named
    kept = {v.keys[s] for s in chosen}
    kept |= _echoing(units, kept)
    kept |= {copy for copy, original in copies.items() if original in kept}
    position = {key: s for s, key in enumerate(v.keys)}
    segmented = {k[0] for k in every if k[1] > 0}
    left = []
    for key in every:
        if key in kept:
            continue
        s = position.get(copies.get(key, key))
        if s is None:
            continue
        others = sorted({os.path.basename(v.keys[o][0]) for o in core_of[s] if v.keys[o][0] != key[0]})
        if others:
            reason = (f"another story, with {', '.join(others[:3])}{' and others' if len(others) > 3 else ''} "
                      f"(similarity {max(similarity[s], 0.0):.2f} to this story; {ATTACH:.2f} needed)")
        elif contained[s] >= LONE_CONTAINS and s not in before:
            reason = (f"another story (uses {contained[s]:.0%} of this story's vocabulary, "
                      "but names no one and nothing it names)")
        elif s in before and contained[s] >= LONE_CONTAINS:
            reason = (f"another story (dated {day[v.keys[s]]}, before this story's first report on {began}, "
                      f"so no follow-up; similarity {max(similarity[s], 0.0):.2f}, {ATTACH:.2f} needed)")
        else:
            reason = (f"another story (uses {contained[s]:.0%} of this story's vocabulary; "
                      f"{LONE_CONTAINS:.0%} needed)")
        left.append(LeftOut(key[0], key[1] if key[0] in segmented else None, reason))
    return kept, sorted(left, key=lambda x: (x.path, x.segment or 0))
