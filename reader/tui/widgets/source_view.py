"""Numbered lines of an article: the file as it is, or its readable text labelled with file lines.

Every line shows the file line number citations use; removed lines are dimmed with their reason.
A line-API widget (it renders one screen row at a time), so moving a highlight or the cursor costs a
few rows of rendering however long the article is. Lines are word-wrapped to the pane; a citation
always names file lines, never screen rows or entries, and `rows_of` maps one to the other.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import LineSpan
from reader.tui.widgets.source_layout import Layout, Row, SourceLines, display_column
from reader.tui.contained import contained

GUTTER_GAP = 2  # cells between the line number and the text
QUOTED = "the status line says which summary sentence quotes the line"


class SourceView(ScrollView, can_focus=True):
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
        super().__init__(id=id, classes=classes)
        self._lines = SourceLines(lines, removed, numbers, headings, through)
        self._raw = self._lines.raw
        self._notes = self._lines.notes
        self._layout = Layout()
        self._cited: LineSpan | None = None
        self._exact: dict[int, tuple[int, int]] = {}
        self._shared: frozenset[int] = frozenset()
        self._match: tuple[int, int, int] | None = None  # entry, start, end of the search hit shown
        self._cache: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._wrap_width = -1

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
        return self._cited

    @property
    def shared(self) -> frozenset[int]:
        return self._shared

    def cite(self, span: LineSpan | None, exact: Mapping[int, tuple[int, int]] | None = None,
             scroll: bool = True) -> None:
        """Highlight file lines `span` (and, stronger, the exact characters per entry); bring them into view."""
        touched = set(self._exact) | self._entries(self._cited) | self._entries(span)
        self._cited = span
        self._exact = {line: (display_column(self._raw[line - 1], a), display_column(self._raw[line - 1], b))
                       for line, (a, b) in (exact or {}).items() if 1 <= line <= len(self._raw)}
        self._forget(touched | set(self._exact))
        if span is not None and scroll:
            self.scroll_to_lines(span)

    def _entries(self, span: LineSpan | None) -> set[int]:
        return set(self._lines.entries_of(span)) if span is not None else set()

    def mark_match(self, entry: int | None, start: int = 0, end: int = 0) -> None:
        """Show a search hit: characters start:end of entry `entry` (None clears it); bring it into view."""
        old = self._match
        self._match = None if entry is None else (entry, start, end)
        self._forget({x[0] for x in (old, self._match) if x is not None})
        if entry is not None:
            self.cursor = entry

    def mark_shared(self, lines: Collection[int]) -> None:
        """Mark lines that say the same as the other article (compare view)."""
        self._shared = frozenset(lines)
        self._invalidate()

    def note_of(self, line: int) -> str | None:
        """Why file line `line` was left out of the article text, if it was."""
        entries = self._lines.entries_of(LineSpan(line, line))
        return self._notes.get(entries[0]) if entries else None

    def is_hidden(self, entry: int) -> bool:
        return not self.show_removed and entry in self._notes

    # -- rows ------------------------------------------------------------------------------------

    def _gutter_width(self) -> int:
        return len(str(self._lines.last_number)) + GUTTER_GAP

    def _build_rows(self) -> None:
        self._wrap_width = self.scrollable_content_region.width
        width = max(1, self._wrap_width - self._gutter_width())
        self._layout = self._lines.layout(width, self.show_removed)
        self.virtual_size = Size(self._wrap_width, len(self._layout.rows))
        self._invalidate()

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
        if self._stops:
            at, on_stop = self._stop_index()
            self.cursor = self._stops[min(len(self._stops) - 1, at + on_stop)]

    def action_cursor_up(self) -> None:
        if self._stops:
            self.cursor = self._stops[max(0, self._stop_index()[0] - 1)]

    def _move_rows(self, delta: int) -> None:
        if not self._rows:
            return
        row = self._line_rows.get(self.cursor, (0, 0))[0] + delta
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
        self._styles.clear()
        self._cache.clear()
        super().notify_style_update()

    @contained
    def on_focus(self) -> None:
        self._styles.clear()  # the cursor style depends on focus
        self._forget([self.cursor])

    @contained
    def on_blur(self) -> None:
        self._styles.clear()
        self._forget([self.cursor])

    @contained
    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrap_width:
            self._build_rows()
            # Rows moved: keep what the reader was looking at (the citation, else the cursor) in view.
            if self._cited is not None:
                self.scroll_to_lines(self._cited)
            else:
                self._scroll_to_entry(self.cursor)

    @contained
    def on_mount(self) -> None:
        self._build_rows()

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(index)
        if strip is None or strip.cell_length != width:
            strip = self._cache[index] = self._render_row(index, width)
        return strip

    def _style(self, name: str) -> Style:
        """Component styles, looked up once per style change. Backgrounds use the full style (it blends
        translucent theme colours); foreground-only parts drop the background so highlights show through."""
        style = self._styles.get(name)
        if style is None:
            full = self.get_component_rich_style(f"source-view--{name}")
            if name in ("cited", "sentence", "shared", "cursor", "match"):
                style = full
            else:
                style = Style(color=full.color, bold=full.bold, italic=full.italic, underline=full.underline,
                              dim=full.dim, strike=full.strike)
            self._styles[name] = style
        return style

    def _cited_entry(self, entry: int) -> bool:
        number = self._lines.number_of(entry)
        return number is not None and self._cited is not None and self._cited.contains(number)

    def _line_style(self, line: int) -> Style:
        """Backgrounds first (shared, cited, cursor), then the removed lines' dimmed foreground (`line` is an entry)."""
        style = self.rich_style
        number = self._lines.number_of(line)
        if number is not None and number in self._shared:
            style += self._style("shared")
        if self._cited_entry(line):
            style += self._style("cited")
        if line == self.cursor:
            style += self._style("cursor")
        if line in self._notes:
            style += self._style("removed")
        elif line in self._lines.headings:
            style += self._style("heading")
        return style

    def _render_row(self, index: int, width: int) -> Strip:
        """One screen row as segments: gutter (number and marker), then the text with its emphasis."""
        row = self._rows[index]
        gutter = self._gutter_width()
        base = self.rich_style
        line_style = self._line_style(row.line)
        if row.placeholder is not None:
            segments = [Segment(" " * gutter, base + self._style("number")),
                        Segment(row.placeholder, line_style + self._style("placeholder"))]
        else:
            number = self._lines.number_of(row.line)
            label = f"{number:>{gutter - GUTTER_GAP}}" if row.first and number is not None else ""
            segments = [Segment(f"{label:<{gutter - 1}}", base + self._style("number")), self._marker(row.line)]
            full = self._lines.text_of(row.line, self.show_removed)
            for start, end, extra in self._pieces(row):
                segments.append(Segment(full[start:end], line_style + extra if extra else line_style))
        strip = Strip(segments)
        if strip.cell_length > width:
            return strip.crop(0, width)
        return strip.extend_cell_length(width, line_style)

    def _pieces(self, row: Row) -> list[tuple[int, int, Style | None]]:
        """Split a row where the cited sentence's own characters or the removal reason begin and end."""
        cuts = {row.start, row.end}
        spans: list[tuple[int, int, Style]] = []
        exact = self._exact.get(row.line)
        if exact is not None and exact[1] > exact[0]:
            spans.append((exact[0], exact[1], self._style("sentence")))
        if self._match is not None and self._match[0] == row.line and self._match[2] > self._match[1]:
            spans.insert(0, (self._match[1], self._match[2], self._style("match")))
        note_from = self._lines.note_column(row.line)
        if row.line in self._lines.note_starts and self.show_removed and row.end > note_from:
            spans.append((note_from, row.end, self._style("note")))
        for a, b, _ in spans:
            cuts.update(x for x in (a, b) if row.start < x < row.end)
        edges = sorted(cuts)
        pieces: list[tuple[int, int, Style | None]] = []
        for a, b in zip(edges, edges[1:]):
            extra = next((style for lo, hi, style in spans if lo <= a and b <= hi), None)
            pieces.append((a, b, extra))
        return pieces

    def _marker(self, line: int) -> Segment:
        """A bar in the gutter beside cited and shared lines, so they show even without colour."""
        if self._cited_entry(line):
            return Segment("▌", self.rich_style + self._style("marker"))
        if self._lines.number_of(line) in self._shared:
            return Segment("▏", self.rich_style + self._style("marker"))
        return Segment(" ", self.rich_style)
