"""`reader summarize --story` as text and as Markdown: each sentence, who else reports it, and what was left out."""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from reader.output.disagreement_text import contested_note, flag
from reader.output.sanitize import inert, one_line
from reader.output.story_facts import coverage_label, plural, left_out_name, report_note, story_facts
from reader.output.places import cite, common_root
from reader.output.summary_text import footnote, md_text
from reader.summarize import StorySummary, SummaryItem
from reader.summarize.topics import LeftOut


def story_root(story: StorySummary) -> str | None:
    """The folder the story's files share: citations name files below it (`business/001.txt:3`)."""
    return common_root([a.path for a in story.articles] + [x.path for x in story.left_out])


def _also(item: SummaryItem, root: str | None) -> str:
    """`b.txt:5, c.md:12 (copy of The Wire)`: every other place stating the sentence's fact."""
    places = []
    for report in item.reports:
        span = report.unit.sentence.span
        note = report_note(report)
        places.append(cite(report.unit.article.file, span.start, span.end, root) + (f" ({note})" if note else ""))
    return ", ".join(places)


def append_item(out: Text, number: int, item: SummaryItem, root: str | None) -> None:
    """One numbered sentence: its text, its own place and outlets, every other place, any contested number.
    Shared by the story summary and the timeline's days, so both cite the same way."""
    out.append(f"{number:>2}. ", style="bold")
    out.append(inert(item.text))
    span = item.unit.sentence.span
    out.append(f"\n    {cite(item.unit.article.file, span.start, span.end, root)}", style="dim")
    if item.copy_of:
        out.append(f" (copy of {one_line(item.copy_of)})", style="dim")
    out.append(f"  · {coverage_label(item)}", style="dim" if item.only_in is not None else "cyan")
    if item.reports:
        out.append(f"  also: {_also(item, root)}", style="dim")
    out.append("\n")
    for disagreement, own in item.contested:
        out.append(f"    {flag(disagreement)}: {contested_note(disagreement, own, root)}\n", style="dim" if disagreement.updated else "yellow")


def story_text(story: StorySummary, budget: int) -> Text:
    """The header, numbered sentences with their places and outlets, then the inputs left out."""
    root = story_root(story)
    out = Text()
    out.append(f"Story summary · {story_facts(story, budget)}\n", style="bold")
    if not story.items:
        why = (f"no sentence fits in {plural(budget, 'word')}" if story.sources else "no article text")
        out.append(f"    (no summary: {why})\n", style="dim")
    for number, item in enumerate(story.items, start=1):
        append_item(out, number, item, root)
    for left in story.left_out:
        out.append(f"Left out: {left_out_name(left, root)} — {one_line(left.reason)}\n", style="yellow")
    return out


def print_story(story: StorySummary, budget: int, console: Console) -> None:
    console.print(story_text(story, budget), end="")


def story_markdown(story: StorySummary, budget: int, title: str = "Story summary", facts: str | None = None) -> str:
    """Sentences with footnote citations (each naming its outlet and any reprint), then the inputs left out."""
    root = story_root(story)
    lines = [f"## {md_text(title)}", "", f"*{md_text(facts or story_facts(story, budget))}*", ""]
    notes: list[str] = []
    lines += markdown_items(story.items, notes, root)
    lines += markdown_left_out(story.left_out, root)
    lines.append("")
    return "\n".join(lines + notes) + "\n"


def markdown_items(items: Sequence[SummaryItem], notes: list[str], root: str | None) -> list[str]:
    """One list item per sentence, its own place and each report as footnotes (added to `notes`)."""
    lines = []
    for item in items:
        own = one_line(item.outlet or "") + (f" (copy of {one_line(item.copy_of)})" if item.copy_of else "")
        marks = footnote(notes, item.unit.article.file, item.unit.sentence.span, own, root)
        for report in item.reports:
            extra = report_note(report)
            note = one_line(report.outlet) + (f" ({extra})" if extra else "")
            marks += footnote(notes, report.unit.article.file, report.unit.sentence.span, note, root)
        lines.append(f"- {md_text(item.text)}{marks} *({md_text(coverage_label(item))})*")
        for disagreement, own in item.contested:
            lines.append(f"  - {flag(disagreement)}: *{md_text(contested_note(disagreement, own, root))}*")
    return lines


def markdown_left_out(left_out: Sequence[LeftOut], root: str | None) -> list[str]:
    if not left_out:
        return []
    return ["", "**Left out**", ""] + [f"- {md_text(left_out_name(x, root))} — {md_text(x.reason)}" for x in left_out]
