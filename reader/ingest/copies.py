"""Files that glue several outlets' copies together with `.. `: find the seams and the repeats.

A segment that mostly repeats an earlier one is that segment's duplicate; sentences repeated
exactly or nearly (other quote marks, other spacing) anywhere in the file are kept once.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from reader.ingest.blocks import Block

# "…judges.. WASHINGTON": a doubled full stop after a word, then space and a new sentence.
GLUE = re.compile(r"(?<=[^\s.])\.\.(?!\.)[ \t]+(?=[\"'“‘(\[A-Z0-9])")
DUPLICATE_SEGMENT_SHARE = 0.5  # share of a segment's sentences seen before that makes it a copy
NEAR_DUPLICATE_JACCARD = 0.8  # word-trigram overlap that counts as the same sentence reworded
_WORD = re.compile(r"[^\W_]+")


def split_glued(blocks: Sequence[Block]) -> list[Block]:
    """Cut blocks at glue seams; each block gets the number of the segment it belongs to."""
    out: list[Block] = []
    segment = 0
    for block in blocks:
        start = 0
        for seam in GLUE.finditer(block.text) if ".." in block.text else ():
            head = block.slice(start, seam.start() + 1)  # keep one full stop
            head.segment = segment
            out.append(head)
            segment += 1
            start = seam.end()
        tail = block.slice(start, block.length) if start else block
        tail.segment = segment
        out.append(tail)
    return [b for b in out if b.text.strip()]


_ASCII_ALNUM = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))  # else a space


def sentence_key(text: str) -> tuple[str, ...]:
    """Words of a sentence, lowercased, with quotes, apostrophes and punctuation ignored."""
    text = text.lower()
    if text.isascii():  # the same runs of letters and digits as _WORD, by table lookup
        return tuple(text.encode().translate(_ASCII_ALNUM).decode().split())
    return tuple(_WORD.findall(text))


def _trigrams(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < 3:
        return {words}
    return {words[i:i + 3] for i in range(len(words) - 2)}


def find_repeats(texts: Sequence[str], segments: Sequence[int]) -> list[int | None]:
    """For each sentence, the index of the earlier sentence it repeats, or None.

    Exact repeats (words equal, punctuation and quotes aside) count anywhere; near repeats only
    across glued-in copies, where one outlet's copy re-edits another's.
    """
    if len(set(segments)) <= 1:
        return _exact_repeats(texts)
    first_seen: dict[tuple[str, ...], int] = {}
    by_trigram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    grams: list[set[tuple[str, ...]]] = []
    repeats: list[int | None] = []
    for i, text in enumerate(texts):
        key = sentence_key(text)
        mine = _trigrams(key)
        grams.append(mine)
        match = first_seen.get(key) if len(key) >= 4 else None
        if match is None and len(key) >= 8:
            counts: dict[int, int] = defaultdict(int)
            for gram in mine:
                for j in by_trigram.get(gram, ())[:50]:
                    counts[j] += 1
            for j, shared in sorted(counts.items(), key=lambda kv: -kv[1])[:5]:
                if segments[j] != segments[i] and shared / len(mine | grams[j]) >= NEAR_DUPLICATE_JACCARD:
                    match = j
                    break
        if match is not None:
            repeats.append(match)
            continue
        repeats.append(None)
        first_seen.setdefault(key, i)
        for gram in mine:
            by_trigram[gram].append(i)
    return repeats


def _exact_repeats(texts: Sequence[str]) -> list[int | None]:
    first_seen: dict[tuple[str, ...], int] = {}
    repeats: list[int | None] = []
    for i, text in enumerate(texts):
        key = sentence_key(text)
        match = first_seen.get(key) if len(key) >= 4 else None
        repeats.append(match)
        if match is None:
            first_seen.setdefault(key, i)
    return repeats


def duplicate_segments(segments: Sequence[int], repeats: Sequence[int | None], count: int) -> list[int | None]:
    """For each segment, the earlier segment it copies, or None when it is mostly new text."""
    totals = [0] * count
    copied: list[dict[int, int]] = [defaultdict(int) for _ in range(count)]
    for segment, repeat in zip(segments, repeats):
        totals[segment] += 1
        if repeat is not None and segments[repeat] != segment:
            copied[segment][segments[repeat]] += 1
    result: list[int | None] = []
    for segment in range(count):
        if not copied[segment] or totals[segment] == 0:
            result.append(None)
            continue
        source, shared = max(copied[segment].items(), key=lambda kv: (kv[1], -kv[0]))
        result.append(source if shared / totals[segment] >= DUPLICATE_SEGMENT_SHARE else None)
    return result
