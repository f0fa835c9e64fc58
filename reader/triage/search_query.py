"""What a user types into a search, turned into an FTS5 query that cannot be a syntax error.

FTS5's own syntax gives meaning to `"`, `*`, `:`, `-`, `^`, `(`, `+` and the words AND/OR/NOT/NEAR,
so raw input like `9-4` or `title:tax` would fail or search a column. Instead every word and phrase
is passed as an FTS5 string (`"…"`, quotes doubled), and only this small syntax has meaning:

    word word      both words, anywhere in one sentence
    "a phrase"     the words next to each other, in this order
    word*          words starting with `word` (also "a phr"*: a phrase whose last word is a prefix)
    -word          sentences without the word (also -"a phrase")
    OR             either side (upper case; lower-case `or` is a word); AND and NOT are accepted too

Everything else is literal text: `9-4` is the phrase "9 4", `title:tax` the phrase "title tax".
A query that cannot mean anything (an unclosed quote, only exclusions, no words) is a QueryError
whose message says what to change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text_scripts import search_form

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# A token: an optional `-`, then a quoted phrase or a run of non-space non-quote characters, then `*`s.
_TOKEN = re.compile(r'(-?)(?:"([^"]*)"|([^\s"]+))')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # FTS5 reads a NUL as the end of its string
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_OPERATORS = {"OR", "AND", "NOT"}


class QueryError(ValueError):
    """The query cannot be searched; the message is one plain sentence for the user."""


class QueryInterrupted(Exception):
    """The query was stopped from another thread (a newer query replaced it); nothing to tell anyone."""


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    prefix: bool
    excluded: bool

    def fts(self) -> str:
        return '"' + search_form(self.text).replace('"', '""') + '"' + ("*" if self.prefix else "")


def _term(minus: str, phrase: str | None, bare: str | None) -> _Term | None:
    """One word or phrase; None when it holds no letters or digits (`-`, `*`, `:` alone)."""
    text = phrase if phrase is not None else bare or ""
    prefix = text.endswith("*")
    text = text.rstrip("*").strip()
    if not _WORD.search(text):
        return None
    return _Term(text, prefix, bool(minus))


def _closing_star(query: str, end: int) -> bool:
    return query[end:end + 1] == "*"


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for what the user typed; raises QueryError when it means nothing."""
    text = _CONTROL.sub(" ", query.translate(_QUOTES))
    if text.count('"') % 2:
        raise QueryError('a quote is not closed: add the closing " or leave both quotes out')
    groups: list[list[_Term]] = [[]]
    excluded: list[_Term] = []
    negate_next = False
    for match in _TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare in _OPERATORS and not minus:
            if bare == "OR" and groups[-1]:
                groups.append([])
            negate_next = bare == "NOT"
            continue
        if phrase is not None and _closing_star(text, match.end()):
            phrase += "*"
        term = _term("-" if negate_next else minus, phrase, bare)
        negate_next = False
        if term is None:
            continue
        (excluded if term.excluded else groups[-1]).append(term)
    groups = [g for g in groups if g]
    if not groups:
        if excluded:
            raise QueryError("the query only leaves words out: add a word to find (e.g. `budget -tax`)")
        raise QueryError("the query has no words to search for")
    found = " OR ".join("(" + " AND ".join(t.fts() for t in g) + ")" for g in groups)
    if not excluded:
        return found
    return f"({found}) NOT (" + " OR ".join(t.fts() for t in excluded) + ")"
