"""How lines become screen rows in the source view: wrapping, removal notes, hidden runs.

Textual-free and position-exact. The view shows entries: in the file view entry n is file line n;
in the readable view an entry is a line of text labelled with the file line it came from (`numbers`),
or a spacer between paragraphs (no number). Every row knows which entry it shows and which
characters of it, so a citation (file lines) maps to screen rows and back without looking at the text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len

from reader.model import LineSpan
from reader.output.sanitize import inert


@dataclass(frozen=True, slots=True)
class Row:
    """One screen row: part of entry `line` (characters start:end of its display text), or a placeholder."""

    line: int  # the entry (in the file view, the file line)
    start: int = 0
    end: int = 0
    placeholder: str | None = None  # "┄ L12-14 hidden: boilerplate" when removed lines are hidden

    @property
    def first(self) -> bool:
        return self.start == 0


@dataclass(slots=True)
class Layout:
    """The rows for one width, where each entry landed, and the entries the cursor can rest on."""

    rows: list[Row] = field(default_factory=list)
    line_rows: dict[int, tuple[int, int]] = field(default_factory=dict)  # entry -> (first row, last row)
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
    """Lines made inert, each with the file line it shows and the reason it was left out, if it was.

    `removed` names file lines; `numbers` gives each entry's file line (None for a spacer), and
    defaults to entry n showing file line n. `headings` are entries shown as headings; `through`
    gives the last file line of an entry that stands for several (a marker for a run of left-out lines).
    """

    def __init__(self, lines: Sequence[str], removed: Sequence[tuple[LineSpan, str]] = (),
                 numbers: Sequence[int | None] | None = None, headings: Collection[int] = (),
                 through: Mapping[int, int] | None = None) -> None:
        self.raw = list(lines) or [""]
        self.display = [inert(line).replace("\t", " ") for line in self.raw]
        self.numbers: list[int | None] | None = list(numbers) if numbers is not None else None
        self.headings = frozenset(headings)
        self.through = dict(through or {})
        # (file line, entry) of every entry that shows a file line, in order: file spans to entries by bisect.
        self._numbered = [(n, e) for e, n in enumerate(self.numbers or [], start=1) if n is not None]
        self._keys = [n for n, _ in self._numbered]
        self.notes: dict[int, str] = {}
        self.note_starts: set[int] = set()  # first entry of each removed run, where the reason is shown
        for span, why in removed:
            fresh = [entry for entry in self.entries_of(span) if entry not in self.notes]
            self.notes.update((entry, why) for entry in fresh)
            seen = set(fresh)
            self.note_starts.update(entry for entry in fresh if entry - 1 not in seen)

    def __len__(self) -> int:
        return len(self.raw)

    def number_of(self, entry: int) -> int | None:
        """The file line entry `entry` shows (None for a spacer)."""
        return entry if self.numbers is None else self.numbers[entry - 1]

    def entries_of(self, span: LineSpan) -> range | list[int]:
        """The entries that show file lines `span`, in order."""
        if self.numbers is None:
            return range(max(1, span.start), min(span.end, len(self.raw)) + 1)
        lo, hi = bisect_left(self._keys, span.start), bisect_right(self._keys, span.end)
        return [entry for _, entry in self._numbered[lo:hi]]

    def entry_at(self, line: int) -> int:
        """The entry showing file line `line`, else the next one that shows a line after it (else the last)."""
        if self.numbers is None:
            return max(1, min(line, len(self.raw)))
        at = bisect_left(self._keys, line)
        if at < len(self._numbered):
            return self._numbered[at][1]
        return self._numbered[-1][1] if self._numbered else 1

    @property
    def last_number(self) -> int:
        """The highest file line shown (sets the gutter's width)."""
        return len(self.raw) if self.numbers is None else max(self._keys, default=1)

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
                shown = LineSpan(self.number_of(line) or 0, self.through.get(last, self.number_of(last) or 0))
                out.rows.append(Row(line, placeholder=f"┄ {shown} hidden: {inert(why)}"))
                out.stops.append(line)
                line = last + 1
                continue
            first = len(out.rows)
            wrapped = wrap_offsets(self.text_of(line, show_removed), width)
            out.rows.extend(Row(line, start, end) for start, end in wrapped)
            out.line_rows[line] = (first, len(out.rows) - 1)
            if self.number_of(line) is not None:  # a spacer is no place for the cursor
                out.stops.append(line)
            line += 1
        return out
