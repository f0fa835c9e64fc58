"""The JSON shape of `reader summarize --format json`."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.model import LoadError
from reader.output.disagreement_text import disagreement_dict
from reader.output.story_facts import used_words
from reader.summarize import StorySummary, SummaryItem
from reader.summarize.digest import ArticleDigest


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
    are also among the citations. `contested` lists the numbers it states that other outlets give
    otherwise: its own value, and the disagreement with every value and where it is stated.
    """
    return {
        **item_dict(item),
        "outlet": item.outlet,
        "copy_of": item.copy_of,
        "only_in": item.only_in,
        "reported_by": [
            {"outlet": r.outlet, "path": r.unit.article.file, "line_start": r.unit.sentence.span.start,
             "line_end": r.unit.sentence.span.end, "copy_of": r.copy_of, "cited": r.cited}
            for r in item.reports
        ],
        "contested": [
            {"value": own.label, "disagreement": disagreement_dict(d)} for d, own in item.contested
        ],
    }


def story_dict(story: StorySummary, budget: int) -> dict[str, Any]:
    """The story's sentences, what it was made of (every input, those left out and why) and its size."""
    return {
        "summary": [story_item_dict(i) for i in story.items],
        "articles": [{"path": a.path, "title": a.full_title, "source": a.source, "date": a.date} for a in story.articles],
        "left_out": [
            {"path": x.path, "reason": x.reason, **({"segment": x.segment} if x.segment is not None else {})}
            for x in story.left_out
        ],
        "words": budget,
        "used_words": used_words(story),
        "sources": story.sources,
        "outlets": story.voices,
    }


def digest_dict(digest: ArticleDigest) -> dict[str, Any]:
    """One article's summary: its metadata, and each sentence cited by its own lines (one source)."""
    return {
        "path": digest.path, "title": digest.title, "date": digest.date, "source": digest.source,
        "url": digest.url, "warnings": list(digest.warnings),
        "summary": [
            {"text": i.text, "citations": [{"path": digest.file, "line_start": i.line_start, "line_end": i.line_end}],
             "score": i.score, "sources": 1}
            for i in digest.items
        ],
    }


def summary_document(digests: Sequence[ArticleDigest], story: StorySummary | None,
                     errors: Sequence[LoadError], algorithm: str, budget: int) -> dict[str, Any]:
    return {
        "algorithm": algorithm,
        "articles": [digest_dict(d) for d in digests],
        "story": None if story is None else story_dict(story, budget),
        "errors": [{"path": e.path, "error": e.error} for e in errors],
    }
