"""Search inside one article: every hit of a query in the lines a view shows, and stepping through them.

Textual-free; the screen gives it the shown lines and puts the hit on screen. Matching is plain,
case-insensitive substring search: what a reader types is what is looked for, never a pattern.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence: entry `entry` (1-based), characters start:end of what it shows."""

    entry: int
    start: int
    end: int


@dataclass(slots=True)
class Finder:
    """The query, its hits in order and which one is shown (-1: none yet)."""

    query: str = ""
    hits: list[Hit] = field(default_factory=list)
    current: int = -1

    def search(self, texts: Sequence[str], query: str) -> None:
        """Find every occurrence of `query` in `texts` (entry n is texts[n - 1]); forget the shown hit."""
        self.query, self.hits, self.current = query, [], -1
        needle = query.casefold()
        if not needle.strip():
            return
        for entry, text in enumerate(texts, start=1):
            folded = text.casefold()
            if len(folded) != len(text):  # a character that folds longer ("ß"): columns would shift
                folded, needle_here = text.lower(), query.lower()
            else:
                needle_here = needle
            at = folded.find(needle_here)
            while at >= 0:
                self.hits.append(Hit(entry, at, at + len(needle_here)))
                at = folded.find(needle_here, at + max(1, len(needle_here)))

    def first_from(self, entry: int) -> Hit | None:
        """The first hit at or after `entry` (wrapping to the first), made current."""
        if not self.hits:
            return None
        self.current = next((i for i, hit in enumerate(self.hits) if hit.entry >= entry), 0)
        return self.hits[self.current]

    def step(self, delta: int) -> tuple[Hit, bool] | None:
        """The next (delta 1) or previous (-1) hit, and whether the search went round the end."""
        if not self.hits:
            return None
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.hits) - 1
            return self.hits[self.current], False
        moved = self.current + delta
        self.current = moved % len(self.hits)
        return self.hits[self.current], not 0 <= moved < len(self.hits)

    @property
    def label(self) -> str:
        """`match 2/7`, `no match`, or empty before any query."""
        if not self.query.strip():
            return ""
        if not self.hits:
            return "no match"
        return f"match {self.current + 1}/{len(self.hits)}" if self.current >= 0 else f"{len(self.hits)} matches"
