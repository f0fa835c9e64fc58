"""How file lines become screen rows in the source view: wrapping, removal notes, hidden runs.

Textual-free and position-exact: every row knows which file line it shows and which characters of
it, so a citation (file lines) maps to screen rows and back without looking at the text again.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len

from reader.model import LineSpan
from reader.output.sanitize import inert


@dataclass(frozen=True, slots=True)
class Row:
    """One screen row: part of file line `line` (characters start:end of its display text), or a placeholder."""

    line: int
    start: int = 0
    end: int = 0
    placeholder: str | None = None  # "┄ L12-14 hidden: boilerplate" when removed lines are hidden

    @property
    def first(self) -> bool:
        return self.start == 0


@dataclass(slots=True)
class Layout:
    """The rows for one width, where each file line landed, and the lines the cursor can rest on."""

    rows: list[Row] = field(default_factory=list)
    line_rows: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> (first row, last row)
    stops: list[int] = field(default_factory=list)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Word-wrap `text` to `width` cells; returns (start, end) character offsets of each row."""
    width = max(1, width)
    if not text:
        return [(0, 0)]
    ascii_only = text.isascii()
    rows: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        if ascii_only:
            end = min(n, start + width)
        else:
            end, used = start, 0
            while end < n and used + cell_len(text[end]) <= width:
                used += cell_len(text[end])
                end += 1
            end = max(end, start + 1)
        if end < n:
            space = text.rfind(" ", start, end + 1)
            if space > start:
                rows.append((start, space))
                start = space + 1
                continue
        rows.append((start, end))
        start = end
    return rows


def display_column(line: str, column: int) -> int:
    """Where character `column` of a raw line lands once control characters are made visible."""
    return column if inert(line) == line else len(inert(line[:column]))


def lines_of(span: LineSpan | None) -> set[int]:
    return set() if span is None else set(range(span.start, span.end + 1))


class SourceLines:
    """An article's lines made inert, with the reason each removed line was left out."""

    def __init__(self, lines: Sequence[str], removed: Sequence[tuple[LineSpan, str]] = ()) -> None:
        self.raw = list(lines) or [""]
        self.display = [inert(line).replace("\t", " ") for line in self.raw]
        self.notes: dict[int, str] = {}
        self.note_starts: set[int] = set()  # first line of each removed run, where the reason is shown
        for span, why in removed:
            fresh = [line for line in range(span.start, span.end + 1) if line not in self.notes]
            self.notes.update((line, why) for line in fresh)
            self.note_starts.update(line for line in fresh if line - 1 not in fresh)

    def __len__(self) -> int:
        return len(self.raw)

    def text_of(self, line: int, show_removed: bool) -> str:
        """The display text of a line; the first line of a removed run ends with `[reason]`."""
        text = self.display[line - 1]
        if line in self.note_starts and show_removed and text.strip():
            text = f"{text}  [{inert(self.notes[line])}]"
        return text

    def note_column(self, line: int) -> int:
        """Where the `[reason]` suffix starts in a line's display text."""
        return len(self.display[line - 1])

    def layout(self, width: int, show_removed: bool) -> Layout:
        """Rows for a text area `width` cells wide; hidden removed runs collapse to one placeholder row."""
        out = Layout()
        line, total = 1, len(self.raw)
        while line <= total:
            if not show_removed and line in self.notes:
                why = self.notes[line]
                last = line
                while last + 1 <= total and self.notes.get(last + 1) == why:
                    last += 1
                for hidden in range(line, last + 1):
                    out.line_rows[hidden] = (len(out.rows), len(out.rows))
                out.rows.append(Row(line, placeholder=f"┄ {LineSpan(line, last)} hidden: {inert(why)}"))
                out.stops.append(line)
                line = last + 1
                continue
            first = len(out.rows)
            wrapped = wrap_offsets(self.text_of(line, show_removed), width)
            out.rows.extend(Row(line, start, end) for start, end in wrapped)
            out.line_rows[line] = (first, len(out.rows) - 1)
            out.stops.append(line)
            line += 1
        return out
