"""Find the lines a front matter key occupies, so an excerpt used as article text can be cited."""
from __future__ import annotations

import re

from reader.lines import LineIndex
from reader.model import LineSpan

_TOP_LEVEL_KEY = re.compile(r"^[\"']?([A-Za-z_][\w-]*)[\"']?\s*[:=]")


def key_span(text: str, index: LineIndex, content_start: int, content_end: int, keys: tuple[str, ...]) -> LineSpan | None:
    """Lines from a top-level key to the line before the next top-level key (multi-line values included)."""
    first = index.line_of(content_start)
    last = index.line_of(max(content_end - 1, content_start))
    wanted = {k.lower() for k in keys}
    found: int | None = None
    for line in range(first, last + 1):
        start = index.start_of(line)
        stop = index.start_of(line + 1) if line < index.count else len(text)
        row = text[start:stop].rstrip("\r\n")
        key = _TOP_LEVEL_KEY.match(row)
        if found is not None and (key or row.startswith("[")):
            return LineSpan(found, _last_content_line(text, index, found, line - 1))
        if key and key.group(1).lower() in wanted and found is None:
            found = line
    return LineSpan(found, _last_content_line(text, index, found, last)) if found is not None else None


def _last_content_line(text: str, index: LineIndex, first: int, last: int) -> int:
    """Step back over blank lines so the span ends on text."""
    while last > first:
        start = index.start_of(last)
        stop = index.start_of(last + 1) if last < index.count else len(text)
        if text[start:stop].strip():
            break
        last -= 1
    return last
