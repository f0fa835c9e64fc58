"""Every place a story sentence is reported: file:line, the outlet, and that source's own wording.

The place the story quotes comes first, marked with ▸.
"""
from __future__ import annotations

import os
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.output.sanitize import one_line
from reader.summarize import SummaryItem, Unit
from reader.tui.widgets.summary_view import short_path


def place_prompt(unit: Unit, own: bool, base: str | None) -> Content:
    article = unit.article
    where = f"{short_path(os.path.abspath(article.path), base)}:{unit.sentence.span}"
    return Content.assemble(
        ("▸ " if own else "  ", "$text-success bold"),
        (where, "$text-accent bold"),
        (f"  {one_line(article.source or '—')}", "$text-muted"),
        "\n", one_line(unit.text),
    )


class CitationList(OptionList):
    """The places of one summary item; `enter` or a click opens the article there."""

    HELP_SECTION = "Places"

    BINDINGS: list[BindingType] = [
        Binding("j,down", "cursor_down", "Next place", show=False),
        Binding("k,up", "cursor_up", "Previous place", show=False),
        Binding("enter", "select", "Open place", show=False, tooltip="open that article at that line"),
    ]

    class PlaceChosen(Message):
        """The user chose one place a sentence is reported."""

        def __init__(self, unit: Unit) -> None:
            super().__init__()
            self.unit = unit

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.units: list[Unit] = []
        self.base: str | None = None  # folder places are shown relative to

    def show_item(self, item: SummaryItem | None) -> None:
        self.units = [] if item is None else [item.unit, *item.corroborating]
        self.clear_options()
        options: list[Option | None] = []
        for number, unit in enumerate(self.units):
            options.extend([Option(place_prompt(unit, number == 0, self.base)), None])  # None: a rule between places
        self.add_options(options[:-1])
        if self.units:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.units):
            self.post_message(self.PlaceChosen(self.units[event.option_index]))
