"""Every place a story sentence is reported: file:line, the outlet (and whose copy it reprints), its own wording.

The place the story quotes comes first, marked with ▸.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.output.sanitize import one_line
from reader.output.story_facts import report_note
from reader.summarize import SummaryItem, Unit
from reader.output.places import below
from reader.tui.contained import contained


@dataclass(frozen=True, slots=True)
class Place:
    """One place a story sentence is reported, as the list shows it."""

    unit: Unit
    outlet: str
    note: str = ""  # "copy of The Wire", "in other words"


def places_of(item: SummaryItem) -> list[Place]:
    """The quoted place first, then every other outlet's."""
    own = Place(item.unit, item.outlet or item.unit.article.source or os.path.basename(item.unit.article.path))
    return [own, *(Place(r.unit, r.outlet, report_note(r)) for r in item.reports)]


def place_prompt(place: Place, own: bool, base: str | None) -> Content:
    """`▸ file:L3`, then the outlet (unless it is only the file's name) and any note, then the source's words."""
    unit = place.unit
    where = f"{below(unit.article.path, base)}:{unit.sentence.span}"
    outlet = one_line(place.outlet)
    who = [outlet] if outlet != os.path.basename(unit.article.path) else []
    who += [place.note] if place.note else []
    return Content.assemble(
        ("▸ " if own else "  ", "$text-success bold"),
        (where, "$text-accent bold"),
        ("\n" + " · ".join(who), "$text-muted bold") if who else "",
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
        self.places: list[Place] = []
        self.base: str | None = None  # folder places are shown relative to

    def show_item(self, item: SummaryItem | None) -> None:
        self.places = [] if item is None else places_of(item)
        self.clear_options()
        options: list[Option | None] = []
        for number, place in enumerate(self.places):
            options.extend([Option(place_prompt(place, number == 0, self.base)), None])  # None: a rule between places
        self.add_options(options[:-1])
        if self.places:
            self.highlighted = 0

    @property
    def units(self) -> list[Unit]:
        return [p.unit for p in self.places]

    @contained
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.places):
            self.post_message(self.PlaceChosen(self.places[event.option_index].unit))
