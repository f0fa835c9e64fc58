"""Typed queries become FTS5 expressions that mean what the README says, and never an FTS5 syntax error."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.triage.search_query import QueryError, to_fts

SENTENCES = [
    "The council voted 9-4 on congestion pricing.",
    "Pricing for trucks is higher.",
    "A title: tax relief for small businesses.",
    "Café owners were not consulted.",
]


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", list(enumerate(SENTENCES)))
    return db


def found(db: sqlite3.Connection, query: str) -> list[int]:
    return sorted(r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (to_fts(query),)))


@pytest.mark.parametrize("query, rows", [
    ("pricing", [0, 1]),
    ("congestion pricing", [0]),                 # all words, in any order
    ('"pricing for"', [1]),                      # a phrase keeps its order
    ('"for pricing"', []),
    ("congest*", [0]),                           # prefix
    ('"congestion pric"*', [0]),                 # a phrase ending in a prefix
    ("pricing -trucks", [0]),                    # exclusion
    ('pricing -"for trucks"', [0]),
    ("pricing NOT trucks", [0]),
    ("trucks OR tax", [1, 2]),
    ("trucks or tax", []),                       # lower-case `or` is a word
    ("9-4", [0]),                                # `-` inside a word is text
    ("title:tax", [2]),                          # not a column filter
    ("(tax", [2]),
    ("^small", [2]),
    ("cafe", [3]),                               # diacritics ignored
    ("“congestion pricing”", [0]),               # typographic quotes are quotes
    ("PRICING", [0, 1]),
])
def test_query_syntax(db: sqlite3.Connection, query: str, rows: list[int]) -> None:
    assert found(db, query) == rows


@pytest.mark.parametrize("query, says", [
    ('"unclosed', "quote is not closed"),
    ("-tax", "only leaves words out"),
    ("NOT tax", "only leaves words out"),
    ("", "no words"),
    ("* - : OR", "no words"),
    ('""', "no words"),
])
def test_queries_that_mean_nothing_say_why(query: str, says: str) -> None:
    with pytest.raises(QueryError, match=says):
        to_fts(query)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "*-:^()+,.OR NOTAND NEAR\'é\\{}')), max_size=30) | st.text(max_size=30))
def test_any_typed_text_is_a_valid_query_or_a_query_error(db: sqlite3.Connection, text: str) -> None:
    try:
        expression = to_fts(text)
    except QueryError:
        return
    db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()
