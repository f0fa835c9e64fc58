"""Who told the story: each source's outlet, which sources reprint another, and the independent voices.

A source is one file, or one glued-in copy within a file. Two sources are one voice when they
come from the same publisher, or when one reprints the other (a wire story run by two papers):
most of the shorter one's sentences occur, word for word, in the other. Counting voices rather
than files is what makes "reported by 3 sources" mean three outlets checked it, not one copied twice.
Reprints are found through a table of sentence fingerprints, so the cost grows with the number of
sentences, never with the square of the sources.
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.summarize.sentence_terms import terms_of
from reader.summarize.units import Unit

SourceKey = tuple[str, int]

COPY_SHARE = 0.5  # a source is a reprint when this share of its sentences occur verbatim in another
MIN_SHARED_SENTENCES = 2  # ...and at least this many (one shared quote is not a reprint)
MAX_SOURCES_PER_SENTENCE = 50  # a line in more sources than this is furniture, not a reprint signal


@dataclass(frozen=True, slots=True)
class Outlets:
    """Outlet names, reprints (source -> the source it copies) and an independent-voice id per source."""

    name: dict[SourceKey, str]
    copy_of: dict[SourceKey, SourceKey]
    voice: dict[SourceKey, int]

    @property
    def voices(self) -> int:
        return len(set(self.voice.values()))


def source_label(unit: Unit, file_name: str | None = None) -> str:
    """The outlet as a reader knows it: the publisher, else the file (and which glued copy).

    `file_name` replaces the file's base name (see `source_labels`)."""
    article = unit.article
    segment = unit.source_key[1]
    name = file_name or os.path.basename(article.path)
    if len(article.segments) > 1:
        return f"{name} (copy {segment + 1})"
    return article.source or name


def _common_folder(paths: Sequence[str]) -> str | None:
    """The deepest folder holding all of `paths` (None when there is none: different drives)."""
    try:
        return os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    except ValueError:  # different drives (Windows)
        return None


def _below(path: str, root: str | None) -> str:
    """`path` below `root`, as citations name files."""
    return path if root is None else os.path.relpath(os.path.abspath(path), root)


def source_labels(first: dict[SourceKey, Unit]) -> dict[SourceKey, str]:
    """Every source's label; a file named like another file of the story (`business/001.txt`,
    `sport/001.txt`) is named below their common folder, so "only in 001.txt" cannot mean either."""
    names = {key: source_label(unit) for key, unit in first.items()}
    paths: defaultdict[str, set[str]] = defaultdict(set)
    for key, unit in first.items():
        paths[names[key]].add(unit.article.path)
    roots = {name: _common_folder(sorted(alike)) for name, alike in paths.items() if len(alike) > 1}
    for key, unit in first.items():  # one common folder per shared name: 5,000 items of one feed, not 5,000 squared
        if names[key] in roots:
            names[key] = source_label(unit, _below(unit.article.path, roots[names[key]]))
    return names


def _publisher(name: str | None) -> str | None:
    if not name:
        return None
    key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    key = re.sub(r"^the ", "", key)
    return key or None


def find_outlets(units: Sequence[Unit], fingerprints: Sequence[str] | None = None) -> Outlets:
    """Name every source, find reprints, and merge reprints and same-publisher sources into voices.

    `fingerprints` are the units' `SentenceTerms.fingerprint`s, when the caller has them already.
    """
    if fingerprints is None:
        fingerprints = [t.fingerprint for t in terms_of(units)]
    first: dict[SourceKey, Unit] = {}
    sizes: Counter[SourceKey] = Counter()
    holders: dict[str, set[SourceKey]] = defaultdict(set)
    for n, unit in enumerate(units):
        key = unit.source_key
        first.setdefault(key, unit)
        sizes[key] += 1
        holders[fingerprints[n]].add(key)
    keys = sorted(first)
    shared: Counter[tuple[SourceKey, SourceKey]] = Counter()
    for owners in holders.values():
        if 1 < len(owners) <= MAX_SOURCES_PER_SENTENCE:
            ordered = sorted(owners)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    shared[(a, b)] += 1

    def seniority(key: SourceKey) -> tuple[str, int, SourceKey]:
        """Earlier, then longer, then first by path: the one a reprint copies."""
        return (first[key].article.date or "9999", -sizes[key], key)

    copy_of: dict[SourceKey, SourceKey] = {}
    for (a, b), count in sorted(shared.items()):
        smaller = min(sizes[a], sizes[b])
        # Two shared sentences, or all of a one-sentence source (a file saved twice is one voice).
        if count < min(MIN_SHARED_SENTENCES, smaller) or count / smaller < COPY_SHARE:
            continue
        original, copy = sorted((a, b), key=seniority)
        if copy not in copy_of or seniority(original) < seniority(copy_of[copy]):
            copy_of[copy] = original
    for key in list(copy_of):  # point every reprint at the root it ultimately copies
        seen = {key}
        root = copy_of[key]
        while root in copy_of and root not in seen:
            seen.add(root)
            root = copy_of[root]
        copy_of[key] = root

    parent = {k: k for k in keys}

    def find(k: SourceKey) -> SourceKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: SourceKey, b: SourceKey) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for copy, original in copy_of.items():
        union(copy, original)
    by_publisher: dict[str, SourceKey] = {}
    for key in keys:
        article = first[key].article
        publisher = _publisher(article.source) if len(article.segments) <= 1 else None
        if publisher:
            union(key, by_publisher.setdefault(publisher, key))
    roots = {root: n for n, root in enumerate(sorted({find(k) for k in keys}))}
    return Outlets(
        name=source_labels({k: first[k] for k in keys}),
        copy_of=copy_of,
        voice={k: roots[find(k)] for k in keys},
    )
