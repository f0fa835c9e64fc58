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
MAX_INLINE = 3000  # how far an inline element's closing tag is looked for
_INLINE = frozenset("a span time em strong b i cite small abbr font".split())
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
    tag: str
    value: str = ""  # a datetime / content attribute, or a rel=author link's own name
    published: bool = False  # a date element that says it is the publication date
    updated: bool = False  # one that says it is the last change


@dataclass(slots=True)
class Found:
    """What the marked elements hold, in page order: byline texts and (date text, published?) pairs."""

    # (block number, the element's text, whether that is all of it: an inline element cut at its end tag)
    bylines: list[tuple[int, str, bool]] = field(default_factory=list)
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
                self._add(Mark(position(), "date", tag, value.strip(), published or bool(_PUBLISHED.search(hint)),
                               bool(_UPDATED.search(hint))))
                return
            if "author" in (attrs.get("rel") or "").lower().split() or itemprop in ("author", "creator"):
                self._add(Mark(position(), "author", tag))
                return
        classes = attrs.get("class")
        if classes and _byline_class(classes):
            self._add(Mark(position(), "author", tag))

    def _add(self, mark: Mark) -> None:
        if self._counts[mark.kind] < MAX_MARKS:
            self._counts[mark.kind] += 1
            self.marks.append(mark)

    def resolve(self, blocks: Sequence[Block], page: str) -> Found:
        """The text at each mark: from where the element starts to where it ends (an inline element:
        its closing tag in `page`) or the end of its block."""
        found = Found()
        if not self.marks:
            return found
        starts = [b.file_offsets[0] if b.file_offsets else 0 for b in blocks]  # each block's file_start
        for mark in self.marks:
            end = page.find(f"</{mark.tag}", mark.offset, mark.offset + MAX_INLINE) if mark.tag in _INLINE else -1
            number, text, exact = _text_at(blocks, starts, mark.offset, end)
            if mark.kind == "author":
                if text:
                    found.bylines.append((number, text, exact))
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


def _text_at(blocks: Sequence[Block], starts: list[int], offset: int, end: int = -1) -> tuple[int, str, bool]:
    """The text of the block holding `offset` from there (up to file offset `end` when that is in the
    same block: then the text is exact), or else of the next block; (-1, '', False) past the end."""
    i = bisect_right(starts, offset) - 1
    if not (i >= 0 and offset <= blocks[i].file_end):
        i += 1
        if i >= len(blocks) or starts[i] - offset > MAX_LEAD:
            return -1, "", False
    block = blocks[i]
    start = _char_at(block, offset) if offset > starts[i] else 0
    exact = starts[i] <= end <= block.file_end
    return i, block.text[start:_char_at(block, end) if exact else block.length], exact
