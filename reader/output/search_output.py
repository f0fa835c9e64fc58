"""`reader search` hits as grep-like lines (`file:line: sentence`) and as JSON."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reader.model import LoadError
from reader.output.places import cite
from reader.output.sanitize import one_line
from reader.triage.body_search import Hit, SearchResult


HIT_CHARS = 400  # a hit longer than this (a runaway 45 KB "sentence") is shown around its first match


def hit_line(hit: Hit, root: str | None, query: str = "") -> str:
    """`business/001.txt:3: The sentence.`: the form editors and `grep -n` users read as a place."""
    return f"{cite(hit.path, hit.line_start, hit.line_end, root)}: {around_match(one_line(hit.text), query)}\n"


def around_match(text: str, query: str, width: int = HIT_CHARS) -> str:
    """The text, or for a long one the `width` characters around the first word of the query it holds,
    with "…" where it was cut (JSON keeps the whole sentence)."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    found = [at for word in re.findall(r"\w+", query.lower()) if (at := lowered.find(word)) >= 0]
    start = max(0, min(found, default=0) - width // 3)
    start = min(start, len(text) - width)
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


def hits_text(hits: Sequence[Hit], root: str | None, query: str = "") -> str:
    return "".join(hit_line(hit, root, query) for hit in hits)


def search_document(query: str, result: SearchResult, errors: Sequence[LoadError]) -> dict[str, Any]:
    """Hits best first, each with the path as given (openable from here) and its lines; score: higher
    is better (bm25), 0 for every hit when too many sentences match to rank them (`ranked` false)."""
    return {
        "query": query,
        "searched": result.files,
        "ranked": result.ranked,
        "hits": [{"path": h.path, "line_start": h.line_start, "line_end": h.line_end, "text": h.text,
                  "sentence": h.index, "score": round(-h.rank, 4)} for h in result.hits],
        "errors": [{"path": e.path, "error": e.error} for e in errors],
    }
