"""`reader summarize` as text (rich in a terminal, plain when piped) and as pasteable Markdown."""
from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from reader.ingest.title import shorten
from reader.model import LineSpan
from reader.output.places import below, cite
from reader.output.sanitize import inert, one_line, path_text
from reader.summarize.digest import ArticleDigest, DigestItem

__all__ = ["cite", "footnote", "heading", "markdown", "markdown_block", "md_text", "plain_digest", "print_digest"]


NO_FIT = "no sentence fits in"  # how the warning for a word limit below every sentence begins
NO_PROSE = "no sentence to quote"  # ...and the one for text that is all headings, fragments or runaway lines


def display_title(title: str | None) -> str:
    """A title cut for a terminal line (JSON keeps it whole)."""
    return one_line(shorten(title)) if title else "(untitled)"


def empty_reason(digest: ArticleDigest) -> str:
    """Why a summary has no sentence: the word limit or the kind of text (their warnings say so), or no text at all."""
    return next((one_line(w) for w in digest.warnings if w.startswith((NO_FIT, NO_PROSE))), "no article text")


def _facts(source: str | None, date: str | None, path: str | None) -> str:
    """"Reuters · 2026-05-05 · news/a.txt": the path as a name (a line break in it shown, not a space)."""
    return " · ".join([*(one_line(x) for x in (source, date) if x), *([path_text(path)] if path else [])])


def heading(article: ArticleDigest) -> Text:
    out = Text(display_title(article.title), style="bold")
    facts = _facts(article.source, article.date, article.path)
    out.append(f"\n{facts}", style="dim")
    return out


def items_text(path: str, items: Sequence[DigestItem], root: str | None = None) -> Text:
    """Numbered sentences, each with its dim citation (the file named below `root`)."""
    out = Text()
    for number, item in enumerate(items, start=1):
        out.append(f"{number:>2}. ", style="bold")
        out.append(inert(item.text))
        out.append(f"\n    {cite(path, item.line_start, item.line_end, root)}\n", style="dim")
    return out


def plain_digest(digest: ArticleDigest, first: bool = True, root: str | None = None) -> str:
    """What `print_digest` shows, as plain text: the same characters, none of rich's work."""
    facts = _facts(digest.source, digest.date, digest.path)
    lines = ["" if first else "\n", display_title(digest.title), "\n", facts, "\n"]
    for number, item in enumerate(digest.items, start=1):
        lines.append(f"{number:>2}. {inert(item.text)}\n    {cite(digest.file, item.line_start, item.line_end, root)}\n")
    if not digest.items:
        lines.append(f"    (no summary: {empty_reason(digest)})")
    lines.append("\n")
    return "".join(lines)


def print_digest(digest: ArticleDigest, console: Console, first: bool = True, root: str | None = None) -> None:
    """One article's summary; articles after the first are set apart by a blank line. Citations name
    files below `root`, the folder the run's files share, so same-named files stay apart.

    Piped, the same text is written directly: rendering styles nobody sees was a sixth of the run.
    """
    if not console.is_terminal:
        console.file.write(plain_digest(digest, first, root))
        return
    body = (items_text(digest.file, digest.items, root) if digest.items
            else Text(f"    (no summary: {empty_reason(digest)})", style="dim"))
    if not first:
        console.print()
    console.print(heading(digest))
    console.print(body)


def footnote(notes: list[str], path: str, span: LineSpan, note: str = "", root: str | None = None) -> str:
    """Add a `[^n]: path line(s)` footnote (path below `root`, an optional note after it); return its mark."""
    lines = f"lines {span.start}–{span.end}" if span.start != span.end else f"line {span.start}"
    shown = below(path, root) if root is not None else path
    notes.append(f"[^{len(notes) + 1}]: {md_code(shown)} {lines}" + (f" — {md_text(note)}" if note else ""))
    return f"[^{len(notes)}]"


def markdown_block(digest: ArticleDigest, notes: list[str], root: str | None = None) -> str:
    """One article's sentences with footnote-style citations ([^1]); the footnotes go to `notes`."""
    lines = [f"## {md_text(one_line(digest.title or '(untitled)'))}"]
    facts = " · ".join(md_text(one_line(x)) for x in (digest.source, digest.date) if x)
    if facts:
        lines.append(f"*{facts}*")
    lines.append("")
    for item in digest.items:
        mark = footnote(notes, digest.file, LineSpan(item.line_start, item.line_end), root=root)
        lines.append(f"- {md_text(item.text)}{mark}")
    lines.append("")
    return "\n".join(lines) + "\n"


def markdown(digests: Sequence[ArticleDigest], root: str | None = None) -> str:
    """Every article's block, then the footnotes: ready to paste into a document."""
    notes: list[str] = []
    blocks = "".join(markdown_block(d, notes, root) for d in digests)
    return blocks + "\n".join(notes) + "\n"


_MD_PUNCTUATION = frozenset("\\`*_[]<>#|&~")
_BLOCK_START = re.compile(r"^(?:[-+=]|\d{1,9}[.)])(?=\s|$)")  # would start a list, or underline a heading


def md_text(text: str) -> str:
    """Escape characters Markdown would read as markup, so quoted text stays literal: emphasis,
    links, HTML and entities ("&amp;" is shown as written), and a leading "- " or "1. " that would
    make a list inside the list item."""
    text = inert(" ".join(text.split()))
    text = "".join("\\" + ch if ch in _MD_PUNCTUATION else ch for ch in text)
    block = _BLOCK_START.match(text)
    if block:
        marker = block.group()
        text = (marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker) + text[len(marker):]
    return text


def md_code(text: str) -> str:
    """`text` as a Markdown code span, whole: a fence of more backticks than any run inside it
    (CommonMark), so a file name with backticks is shown as it is, not altered."""
    text = inert(" ".join(text.split("\n")))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
