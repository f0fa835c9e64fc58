"""`reader summarize` as text (rich in a terminal, plain when piped) and as pasteable Markdown."""
from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from reader.model import LineSpan
from reader.output.sanitize import inert, one_line
from reader.summarize.digest import ArticleDigest, DigestItem


def cite(path: str, start: int, end: int) -> str:
    """`file:line` or `file:start-end`, with the file's base name: short enough to scan."""
    name = os.path.basename(path)
    return f"{name}:{start}" if start == end else f"{name}:{start}-{end}"


def heading(article: ArticleDigest) -> Text:
    out = Text(one_line(article.title or "(untitled)"), style="bold")
    facts = " · ".join(one_line(x) for x in (article.source, article.date, article.path) if x)
    out.append(f"\n{facts}", style="dim")
    return out


def items_text(path: str, items: Sequence[DigestItem]) -> Text:
    """Numbered sentences, each with its dim citation."""
    out = Text()
    for number, item in enumerate(items, start=1):
        out.append(f"{number:>2}. ", style="bold")
        out.append(inert(item.text))
        out.append(f"\n    {inert(cite(path, item.line_start, item.line_end))}\n", style="dim")
    return out


def plain_digest(digest: ArticleDigest, first: bool = True) -> str:
    """What `print_digest` shows, as plain text: the same characters, none of rich's work."""
    facts = " · ".join(one_line(x) for x in (digest.source, digest.date, digest.path) if x)
    lines = ["" if first else "\n", one_line(digest.title or "(untitled)"), "\n", facts, "\n"]
    for number, item in enumerate(digest.items, start=1):
        lines.append(f"{number:>2}. {inert(item.text)}\n    {inert(cite(digest.path, item.line_start, item.line_end))}\n")
    if not digest.items:
        lines.append("    (no summary: no article text)")
    lines.append("\n")
    return "".join(lines)


def print_digest(digest: ArticleDigest, console: Console, first: bool = True) -> None:
    """One article's summary; articles after the first are set apart by a blank line.

    Piped, the same text is written directly: rendering styles nobody sees was a sixth of the run.
    """
    if not console.is_terminal:
        console.file.write(plain_digest(digest, first))
        return
    body = (items_text(digest.path, digest.items) if digest.items
            else Text("    (no summary: no article text)", style="dim"))
    if not first:
        console.print()
    console.print(heading(digest))
    console.print(body)


def footnote(notes: list[str], path: str, span: LineSpan, note: str = "") -> str:
    """Add a `[^n]: path line(s)` footnote (with an optional note after it) and return its mark."""
    lines = f"lines {span.start}–{span.end}" if span.start != span.end else f"line {span.start}"
    notes.append(f"[^{len(notes) + 1}]: `{md_code(path)}` {lines}" + (f" — {md_text(note)}" if note else ""))
    return f"[^{len(notes)}]"


def markdown_block(digest: ArticleDigest, notes: list[str]) -> str:
    """One article's sentences with footnote-style citations ([^1]); the footnotes go to `notes`."""
    lines = [f"## {md_text(one_line(digest.title or '(untitled)'))}"]
    facts = " · ".join(md_text(one_line(x)) for x in (digest.source, digest.date) if x)
    if facts:
        lines.append(f"*{facts}*")
    lines.append("")
    for item in digest.items:
        mark = footnote(notes, digest.path, LineSpan(item.line_start, item.line_end))
        lines.append(f"- {md_text(item.text)}{mark}")
    lines.append("")
    return "\n".join(lines) + "\n"


def markdown(digests: Sequence[ArticleDigest]) -> str:
    """Every article's block, then the footnotes: ready to paste into a document."""
    notes: list[str] = []
    blocks = "".join(markdown_block(d, notes) for d in digests)
    return blocks + "\n".join(notes) + "\n"


def md_text(text: str) -> str:
    """Escape characters Markdown would read as markup, so quoted text stays literal."""
    text = inert(" ".join(text.split()))
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def md_code(text: str) -> str:
    return inert(text).replace("`", "'")
