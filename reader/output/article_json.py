"""The JSON shape of a parsed article (`reader show --format json`)."""
from __future__ import annotations

from typing import Any

from reader.model import Article


def article_dict(article: Article) -> dict[str, Any]:
    """Everything `show` knows about one article, with 1-based inclusive line numbers.

    `path` is always a file that can be opened; an item of a feed or mailbox adds its id, its
    address (`file#id`) and the lines it takes up."""
    data = {
        "path": article.file,
        "title": article.full_title,
        "date": article.date,
        "source": article.source,
        "author": article.author,  # the byline's people, ", "-joined; null when the file names none
        "url": article.url,
        "topics": article.topics,
        "excerpt": article.excerpt,
        "related": [
            {"title": r.title, "excerpt": r.excerpt, "date": r.date, "url": r.url, "source": r.source}
            for r in article.related
        ],
        "encoding": article.encoding,
        "format": article.format,
        "warnings": article.warnings,
        "sentences": [
            {"text": s.text, "line_start": s.span.start, "line_end": s.span.end, "kind": s.kind, "segment": s.segment}
            for s in article.sentences
        ],
        "removed": [
            {"line_start": r.span.start, "line_end": r.span.end, "reason": r.reason} for r in article.removed
        ],
        "segments": [
            {"line_start": g.span.start, "line_end": g.span.end, "duplicate_of": g.duplicate_of}
            for g in article.segments
        ],
    }
    if article.item is not None:
        data["item"] = article.item
        data["address"] = article.path
        if article.item_lines is not None:
            data["item_lines"] = {"line_start": article.item_lines.start, "line_end": article.item_lines.end}
    return data

