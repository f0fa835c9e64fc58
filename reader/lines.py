"""Line arithmetic on decoded text: lines end at \\n, \\r\\n or \\r, as citations count them.

The bottom layer: it imports nothing from reader, so the model, ingest and the TUI can all use it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

_LINE_END = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line begins (the first is always 0)."""
    starts = [0]
    starts.extend(m.end() for m in _LINE_END.finditer(text))
    return starts


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their terminators; a final terminator adds no empty line."""
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


class LineIndex:
    """Maps character offsets of a decoded file to 1-based line numbers with bisect."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        self.starts = line_starts(text)
        self.length = len(text)
        # A trailing terminator does not start a new (empty) line.
        if len(self.starts) > 1 and self.starts[-1] == self.length:
            self.starts.pop()

    def line_of(self, offset: int) -> int:
        """The 1-based line holding the character at `offset`."""
        return bisect_right(self.starts, max(0, offset))

    def start_of(self, line: int) -> int:
        """The offset at which 1-based `line` begins."""
        return self.starts[line - 1]

    @property
    def count(self) -> int:
        return len(self.starts)


_LAST: list[tuple[str, LineIndex]] = []  # the last text indexed, with its index


def index_of(text: str) -> LineIndex:
    """The text's line index, built once for the same text object: the 5,000 items of one feed file are
    5,000 articles over one decoded text, and indexing 2 MB 5,000 times took a minute."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is text:
        return last[1]
    index = LineIndex(text)
    _LAST[:] = [(text, index)]
    return index


def exact_ranges(index: LineIndex, lines: Sequence[str], start: int, end: int,
                 first: int, last: int) -> dict[int, tuple[int, int]]:
    """The characters `start`..`end` on each of lines `first`..`last`, as (start, end) columns of the raw line."""
    if end <= start:
        return {}
    ranges: dict[int, tuple[int, int]] = {}
    for line in range(first, min(last, len(lines)) + 1):
        begin = index.start_of(line)
        a = max(0, start - begin)
        b = min(len(lines[line - 1]), end - begin)
        if b > a:
            ranges[line] = (a, b)
    return ranges
