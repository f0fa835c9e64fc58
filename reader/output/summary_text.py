"""`reader summarize` as text (rich in a terminal, plain when piped) and as pasteable Markdown."""
from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from reader.model import Article, LineSpan
from reader.output.sanitize import inert, one_line
from reader.summarize import SummaryItem


def cite(path: str, start: int, end: int) -> str:
    """`file:line` or `file:start-end`, with the file's base name: short enough to scan."""
    name = os.path.basename(path)
    return f"{name}:{start}" if start == end else f"{name}:{start}-{end}"


def heading(article: Article) -> Text:
    out = Text(one_line(article.title or "(untitled)"), style="bold")
    facts = " · ".join(one_line(x) for x in (article.source, article.date, article.path) if x)
    out.append(f"\n{facts}", style="dim")
    return out


def items_text(items: Sequence[SummaryItem]) -> Text:
    """Numbered sentences, each with its dim citation."""
    out = Text()
    for number, item in enumerate(items, start=1):
        out.append(f"{number:>2}. ", style="bold")
        out.append(inert(item.text))
        own = item.citations[0]
        out.append(f"\n    {inert(cite(own.path, own.span.start, own.span.end))}\n", style="dim")
    return out


def print_text(per_article: Sequence[tuple[Article, Sequence[SummaryItem]]], console: Console) -> None:
    for number, (article, items) in enumerate(per_article):
        if number:
            console.print()
        console.print(heading(article))
        console.print(items_text(items) if items else Text("    (no summary: no article text)", style="dim"))


def footnote(notes: list[str], path: str, span: LineSpan, note: str = "") -> str:
    """Add a `[^n]: path line(s)` footnote (with an optional note after it) and return its mark."""
    lines = f"lines {span.start}–{span.end}" if span.start != span.end else f"line {span.start}"
    notes.append(f"[^{len(notes) + 1}]: `{md_code(path)}` {lines}" + (f" — {md_text(note)}" if note else ""))
    return f"[^{len(notes)}]"


def markdown(per_article: Sequence[tuple[Article, Sequence[SummaryItem]]]) -> str:
    """Sentences with footnote-style citations ([^1]), ready to paste into a document."""
    lines: list[str] = []
    notes: list[str] = []
    for article, items in per_article:
        lines.append(f"## {md_text(one_line(article.title or '(untitled)'))}")
        facts = " · ".join(md_text(one_line(x)) for x in (article.source, article.date) if x)
        if facts:
            lines.append(f"*{facts}*")
        lines.append("")
        for item in items:
            marks = "".join(footnote(notes, c.path, c.span) for c in item.citations)
            lines.append(f"- {md_text(item.text)}{marks}")
        lines.append("")
    return "\n".join(lines + notes) + "\n"


def md_text(text: str) -> str:
    """Escape characters Markdown would read as markup, so quoted text stays literal."""
    text = inert(" ".join(text.split()))
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def md_code(text: str) -> str:
    return inert(text).replace("`", "'")
