"""Saved HTML pages as article text: the main text only, every character mapped back to the page source.

Built on the standard library's HTMLParser because it reports where each piece of text starts
(tree builders like lxml lose that). Entities are decoded here rather than by the parser, so raw
text pieces stay exact slices of the file and citations can point at the HTML lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from reader.ingest.blocks import Block
from reader.ingest.html_code import CodeSpans
from reader.ingest.html_furniture import Rec, Region, choose, classify
from reader.ingest.html_library import main_text_guide
from reader.ingest.html_marks import PageMarks
from reader.ingest.html_meta import MAX_JSON_LD, MetaCollector
from reader.ingest.json_ld_body import article_body_blocks
from reader.ingest.page_fields import headline_side
from reader.ingest.html_sniff import looks_like_html  # noqa: F401  (where callers found it)
from reader.ingest.plain import HEADING_MAX_WORDS, terminated
from reader.text_scripts import count_words


@dataclass
class HtmlPage:
    """What a page holds: metadata, main-text blocks, and the furniture (with reasons) left out."""

    meta: dict[str, object] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    dropped: list[tuple[int, int, str]] = field(default_factory=list)
    code: list[tuple[int, int, str]] = field(default_factory=list)  # head, scripts, styles: markup, not text
    warnings: list[str] = field(default_factory=list)  # the main-text library could not help, and why


def parse_html(text: str, library: bool = True) -> HtmlPage:
    """Metadata, main text and dropped furniture of a decoded HTML page; never raises on bad markup.

    With `library`, trafilatura picks the main text among reader's blocks (html_library); reader's
    own furniture rules decide when it cannot.
    """
    parser = _Parser(text)
    parser.run()
    if not any(rec.block.text.strip() for rec in parser.recs) and _FALLBACKS.search(text):
        # A page whose only text is its no-script or no-frames fallback (an app shell, a frameset):
        # the fallback is what a reader without scripts or frames sees, so it is the article.
        parser = _Parser(text, _HIDDEN - _FALLBACK_TAGS)
        parser.run()
    texts = [rec.block.text for rec in parser.recs]
    headings = [(i, texts[i]) for i, rec in enumerate(parser.recs) if rec.level == 1][:10]
    if not headings:
        headings = _styled_headline(parser, texts)
    marked = headings[0][1] if headings and parser.recs[headings[0][0]].level != 1 else ""
    meta = parser.meta.result(parser.marks.resolve([rec.block for rec in parser.recs], text), headings, texts,
                              marked)
    for i, heading in headings:  # a headline set in <b> or <font> is a heading, as an <h1> is
        if parser.recs[i].level != 1 and " ".join(heading.split()) == meta.get("title"):
            parser.recs[i].block.kind = "heading"
    guide, warnings = main_text_guide(text, texts) if library else (None, [])
    blocks, dropped = choose(parser.recs, parser.regions, parser.articles, parser.mains, str(meta.get("title") or ""),
                             guide)
    code = parser.code.spans
    dropped = [*dropped, *((b.file_start, b.file_end + 1, "code block") for b in blocks if b.kind == "code")]
    blocks = [b for b in blocks if b.kind != "code"]
    if not any(block.text.strip() for block in blocks):  # an app shell: the story is in its JSON-LD
        body, span = article_body_blocks(text)
        if span is not None:
            blocks = body
            code = [c for c in code if c[1] <= span[0] or c[0] >= span[1]]
            warnings = [*warnings, "the page shows no text; its text is the JSON-LD articleBody"]
    return HtmlPage(meta, blocks, dropped, code, warnings)


def _styled_headline(parser: _Parser, texts: list[str]) -> list[tuple[int, str]]:
    """A page with no <h1> (or only its logo's, in the page's furniture) shows its headline as a line
    of its own: in an old table layout ("<font size=5><b>Headline</b></font><br>") an early block
    that is, word for word, the headline part of the page's <title> or og:title (`headline_side`),
    never the site name beside it; else the first block of an element it marks as the headline."""
    wanted = {headline_side(t).casefold() for t in (parser.meta.page_title, parser.meta.first("og:title")) if t}
    wanted.discard("")
    for i, block_text in enumerate(texts[:_HEADLINE_BLOCKS]):
        line = " ".join(block_text.split())
        # ...but not the site's name in its masthead, when the <title> is that name alone
        masthead = parser.headline_at >= 0 and parser.recs[i].region >= 0
        if len(line.split()) >= 2 and line.casefold() in wanted and not masthead:
            return [(i, line)]
    if parser.headline_at >= 0:  # <div class="headline">, itemprop="headline": the page says which it is
        for i, rec in enumerate(parser.recs[:_HEADLINE_BLOCKS]):
            line = " ".join(rec.block.text.split())
            if rec.block.file_start >= parser.headline_at and line:
                return [(i, line)] if len(line.split()) >= 2 else []
    return []


# Class names that say "this is the story's headline" in the markup of many publishing systems.
_HEADLINE_CLASSES = frozenset("headline article-title article-headline entry-title story-title story-headline "
                              "post-title".split())


_SITE_NAME_CLASSES = frozenset("logo site-logo site-title site-name brand masthead navbar-brand".split())
_LOGO_LEVEL = 6  # a logo's <h1> ranks as the least of headings


def _names_the_site(attrs: dict[str, str | None]) -> bool:
    """Whether an element's class or id says it is the site's logo or name (`class="logo"`)."""
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
    return any(w in _SITE_NAME_CLASSES for w in words)


def _marks_headline(attrs: dict[str, str | None]) -> bool:
    if (attrs.get("itemprop") or "").strip().lower() == "headline":
        return True
    classes = attrs.get("class")
    return bool(classes) and any(c in _HEADLINE_CLASSES for c in classes.lower().split())


_HEADLINE_BLOCKS = 40  # how far down a page (menus first) its headline may stand
_VOID = frozenset("area base basefont bgsound br col embed frame hr img input keygen link meta param source track "
                  "wbr".split())
_INLINE = frozenset("a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q rb rp rt "
                    "rtc ruby s samp small span strike strong sub sup time tt u var".split())
# MathML is read as text, each token of a formula a word ("<mfrac><mi>C</mi><mn>2</mn></mfrac>" is
# "C 2"): left out, "The ratio is <math>...</math> which ..." would read "The ratio is which", a
# sentence the file does not hold word for word. Its TeX annotation is in the file too, so it is kept.
_MATH = frozenset("math semantics annotation annotation-xml maction menclose merror mfenced mfrac mglyph mi "
                  "mlabeledtr mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt "
                  "mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none".split())
_MATH_WORDS = frozenset("mi mn mo ms mtext annotation".split())  # elements whose text is one token
_INLINE = _INLINE | _MATH
# Never visible as article text: code, widgets, media fallbacks. (<title> is read for metadata.)
_HIDDEN = frozenset("script style noscript svg template iframe button select textarea object canvas video audio "
                    "datalist noembed noframes frameset title".split())
_FALLBACK_TAGS = frozenset({"noscript", "noframes", "frameset"})
_FALLBACKS = re.compile(r"<(?:noscript|noframes)[\s>]", re.IGNORECASE)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_LINE_CHARS = 300  # a line of text longer than this never stands alone as a heading or byline
_KINDS = {"p": "paragraph", "li": "item", "blockquote": "quote", "td": "paragraph", "th": "paragraph",
          "dt": "paragraph", "dd": "paragraph", "figcaption": "caption", "caption": "caption", "pre": "paragraph"}
_CLOSES_P = frozenset("address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption "
                      "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary "
                      "table ul".split())
_P_SCOPE = frozenset("button table td th caption html body template object marquee applet".split())
_IMPLIED = {  # start tag -> (open elements it closes, elements that stop the search)
    "li": (frozenset({"li"}), frozenset("ul ol menu table td th".split())),
    "dt": (frozenset({"dt", "dd"}), frozenset("dl table td th".split())),
    "dd": (frozenset({"dt", "dd"}), frozenset("dl table td th".split())),
    "td": (frozenset({"td", "th"}), frozenset("tr table".split())),
    "th": (frozenset({"td", "th"}), frozenset("tr table".split())),
    "tr": (frozenset({"tr"}), frozenset("table tbody thead tfoot".split())),
    "tbody": (frozenset("tbody thead tfoot".split()), frozenset({"table"})),
    "thead": (frozenset("tbody thead tfoot".split()), frozenset({"table"})),
    "tfoot": (frozenset("tbody thead tfoot".split()), frozenset({"table"})),
}
_SCAN = 64  # how far down the open elements an implied close looks (keeps deep nesting linear)
_MAX_REGION_DEPTH = 16
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BAD_CHARREF = re.compile(r"&#(?![0-9]+[^0-9a-fA-F]|[xX][0-9a-fA-F]+[^0-9a-fA-F])")
SKIP, LINK, BOX, CONTENT, TITLE, JSON_LD = 1, 2, 4, 8, 16, 32


class _Parser(HTMLParser):
    """One pass over the page, turning text into blocks with positions and recording their context."""

    def __init__(self, text: str, hidden: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.hidden = hidden or _HIDDEN
        self.headline_at = -1  # where the first element marked as the headline starts (class, itemprop)
        # "&#" that is not a character reference makes HTMLParser stop early; hide it from the parser
        # with a same-length stand-in. Offsets are unchanged and text is always sliced from `text`.
        self.fed = _BAD_CHARREF.sub("?#", text) if "&#" in text else text
        self.line, self.line_start = 1, 0
        self.meta = MetaCollector()
        self.marks = PageMarks()  # bylines and <time>: who wrote it and when, as the page shows it
        self.code = CodeSpans()
        self.stack: list[tuple[str, int, tuple | None]] = []
        self.open: dict[str, int] = {}
        self.skip = self.links = self.content = 0
        self.region = self.article = self.main = -1
        self.kind, self.level, self.in_block = "paragraph", 0, False
        self.cur: Block | None = None
        self.cur_links = self.cur_end = self.brs = 0
        self.line_text: list[str] = []  # the open block's text since its last <br>, up to _LINE_CHARS
        self.line_chars = 0
        self.broken_line = ""  # the line a single <br> just ended
        self.pending: list[tuple[str, int, bool]] = []
        self.recs: list[Rec] = []
        self.regions: list[Region] = []
        self.articles: list[int] = []  # per <article>: the furniture region around it
        self.mains: list[int] = []
        self.capture: list[str] | None = None
        self.captured = 0

    def run(self) -> None:
        """Feed the whole page once (no close(): a construct left open at the end is dropped, as browsers do)."""
        try:
            self.feed(self.fed)
        except AssertionError:  # HTMLParser's own complaints about odd declarations: keep what was read
            self.rawdata = ""
        rest = self.rawdata
        if rest and not self.cdata_elem and "<" not in rest:  # e.g. a final "Q&A" without a newline
            offset = self._pos()
            self._text(self.text[offset:offset + len(rest)], offset, True)
        self._flush()

    def parse_html_declaration(self, i: int) -> int:
        # "<![...": a bogus comment in HTML; the base class raises on unknown marked sections.
        if self.rawdata.startswith("<![", i):
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1
        return super().parse_html_declaration(i)

    def _pos(self) -> int:
        """Absolute offset of the current event from getpos(): lines counted by "\\n" only, like the parser.

        Line starts are found on the way instead of listed up front, so a file of millions of
        newlines costs no memory per line.
        """
        line, col = self.getpos()
        if line != self.line:  # events only move forward, so walk on from the last line seen
            fed, start, ahead = self.fed, self.line_start, line - self.line
            while ahead > 64:  # a long run of lines: count newlines a stretch at a time, in C
                seen = fed.count("\n", start, start + ahead)
                start, ahead = start + ahead, ahead - seen
            for _ in range(ahead):
                start = fed.index("\n", start) + 1
            self.line, self.line_start = line, start
        return self.line_start + col

    # -- tags -------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.code.head_opened(self._pos())
        elif tag == "body":
            self.code.head_closed(self._pos())
        if tag in _VOID:
            self._void(tag, attrs)
            return
        if self.skip:
            self._push(tag, SKIP)
            return
        if tag == "code" and self.open.get("pre"):  # <pre><code>: a program, not prose (a bare <pre> may be a letter)
            self.kind = "code"
            if self.cur is not None:
                self.cur.kind = "code"
        self._implied_close(tag)
        a = dict(attrs)
        self.marks.element(tag, a, self._pos)
        if self.headline_at < 0 and _marks_headline(a):
            self.headline_at = self._pos()
        hidden = "hidden" in a or a.get("aria-hidden") == "true" or bool(_HIDDEN_STYLE.search(a.get("style") or ""))
        if tag in self.hidden or (hidden and tag in _INLINE):
            flags = SKIP
            if self.capture is None and tag == "title" and not self.meta.page_title:
                flags |= TITLE
            elif self.capture is None and tag == "script" and "ld+json" in (a.get("type") or "").lower():
                flags |= JSON_LD
            if flags != SKIP:
                self.capture, self.captured = [], 0
            if tag in self.hidden and not self.skip:
                self.code.hidden_opened(tag, self._pos())
            self._push(tag, flags)
            return
        # A hidden box is weak furniture, not skipped outright: a saved page may hide the whole
        # story behind an open dialog, and then it must win back as "most of the text".
        reason, strong = ("hidden", False) if hidden else classify(tag, a, self.content > 0)
        if tag in _MATH_WORDS and self.cur is not None:
            self._text(" ", self._pos(), False)  # tokens of a formula are words apart: "C 2", not "C2"
        if tag in _INLINE:  # furniture inside a line of text (a share link) is simply left out
            flags = SKIP if reason else LINK if tag == "a" and a.get("href") is not None else 0
            self._push(tag, flags)
            return
        self._flush()
        saved = (self.region, self.article, self.main, self.kind, self.level, self.in_block)
        flags = BOX
        if reason:
            depth = self.regions[self.region].depth + 1 if self.region >= 0 else 0
            if depth < _MAX_REGION_DEPTH:
                self.regions.append(Region(reason, self.region, strong, depth))
                self.region = len(self.regions) - 1
        if tag == "article":
            flags |= CONTENT
            if self.article < 0:
                self.articles.append(self.region)
                self.article = len(self.articles) - 1
        if tag == "main" or (a.get("role") or "").strip().lower() == "main":
            flags |= CONTENT
            if self.main < 0:
                self.mains.append(self.region)
                self.main = len(self.mains) - 1
        if flags & CONTENT:
            self.content += 1
        if tag in _HEADINGS:
            # <h1 class="logo">Metro Daily</h1>: the site's name set as a heading, not the story's headline
            level = _LOGO_LEVEL if tag == "h1" and _names_the_site(a) else int(tag[1])
            self.kind, self.level, self.in_block = "heading", level, True
        elif tag in _KINDS:
            kind = _KINDS[tag]
            # A paragraph inside a quote or list item is still quote / item text.
            self.kind = self.kind if kind == "paragraph" and self.kind in ("quote", "item") else kind
            self.level, self.in_block = 0, True
        else:
            self.in_block = False
        self._push(tag, flags, saved)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.code.head_closed(self._pos())
        if tag in _VOID:
            if tag == "br" and not self.skip:  # browsers read </br> as <br>
                self._br()
            return
        if tag in ("body", "html"):  # content after </body> is still body content
            return
        if not self.open.get(tag):
            if tag in _HEADINGS and any(self.open.get(h) for h in _HEADINGS):  # <h2>...</h3>
                while self._pop()[0] not in _HEADINGS:
                    pass
            return
        if tag in _INLINE:  # only closes if nothing but inline elements sit above it
            stack = self.stack
            for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _SCAN), -1):
                if stack[k][0] == tag:
                    while len(stack) > k:
                        self._pop()
                    return
                if stack[k][0] not in _INLINE:
                    return
            return
        while self._pop()[0] != tag:
            pass

    def _void(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            return
        if tag == "meta":
            self.meta.meta_tag(dict(attrs))
        elif tag == "link":
            self.meta.link_tag(dict(attrs))
        elif tag == "br":
            self._br()
        elif tag == "hr":
            self._implied_close(tag)
            self._flush()

    def _br(self) -> None:
        """A line break is whitespace; two in a row separate paragraphs (old-style pages lay out a
        story in a <div> or a table cell with <br><br>), except in <pre>, where lines are as typed."""
        if self.cur is None:
            return
        if self.brs and not self.open.get("pre"):
            self._flush()
            return
        self.brs += 1
        self.broken_line = "".join(self.line_text) if self.line_chars <= _LINE_CHARS else ""
        self.line_text.clear()
        self.line_chars = 0
        self.pending.append(("\n", self._pos(), False))

    def _heading_line_ended(self, piece: str) -> bool:
        """Whether one <br> just ended a line that stands alone: short, not ending as a sentence ends,
        and the next line starts a new thought (a capital). "<b>Mill closure puts 400 jobs at
        risk</b><br><i>By Tom Reddy</i><br>The mill ..." is a headline, a byline and a lede; a
        hard-wrapped sentence ("after a long debate about<br>the cost ...") goes on in lower case."""
        line = self.broken_line.strip()
        first = piece.lstrip()[:1]
        return (self.brs == 1 and bool(line) and count_words(line) <= HEADING_MAX_WORDS and not terminated(line)
                and (first.isupper() or first in "\"“‘«"))

    def _implied_close(self, tag: str) -> None:
        """The end tags HTML lets authors leave out: <p> before a block, <li> before <li>, cells, headings."""
        if tag in _CLOSES_P and self.open.get("p"):
            self._close(frozenset({"p"}), _P_SCOPE)
        if tag in _IMPLIED:
            targets, stops = _IMPLIED[tag]
            if any(self.open.get(t) for t in targets):
                self._close(targets, stops)
        elif tag in _HEADINGS and self.stack and self.stack[-1][0] in _HEADINGS:
            self._pop()
        elif tag == "a" and self.open.get("a"):
            self._close(frozenset({"a"}), frozenset(), inline_only=True)

    def _close(self, targets: frozenset[str], stops: frozenset[str], inline_only: bool = False) -> None:
        stack = self.stack
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _SCAN), -1):
            name = stack[k][0]
            if name in targets:
                while len(stack) > k:
                    self._pop()
                return
            if name in stops or (inline_only and name not in _INLINE):
                return

    def _push(self, tag: str, flags: int, saved: tuple | None = None) -> None:
        self.stack.append((tag, flags, saved))
        self.open[tag] = self.open.get(tag, 0) + 1
        if flags & SKIP:
            self.skip += 1
        elif flags & LINK:
            self.links += 1

    def _pop(self) -> tuple[str, int, tuple | None]:
        entry = self.stack.pop()
        tag, flags, saved = entry
        self.open[tag] -= 1
        if flags & SKIP:
            self.skip -= 1
            if not self.skip:
                self.code.hidden_closed(self._pos())
            if flags & (TITLE | JSON_LD) and self.capture is not None:
                raw = "".join(self.capture) if self.captured <= MAX_JSON_LD else ""
                if flags & TITLE:
                    self.meta.title(raw)
                elif raw:
                    self.meta.json_ld(raw)
                self.capture = None
        elif flags & LINK:
            self.links -= 1
        elif saved is not None:
            self._flush()
            if flags & CONTENT:
                self.content -= 1
            self.region, self.article, self.main, self.kind, self.level, self.in_block = saved
        return entry

    # -- text -------------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        offset = self._pos()
        if self.skip:
            if self.capture is not None:
                self._captured(data)
            return
        exact = self.fed.startswith(data, offset)  # always true; cheap insurance for citations
        self._text(self.text[offset:offset + len(data)] if exact else data, offset, exact)

    def handle_entityref(self, name: str) -> None:
        offset = self._pos()
        self._entity(offset, offset + 1 + len(name))

    def handle_charref(self, name: str) -> None:
        offset = self._pos()
        self._entity(offset, offset + 2 + len(name))

    def _entity(self, offset: int, end: int) -> None:
        """A reference decoded here: `&amp;` becomes "&" mapped to the ampersand's offset."""
        if self.text.startswith(";", end):
            end += 1
        raw = self.text[offset:end]
        decoded = unescape(raw)
        if self.skip:
            if self.capture is not None:
                self._captured(decoded)
        elif decoded == raw:
            self._text(raw, offset, True)
        else:
            self._text(decoded, offset, False, end)

    def _captured(self, data: str) -> None:
        self.captured += len(data)
        if self.captured <= MAX_JSON_LD and self.capture is not None:
            self.capture.append(data)

    def _text(self, piece: str, offset: int, exact: bool, end: int = -1) -> None:
        """Append a piece to the open block; whitespace at a block's edges is held back, never added."""
        if piece.isspace():
            if self.cur is not None:
                self.pending.append((piece, offset, exact))
            return
        if self.cur is not None and self.broken_line and self._heading_line_ended(piece):
            self._flush()
        block = self.cur
        if block is None:
            block = self.cur = Block(kind=self.kind)
            self.cur_links = 0
            if exact:
                lead = len(piece) - len(piece.lstrip())
                piece, offset = piece[lead:], offset + lead
        elif self.pending:
            for pending in self.pending:
                block.add(*pending)
            self.pending.clear()
        if exact:
            core = piece.rstrip()
            if len(core) < len(piece):
                self.pending.append((piece[len(core):], offset + len(core), True))
                piece = core
            end = offset + len(piece)
        block.add(piece, offset, exact)
        if self.links:
            self.cur_links += len(piece)
        self.cur_end, self.brs = end, 0
        if self.line_chars <= _LINE_CHARS:
            self.line_text.append(piece)
            self.line_chars += len(piece)
        self.broken_line = ""

    def _flush(self) -> None:
        """Close the open block (called whenever the context changes, so each block has one context)."""
        block = self.cur
        if block is None:
            return
        self.cur = None
        self.pending.clear()
        self.brs = 0
        self.line_text.clear()
        self.line_chars = 0
        self.broken_line = ""
        level = self.level if block.kind == "heading" else 0
        self.recs.append(Rec(block, level, self.region, self.article, self.main, self.cur_links, self.cur_end))
