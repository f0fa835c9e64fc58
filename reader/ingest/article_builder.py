"""Turn decoded text of any input shape into an Article whose sentences know their source lines."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from reader.ingest.blocks import Block
from reader.ingest.boilerplate import find_boilerplate
from reader.ingest.bylines import header_author, is_byline
from reader.ingest.dateline import header_date, line_date
from reader.ingest.copies import duplicate_segments, echoed_segments, find_repeats, split_glued
from reader.ingest.fm_lines import key_span
from reader.ingest.frontmatter import FrontMatterBlock, FrontMatterError, find_front_matter, parse_front_matter
from reader.ingest.metadata import EXCERPT_KEYS, KNOWN_KEYS, Metadata, date_problem, from_mapping, normalize_date
from reader.ingest.plain import date_prefix, header_fields, plain_blocks, terminated
from reader.ingest.readable import code_removed, passages_of
from reader.ingest.sentences import block_sentences, split_spans, normalize_space
from reader.ingest.title import infer_title, shorten
from reader.text_scripts import count_words
from reader.lines import LineIndex
from reader.model import Article, LineSpan, Removed, Segment, Sentence

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
LONG_LINE_CHARS = 100_000
# How much of one file is read as article text. A long feature is 50 KB and 500 lines, the largest
# saved news pages in our evaluation set 1.4 MB and 5,700 lines; past these limits a file is a dump,
# and reading all of it would cost minutes and gigabytes (16 MB of two-word lines: 110 s, 1.5 GB).
# The rest is kept in the file view as removed lines, with the reason, and a warning says so.
MAX_ARTICLE_CHARS = 4_000_000
MAX_ARTICLE_LINES = 20_000
_SURROGATE = re.compile("[\ud800-\udfff]")
PREVIEW_SOURCE_CHARS = 4000  # a removed span's preview is 200 characters: read no more than this of it
SEAM_REASON = "seam between glued copies"
_TAG = re.compile(r"<[^<>]*>")  # not [^>]*: on a run of stray "<" that would scan to the end from each one


def build_article(text: str, path: str, encoding: str = "utf-8", warnings: Sequence[str] = (),
                  suffix: str = "") -> Article:
    """Parse decoded text into an Article; problems become warnings, never exceptions."""
    # A lone surrogate (text that never was valid Unicode) can be neither encoded nor shown: one
    # replacement character each, so every offset stays where it was.
    text = replace_surrogates(text)
    article = Article(path=path, encoding=encoding, warnings=list(warnings), text=text)
    index = article.line_index
    long_line = _long_line(index, text)
    limit = _article_limit(index)
    shape = _read_shape(text[:limit] if limit < len(text) else text, index, article, suffix.lower())
    meta, left_out = shape.meta, shape.left_out
    if limit < len(text):  # one warning per file: the cut, and the long line if that is why
        reason = f"past the first {MAX_ARTICLE_LINES:,} lines or {MAX_ARTICLE_CHARS // 1_000_000} MB read as an article"
        left_out.append((limit, len(text), reason))
        cut = f"only lines 1-{index.line_of(limit - 1):,} read as article text ({reason})"
        article.warnings.append(f"{long_line}; {cut}" if long_line else cut)
    elif long_line:
        article.warnings.append(long_line)
    return _finish(article, shape)


def build_from_blocks(text: str, path: str, meta: Metadata, blocks: list[Block], left_out: list[tuple[int, int, str]],
                      article_format: str, encoding: str = "utf-8", warnings: Sequence[str] = ()) -> Article:
    """An Article from blocks another reader found in `text` (a feed item, an email body): the same
    boilerplate, sentence and metadata steps as every file, offsets and lines in `text`."""
    article = Article(path=path, encoding=encoding, warnings=list(warnings), text=text, format=article_format)
    return _finish(article, _Shape(meta, blocks, list(left_out)))


def _finish(article: Article, shape: _Shape) -> Article:
    """Boilerplate out, sentences in, removed spans and metadata filled: the shape-independent half."""
    text, index, meta, left_out = article.text, article.line_index, shape.meta, shape.left_out
    blocks = []
    for block in split_glued(shape.blocks):
        if block.kind == "seam":
            left_out.append((block.file_start, block.file_end + 1, SEAM_REASON))
        else:
            blocks.append(block)
    kept = []
    for block, reason in zip(blocks, find_boilerplate([b.text for b in blocks], [b.kind for b in blocks])):
        if reason:
            left_out.append((block.file_start, block.file_end + 1, reason))
        else:
            kept.append(block)
    _add_sentences(article, kept, index, left_out)
    article.passages = passages_of(kept)
    if not article.sentences and meta.excerpt:
        span = shape.excerpt_span or _line_holding(text, index, meta.excerpt) or article.metadata_span or LineSpan(1, 1)
        _add_excerpt(article, index, meta.excerpt, span)
    preview = _strip_tags if article.format == "html" else normalize_space
    article.removed = sorted(
        (Removed(LineSpan(index.line_of(a), index.line_of(max(b - 1, a))), reason,
                 preview(text[a:min(b, a + PREVIEW_SOURCE_CHARS)])[:200])
         for a, b, reason in left_out),
        key=lambda r: (r.span.start, r.span.end),
    )
    _fill_metadata(article, meta)
    if not article.sentences:
        article.warnings.append("no article text found")
    return article


def replace_surrogates(text: str) -> str:
    """A lone surrogate (text that never was valid Unicode) can be neither encoded nor shown: one
    replacement character each, so every offset stays where it was."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@dataclass(slots=True)
