"""One screen row of the source view as a Strip: the gutter (file line number and a marker bar),
then the row's text cut where the cited sentence, the search hit and a removal reason begin and end.

Rich only, no widget: the view hands in the row, what is highlighted and where the cursor is, and
caches the strips. Component styles are looked up once per style change.
"""
from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.tui.widgets.source_layout import Row, SourceLines
from reader.tui.widgets.source_marks import Marks

GUTTER_GAP = 2  # cells between the line number and the text
BACKGROUNDS = ("cited", "sentence", "shared", "cursor", "match")  # styles kept whole: they colour behind text


class RowPainter:
    """Paints rows of one article's entries with the styles `lookup` gives (`source-view--NAME`)."""

    def __init__(self, lines: SourceLines, marks: Marks, lookup: Callable[[str], Style]) -> None:
        self.lines = lines
        self.marks = marks
        self.lookup = lookup
        self._styles: dict[str, Style] = {}

    def forget_styles(self) -> None:
        """The theme or the focus changed: look the styles up again."""
        self._styles.clear()

    def gutter_width(self) -> int:
        return len(str(self.lines.last_number)) + GUTTER_GAP

    def style(self, name: str) -> Style:
        """Component styles, looked up once per style change. Backgrounds use the full style (it blends
        translucent theme colours); foreground-only parts drop the background so highlights show through."""
        style = self._styles.get(name)
        if style is None:
            full = self.lookup(f"source-view--{name}")
            if name in BACKGROUNDS:
                style = full
            else:
                style = Style(color=full.color, bold=full.bold, italic=full.italic, underline=full.underline,
                              dim=full.dim, strike=full.strike)
            self._styles[name] = style
        return style

    def line_style(self, line: int, base: Style, cursor: int) -> Style:
        """Backgrounds first (shared, cited, cursor), then the removed lines' dimmed foreground (`line` is an entry)."""
        style = base
        if self.marks.is_shared(line):
            style += self.style("shared")
        if self.marks.is_cited(line):
            style += self.style("cited")
        if line == cursor:
            style += self.style("cursor")
        if line in self.lines.notes:
            style += self.style("removed")
        elif line in self.lines.headings:
            style += self.style("heading")
        return style

    def paint(self, row: Row, width: int, base: Style, cursor: int, show_removed: bool) -> Strip:
        """One screen row as segments: gutter (number and marker), then the text with its emphasis."""
        gutter = self.gutter_width()
        line_style = self.line_style(row.line, base, cursor)
        if row.placeholder is not None:
            segments = [Segment(" " * gutter, base + self.style("number")),
                        Segment(row.placeholder, line_style + self.style("placeholder"))]
        else:
            number = self.lines.number_of(row.line)
            label = f"{number:>{gutter - GUTTER_GAP}}" if row.first and number is not None else ""
            segments = [Segment(f"{label:<{gutter - 1}}", base + self.style("number")), self.marker(row.line, base)]
            full = self.lines.text_of(row.line, show_removed)
            for start, end, extra in self.pieces(row, show_removed):
                segments.append(Segment(full[start:end], line_style + extra if extra else line_style))
        strip = Strip(segments)
        if strip.cell_length > width:
            return strip.crop(0, width)
        return strip.extend_cell_length(width, line_style)

    def pieces(self, row: Row, show_removed: bool) -> list[tuple[int, int, Style | None]]:
        """Split a row where the cited sentence's own characters, the search hit or the removal reason
        begin and end."""
        cuts = {row.start, row.end}
        spans: list[tuple[int, int, Style]] = []
        exact = self.marks.exact.get(row.line)
        if exact is not None and exact[1] > exact[0]:
            spans.append((exact[0], exact[1], self.style("sentence")))
        match = self.marks.match
        if match is not None and match[0] == row.line and match[2] > match[1]:
            spans.insert(0, (match[1], match[2], self.style("match")))
        note_from = self.lines.note_column(row.line)
        if row.line in self.lines.note_starts and show_removed and row.end > note_from:
            spans.append((note_from, row.end, self.style("note")))
        for a, b, _ in spans:
            cuts.update(x for x in (a, b) if row.start < x < row.end)
        edges = sorted(cuts)
        pieces: list[tuple[int, int, Style | None]] = []
        for a, b in zip(edges, edges[1:]):
            extra = next((style for lo, hi, style in spans if lo <= a and b <= hi), None)
            pieces.append((a, b, extra))
        return pieces

    def marker(self, line: int, base: Style) -> Segment:
        """A bar in the gutter beside cited and shared lines, so they show even without colour."""
        if self.marks.is_cited(line):
            return Segment("▌", base + self.style("marker"))
        if self.marks.is_shared(line):
            return Segment("▏", base + self.style("marker"))
        return Segment(" ", base)
