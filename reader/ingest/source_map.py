"""Text decoded out of a container (a feed's escaped HTML, an email's quoted-printable body) kept mapped to the file.

The decoded text is itself a Block: character by character it knows its file offset. Parsing that
text (as HTML or as plain paragraphs) gives blocks whose offsets point into the decoded text;
`compose` carries them through to the file, so a feed item's or a newsletter's sentences cite the
lines of the file that hold them, exactly as a page's do.
"""
from __future__ import annotations

import re
from html import unescape

from reader.ingest.blocks import Block

_XML_ESCAPES = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});",
                          re.DOTALL)


def compose(inner: Block, outer: Block) -> Block:
    """`inner` (offsets into `outer.text`) with its offsets carried through `outer` to the file."""
    out = Block(kind=inner.kind, segment=inner.segment)
    text = inner.text
    for i, piece_start in enumerate(inner.piece_starts):
        piece_end = inner.piece_starts[i + 1] if i + 1 < len(inner.piece_starts) else inner.length
        at = inner.file_offsets[i]
        if inner.exact[i] and outer.text[at:at + piece_end - piece_start] == text[piece_start:piece_end]:
            part = outer.slice(at, at + piece_end - piece_start)
            for j, sub_start in enumerate(part.piece_starts):
                sub_end = part.piece_starts[j + 1] if j + 1 < len(part.piece_starts) else part.length
                out.add(text[piece_start + sub_start:piece_start + sub_end], part.file_offsets[j], part.exact[j])
        else:  # a decoded entity or inserted space: all of it sits where its source starts
            out.add(text[piece_start:piece_end], outer.to_file(at), False)
    return out


def map_span(outer: Block, start: int, end: int) -> tuple[int, int]:
    """A half-open span of `outer.text` as a half-open span of the file."""
    if end <= start:
        at = outer.to_file(start)
        return at, at
    return outer.to_file(start), outer.to_file(end - 1) + 1


def xml_text(text: str, start: int, end: int) -> Block:
    """The character data of text[start:end] as an XML parser gives it (CDATA opened, the predefined and
    numeric entities decoded), mapped to the file: plain runs and CDATA exact, each entity at its `&`."""
    out = Block()
    pos = start
    for found in _XML_ESCAPES.finditer(text, start, end):
        out.add(text[pos:found.start()], pos)
        if found.group(1) is not None:
            out.add(found.group(1), found.start(1))
        else:
            out.add(unescape(found.group()), found.start(), False)
        pos = found.end()
    out.add(text[pos:end], pos)
    return out


def verbatim(text: str, start: int, end: int) -> Block:
    """text[start:end] as it stands (markup inside a feed element, an unencoded email body)."""
    out = Block()
    out.add(text[start:end], start)
    return out
