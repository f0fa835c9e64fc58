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
_SKIPPED = {"fence": "code block", "code_block": "code block"}
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n")
# Footnotes (a GFM and Pandoc extension CommonMark reads as text): "[^1]: Figure from ..." is a
# note, not the article's prose, and the "[^1]" that points at it is no word of the sentence.
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]{1,40}\]:")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,40}\]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def markdown_blocks(text: str, start: int, end: int,
                    warnings: list[str] | None = None) -> tuple[list[Block], list[tuple[int, int, str]]]:
    """Blocks of rendered text for text[start:end], plus (start, end, reason) spans left out.

    markdown-it stops at its nesting limit (lists or quotes 20 levels deep) and drops everything
    after, unsaid: what follows the last text it read is then read as plain text, with a warning."""
    body = text[start:end]
    # markdown-it numbers lines ending in \n, \r\n or a lone \r (CommonMark's line endings);
    # map its line numbers to offsets the same way.
    starts = [0]
    starts.extend(m.end() for m in _LINE_END.finditer(body))
    starts.append(len(body))
    blocks: list[Block] = []
    skipped: list[tuple[int, int, str]] = []
    context: list[str] = []
    tokens = _parser().parse(body)
    read_to = max((t.map[1] for t in tokens if t.map and t.nesting == 0), default=0)  # leaf blocks only
    deepest = max((t.level for t in tokens), default=0)
    for token in tokens:
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
        elif token.type == "html_block" and token.map:
            lo, hi = starts[min(token.map[0], len(starts) - 1)], starts[min(token.map[1], len(starts) - 1)]
            found, dropped = _html_block(body[lo:hi], start + lo)
            blocks.extend(found)
            skipped.extend(dropped)
        elif token.type in _SKIPPED and token.map:
            lo, hi = starts[min(token.map[0], len(starts) - 1)], starts[min(token.map[1], len(starts) - 1)]
            if body[lo:hi].strip():
                skipped.append((start + lo, start + hi, _SKIPPED[token.type]))
    rest = starts[min(read_to, len(starts) - 1)]
    if deepest >= _parser().options["maxNesting"] - 1 and body[rest:].strip():
        from reader.ingest.plain import plain_blocks

        line = body.count("\n", 0, rest) + text.count("\n", 0, start) + 1
        if warnings is not None:
            warnings.append(f"Markdown nested too deep at line {line}: the rest read as plain text")
        blocks.extend(plain_blocks(text, start + rest, end))
    return blocks, skipped


def _html_block(html: str, at: int) -> tuple[list[Block], list[tuple[int, int, str]]]:
    """A block of raw HTML in Markdown (a clipped page's "<div><h1>...</h1><p>...</p></div>") read
    as HTML: its headings and paragraphs are the article's too, its furniture left out with its
    reason; one with no text at all (an embed, a comment) is left out as embedded HTML."""
    if not html.strip():
        return [], []
    from reader.ingest.html_page import parse_html

    page = parse_html(html, library=False)
    blocks = [b for b in page.blocks if b.text.strip()]
    for block in blocks:
        block.file_offsets[:] = [offset + at for offset in block.file_offsets]
    dropped = [(a + at, b + at, reason) for a, b, reason in page.dropped]
    if not blocks:
        return [], [(at, at + len(html.rstrip()), "embedded HTML")]
    return blocks, dropped


def _inline_block(token: Token, body: str, lo: int, hi: int, base: int) -> Block:
    """Rendered words of one inline token, each piece mapped to where it stands in the source."""
    block = Block()
    cursor = lo
    # Per open link: whether it has shown words yet (None for an autolink "<https://...>", whose
    # target is its text); and the last visible character so far. Both are kept as pieces are added,
    # so no piece is joined into the block's text before the end (a paragraph of many links).
    opened: list[bool | None] = []
    last = ""
    for child in token.children or []:
        if child.type == "link_open":
            opened.append(None if child.markup == "autolink" else False)
            continue
        if child.type == "link_close" and not opened:
            continue
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
            if piece.strip():
                last = piece.rstrip()[-1]
                opened[:] = [None if shown is None else True for shown in opened]
        elif child.type == "link_close":
            if opened.pop():  # a link with words (a linked image alone says nothing)
                cursor = _add_link_target(block, body, cursor, hi, base)
                last = ")"
        elif child.type == "image":
            if last and last not in ".!?:;":  # inside a sentence, not opening it or between two
                cursor = _add_image_within_sentence(block, child.content, body, cursor, hi, base)
        elif child.type == "html_inline" and _LINE_BREAK_TAG.fullmatch(child.content.strip()):
            found = body.find(child.content, cursor, hi)
            cursor = found + len(child.content) if found >= 0 else cursor
            block.add("\n", base + max(cursor - 1, lo), exact=False)  # "books.<br>It is open": two lines
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


def _add_image_within_sentence(block: Block, alt: str, body: str, cursor: int, hi: int, base: int) -> int:
    """An image in the middle of a sentence ("A chart ![costs](c.png) shows ...") is quoted as its
    alt text and target, so the sentence's words stay in file order (one opening a paragraph or
    between sentences, a photo and its caption, is no text: the caller never asks). Returns the
    new cursor."""
    start = body.find("![", cursor, hi)
    if not alt.strip() or start < 0:
        return cursor
    block.add(" ", base + start, exact=False)
    verbatim = body.startswith(alt, start + 2)
    block.add(alt, base + start + 2, exact=verbatim)
    return _add_link_target(block, body, start + 2 + (len(alt) if verbatim else 0), hi, base)


def _add_link_target(block: Block, body: str, cursor: int, hi: int, base: int) -> int:
    """After a link's text, its target as written: "(https://...)" or a reference label "[1]".

    A sentence is quoted word for word from its lines, so the words between a link's text and the
    rest of the sentence are part of it: left out, the quotation would not be found in the source
    (a reader checking it, or `check_citations.py`, sees "plan https example org plan, which").
    A collapsed "[text][]" or shortcut "[text]" reference adds nothing. Returns the new cursor."""
    close = body.find("]", cursor, hi)
    if close < 0:
        return cursor
    after = body[close + 1:close + 2]
    if after == "(":
        end = _closing_paren(body, close + 1, hi)
        if end > close + 2:
            block.add(" ", base + close, exact=False)
            block.add(body[close + 1:end + 1], base + close + 1)
            return end + 1
    elif after == "[":
        end = body.find("]", close + 2, hi)
        if end > close + 2:
            block.add(" ", base + close, exact=False)
            _add_without_marks(block, body[close + 1:end + 1], base + close + 1)
            return end + 1
    return close + 1


def _closing_paren(body: str, start: int, hi: int) -> int:
    """Where the parenthesis at `start` closes: link targets may hold balanced parentheses, escapes
    and a quoted title ("(https://x.org/a_(b) \"Title\")")."""
    depth = 0
    quote = ""
    at = start
    while at < hi:
        char = body[at]
        if char == "\\":
            at += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and depth == 1 and body[at - 1].isspace():
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at
        at += 1
    return -1
