"""Split blocks into sentences that keep their file offsets, so every citation is exact.

nupunkt (a Punkt model with character spans, no NLTK data needed) finds the boundaries;
this module trims them, maps them back through the block to file offsets and lines.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

from reader.ingest.blocks import Block
from reader.lines import LineIndex
from reader.text_scripts import SPACE_ENDS_SENTENCE_RANGES, WIDE_CLOSERS, WIDE_STOPS

MAX_SPLIT_CHARS = 200_000  # longer runs are cut first, where a sentence ends: bounded time on runaway lines
_CHUNK_END = re.compile(r"\s[.!?][\"”’')]?(?=[a-z0-9])")  # ". x" reversed: a stop, then a space (read backwards)
# A sentence that opens with a lowercase word usually means the splitter cut after an abbreviation.
_CONTINUES = re.compile(r"[a-z]")
_ENDS_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:[A-Z][a-z]{0,3}|[a-z]{1,4})\.)$")


class SentenceSpan(NamedTuple):
    """A sentence's text and its place, before it becomes a model.Sentence (a tuple: made per sentence)."""

    text: str
    start: int  # file offset of the first character
    end: int  # file offset one past the last character
    line_start: int
    line_end: int


@lru_cache(maxsize=1)
def _splitter() -> Callable[[str], list[tuple[int, int]]]:
    import nupunkt

    span_tokenize = nupunkt.load("default").span_tokenize

    def sent_spans(text: str) -> list[tuple[int, int]]:
        """nupunkt.sent_spans without the string of every sentence, which it builds and this module
        never reads: each sentence runs to where the next starts, the last to the end of the text."""
        if not text:
            return []
        starts = [start for start, _ in span_tokenize(text)]
        if not starts:
            return [(0, len(text))]
        return list(zip(starts, [*starts[1:], len(text)]))

    return sent_spans


def normalize_space(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (str.split's whitespace is the regex's \\s)."""
    return " ".join(text.split())


# Sentence ends the Punkt model does not know: the Chinese and Japanese full stop, exclamation and
# question marks (written without a space after them) with any closing quotes, and the Arabic
# question mark.
_CLOSING = frozenset(WIDE_CLOSERS + "”’)]\"'")
_QUOTE_GOES_ON = frozenset("とっ")
_WIDE_END = re.compile(f"[{WIDE_STOPS}][{WIDE_CLOSERS}”’)\\]\"']*")
_SPACE_ENDS = re.compile(f"(?<=[{SPACE_ENDS_SENTENCE_RANGES}])[ \t]+(?=[{SPACE_ENDS_SENTENCE_RANGES}])")


def _wide_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One Punkt sentence cut after each wide sentence end inside it, and at each space between two
    Thai or Lao words (those scripts end a sentence with a space, not a mark)."""
    piece = text[start:end]
    if not any(mark in piece for mark in WIDE_STOPS) and not _SPACE_ENDS.search(piece):
        return [(start, end)]
    out, begin = [], start
    ends = sorted([*_WIDE_END.finditer(piece), *_SPACE_ENDS.finditer(piece)], key=lambda m: m.start())
    for m in ends:
        cut = start + m.end()
        if m.group()[-1] in _CLOSING and text[cut:cut + 1] in _QUOTE_GOES_ON:
            continue  # 「晴れ。」と彼は言った: the quotation is part of the sentence that reports it
        if cut < end and text[cut:end].strip():
            out.append((begin, cut))
            begin = cut
    out.append((begin, end))
    return out


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets in `text`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for chunk_start, chunk_end in _chunks(text):
        found = _splitter()(text[chunk_start:chunk_end])
        for start, end in (w for s, e in found for w in _wide_spans(text[chunk_start:chunk_end], s, e)):
            start, end = start + chunk_start, end + chunk_start
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            if spans and _CONTINUES.match(text[start]) and _ENDS_ABBREVIATION.search(text[spans[-1][0]:spans[-1][1]]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _chunks(text: str) -> list[tuple[int, int]]:
    if len(text) <= MAX_SPLIT_CHARS:
        return [(0, len(text))]
    chunks, start = [], 0
    while start < len(text):
        end = min(start + MAX_SPLIT_CHARS, len(text))
        if end < len(text):  # cut where a sentence seems to end, else at a space: never inside a word
            half = start + MAX_SPLIT_CHARS // 2
            ends = _CHUNK_END.search(text[half:end][::-1])
            cut = end - ends.start() - 1 if ends else text.rfind(" ", half, end)
            end = cut + 1 if cut > 0 else end
        chunks.append((start, end))
        start = end
    return chunks


def block_sentences(block: Block, index: LineIndex) -> list[SentenceSpan]:
    """The sentences of one block, each with file offsets and 1-based inclusive lines."""
    out = []
    # A verbatim slice of the file (every plain-text block) is one exact piece: offset plus index.
    shift = block.file_offsets[0] if len(block.piece_starts) == 1 and block.exact[0] else None
    for start, end in split_spans(block.text):
        if shift is not None:  # 0 <= start < end <= length: to_file's clamp changes nothing
            file_start, file_last = shift + start, shift + end - 1
        else:
            file_start = block.to_file(start)
            file_last = max(block.to_file(end - 1), file_start)
        out.append(SentenceSpan(
            text=normalize_space(block.text[start:end]),
            start=file_start,
            end=file_last + 1,
            line_start=index.line_of(file_start),
            line_end=index.line_of(file_last),
        ))
    return out
