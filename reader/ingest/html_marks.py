"""Elements of a page that name its author or its date in the visible text: bylines and <time>.

The page parser reports each start tag that looks like one (rel=author, itemprop=author or
datePublished, a class naming a byline or an author, <time>); once the page is read, `resolve`
finds the text each one holds among the parsed blocks, so no second parse of the page is needed.
A date in an attribute (`datetime`, `content`) is taken as written.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reader.ingest.blocks import Block

MAX_MARKS = 200  # per kind: a page lists thousands of comment authors, the byline comes early
# An element's text starts at most this far after its tag (nested tags between); an empty element
# must not take the next block's text (an author link around an avatar image, before the headline).
MAX_LEAD = 500
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:by-?line|byl|author(?:s|-?name)?|article-?author|post-?author|"
                           r"entry-?author|writer|meta-?author)(?:$|[\s_-])", re.IGNORECASE)
_NOT_BYLINE = re.compile(r"comment|avatar|image|img|photo|bio|thumb|social|follow|more|box|label", re.IGNORECASE)
_PUBLISHED = re.compile(r"publish|posted|pubdate|created|datePublished", re.IGNORECASE)
_UPDATED = re.compile(r"updat|modif|edited", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mark:
    """Where an interesting element starts in the file, what kind it is and any value its attributes give."""

    offset: int
    kind: str  # "author" or "date"
    value: str = ""  # a datetime / content attribute, or a rel=author link's own name
    published: bool = False  # a date element that says it is the publication date
    updated: bool = False  # one that says it is the last change


@dataclass(slots=True)
class Found:
    """What the marked elements hold, in page order: byline texts and (date text, published?) pairs."""

    bylines: list[tuple[int, str]] = field(default_factory=list)  # (block number, text)
    dates: list[tuple[int, str, bool]] = field(default_factory=list)  # (block number, date text, says published)


class PageMarks:
    """Collects marks while the page is parsed; cheap for the ordinary tag (a few dict lookups)."""

    def __init__(self) -> None:
        self.marks: list[Mark] = []
        self._counts = {"author": 0, "date": 0}

    def element(self, tag: str, attrs: dict[str, str | None], position: Callable[[], int]) -> None:
        if tag == "time" or "itemprop" in attrs or "rel" in attrs:  # rare: the whole check
            itemprop = (attrs.get("itemprop") or "").lower()
            if tag == "time" or itemprop in ("datepublished", "datecreated"):
                value = attrs.get("datetime") or attrs.get("content") or ""
                hint = f"{attrs.get('class') or ''} {itemprop} {attrs.get('id') or ''}"
                published = itemprop in ("datepublished", "datecreated") or "pubdate" in attrs
                self._add(Mark(position(), "date", value.strip(), published or bool(_PUBLISHED.search(hint)),
                               bool(_UPDATED.search(hint))))
                return
            if "author" in (attrs.get("rel") or "").lower().split() or itemprop in ("author", "creator"):
                self._add(Mark(position(), "author"))
                return
        classes = attrs.get("class")
        if classes and _byline_class(classes):
            self._add(Mark(position(), "author"))

    def _add(self, mark: Mark) -> None:
        if self._counts[mark.kind] < MAX_MARKS:
            self._counts[mark.kind] += 1
            self.marks.append(mark)

    def resolve(self, blocks: Sequence[Block]) -> Found:
        """The text at each mark: from where the element starts to the end of its block."""
        found = Found()
        if not self.marks:
            return found
        starts = [b.file_offsets[0] if b.file_offsets else 0 for b in blocks]  # each block's file_start
        for mark in self.marks:
            number, text = _text_at(blocks, starts, mark.offset)
            if mark.kind == "author":
                if text:
                    found.bylines.append((number, text))
            elif not mark.updated and (mark.value or text):
                found.dates.append((number, mark.value or text[:80], mark.published))
        return found


def _char_at(block: Block, offset: int) -> int:
    """The first character of `block` that sits at or after file `offset` (pieces are in file order)."""
    k = bisect_right(block.file_offsets, offset) - 1
    if k < 0:
        return 0
    start = block.piece_starts[k]
    end = block.piece_starts[k + 1] if k + 1 < len(block.piece_starts) else block.length
    if block.file_offsets[k] == offset or not block.exact[k]:
        return start if block.file_offsets[k] == offset else min(start + 1, end)
    return min(start + offset - block.file_offsets[k], end)


@lru_cache(maxsize=4096)
def _byline_class(classes: str) -> bool:
    """Cached: a page repeats the same class strings thousands of times."""
    return bool(_BYLINE_CLASS.search(classes)) and not _NOT_BYLINE.search(classes)


def _text_at(blocks: Sequence[Block], starts: list[int], offset: int) -> tuple[int, str]:
    """The block holding `offset` (its text from there) or else the next block; (-1, '') past the end."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset <= blocks[i].file_end:
        return i, blocks[i].text[_char_at(blocks[i], offset):]
    i += 1
    return (i, blocks[i].text) if i < len(blocks) and starts[i] - offset <= MAX_LEAD else (-1, "")
