"""One line of Content that fits the width it is drawn at by shortening its one long part with `…`.

The library's status line ends in the user's query: a long one wrapped off the one-row line and
took the sort order with it, the query cut mid-word with no sign. The width is only known when
the line is drawn, so this is a Visual: at each width it gives up, in order, the end of the
query (down to a few characters and `…`) and then the optional tail, never the head (the counts);
with no query the tail is left out whole when it does not fit, never cut.
Pinned Textual (<9): the Visual protocol is Textual's own.
"""
from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

SHORTEST = 4  # cells of the shortened part kept before the tail is given up (three and `…`)


class FittedLine(Visual):
    """`head` + `label` + “`part`” + `tail`, the part shortened and the tail dropped to fit a width."""

    def __init__(self, head: Content, label: str = "", part: str = "", tail: Content | None = None) -> None:
        self.head = head
        self.label = label
        self.part = part
        self.tail = tail or Content("")
        self._fitted: dict[int, Content] = {}

    @property
    def whole(self) -> Content:
        """The line with nothing shortened (what it says, as text)."""
        return self._line(Content(self.part) if self.label else None, self.tail)

    def __str__(self) -> str:
        return self.whole.plain

    def _line(self, part: Content | None, tail: Content) -> Content:
        quoted = [self.label, "“", part, "”"] if part is not None else []
        return Content.assemble(self.head, *quoted, tail)

    def fitted(self, width: int) -> Content:
        """The line at `width` cells: whole when it fits, else the part shortened, then the tail left out."""
        if width not in self._fitted:
            self._fitted[width] = self._fit(width)
        return self._fitted[width]

    def _fit(self, width: int) -> Content:
        whole = self.whole
        if whole.cell_length <= width:
            return whole
        if not self.label:  # nothing to shorten: the tail gives way whole rather than cut mid-word
            return self._line(None, Content(""))
        part = Content(self.part)
        for tail in (self.tail, Content("")):
            room = width - self._line(Content(""), tail).cell_length
            if room >= min(SHORTEST, part.cell_length):
                return self._line(part.truncate(room, ellipsis=True), tail)
        return self._line(Content("…"), Content(""))  # the head alone is about as wide as the line

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.fitted(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.whole.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.head.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.fitted(width).get_height(rules, width)
