"""Scrolling the source view to a citation: from file lines to the screen rows that show them, and
bringing those rows into sight (centred when they fit and were out of view).

A citation always names file lines, never screen rows or entries; the rows come from the current
`Layout` (which changes with the width and with `b`), so they are looked up at the moment of
scrolling, and a scroll asked before the view has a size waits for the next refresh.
"""
from __future__ import annotations

from textual.geometry import Region
from textual.scroll_view import ScrollView

from reader.model import LineSpan
from reader.tui.contained import contained
from reader.tui.widgets.source_layout import Layout, Row, SourceLines


class LineScroll(ScrollView):
    """A ScrollView of `Layout` rows over `SourceLines` that scrolls to file lines and entries."""

    def __init__(self, lines: SourceLines, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines = lines
        self._layout = Layout()

    def _build_rows(self) -> None:
        """Lay the lines out at the current width (the view's own)."""
        raise NotImplementedError

    @property
    def _rows(self) -> list[Row]:
        return self._layout.rows

    @property
    def _line_rows(self) -> dict[int, tuple[int, int]]:
        return self._layout.line_rows

    @property
    def _stops(self) -> list[int]:
        return self._layout.stops

    def rows_of(self, span: LineSpan) -> tuple[int, int]:
        """The first and last screen rows showing file lines `span` (hidden lines map to their placeholder;
        lines the view does not show, to the next entry that it does)."""
        if not self._rows:
            self._build_rows()
        entries = self._lines.entries_of(span) or [self._lines.entry_at(span.start)]
        start = self._line_rows.get(entries[0], (0, 0))[0]
        end = self._line_rows.get(entries[-1], (0, 0))[1]
        return start, max(start, end)

    def _scroll_to_entry(self, entry: int) -> None:
        if not self._rows:
            self.call_after_refresh(self._scroll_to_entry, entry)
            return
        self._scroll_rows(*self._line_rows.get(entry, (0, 0)))

    @contained
    def scroll_to_lines(self, span: LineSpan) -> None:
        """Bring file lines `span` into view, centred when they fit and were out of sight."""
        if not self.is_mounted or self.scrollable_content_region.height == 0:
            self.call_after_refresh(self.scroll_to_lines, span)
            return
        self._scroll_rows(*self.rows_of(span))

    def _scroll_rows(self, first: int, last: int) -> None:
        if not self.is_mounted or self.scrollable_content_region.height == 0:
            self.call_after_refresh(self._scroll_rows, first, last)
            return
        height = self.scrollable_content_region.height
        top = int(self.scroll_offset.y)
        if top <= first and last < top + height:
            return
        if last - first + 1 >= height:
            self.scroll_to(y=first, animate=False, immediate=True)
        else:
            region = Region(0, first, self.scrollable_content_region.width, last - first + 1)
            self.scroll_to_region(region, animate=False, center=True, immediate=True, force=True)
