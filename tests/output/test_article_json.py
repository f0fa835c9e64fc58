"""`reader show --format json`: every field of an article, with 1-based inclusive line numbers."""
from __future__ import annotations

import json

from output_helpers import article, sentence

from reader.model import LineSpan, Related, Removed, Segment
from reader.output.article_json import article_dict
from reader.output.sanitize import dumps


def test_every_field_is_carried_over() -> None:
    item = article(
        "news/ferry.md", sentence(0, "Ferry halted", 4, kind="heading"),
        sentence(1, "Ferries stopped on Monday.", 6, 7), sentence(2, "A copy says so too.", 12, segment=1),
        title="Ferry halted", date="2026-03-01", source="Harbour Post", author="Ana Ruiz, Lee Chen",
        url="https://example.com/ferry", topics=["Transport"], excerpt="Ferries stopped.", encoding="cp1252", format="markdown",
        warnings=["a warning"], related=[Related("Older story", None, "2026-02-01", "https://x.test/1", "The Wire")],
        removed=[Removed(LineSpan(8, 9), "boilerplate", "Share this")],
        segments=[Segment(LineSpan(1, 9)), Segment(LineSpan(10, 12), duplicate_of=0)],
        metadata_span=LineSpan(1, 3), text="not shown in JSON",
    )
    assert article_dict(item) == {
        "path": "news/ferry.md", "title": "Ferry halted", "date": "2026-03-01", "source": "Harbour Post",
        "author": "Ana Ruiz, Lee Chen", "url": "https://example.com/ferry", "topics": ["Transport"], "excerpt": "Ferries stopped.",
        "related": [{"title": "Older story", "excerpt": None, "date": "2026-02-01", "url": "https://x.test/1",
                     "source": "The Wire"}],
        "encoding": "cp1252", "format": "markdown", "warnings": ["a warning"],
        "sentences": [
            {"text": "Ferry halted", "line_start": 4, "line_end": 4, "kind": "heading", "segment": 0},
            {"text": "Ferries stopped on Monday.", "line_start": 6, "line_end": 7, "kind": "text", "segment": 0},
            {"text": "A copy says so too.", "line_start": 12, "line_end": 12, "kind": "text", "segment": 1},
        ],
        "removed": [{"line_start": 8, "line_end": 9, "reason": "boilerplate"}],
        "segments": [{"line_start": 1, "line_end": 9, "duplicate_of": None},
                     {"line_start": 10, "line_end": 12, "duplicate_of": 0}],
    }


def test_an_empty_article_has_empty_lists_and_nulls() -> None:
    data = article_dict(article("empty.txt"))
    assert data["title"] is None and data["url"] is None and data["author"] is None
    assert data["sentences"] == data["removed"] == data["segments"] == data["related"] == data["topics"] == []
    assert (data["encoding"], data["format"]) == ("utf-8", "text")


def test_the_dict_survives_the_inert_json_writer() -> None:
    item = article("x.txt", sentence(0, "Bad \x9b text.", 1), title="T\x1b")
    text = dumps(article_dict(item))
    assert "\x1b" not in text and "\x9b" not in text
    assert json.loads(text)["sentences"][0]["text"] == "Bad \x9b text."
