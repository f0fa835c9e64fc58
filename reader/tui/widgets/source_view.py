"""Numbered lines of an article: the file as it is, or its readable text labelled with file lines.

Every line shows the file line number citations use; removed lines are dimmed with their reason.
A line-API widget (it renders one screen row at a time), so moving a highlight or the cursor costs a
few rows of rendering however long the article is. Lines are word-wrapped to the pane; a citation
always names file lines, never screen rows or entries, and `rows_of` maps one to the other.

The widget takes the lines in, moves the cursor and caches rendered rows; the rest is elsewhere:
`source_layout` (lines to rows), `source_marks` (what is highlighted), `source_paint` (one row as a
Strip), `source_scroll` (from file lines to the rows in sight).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.model import LineSpan
from reader.tui.contained import contained
from reader.tui.widgets.source_layout import Layout, SourceLines
from reader.tui.widgets.source_marks import Marks
from reader.tui.widgets.source_paint import RowPainter
from reader.tui.widgets.source_scroll import LineScroll

QUOTED = "the status line says which summary sentence quotes the line"


class SourceView(LineScroll, can_focus=True):
    """Numbered source lines with a cursor, a cited-lines highlight and marks for shared lines."""

    COMPONENT_CLASSES = {
        "source-view--number",
        "source-view--removed",
        "source-view--note",
        "source-view--cited",
        "source-view--sentence",
        "source-view--shared",
        "source-view--cursor",
        "source-view--placeholder",
        "source-view--marker",
        "source-view--heading",
        "source-view--match",
    }

    HELP_SECTION = "Source lines"

    BINDINGS: list[BindingType] = [
        Binding("up,k", "cursor_up", "Line up", show=False, tooltip=QUOTED),
        Binding("down,j", "cursor_down", "Line down", show=False, tooltip=QUOTED),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First line", show=False),
        Binding("end,G", "last", "Last line", show=False),
    ]

    class CursorMoved(Message):
        """The cursor moved onto a file line (by key, click or program); `line` is the file line."""

        def __init__(self, view: SourceView, line: int) -> None:
            super().__init__()
            self.view = view
            self.line = line

        @property
        def control(self) -> SourceView:
            return self.view

    cursor: reactive[int] = reactive(1, init=False)  # the entry under the cursor (file view: the file line)
    show_removed: reactive[bool] = reactive(True, init=False)

    def __init__(self, lines: Sequence[str], removed: Sequence[tuple[LineSpan, str]] = (), *,
                 numbers: Sequence[int | None] | None = None, headings: Collection[int] = (),
                 through: Mapping[int, int] | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(SourceLines(lines, removed, numbers, headings, through), id=id, classes=classes)
        self._raw = self._lines.raw
        self._notes = self._lines.notes
        self._marks = Marks(self._lines)
        self._painter = RowPainter(self._lines, self._marks, self.get_component_rich_style)
        self._cache: dict[int, Strip] = {}
        self._wrap_width = -1
        self._rewrap_due = False

    # -- data in ---------------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        """How many entries (in the file view, file lines) the view holds."""
        return len(self._raw)

    @property
    def cursor_line(self) -> int:
        """The file line under the cursor (a spacer counts as the line before it)."""
        entry = self.cursor
        while entry > 1 and self._lines.number_of(entry) is None:
            entry -= 1
        return self._lines.number_of(entry) or 1

    def go_to_line(self, line: int) -> None:
        """Put the cursor on the entry showing file line `line` (or the next one shown)."""
        self.cursor = self._lines.entry_at(line)

    def entries_of(self, span: LineSpan) -> Sequence[int]:
        return self._lines.entries_of(span)

    def text_of_entry(self, entry: int) -> str:
        """What entry `entry` shows (made inert), for searching."""
        return self._lines.display[entry - 1]

    def searchable(self) -> list[str]:
        """What each entry shows, blank for entries hidden behind a placeholder (`b`)."""
        return ["" if self.is_hidden(e) else text for e, text in enumerate(self._lines.display, start=1)]

    @property
    def cited(self) -> LineSpan | None:
        return self._marks.cited

    @property
    def shared(self) -> frozenset[int]:
        return self._marks.shared

    def cite(self, span: LineSpan | None, exact: Mapping[int, tuple[int, int]] | None = None,
             scroll: bool = True) -> None:
        """Highlight file lines `span` (and, stronger, the exact characters per entry); bring them into view."""
        self._forget(self._marks.cite(span, exact))
        if span is not None and scroll:
            self.scroll_to_lines(span)
            self._scroll_to_exact()

    def mark_match(self, entry: int | None, start: int = 0, end: int = 0) -> None:
        """Show a search hit: characters start:end of entry `entry` (None clears it); bring it into view."""
        self._forget(self._marks.show_match(entry, start, end))
        if entry is not None:
            self.cursor = entry
            self._scroll_within(entry, start, end)

    def mark_shared(self, lines: Collection[int]) -> None:
        """Mark lines that say the same as the other article (compare view)."""
        self._marks.share(lines)
        self._invalidate()

    def note_of(self, line: int) -> str | None:
        """Why file line `line` was left out of the article text, if it was."""
        entries = self._lines.entries_of(LineSpan(line, line))
        return self._notes.get(entries[0]) if entries else None

    def is_hidden(self, entry: int) -> bool:
        return not self.show_removed and entry in self._notes

    # -- rows ------------------------------------------------------------------------------------

    def _build_rows(self) -> None:
        self._wrap_width = self.scrollable_content_region.width
        if self._wrap_width <= 0:  # hidden (the other view of the pane) or not laid out yet: rows come
            self._layout = Layout()  # with a width; wrapped at one cell, 12 MB would be 12 million rows
            self.virtual_size = Size(0, 0)
            return
        width = max(1, self._wrap_width - self._painter.gutter_width())
        self._layout = self._lines.layout(width, self.show_removed)
        self.virtual_size = Size(self._wrap_width, len(self._layout.rows))
        self._invalidate()

    # -- cursor ----------------------------------------------------------------------------------

    def validate_cursor(self, entry: int) -> int:
        return max(1, min(entry, len(self._raw)))

    @contained
    def watch_cursor(self, old: int, entry: int) -> None:
        self._forget([old, entry])
        self._scroll_to_entry(entry)
        self.post_message(self.CursorMoved(self, self.cursor_line))

    @contained
    def watch_show_removed(self) -> None:
        if self._rows:
            self._build_rows()
            self._scroll_to_entry(self.cursor)

    def _stop_index(self) -> tuple[int, bool]:
        """Where the cursor is among the stops, and whether it rests on that stop (not a spacer before it)."""
        line = self.cursor
        if self.is_hidden(line):
            line = self._rows[self._line_rows[line][0]].line
        at = max(0, bisect_left(self._stops, line))
        return at, at < len(self._stops) and self._stops[at] == line

    def action_cursor_down(self) -> None:
        if self._stops and not self._scroll_tall_line(1):
            at, on_stop = self._stop_index()
            self.cursor = self._stops[min(len(self._stops) - 1, at + on_stop)]

    def action_cursor_up(self) -> None:
        if self._stops and not self._scroll_tall_line(-1):
            was = self.cursor
            self.cursor = self._stops[max(0, self._stop_index()[0] - 1)]
            first, last = self._line_rows.get(self.cursor, (0, 0))
            if self.cursor != was and last - first + 1 > self.scrollable_content_region.height > 0:
                # into a tall line from below: its end is what comes next
                self.scroll_to(y=last - self.scrollable_content_region.height + 1, animate=False, immediate=True)

    def _scroll_tall_line(self, delta: int) -> bool:
        """A cursor line taller than the view is read by scrolling through it (as a pager does) before
        the cursor moves on; whether it scrolled. One 100 KB line would otherwise be skipped whole."""
        height = self.scrollable_content_region.height
        first, last = self._line_rows.get(self.cursor, (0, 0))
        if not self._rows or height <= 0 or last - first + 1 <= height:
            return False
        top = int(self.scroll_offset.y)
        if delta > 0 and top + height <= last:
            self.scroll_to(y=min(top + delta, last - height + 1), animate=False, immediate=True)
            return True
        if delta < 0 and top > first:
            self.scroll_to(y=max(top + delta, first), animate=False, immediate=True)
            return True
        return False

    def _rows_within(self, entry: int, start: int, end: int) -> tuple[int, int]:
        """The rows showing display columns start:end of entry `entry`."""
        first, last = self._line_rows.get(entry, (0, 0))
        def row_at(column: int) -> int:
            return max(first, bisect_right(self._rows, column, lo=first, hi=last + 1, key=lambda r: r.start) - 1)
        return row_at(start), max(row_at(start), row_at(max(start, end - 1)))

    def _scroll_within(self, entry: int, start: int, end: int) -> None:
        """Bring columns start:end of an entry into view: in a line taller than the view, its rows."""
        first, last = self._line_rows.get(entry, (0, 0))
        if last > first:
            self._scroll_rows(*self._rows_within(entry, start, end))

    def _scroll_to_exact(self) -> None:
        """After a citation scrolled to its lines: the cited sentence's own rows, when its line is tall."""
        exact = self._marks.exact
        if not exact:
            return
        if not self._rows or not self.is_mounted or self.scrollable_content_region.height == 0:
            self.call_after_refresh(self._scroll_to_exact)
            return
        begin, finish = min(exact), max(exact)
        top, _ = self._rows_within(begin, exact[begin][0], exact[begin][1])
        _, bottom = self._rows_within(finish, exact[finish][0], exact[finish][1])
        self._scroll_rows(top, max(top, bottom))

    def _move_rows(self, delta: int) -> None:
        if not self._rows or self._scroll_tall_line(delta):
            return
        first, last = self._line_rows.get(self.cursor, (0, 0))
        row = first + delta
        if delta > 0 and row <= last:  # the end of a tall line is shown (scrolled through): on past it
            row = last + 1
            while row < len(self._rows) - 1 and self._lines.number_of(self._rows[row].line) is None:
                row += 1
        row = max(0, min(row, len(self._rows) - 1))
        while row > 0 and self._lines.number_of(self._rows[row].line) is None:  # not onto a spacer
            row -= 1
        self.cursor = self._rows[row].line

    def action_page_down(self) -> None:
        self._move_rows(max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._move_rows(-max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        if self._stops:
            self.cursor = self._stops[0]
            self._scroll_to_entry(self.cursor)  # also when the cursor was there and the view scrolled away

    def action_last(self) -> None:
        if self._stops:
            self.cursor = self._stops[-1]
            self._scroll_to_entry(self.cursor)

    @contained
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = int(self.scroll_offset.y) + offset.y
        if 0 <= row < len(self._rows) and self._lines.number_of(self._rows[row].line) is not None:
            self.cursor = self._rows[row].line

    # -- rendering -------------------------------------------------------------------------------
    # Rendered rows are cached; a change of highlight or cursor forgets only the rows of the lines it
    # touches, so moving through a summary re-renders a handful of rows, not the pane.

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _forget(self, lines: Collection[int]) -> None:
        for line in lines:
            first, last = self._line_rows.get(line, (0, -1))
            for row in range(first, last + 1):
                self._cache.pop(row, None)
        self.refresh()

    def notify_style_update(self) -> None:
        self._painter.forget_styles()
        self._cache.clear()
        super().notify_style_update()

    @contained
    def on_focus(self) -> None:
        self._painter.forget_styles()  # the cursor style depends on focus
        self._forget([self.cursor])

    @contained
    def on_blur(self) -> None:
        self._painter.forget_styles()
        self._forget([self.cursor])

    @contained
    def on_resize(self) -> None:
        self._rewrap()

    @contained
    def _rewrap(self) -> None:
        """Wrap again when the text area's width changed (a resize, a scrollbar come or gone)."""
        self._rewrap_due = False
        if self.scrollable_content_region.width != self._wrap_width:
            self._build_rows()
            # Rows moved: keep what the reader was looking at (the citation, else the cursor) in view.
            if self._marks.cited is not None:
                self.scroll_to_lines(self._marks.cited)
            else:
                self._scroll_to_entry(self.cursor)

    @contained
    def on_mount(self) -> None:
        self._build_rows()

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if width != self._wrap_width and width > 0 and not self._rewrap_due:
            # The rows were wrapped for another width: a scrollbar came with them and took a cell, which
            # sends no resize. Wrap again after this frame, or each row's last cell is cut off.
            self._rewrap_due = True
            self.call_after_refresh(self._rewrap)
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(index)
        if strip is None or strip.cell_length != width:
            strip = self._cache[index] = self._painter.paint(self._rows[index], width, self.rich_style, self.cursor,
                                                             self.show_removed)
        return strip
