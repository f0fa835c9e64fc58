"""Article: its line index is built once and shared, and it survives the trip to and from a worker process."""
from __future__ import annotations

import pickle

from reader.ingest.article_builder import build_article
from reader.lines import LineIndex
from reader.model import Article

TEXT = "A headline\r\n\r\nThe council met on Monday. It voted\nto adopt the plan.\n"


def test_line_index_is_built_once_and_matches_the_text() -> None:
    article = build_article(TEXT, "one.txt")
    index = article.line_index
    assert article.line_index is index
    assert index.starts == LineIndex(TEXT).starts and index.count == len(article.lines) == 4


def test_an_article_made_by_hand_gets_its_index_on_first_use() -> None:
    article = Article(path="x.txt", text="one\ntwo\n")
    assert article.line_index.count == 2 and article.line_index.start_of(2) == 4


def test_pickled_article_keeps_its_lines_and_compares_equal() -> None:
    article = build_article(TEXT, "one.txt")
    copy = pickle.loads(pickle.dumps(article))
    assert copy == article
    assert copy.line_index.starts == article.line_index.starts
    assert [s.span for s in copy.sentences] == [s.span for s in article.sentences]
