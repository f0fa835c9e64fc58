"""Blocks: paragraphs of article text that remember, character by character, where in the file they came from.

Every input shape (plain, Markdown, HTML, front matter) is turned into blocks; everything after
that (boilerplate, copies, sentences) works on blocks and never loses positions.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class Block:
    """A paragraph of text plus a piecewise map from its characters to file offsets.

    Piece i covers block characters [piece_starts[i], piece_starts[i+1]). When `exact[i]` is
    true, character j of the piece sits at file offset `file_offsets[i] + j`; otherwise (a
    decoded entity, a rendered link) every character of it maps to `file_offsets[i]`.
    """

    kind: str = "paragraph"  # "paragraph", "heading", "item", "quote", "excerpt"
    parts: list[str] = field(default_factory=list)
    length: int = 0
    piece_starts: list[int] = field(default_factory=list)
    file_offsets: list[int] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)
    segment: int = 0

    @classmethod
    def from_source(cls, text: str, start: int, end: int, kind: str = "paragraph") -> Block:
        """A block that is a verbatim slice of the decoded file."""
        block = cls(kind=kind)
        block.add(text[start:end], start)
        return block

    def add(self, piece: str, file_offset: int, exact: bool = True) -> None:
        """Append text that came from `file_offset` in the file."""
        if not piece:
            return
        self.piece_starts.append(self.length)
        self.file_offsets.append(file_offset)
        self.exact.append(exact)
        self.parts.append(piece)
        self.length += len(piece)

    @property
    def text(self) -> str:
        """The block's text (pieces joined once, then cached)."""
        if len(self.parts) != 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0]

    def to_file(self, index: int) -> int:
        """The file offset of the block character at `index`."""
        if not self.piece_starts:
            return 0
        index = min(max(index, 0), max(self.length - 1, 0))
        i = bisect_right(self.piece_starts, index) - 1
        if self.exact[i]:
            return self.file_offsets[i] + index - self.piece_starts[i]
        return self.file_offsets[i]

    def slice(self, start: int, end: int) -> Block:
        """The part of this block between block offsets start and end, positions kept."""
        out = Block(kind=self.kind, segment=self.segment)
        for i, piece_start in enumerate(self.piece_starts):
            piece_end = self.piece_starts[i + 1] if i + 1 < len(self.piece_starts) else self.length
            lo, hi = max(start, piece_start), min(end, piece_end)
            if lo >= hi:
                continue
            offset = self.file_offsets[i] + (lo - piece_start if self.exact[i] else 0)
            out.add(self.text[lo:hi], offset, self.exact[i])
        return out

    @property
    def file_start(self) -> int:
        return self.to_file(0)

    @property
    def file_end(self) -> int:
        """File offset of the last character (inclusive)."""
        return self.to_file(self.length - 1)

    def words(self) -> list[str]:
        return self.text.split()
