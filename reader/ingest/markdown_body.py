"""Markdown bodies read as text: markdown-it tokens give block line maps; inline text is found back in the source."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.ingest.blocks import Block

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_KINDS = {"heading_open": "heading", "list_item_open": "item", "blockquote_open": "quote"}
_SKIPPED = {"fence": "code block", "code_block": "code block", "html_block": "embedded HTML"}
_LINE_END = re.compile(r"\r\n|\r|\n")
# Footnotes (a GFM and Pandoc extension CommonMark reads as text): "[^1]: Figure from ..." is a
# note, not the article's prose, and the "[^1]" that points at it is no word of the sentence.
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]{1,40}\]:")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,40}\]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def markdown_blocks(text: str, start: int, end: int) -> tuple[list[Block], list[tuple[int, int, str]]]:
    """Blocks of rendered text for text[start:end], plus (start, end, reason) spans left out."""
    body = text[start:end]
    # markdown-it numbers lines ending in \n, \r\n or a lone \r (CommonMark's line endings);
    # map its line numbers to offsets the same way.
    starts = [0]
    starts.extend(m.end() for m in _LINE_END.finditer(body))
    starts.append(len(body))
    blocks: list[Block] = []
    skipped: list[tuple[int, int, str]] = []
    context: list[str] = []
    for token in _parser().parse(body):
        if token.nesting == 1:
            context.append(_KINDS.get(token.type, context[-1] if context else "paragraph"))
        elif token.nesting == -1:
            if context:
                context.pop()
        elif token.type == "inline" and token.map:
            lo, hi = starts[min(token.map[0], len(starts) - 1)], starts[min(token.map[1], len(starts) - 1)]
            if _FOOTNOTE_DEFINITION.match(token.content):
                skipped.append((start + lo, start + hi, "footnote"))
                continue
            block = _inline_block(token, body, lo, hi, start)
            if block.text.strip():
                block.kind = context[-1] if context else "paragraph"
                blocks.append(block)
        elif token.type in _SKIPPED and token.map:
            lo, hi = starts[min(token.map[0], len(starts) - 1)], starts[min(token.map[1], len(starts) - 1)]
            if body[lo:hi].strip():
                skipped.append((start + lo, start + hi, _SKIPPED[token.type]))
    return blocks, skipped


def _inline_block(token: Token, body: str, lo: int, hi: int, base: int) -> Block:
    """Rendered words of one inline token, each piece mapped to where it stands in the source."""
    block = Block()
    cursor = lo
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            piece = child.content
            if not piece:
                continue
            found = body.find(piece, cursor, hi)
            if found >= 0:
                _add_without_marks(block, piece, base + found)
                cursor = found + len(piece)
            else:
                block.add(piece, base + min(cursor, max(hi - 1, lo)), exact=False)
        elif child.type in ("softbreak", "hardbreak"):
            newline = body.find("\n", cursor, hi)
            cursor = newline + 1 if newline >= 0 else cursor
            block.add("\n", base + max(cursor - 1, lo), exact=False)  # a line break, as in plain text
    return block


def _add_without_marks(block: Block, piece: str, file_offset: int) -> None:
    """Add a verbatim piece of text, its footnote marks ("years[^1].") left out."""
    at = 0
    for mark in _FOOTNOTE_MARK.finditer(piece):
        block.add(piece[at:mark.start()], file_offset + at)
        at = mark.end()
    block.add(piece[at:], file_offset + at)
