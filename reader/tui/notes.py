"""Which lines of an article were left out of its text, and why, as spans for the source view.

Kept here rather than borrowed from `reader show`'s formatter so the TUI does not depend on how
another command lays out its output.
"""
from __future__ import annotations

from collections.abc import Iterable

from reader.model import Article, LineSpan


def removed_spans(article: Article) -> list[tuple[LineSpan, str]]:
    """Front matter, boilerplate and repeats, minus lines that also hold kept text (never dim real text)."""
    spans = [(article.metadata_span, "front matter")] if article.metadata_span else []
    spans += [(r.span, r.reason) for r in article.removed]
    return _runs(spans, _kept_lines(article))


def file_notes(article: Article, text_lines_at: set[int]) -> list[tuple[LineSpan, str]]:
    """The file view's notes: text left out and, for a saved page, its code and the lines of tags alone.

    `text_lines_at` are the file lines that hold readable text; any other line of a page that is
    not blank is markup (blank lines between two such lines belong to the same run).
    """
    notes = removed_spans(article)
    if article.format != "html":
        return notes
    kept = _kept_lines(article)
    notes += _runs(((m.span, m.reason) for m in article.markup), kept)
    taken = {line for span, _ in notes for line in range(span.start, span.end + 1)} | kept | text_lines_at
    run: list[int] = []
    for number, line in enumerate([*article.lines, "end"], start=1):
        if not line.strip():
            continue
        if number not in taken and number <= len(article.lines):
            run.append(number)
        elif run:
            notes.append((LineSpan(run[0], run[-1]), "markup"))
            run = []
    return notes


def _kept_lines(article: Article) -> set[int]:
    return {line for s in article.sentences if s.kind != "excerpt" for line in range(s.span.start, s.span.end + 1)}


def _runs(spans: Iterable[tuple[LineSpan, str]], kept: set[int]) -> list[tuple[LineSpan, str]]:
    """Each span cut into runs of lines that hold no kept text."""
    out: list[tuple[LineSpan, str]] = []
    for span, reason in spans:
        run: list[int] = []
        for line in range(span.start, span.end + 2):
            if line <= span.end and line not in kept:
                run.append(line)
            elif run:
                out.append((LineSpan(run[0], run[-1]), reason))
                run = []
    return out
