"""Plain text: an optional ` date YYYY-MM-DD ` prefix, then paragraphs separated by blank lines."""
from __future__ import annotations

import re

from reader.ingest.blocks import Block
from reader.ingest.bylines import is_byline
from reader.ingest.dateline import line_date
from reader.ingest.metadata import DATE_TEXT, normalize_date
from reader.text_scripts import WIDE_CLOSERS, WIDE_STOPS, count_words

# " date 2023-07-19 The U.S. ..." — the date is metadata; the text goes on on the same line. The
# date may be written as a front matter date is ("date: July 19, 2023", "Date 2023/07/19"), with a
# time; it is a prefix only when it is a real date.
DATE_PREFIX = re.compile(
    r"\A\ufeff?[ \t]*date:?[ \t]+(" + DATE_TEXT + r")"
    r"(?:(?:T|,?[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[ \t]*[+-]\d{2}:?\d{2})?)?(?:[ \t]+|(?=\r|\n|\Z))",
    re.IGNORECASE,
)
_WIDE_ENDS = tuple(WIDE_STOPS + WIDE_CLOSERS)
# A line end is CRLF, CR or LF; a lone CR never takes the CR of a CRLF, or one CRLF reads as two
# line ends, a blank line, and every line of a Windows file as a paragraph.
_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
_PARAGRAPH_BREAK = re.compile(_NEWLINE + r"[ \t]*" + _NEWLINE + r"(?:[ \t]*" + _NEWLINE + r")*")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_TERMINAL = tuple('.!?:;"”’\')') + _WIDE_ENDS
_SENTENCE_ENDS = tuple(".!?;:,…" + WIDE_STOPS)  # what ends a line as a sentence ends, before closing quotes
HEADING_MAX_WORDS = 14
WRAPPED_LINE_SHARE = 0.6  # a line shorter than this share of its paragraph's widest ends a thought


# "Title: ...", "Source: ...", "Date: ..." lines heading a saved text, the way clippers and mail-like
# exports write them: metadata, not the article's first paragraph. Only these fields, and only as a
# block of at least two lines at the very top ended by a blank line, so a first line "Update: ..." or
# a single "Source: city records" stays text.
_HEADER_FIELD = re.compile(
    r"[ \t]*(title|headline|source|publisher|publication|outlet|site|provider|date|published|author|byline|by|"
    r"url|link|excerpt|summary|description)[ \t]*:[ \t]*(\S[^\r\n]*)", re.IGNORECASE)
_HEADER_ALIASES = {"by": "author", "site": "site_name", "link": "url"}
MIN_HEADER_FIELDS = 2


def header_fields(text: str) -> tuple[dict[str, str], int, int] | None:
    """The `Key: value` block opening a plain text as a mapping (for `metadata.from_mapping`), with
    the offsets where it starts and where the body starts; None when the text has no such block."""
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    fields: dict[str, str] = {}
    at = start
    for line in _LINE.finditer(text, start):
        content = line.group().rstrip("\r\n")
        if not content.strip():
            break
        found = _HEADER_FIELD.fullmatch(content.rstrip())
        if found is None:
            return None  # a block that is not all fields is the article's first paragraph
        key = found.group(1).lower()
        fields.setdefault(_HEADER_ALIASES.get(key, key), found.group(2).strip())
        at = line.end()
        if len(fields) > 12:
            return None
    if len(fields) < MIN_HEADER_FIELDS or at >= len(text.rstrip()):
        return None
    return fields, start, at


_NUMERIC_DAY = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\Z")


def date_prefix(text: str) -> tuple[str | None, int] | None:
    """The prefixed date (YYYY-MM-DD) and the offset where article text starts, if the file has the
    prefix; a prefix of numbers that make no day (" date 2023-02-30 ") is still the prefix, its date None."""
    found = DATE_PREFIX.match(text)
    if not found:
        return None
    date = normalize_date(found.group(1))
    if date is None and not _NUMERIC_DAY.match(found.group(1)):
        return None
    return date, found.end()


def plain_blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Paragraph blocks of text[start:end]; hard-wrapped lines stay joined, other lines split."""
    end = len(text) if end is None else end
    blocks: list[Block] = []
    pos = start
    for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
        blocks.extend(_paragraph(text, pos, brk.start()))
        pos = brk.end()
    blocks.extend(_paragraph(text, pos, end))
    return blocks


def _paragraph(text: str, start: int, end: int) -> list[Block]:
    """One blank-line paragraph as blocks: split at lines that end a thought."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end) if m.end() > m.start()]
    lines = [(a, b) for a, b in lines if text[a:b].strip()]
    if not lines:
        return []
    widths = [len(text[a:b].rstrip()) for a, b in lines]
    widest = max(widths)
    wide = [w >= WRAPPED_LINE_SHARE * widest for w in widths[:-1]]
    # Hard-wrapped text fills its lines to about one width. One wide line among short ones (a form's
    # title between its fields, a menu) is not wrapped into the short line after it.
    wrapped = sum(wide) * 2 >= len(wide)
    # A byline or a date line is a line of its own: "Chemical plant fire" over "By Jane Smith", or
    # over "Thu 17 Sep 2026 19.05 BST", is no wrapped sentence.
    alone = [is_byline(line) or line_date(line) is not None for line in (text[a:b].strip() for a, b in lines)] + [False]
    blocks: list[Block] = []
    block_start = lines[0][0]
    for i, (a, b) in enumerate(lines):
        content = text[a:b].rstrip()
        last = i == len(lines) - 1
        ends_thought = (content.endswith(_TERMINAL) or widths[i] < WRAPPED_LINE_SHARE * widest or not wrapped
                        or alone[i] or alone[i + 1])
        if last or ends_thought:
            if not last and block_start < a and not content.endswith(_TERMINAL):
                # A short line with no end of its own, more lines after it: what went before did not
                # wrap into it ("Wildfire forces 3,000 to flee" over "Pine Ridge Gazette" over a date).
                previous = lines[i - 1][0] + len(text[lines[i - 1][0]:lines[i - 1][1]].rstrip())
                blocks.append(_block(text, block_start, previous))
                block_start = a
            blocks.append(_block(text, block_start, a + len(content)))
            if not last:
                block_start = lines[i + 1][0]
    return [b for b in blocks if b is not None]


TITLE_CASE_SHARE = 0.8  # of a line's longer words capitalised: a headline however long, never prose


def _title_case(line: str) -> bool:
    """Whether a line is set in Title Case ("Governor Declares State Of Emergency As Floodwaters Rise
    ..."): prose capitalises names, not most of its words."""
    longer = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(longer) >= 4 and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


def _block(text: str, start: int, end: int) -> Block:
    while start < end and text[start] in " \t":
        start += 1
    block = Block.from_source(text, start, end)
    content = block.text
    if "\n" not in content and "\r" not in content and not terminated(content):
        if count_words(content) <= HEADING_MAX_WORDS or _title_case(content):
            block.kind = "heading"
    elif is_byline(content):  # "By Jane Smith, Reuters." names people: never a sentence to quote
        block.kind = "heading"
    return block


def terminated(line: str) -> bool:
    """Whether a line ends like a sentence. A closing quote counts only after punctuation: a headline
    such as "Greek sprinters 'won't run again'" quotes someone without ending a sentence."""
    line = line.rstrip()
    bare = line.rstrip("\"”’')»" + WIDE_CLOSERS)
    if bare != line:
        return bare.endswith(_SENTENCE_ENDS) or not bare
    return line.endswith(_SENTENCE_ENDS)
