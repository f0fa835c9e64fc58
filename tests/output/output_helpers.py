"""Helpers for the output tests: a plain console that writes to a string, and hand-made articles."""
from __future__ import annotations

import io

from rich.console import Console

from reader.model import Article, LineSpan, Sentence


def plain_console(width: int = 120) -> tuple[Console, io.StringIO]:
    """A console like a pipe's: no colour, no markup or highlighting, long lines kept whole."""
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False, highlight=False,
                      markup=False, emoji=False, soft_wrap=True)
    return console, out


def sentence(index: int, text: str, line: int, end_line: int | None = None, kind: str = "text",
             segment: int = 0) -> Sentence:
    """A sentence on `line` (to `end_line`); character offsets are not used by the output code."""
    return Sentence(index, text, LineSpan(line, end_line or line), 0, len(text), index, segment, kind)


def article(path: str, *sentences: Sentence, **fields: object) -> Article:
    return Article(path=path, sentences=list(sentences), **fields)  # type: ignore[arg-type]


def bridge_story():  # type: ignore[no-untyped-def]
    """A story summary built by hand: two sentences, three files, a reprint, two inputs left out.

    Sentence 1 (5 words) is a.txt:3, also reported by b.md:5 (cited) and c.txt:7 (a copy of The Wire
    in other words, so not cited); sentence 2 (4 words) is a.txt:4 alone. 4 sources, 3 outlets.
    """
    from reader.summarize import StorySummary
    from reader.summarize.topics import LeftOut
    from reader.summarize.units import Report, SummaryItem, Unit

    a = article("news/a.txt", sentence(0, "The bridge opened on Monday.", 3), sentence(1, "Tolls start in May.", 4),
                title="Bridge opens", source="Courier", date="2026-03-02")
    b = article("news/b.md", sentence(0, "On Monday the bridge opened.", 5), title="Bridge open")
    c = article("wire/c.txt", sentence(0, "The new bridge is now open.", 7))
    first = SummaryItem(Unit(0, a, a.sentences[0]), 2.5,
                        (Report(Unit(2, b, b.sentences[0]), "The Courier"),
                         Report(Unit(3, c, c.sentences[0]), "c.txt", copy_of="The Wire", cited=False)),
                        outlet="a.txt", voices=2)
    second = SummaryItem(Unit(1, a, a.sentences[1]), 1.0, outlet="a.txt", voices=1)
    left = [LeftOut("news/other.txt", None, "another story: about a museum"),
            LeftOut("news/glued.txt", 1, "a repeat of copy 1")]
    return StorySummary([first, second], [a, b, c], left, sources=4, voices=3, budget=160)
