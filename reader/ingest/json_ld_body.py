"""The text of a page that only its JSON-LD holds: `"articleBody": "..."` in an app shell.

Some pages ship an empty `<div id="root">` and render the story with scripts; the story is still
in the page, as the `articleBody` of its NewsArticle JSON-LD. When the visible page has no text,
that string is the article. It is read from the file itself, escape by escape, so every character
keeps its place and a sentence cites the line that holds it (`\\u2019` and `\\"` are one character
each, mapped to where the escape starts). Markup some publishers leave in the body is dropped:
block tags end a paragraph, inline tags vanish.
"""
from __future__ import annotations

import re

from reader.ingest.blocks import Block

MAX_BODY_CHARS = 2_000_000  # a body longer than this is no article (and is not scanned further)
MAX_KEYS = 20  # "articleBody" keys looked at in one page
_KEY = re.compile(r'"articleBody"\s*:\s*"')
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_PLAIN_RUN = re.compile(r'[^"\\]+')
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section)\b[^<>]{0,200}>",
                        re.IGNORECASE)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,200}>")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def article_body_blocks(text: str) -> tuple[list[Block], tuple[int, int] | None]:
    """The paragraphs of the first non-empty articleBody string in the page, and its (start, end)
    span in the file; ([], None) when there is none."""
    for number, match in enumerate(_KEY.finditer(text)):
        if number >= MAX_KEYS:
            break
        read = _json_string(text, match.end())
        if read is None:
            continue
        body, end = read
        blocks = _paragraphs(body)
        if blocks:
            return blocks, (match.start(), end)
    return [], None


def _json_string(text: str, start: int) -> tuple[Block, int] | None:
    """The JSON string opening at `start` (just past its quote) as a Block mapped to the file, and
    the offset past its closing quote; None when it is malformed, unterminated or too long."""
    block = Block()
    at = start
    limit = min(len(text), start + MAX_BODY_CHARS)
    while at < limit:
        run = _PLAIN_RUN.match(text, at, limit)
        if run:
            if "\n" in run.group():  # a raw line break is not allowed inside a JSON string
                return None
            block.add(run.group(), at)
            at = run.end()
            continue
        if text[at] == '"':
            return block, at + 1
        escape = text[at + 1:at + 2]
        if escape in _SIMPLE:
            block.add(_SIMPLE[escape], at, exact=False)
            at += 2
        elif escape == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[at + 2:at + 6]):
            code, width = int(text[at + 2:at + 6], 16), 6
            low = text[at + 8:at + 12]
            if 0xD800 <= code < 0xDC00 and text[at + 6:at + 8] == "\\u" and re.fullmatch(r"[dD][c-fC-F][0-9a-fA-F]{2}", low):
                code, width = 0x10000 + ((code - 0xD800) << 10) + (int(low, 16) - 0xDC00), 12
            block.add(chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd", at, exact=False)
            at += width
        else:
            return None
    return None


def _paragraphs(body: Block) -> list[Block]:
    """The body cut into paragraphs at line breaks and block tags, inline tags left out."""
    text = body.text
    cuts = sorted([(m.start(), m.end(), True) for m in _PARAGRAPH_BREAK.finditer(text)]
                  + [(m.start(), m.end(), bool(_BLOCK_TAG.fullmatch(m.group()))) for m in _ANY_TAG.finditer(text)])
    out: list[Block] = []
    current = Block()
    at = 0
    for start, end, breaks in [*cuts, (len(text), len(text), True)]:
        if start < at:
            continue
        _append(current, body.slice(at, start))
        at = end
        if breaks:
            if current.text.strip():
                out.append(_trimmed(current))
            current = Block()
    return out


def _append(block: Block, piece: Block) -> None:
    """Add every piece of `piece` to `block`, each with its own file offset."""
    text = piece.text
    bounds = [*piece.piece_starts, piece.length]
    for k in range(len(piece.piece_starts)):
        block.add(text[bounds[k]:bounds[k + 1]], piece.file_offsets[k], piece.exact[k])


def _trimmed(block: Block) -> Block:
    text = block.text
    lead = len(text) - len(text.lstrip())
    return block.slice(lead, len(text.rstrip()))
