"""The JSON shape of `reader summarize --format json`."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.model import Article, LoadError
from reader.summarize import SummaryItem


def item_dict(item: SummaryItem) -> dict[str, Any]:
    """Text, citations (own place first, then corroborating sources) and score."""
    return {
        "text": item.text,
        "citations": [{"path": c.path, "line_start": c.span.start, "line_end": c.span.end} for c in item.citations],
        "score": item.score,
        "sources": item.source_count,
    }


def summary_document(per_article: Sequence[tuple[Article, Sequence[SummaryItem]]],
                     story: Sequence[SummaryItem] | None, errors: Sequence[LoadError],
                     algorithm: str) -> dict[str, Any]:
    return {
        "algorithm": algorithm,
        "articles": [
            {"path": a.path, "title": a.title, "date": a.date, "source": a.source, "url": a.url,
             "warnings": a.warnings, "summary": [item_dict(i) for i in items]}
            for a, items in per_article
        ],
        "story": None if story is None else {"summary": [item_dict(i) for i in story]},
        "errors": [{"path": e.path, "error": e.error} for e in errors],
    }