class _Shape:
    """What the shape-specific reader found: metadata, text blocks, spans it left out."""

    meta: Metadata
    blocks: list[Block]
    left_out: list[tuple[int, int, str]] = field(default_factory=list)
    excerpt_span: LineSpan | None = None


def _read_shape(text: str, index: LineIndex, article: Article, suffix: str) -> _Shape:
    """Dispatch on the input shape: HTML page, front matter + Markdown, Markdown, or plain text."""
    from reader.ingest.html_sniff import is_whole_page, looks_like_html

    if suffix in HTML_SUFFIXES or (looks_like_html(text) if suffix not in MARKDOWN_SUFFIXES else is_whole_page(text)):
        from reader.ingest.html_page import parse_html

        article.format = "html"
        page = parse_html(text)
        article.warnings.extend(page.warnings)
        article.markup = code_removed(page.code, index)
        return _Shape(from_mapping(page.meta), page.blocks, list(page.dropped))
    meta, body_start, excerpt_span = Metadata(), 0, None
    markdown = suffix in MARKDOWN_SUFFIXES
    try:
        located = find_front_matter(text)
    except FrontMatterError as exc:
        if len(text) < len(article.text):  # it may close past the part read: say that, not "never"
            exc = FrontMatterError(f"{exc} in the first {MAX_ARTICLE_LINES:,} lines or "
                                   f"{MAX_ARTICLE_CHARS // 1_000_000} MB read")
        article.warnings.append(f"{exc}; read as plain text")
        located = None
    if located is not None and _prose_between_rules(text, located):
        located = None  # "---\nUpdate: This story was updated at 5 p.m. ...\n---": an editor's note, not metadata
    if located is not None:
        markdown = True
        body_start = located.end
        article.metadata_span = LineSpan(index.line_of(located.start), index.line_of(max(located.end - 1, 0)))
        try:
            data = parse_front_matter(text, located, article.warnings)
            meta = from_mapping(data)
            if problem := date_problem(data):
                article.warnings.append(problem)
            excerpt_span = key_span(text, index, located.content_start, located.content_end, EXCERPT_KEYS)
        except FrontMatterError as exc:
            article.warnings.append(f"{exc}; metadata ignored")
    elif header := header_fields(text):
        fields, header_start, body_start = header
        meta = from_mapping(fields)
        article.metadata_span = LineSpan(index.line_of(header_start), index.line_of(max(body_start - 1, header_start)))
        if problem := date_problem(fields):
            article.warnings.append(problem)
    elif prefix := date_prefix(text):
        meta.date = normalize_date(prefix[0]) if prefix[0] else None
        body_start = prefix[1]
        if meta.date is None:
            article.warnings.append(f"date prefix {text[:body_start].strip()!r} is not a date; ignored")
    if meta.date is None:  # no date in metadata: the one a saved page shows under its headline
        meta.date = header_date(text, body_start)
    if meta.author is None:  # likewise its "By ..." line
        meta.author = header_author(text, body_start)
    if markdown:
        from reader.ingest.markdown_body import markdown_blocks

        article.format = "markdown"
        blocks, skipped = markdown_blocks(text, body_start, len(text), article.warnings)
        return _Shape(meta, blocks, skipped, excerpt_span)
    return _Shape(meta, plain_blocks(text, body_start))


