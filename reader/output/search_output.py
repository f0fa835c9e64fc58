"""`reader search` hits as grep-like lines (`file:line: sentence`) and as JSON."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.model import LoadError
from reader.output.places import cite
from reader.output.sanitize import one_line
from reader.triage.body_search import Hit, SearchResult


def hit_line(hit: Hit, root: str | None) -> str:
    """`business/001.txt:3: The sentence.`: the form editors and `grep -n` users read as a place."""
    return f"{cite(hit.path, hit.line_start, hit.line_end, root)}: {one_line(hit.text)}\n"


def hits_text(hits: Sequence[Hit], root: str | None) -> str:
    return "".join(hit_line(hit, root) for hit in hits)


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
