"""`reader summarize` as text (rich in a terminal, plain when piped) and as pasteable Markdown."""
from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from reader.model import Article
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


def items_text(items: Sequence[SummaryItem], story: bool) -> Text:
    """Numbered sentences, each with dim citations and, in a story, how many sources carry it."""
    out = Text()
    for number, item in enumerate(items, start=1):
        out.append(f"{number:>2}. ", style="bold")
        out.append(inert(item.text))
        own, *others = item.citations
        out.append(f"\n    {inert(cite(own.path, own.span.start, own.span.end))}", style="dim")
        if story or others:
            count = item.source_count
            out.append(f"  · {count} source{'s' if count != 1 else ''}", style="cyan" if count > 1 else "dim")
            if others:
                out.append("  also: " + ", ".join(inert(cite(c.path, c.span.start, c.span.end)) for c in others),
                           style="dim")
        out.append("\n")
    return out


def print_text(per_article: Sequence[tuple[Article, Sequence[SummaryItem]]], story: Sequence[SummaryItem] | None,
               console: Console) -> None:
    for number, (article, items) in enumerate(per_article):
        if number:
            console.print()
        console.print(heading(article))
        console.print(items_text(items, story=False) if items else Text("    (no summary: no article text)", style="dim"))
    if story is not None:
        console.print(Text(f"Story summary · {len({c.path for i in story for c in i.citations})} files", style="bold"))
        console.print(items_text(story, story=True))


def markdown(per_article: Sequence[tuple[Article, Sequence[SummaryItem]]], story: Sequence[SummaryItem] | None) -> str:
    """Sentences with footnote-style citations ([^1]), ready to paste into a document."""
    lines: list[str] = []
    notes: list[str] = []

    def block(items: Sequence[SummaryItem]) -> None:
        for item in items:
            marks = []
            for citation in item.citations:
                notes.append(f"[^{len(notes) + 1}]: `{_md_code(citation.path)}` lines "
                             f"{citation.span.start}–{citation.span.end}" if citation.span.start != citation.span.end
                             else f"[^{len(notes) + 1}]: `{_md_code(citation.path)}` line {citation.span.start}")
                marks.append(f"[^{len(notes)}]")
            lines.append(f"- {_md_text(item.text)}{''.join(marks)}")
        lines.append("")

    for article, items in per_article:
        lines.append(f"## {_md_text(one_line(article.title or '(untitled)'))}")
        facts = " · ".join(_md_text(one_line(x)) for x in (article.source, article.date) if x)
        if facts:
            lines.append(f"*{facts}*")
        lines.append("")
        block(items)
    if story is not None:
        lines.append("## Story summary")
        lines.append("")
        block(story)
    return "\n".join(lines + notes) + "\n"


def _md_text(text: str) -> str:
    """Escape characters Markdown would read as markup, so quoted text stays literal."""
    text = inert(" ".join(text.split()))
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def _md_code(text: str) -> str:
    return inert(text).replace("`", "'")
