"""Which lines of an article were left out of its text, and why, as spans for the source view.

Kept here rather than borrowed from `reader show`'s formatter so the TUI does not depend on how
another command lays out its output.
"""
from __future__ import annotations

from reader.model import Article, LineSpan


def removed_spans(article: Article) -> list[tuple[LineSpan, str]]:
    """Front matter, boilerplate and repeats, minus lines that also hold kept text (never dim real text)."""
    kept = {line for s in article.sentences if s.kind != "excerpt" for line in range(s.span.start, s.span.end + 1)}
    spans = [(article.metadata_span, "front matter")] if article.metadata_span else []
    spans += [(r.span, r.reason) for r in article.removed]
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
