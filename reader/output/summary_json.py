"""The JSON shape of `reader summarize --format json`."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.model import Article, LoadError
from reader.output.story_facts import used_words
from reader.summarize import StorySummary, SummaryItem


def item_dict(item: SummaryItem) -> dict[str, Any]:
    """Text, citations (own place first, then corroborating sources) and score."""
    return {
        "text": item.text,
        "citations": [{"path": c.path, "line_start": c.span.start, "line_end": c.span.end} for c in item.citations],
        "score": item.score,
        "sources": item.source_count,
    }


def story_item_dict(item: SummaryItem) -> dict[str, Any]:
    """A story sentence: as an article's, plus its outlet and every other outlet that reports it.

    `reported_by` lists every report; only those whose lines carry the sentence's words (`cited`)
    are also among the citations.
    """
    return {
        **item_dict(item),
        "outlet": item.outlet,
        "only_in": item.only_in,
        "reported_by": [
            {"outlet": r.outlet, "path": r.unit.article.path, "line_start": r.unit.sentence.span.start,
             "line_end": r.unit.sentence.span.end, "copy_of": r.copy_of, "cited": r.cited}
            for r in item.reports
        ],
    }


def story_dict(story: StorySummary, budget: int) -> dict[str, Any]:
    """The story's sentences, what it was made of (every input, those left out and why) and its size."""
    return {
        "summary": [story_item_dict(i) for i in story.items],
        "articles": [{"path": a.path, "title": a.title, "source": a.source, "date": a.date} for a in story.articles],
        "left_out": [
            {"path": x.path, "reason": x.reason, **({"segment": x.segment} if x.segment is not None else {})}
            for x in story.left_out
        ],
        "words": budget,
        "used_words": used_words(story),
        "sources": story.sources,
        "outlets": story.voices,
    }


def summary_document(per_article: Sequence[tuple[Article, Sequence[SummaryItem]]], story: StorySummary | None,
                     errors: Sequence[LoadError], algorithm: str, budget: int) -> dict[str, Any]:
    return {
        "algorithm": algorithm,
        "articles": [
            {"path": a.path, "title": a.title, "date": a.date, "source": a.source, "url": a.url,
             "warnings": a.warnings, "summary": [item_dict(i) for i in items]}
            for a, items in per_article
        ],
        "story": None if story is None else story_dict(story, budget),
        "errors": [{"path": e.path, "error": e.error} for e in errors],
    }
