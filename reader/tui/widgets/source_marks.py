"""What the source view highlights: the cited lines and their exact characters, the lines shared
with the other article (compare), and the search hit shown.

Textual-free. Each change returns the entries whose rows look different afterwards, so the view
re-renders only those rows, however long the article is.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping

from reader.model import LineSpan
from reader.tui.widgets.source_layout import SourceLines, display_column


class Marks:
    """The highlights over one article's entries; `lines` maps file lines to entries."""

    def __init__(self, lines: SourceLines) -> None:
        self.lines = lines
        self.cited: LineSpan | None = None
        self.exact: dict[int, tuple[int, int]] = {}  # entry -> display columns of the cited sentence
        self.shared: frozenset[int] = frozenset()  # file lines
        self.match: tuple[int, int, int] | None = None  # entry, start, end of the search hit shown

    def _entries(self, span: LineSpan | None) -> set[int]:
        return set(self.lines.entries_of(span)) if span is not None else set()

    def cite(self, span: LineSpan | None, exact: Mapping[int, tuple[int, int]] | None = None) -> set[int]:
        """Cite file lines `span` (and, stronger, raw columns `exact` per entry); the entries touched."""
        raw = self.lines.raw
        touched = set(self.exact) | self._entries(self.cited) | self._entries(span)
        self.cited = span
        self.exact = {line: (display_column(raw[line - 1], a), display_column(raw[line - 1], b))
                      for line, (a, b) in (exact or {}).items() if 1 <= line <= len(raw)}
        return touched | set(self.exact)

    def show_match(self, entry: int | None, start: int = 0, end: int = 0) -> set[int]:
        """Show the search hit at characters start:end of entry `entry` (None clears it); the entries touched."""
        old = self.match
        self.match = None if entry is None else (entry, start, end)
        return {x[0] for x in (old, self.match) if x is not None}

    def share(self, lines: Collection[int]) -> None:
        """File lines that say the same as the other article (every row may change)."""
        self.shared = frozenset(lines)

    def is_cited(self, entry: int) -> bool:
        number = self.lines.number_of(entry)
        return number is not None and self.cited is not None and self.cited.contains(number)

    def is_shared(self, entry: int) -> bool:
        number = self.lines.number_of(entry)
        return number is not None and number in self.shared