def _prose_between_rules(text: str, located: FrontMatterBlock) -> bool:
    """Whether what stands between two `---` lines at the top is a line or two of prose that YAML
    happens to read as a mapping ("Update: This story was updated ...", "Editor's note: ..."): no key
    reader knows, and every value a sentence. Front matter of keys reader ignores (`layout: post`)
    stays metadata."""
    content = text[located.content_start:located.content_end]
    lines = [line for line in content.splitlines() if line.strip()]
    if located.kind != "yaml" or not lines or len(lines) > PROSE_MAX_LINES:
        return False  # (real front matter is parsed once, by the caller)
    try:
        data = parse_front_matter(text, located)
    except FrontMatterError:
        return False
    if not data or any(isinstance(k, str) and k.lower() in KNOWN_KEYS for k in data):
        return False
    return all(isinstance(v, str) and len(v.split()) >= PROSE_MIN_WORDS and v.rstrip().endswith((".", "!", "?"))
               for v in data.values())


PROSE_MIN_WORDS = 4  # a value this long and ending like a sentence is prose, not a field
PROSE_MAX_LINES = 3  # an editor's note between rules is a line or two


def _furniture_line(text: str) -> bool:
    return (is_byline(text) or line_date(text) is not None
            or (count_words(text) <= 1 and not terminated(text)))


HEADLINE_MAX_WORDS = 30  # an unterminated line opening a text longer than a heading (14) may still be its headline


def _opening_headlines(blocks: list[Block]) -> set[int]:
    """The blocks (by number) that open a plain text or one of its glued-in copies as one unterminated
    line, more text after them: the headline, however long ("Utility says failed chlorine pump and
    broken backup left Dunmere water untreated for nine hours"). Prose ends its sentences."""
    out: set[int] = set()
    seen: set[int] = set()
    for number, block in enumerate(blocks):
        if block.segment in seen:
            continue
        seen.add(block.segment)
        content = block.text.strip()
        more = number + 1 < len(blocks) and blocks[number + 1].segment == block.segment
        if (block.kind == "paragraph" and more and "\n" not in content and "\r" not in content
                and not terminated(content) and count_words(content) <= HEADLINE_MAX_WORDS):
            out.add(number)
    return out


def _add_sentences(article: Article, blocks: list[Block], index: LineIndex, left_out: list[tuple[int, int, str]]) -> None:
    """Split kept blocks into sentences, dropping repeats (and noting them as removed)."""
    found = [(number, block, span) for number, block in enumerate(blocks) for span in block_sentences(block, index)]
    repeats = find_repeats([span.text for _, _, span in found], [block.segment for _, block, _ in found])
    segment_count = max((b.segment for b in blocks), default=0) + 1
    copies = duplicate_segments([block.segment for _, block, _ in found], repeats, segment_count)
    echoes = echoed_segments([block.segment for _, block, _ in found], repeats, segment_count)
    headlines = _opening_headlines(blocks) if article.format == "text" else set()
    for (number, block, span), repeat in zip(found, repeats):
        if repeat is not None:
            left_out.append((span.start, span.end, f"repeats line {found[repeat][2].line_start}"))
            continue
        if not any(ch.isalnum() for ch in span.text):  # "---", "..", "&#": punctuation is no sentence
            left_out.append((span.start, span.end, "no words"))
            continue
        # A byline ("By Jane Smith, Reuters"), a date line ("Updated 10:42 AM EDT, Thu August 17, 2023")
        # or a lone word (a kicker "BUSINESS", a table cell) in any shape is the page's furniture or a
        # label, never a sentence to quote.
        kind = "heading" if block.kind == "heading" or number in headlines or _furniture_line(span.text) else "text"
        article.sentences.append(Sentence(
            index=len(article.sentences), text=span.text, span=LineSpan(span.line_start, span.line_end),
            start=span.start, end=span.end, block=number, segment=block.segment, kind=kind,
        ))
    article.segments = _segments(blocks, index, copies, echoes)


