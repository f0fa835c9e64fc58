"""`reader summarize --format json` for articles: each sentence cites its own lines; errors beside them."""
from __future__ import annotations

from reader.model import LoadError
from reader.output.summary_json import digest_dict, summary_document
from reader.summarize.digest import ArticleDigest, DigestItem

FERRY = ArticleDigest("news/ferry.txt", "Ferry halted", "2026-03-01", "Harbour Post", "https://example.com/f",
                      ("no byline",), (DigestItem("Ferries stopped.", 3, 3, 0.9), DigestItem("Repairs.", 5, 6, 0.25)))


def test_digest_dict() -> None:
    assert digest_dict(FERRY) == {
        "path": "news/ferry.txt", "title": "Ferry halted", "date": "2026-03-01", "source": "Harbour Post",
        "url": "https://example.com/f", "warnings": ["no byline"],
        "summary": [
            {"text": "Ferries stopped.", "citations": [{"path": "news/ferry.txt", "line_start": 3, "line_end": 3}],
             "score": 0.9, "sources": 1},
            {"text": "Repairs.", "citations": [{"path": "news/ferry.txt", "line_start": 5, "line_end": 6}],
             "score": 0.25, "sources": 1},
        ],
    }


def test_summary_document_puts_articles_and_errors_side_by_side() -> None:
    empty = ArticleDigest("b.txt", None, None, None, None, (), ())
    document = summary_document([FERRY, empty], None, [LoadError("c.png", "not text")], "lexrank", 0)
    assert document["algorithm"] == "lexrank" and document["story"] is None
    assert [a["path"] for a in document["articles"]] == ["news/ferry.txt", "b.txt"]
    assert document["articles"][1]["summary"] == []
    assert document["errors"] == [{"path": "c.png", "error": "not text"}]
    assert list(document) == ["algorithm", "articles", "story", "errors"]


def test_summary_document_of_nothing() -> None:
    assert summary_document([], None, [], "reader", 0) == {"algorithm": "reader", "articles": [], "story": None,
                                                           "errors": []}
