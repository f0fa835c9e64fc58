"""The article's readable text, line by line, each line labelled with the file line it came from.

Ingest keeps the blocks it read as `Passage`s (text plus a piecewise map to file offsets); this
module cuts them where the file's lines break, so a view can show text without markup and still
number it the way citations do, and find a sentence's own characters on each line it spans.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.ingest.blocks import Block
from reader.lines import LineIndex
from reader.model import Article, LineSpan, Passage, Removed

_SPACES = str.maketrans("\t\n\r\x0b\x0c", "     ")  # same length: columns keep their offsets


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of readable text from one file line, with the piece map of its characters."""

    text: str
    line: int  # the 1-based file line every character of it came from
    passage: int  # index in Article.passages (Sentence.block)
    kind: str
    starts: tuple[int, ...]
    offsets: tuple[int, ...]
    exact: tuple[bool, ...]

    def columns(self, start: int, end: int) -> tuple[int, int] | None:
        """The columns of this line whose characters came from file offsets `start`..`end` (a sentence)."""
        lo, hi = len(self.text), -1
        bounds = (*self.starts[1:], len(self.text))
        for first, stop, offset, exact in zip(self.starts, bounds, self.offsets, self.exact):
            if exact:
                a, b = max(start, offset), min(end, offset + stop - first)
                if a < b:
                    lo, hi = min(lo, first + a - offset), max(hi, first + b - offset)
            elif start <= offset < end:
                lo, hi = min(lo, first), max(hi, stop)
        return (lo, hi) if hi > lo else None


def passages_of(blocks: Sequence[Block]) -> list[Passage]:
    """Kept blocks, frozen for the article (their lists are copied once, their text is shared)."""
    return [Passage(b.kind, b.text, tuple(b.piece_starts), tuple(b.file_offsets), tuple(b.exact)) for b in blocks]


def code_removed(spans: Sequence[tuple[int, int, str]], index: LineIndex) -> list[Removed]:
    """HTML code spans (offsets) as the lines they cover."""
    return [Removed(LineSpan(index.line_of(a), index.line_of(max(b - 1, a))), why) for a, b, why in spans]


def text_lines(article: Article) -> list[TextLine]:
    """Every passage cut at the file's line breaks; lines of only whitespace are left out."""
    index = article.line_index
    out: list[TextLine] = []
    for number, passage in enumerate(article.passages):
        pieces: list[tuple[str, int, bool]] = []
        line = 0
        for piece, offset, exact in _pieces(passage):
            for chunk, at, chunk_line in _by_line(piece, offset, exact, index):
                if chunk_line != line and pieces:
                    _emit(out, pieces, line, number, passage.kind)
                    pieces = []
                line = chunk_line
                pieces.append((chunk, at, exact))
        if pieces:
            _emit(out, pieces, line, number, passage.kind)
    return out


def _pieces(passage: Passage) -> list[tuple[str, int, bool]]:
    bounds = (*passage.starts[1:], len(passage.text))
    return [(passage.text[a:b], offset, exact)
            for a, b, offset, exact in zip(passage.starts, bounds, passage.offsets, passage.exact)]


def _by_line(piece: str, offset: int, exact: bool, index: LineIndex) -> list[tuple[str, int, int]]:
    """A piece split where the file starts a new line (an inexact piece stays whole, on its offset's line)."""
    first = index.line_of(offset)
    if not exact:
        return [(piece, offset, first)]
    last = index.line_of(offset + len(piece) - 1)
    out, cut = [], 0
    for line in range(first + 1, last + 1):
        at = index.start_of(line) - offset
        out.append((piece[cut:at], offset + cut, line - 1))
        cut = at
    out.append((piece[cut:], offset + cut, last))
    return [chunk for chunk in out if chunk[0]]


def _emit(out: list[TextLine], pieces: list[tuple[str, int, bool]], line: int, passage: int, kind: str) -> None:
    """One TextLine from pieces of one file line, trimmed of whitespace at both ends (offsets kept)."""
    text = "".join(p for p, _, _ in pieces).translate(_SPACES)
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    if not body:
        return
    starts, offsets, exact, column = [], [], [], 0
    for piece, offset, is_exact in pieces:
        a, b = max(column, lead), min(column + len(piece), lead + len(body))
        if a < b:
            starts.append(a - lead)
            offsets.append(offset + (a - column if is_exact else 0))
            exact.append(is_exact)
        column += len(piece)
    out.append(TextLine(body, line, passage, kind, tuple(starts), tuple(offsets), tuple(exact)))