def _segments(blocks: list[Block], index: LineIndex, copies: list[int | None],
              echoes: list[int | None]) -> list[Segment]:
    bounds: dict[int, list[int]] = {}
    for block in blocks:
        lo, hi = block.file_start, block.file_end
        seen = bounds.setdefault(block.segment, [lo, hi])
        seen[0], seen[1] = min(seen[0], lo), max(seen[1], hi)
    return [
        Segment(LineSpan(index.line_of(lo), index.line_of(hi)), copies[number] if number < len(copies) else None,
                echoes[number] if number < len(echoes) else None)
        for number, (lo, hi) in sorted(bounds.items())
    ]


def _line_holding(text: str, index: LineIndex, excerpt: str) -> LineSpan | None:
    """The lines of the file that hold the excerpt (an HTML meta description, escaped or not)."""
    import html

    head = " ".join(excerpt.split())[:60]
    for form in (head, html.escape(head, quote=True), html.escape(head, quote=False)):
        at = text.find(form) if form else -1
        if at >= 0:
            return LineSpan(index.line_of(at), index.line_of(at + len(form) - 1))
    return None


def _add_excerpt(article: Article, index: LineIndex, excerpt: str, span: LineSpan) -> None:
    """A front-matter-only file: its excerpt is the article text, cited at the excerpt's lines."""
    for start, end in split_spans(excerpt):
        article.sentences.append(Sentence(
            index=len(article.sentences), text=normalize_space(excerpt[start:end]), span=span,
            start=index.start_of(span.start), end=index.start_of(span.start), block=0, segment=0, kind="excerpt",
        ))
    article.segments = [Segment(span)]


def _fill_metadata(article: Article, meta: Metadata) -> None:
    article.title = shorten(meta.title, 300) if meta.title else infer_title(article.sentences)
    article.date = meta.date
    article.url = meta.url
    article.source = meta.source or _domain(meta.url)
    article.topics = meta.topics
    article.excerpt = meta.excerpt
    article.related = meta.related
    article.author = meta.author


def _strip_tags(raw: str) -> str:
    """A readable preview of left-out HTML: tags dropped, entities decoded, space collapsed."""
    import html

    return normalize_space(html.unescape(_TAG.sub(" ", raw)))


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "://" in url else f"http://{url}").hostname or ""
    return host.removeprefix("www.") or None


def _article_limit(index: LineIndex) -> int:
    """The offset where article text stops: the end of the text, or where a limit is reached.

    A cut falls at a line start, so no line is read in part (unless the first line alone is too long)."""
    limit = index.length
    if len(index.starts) > MAX_ARTICLE_LINES:
        limit = index.starts[MAX_ARTICLE_LINES]
    if limit > MAX_ARTICLE_CHARS:
        line = max(1, index.line_of(MAX_ARTICLE_CHARS))  # the line holding the limit: cut before it
        limit = index.starts[line - 1] if index.starts[line - 1] > 0 else MAX_ARTICLE_CHARS
    return limit


def _long_line(index: LineIndex, text: str) -> str | None:
    """A warning for the first line longer than any line of prose, if there is one (its length
    without the line break)."""
    starts = index.starts + [index.length]
    for line, (a, b) in enumerate(zip(starts, starts[1:]), start=1):
        if b - a > LONG_LINE_CHARS:
            ending = 2 if text.startswith("\r\n", b - 2) else 1 if text[b - 1:b] in ("\n", "\r") else 0
            return f"line {line} is {b - a - ending:,} characters long"
    return None
