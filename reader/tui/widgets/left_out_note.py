"""One line saying which inputs a story summary left out and why, as fully as the width allows.

Full reasons when they fit, else each reason's first clause, else the names alone; what does not
fit is counted (`· +2 more`). The tooltip always has every name with its full reason.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from reader.output.sanitize import one_line
from reader.output.story_facts import left_out_name, plural, short_reason
from reader.summarize.topics import LeftOut


SEPARATOR = " · "  # reasons have commas of their own


def _truncate(text: str, room: int) -> str:
    if cell_len(text) <= room:
        return text
    while text and cell_len(text) > room - 1:
        text = text[:-1]
    return text + "…" if room > 0 else ""


def _fit(entries: Sequence[str], room: int) -> list[str]:
    """The leading entries that fit in `room`, together with the `· +N more` the rest then needs."""
    shown: list[str] = []
    for k, entry in enumerate(entries):
        rest = len(entries) - k - 1
        candidate = SEPARATOR.join([*shown, entry]) + (f"{SEPARATOR}+{rest} more" if rest else "")
        if cell_len(candidate) > room:
            break
        shown.append(entry)
    return shown


def left_out_line(left_out: Sequence[LeftOut], width: int, base: str | None = None) -> tuple[str, str]:
    """(`2 inputs left out: `, the entries that fit `width`), richest wording that shows the most entries."""
    head = f"{plural(len(left_out), 'input')} left out: "
    room = width - cell_len(head)
    names = [left_out_name(x, base) for x in left_out]
    tiers = [
        [f"{n}: {one_line(x.reason)}" for n, x in zip(names, left_out)],
        [f"{n} ({short_reason(x.reason)})" for n, x in zip(names, left_out)],
        names,
    ]
    best: list[str] = []
    for tier in tiers:
        shown = _fit(tier, room)
        if len(shown) > len(best):
            best = shown
    rest = len(left_out) - len(best)
    if not best:
        return head, _truncate(names[0] + (f"{SEPARATOR}+{rest - 1} more" if rest > 1 else ""), room)
    return head, SEPARATOR.join(best) + (f"{SEPARATOR}+{rest} more" if rest else "")


class LeftOutNote(Widget):
    """The story's left-out inputs; hidden (class `-none`) when every input is part of the story."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.left_out: list[LeftOut] = []
        self.base: str | None = None  # folder names are shown relative to, as the citations are
        self.set_class(True, "-none")

    def show(self, left_out: Sequence[LeftOut]) -> None:
        self.left_out = list(left_out)
        self.set_class(not self.left_out, "-none")
        self.tooltip = "\n".join(f"{left_out_name(x, self.base)}: {one_line(x.reason)}" for x in self.left_out) or None
        self.refresh()

    def render(self) -> Content:
        if not self.left_out:
            return Content("")
        head, rest = left_out_line(self.left_out, self.content_region.width or self.size.width, self.base)
        return Content.assemble((head, "$text-warning bold"), (rest, "$text-muted"))
