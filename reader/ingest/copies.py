"""Files that glue several outlets' copies together with `..` (inline or on a line of its own):
find the seams and the repeats.

A segment that mostly repeats an earlier one is that segment's duplicate; sentences repeated
exactly or nearly (other quote marks, other spacing) anywhere in the file are kept once.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from reader.ingest.blocks import Block

# "…judges.. WASHINGTON": a doubled full stop after a word, then space and a new sentence; or with
# no space, between a lowercase word and a capitalised one ("…was unfair..Commuters from"), which
# no sentence, abbreviation or number writes. After an abbreviation with dots of its own ("Washington,
# D.C.. The move", "at 5 p.m.. Crews") the first is the abbreviation's and the second ends the sentence.
GLUE = re.compile(r"(?<=[^\s.])(?<!\.[^\W\d_])\.\.(?!\.)[ \t]+(?=[\"'“‘(\[A-Z0-9])"
                  r"|(?<=[a-z])(?<!\.[a-z])\.\.(?=[A-Z][a-z])")
DUPLICATE_SEGMENT_SHARE = 0.5  # share of a segment's sentences seen before that makes it a copy
NEAR_DUPLICATE_JACCARD = 0.8  # word-trigram overlap that counts as the same sentence reworded
_WORD = re.compile(r"[^\W_]+")


def split_glued(blocks: Sequence[Block]) -> list[Block]:
    """Cut blocks at glue seams; each block gets the number of the segment it belongs to.

    A seam is `word.. Next` inside a line, or a line holding only `..`; the latter comes back as a
    block of kind "seam" (between its two segments), so the caller can say why the line is not text.
    A segment number is used up only once it holds text, so segments stay numbered 0, 1, 2...
    A `..` line with no text before it or none after it is no seam (nothing is glued there): it
    stays a block of its own kind, for the sentence step to find it holds no words.
    """
    out: list[Block] = []
    segment = 0
    used = False  # whether the current segment holds any text yet
    text_seen = False  # whether any segment holds text yet
    kinds: dict[int, str] = {}  # id of each seam block -> the kind it had, in case it is no seam
    for block in blocks:
        start = 0
        for a, b, inline in _seams(block):
            head = block.slice(start, a + 1 if inline else a)  # an inline seam keeps one full stop
            if head.text.strip():
                head.segment = segment
                out.append(head)
                used = text_seen = True
            if not inline:
                seam = block.slice(a, b)
                seam.segment = segment
                if text_seen:
                    kinds[id(seam)] = seam.kind
                    seam.kind = "seam"
                out.append(seam)
            if used:
                segment, used = segment + 1, False
            start = b
        tail = block.slice(start, block.length) if start else block
        if tail.text.strip():
            tail.segment = segment
            out.append(tail)
            used = text_seen = True
    for block in reversed(out):  # seams after the last text glue nothing on
        if block.kind != "seam":
            break
        block.kind = kinds[id(block)]
    return out


_DOTS = re.compile(r"(?<!\.)\.\.(?!\.)")
_LINE_BREAK = re.compile(r"[\r\n]")


def _seams(block: Block) -> list[tuple[int, int, bool]]:
    """(start, end, inline) of each seam in the block, in order. A line seam is `..` with nothing
    else on its line: between line breaks of the text, or between the soft breaks Markdown renders
    as a space (pieces that map to no file text of their own)."""
    text = block.text
    if ".." not in text:
        return []
    found = [(m.start(), m.end(), True) for m in GLUE.finditer(text)]
    breaks = {0, len(text)}
    for m in _LINE_BREAK.finditer(text):
        breaks.update((m.start(), m.end()))
    ends = block.piece_starts[1:] + [block.length]
    for piece, (lo, hi) in enumerate(zip(block.piece_starts, ends)):
        if not block.exact[piece] and not text[lo:hi].strip():
            breaks.update((lo, hi))
    for m in _DOTS.finditer(text):
        a, b = m.start(), m.end()
        while a > 0 and text[a - 1] in " \t" and a not in breaks:
            a -= 1
        while b < len(text) and text[b] in " \t" and b not in breaks:
            b += 1
        if a in breaks and b in breaks:
            found.append((a, b, False))
    return sorted(found)


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


def echoed_segments(segments: Sequence[int], repeats: Sequence[int | None], count: int) -> list[int | None]:
    """For each segment, the earlier segment it repeats the most sentences of (any number), or None.

    A copy that is mostly new text is no duplicate, but the sentences it shares with an earlier copy
    still say it tells the same story, however little of it is left once the repeats are dropped."""
    copied: list[dict[int, int]] = [defaultdict(int) for _ in range(count)]
    for segment, repeat in zip(segments, repeats):
        if repeat is not None and segments[repeat] < segment:
            copied[segment][segments[repeat]] += 1
    return [max(c.items(), key=lambda kv: (kv[1], -kv[0]))[0] if c else None for c in copied]
