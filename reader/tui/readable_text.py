"""The article's readable text as entries of the source view: text lines, spacers, left-out markers.

Textual-free. Built from what ingest kept (`Article.passages` cut into `TextLine`s), never by
parsing the file again: each entry is labelled with the file line it came from, so citations, the
cursor and search all speak in file lines. Text left out (front matter, boilerplate, page furniture)
that holds no kept line becomes one marker entry at its first line, with a preview of its text.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.ingest.readable import TextLine, text_lines
from reader.model import Article, LineSpan
from reader.output.sanitize import one_line
from reader.tui.notes import removed_spans

PREVIEW_CHARS = 200


@dataclass(slots=True)
class ReadableText:
    """Parallel lists, one item per entry (entry n is index n - 1), and the notes for removed lines."""

    lines: list[str] = field(default_factory=list)
    numbers: list[int | None] = field(default_factory=list)  # None: a spacer between paragraphs
    headings: set[int] = field(default_factory=set)
    removed: list[tuple[LineSpan, str]] = field(default_factory=list)
    text: dict[int, TextLine] = field(default_factory=dict)  # entry -> the text line it shows
    through: dict[int, int] = field(default_factory=dict)  # marker entry -> the last line it stands for

    def exact(self, entries: Iterable[int], start: int, end: int) -> dict[int, tuple[int, int]]:
        """The columns of file offsets `start`..`end` (a sentence) on each of `entries` that shows text."""
        out: dict[int, tuple[int, int]] = {}
        for entry in entries:
            line = self.text.get(entry)
            columns = line.columns(start, end) if line is not None else None
            if columns is not None:
                out[entry] = columns
        return out

    def _add(self, text: str, number: int | None) -> int:
        self.lines.append(text)
        self.numbers.append(number)
        return len(self.lines)


def readable_text(article: Article) -> ReadableText:
    """Text lines in file order, a spacer between paragraphs, and a marker for each run of left-out text."""
    lines = text_lines(article)
    shown = {t.line for t in lines}
    markers = sorted((m for m in _left_out(article) if not any(line in shown for line in range(m[0].start, m[0].end + 1))),
                     key=lambda m: (m[0].start, m[0].end))
    out = ReadableText(removed=removed_spans(article))
    previous: int | None = None  # the passage of the last entry; -1 after a marker
    at = 0
    for text_line in lines:
        while at < len(markers) and markers[at][0].start < text_line.line:
            _marker(out, markers[at], previous)
            previous, at = -1, at + 1
        if previous is not None and previous != text_line.passage:
            out._add("", None)
        entry = out._add(text_line.text, text_line.line)
        out.text[entry] = text_line
        if text_line.kind == "heading":
            out.headings.add(entry)
        previous = text_line.passage
    for marker in markers[at:]:
        _marker(out, marker, previous)
        previous = -1
    return out


def _marker(out: ReadableText, marker: tuple[LineSpan, str, str], previous: int | None) -> None:
    if previous is not None and previous != -1:
        out._add("", None)
    entry = out._add(marker[2], marker[0].start)
    out.through[entry] = marker[0].end


def _left_out(article: Article) -> list[tuple[LineSpan, str, str]]:
    """Front matter and each removed span, with a one-line preview of what it said."""
    raw = article.lines
    found = []
    spans = [(article.metadata_span, "front matter", "")] if article.metadata_span else []
    spans += [(r.span, r.reason, r.text) for r in article.removed]
    for span, why, preview in spans:
        text = preview or " ".join(raw[span.start - 1:min(span.end, span.start + 20)])
        found.append((span, why, one_line(text)[:PREVIEW_CHARS] or "(blank)"))
    return found
