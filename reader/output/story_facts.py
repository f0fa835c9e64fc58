"""The facts every view of a story summary states the same way: words used, outlets, reprints, left-out inputs.

Shared by the text, Markdown and JSON output and by the TUI, so "only in X" or "copy of Y" read
alike everywhere. Labels are made inert here; callers add no markup to them.
"""
from __future__ import annotations

import os
import re

from reader.text_scripts import count_words
from reader.output.sanitize import one_line
from reader.summarize import StorySummary, SummaryItem
from reader.summarize.topics import LeftOut
from reader.summarize.units import Report


def word_count(text: str) -> int:
    """Whitespace words, as the summarizer counts its budget."""
    return count_words(text)


def used_words(story: StorySummary) -> int:
    return sum(word_count(item.text) for item in story.items)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def coverage_label(item: SummaryItem) -> str:
    """`3 outlets`, or `only in The Wire` when one outlet alone states it."""
    if item.only_in is not None:
        return f"only in {one_line(item.only_in)}"
    return plural(item.voices, "outlet")


def report_note(report: Report) -> str:
    """`copy of The Wire` for a reprint, `in other words` when its lines do not carry the sentence's words."""
    notes = [f"copy of {one_line(report.copy_of)}"] if report.copy_of else []
    if not report.cited:
        notes.append("in other words")
    return ", ".join(notes)


def story_facts(story: StorySummary, budget: int, with_left_out: bool = True) -> str:
    """`157 of 160 words · 11 sources from 9 outlets · 2 inputs left out`: the header of every story view."""
    facts = [f"{used_words(story)} of {plural(budget, 'word')}",
             f"{plural(story.sources, 'source')} from {plural(story.voices, 'outlet')}"]
    if story.left_out and with_left_out:
        facts.append(f"{plural(len(story.left_out), 'input')} left out")
    return " · ".join(facts)


def left_out_name(left: LeftOut, base: str | None = None) -> str:
    """The file (below `base` when given, else its base name), and which glued-in copy when the file
    holds several (`a.txt (copy 2)`)."""
    name = os.path.basename(left.path)
    if base:
        try:
            name = os.path.relpath(os.path.abspath(left.path), base)
        except ValueError:  # another drive on Windows
            pass
    name = one_line(name)
    return name if left.segment is None else f"{name} (copy {left.segment + 1})"


_CLAUSE_END = re.compile(r"[:;,(]")


def short_reason(reason: str) -> str:
    """The reason's first clause (`another story …`), for a line with little room."""
    text = one_line(reason)
    cut = _CLAUSE_END.search(text)
    head = text[:cut.start()].rstrip() if cut else text
    return f"{head} …" if head and head != text else text
