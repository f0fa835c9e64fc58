"""Summary sentences, each with the place it cites, as a list the user moves through.

Moving onto a sentence (keys or mouse) posts `SentenceHighlighted`; `enter` or a click posts
`SentenceChosen`. The screen decides what that means (highlight source lines, open an article):
the view never reaches into a sibling.

The sentences may come in sections under headings (a story's timeline: one date each); headings
and notes are options that cannot be chosen, so the cursor steps over them. Messages and
`highlight_item` count sentences, not options.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.output.places import below
from reader.output.sanitize import one_line
from reader.output.disagreement_text import contested_note, flag
from reader.output.story_facts import coverage_label
from reader.summarize import Citation, SummaryItem
from reader.tui.contained import contained


NO_SENTENCE = "No sentence to quote."


@dataclass(frozen=True, slots=True)
class Section:
    """Sentences under a heading (None: no heading); `empty` is said under the heading when there are none."""

    heading: Content | None
    items: Sequence[SummaryItem]
    empty: str = ""


def citation_label(citation: Citation, with_file: bool, base: str | None = None) -> str:
    """`L14-16`, or `file.txt:L14-16` when the summary spans several files."""
    if not with_file:
        return str(citation.span)
    return f"{below(citation.path, base)}:{citation.span}"


def item_prompt(item: SummaryItem, story: bool, base: str | None = None) -> Content:
    """One sentence: its own citation first; in a story, how many outlets state it (or the one that alone does),
    and any number it states that other outlets give otherwise."""
    own = item.citations[0]
    if not story:
        return Content.assemble((citation_label(own, False), "$text-accent bold"), "\n", one_line(item.text))
    others = len(item.reports)
    return Content.assemble(
        one_line(item.text), "\n",
        (coverage_label(item), "$text-muted bold" if item.only_in is not None else "$corroboration-badge bold"),
        ("  " + citation_label(own, True, base), "$text-accent"),
        (f"  +{others} place{'s' if others != 1 else ''}" if others else "", "$text-muted"),
        *[(f"\n{flag(d)}: {contested_note(d, value, base)}", "$text-muted" if d.updated else "$text-warning") for d, value in item.contested],
    )


class SummaryView(OptionList):
    """The summary as options; `j`/`k` or arrows move, `enter` or a click chooses."""

    HELP_SECTION = "Summary"

    BINDINGS: list[BindingType] = [
        Binding("j,down", "cursor_down", "Next sentence", show=False, tooltip="highlight the lines it cites"),
        Binding("k,up", "cursor_up", "Previous sentence", show=False, tooltip="highlight the lines it cites"),
        Binding("enter", "select", "Choose sentence", show=False, tooltip="in a story: open the article there"),
    ]

    class _SentenceMessage(Message):
        """A message about one summary sentence: the view, the item and its place in the list."""

        def __init__(self, view: SummaryView, item: SummaryItem, index: int) -> None:
            super().__init__()
            self.view = view
            self.item = item
            self.index = index

        @property
        def control(self) -> SummaryView:
            return self.view

    class SentenceHighlighted(_SentenceMessage):
        """The user moved onto a summary sentence (or the screen pointed at one)."""

    class SentenceChosen(_SentenceMessage):
        """The user pressed enter on, or clicked, a summary sentence."""

    def __init__(self, *, story: bool = False, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.story = story
        self.base: str | None = None  # folder citations are shown relative to (stories)
        self.items: list[SummaryItem] = []
        self._rows: list[int | None] = []  # option index -> sentence index (None: a heading or a note)
        self._options_of: list[int] = []  # sentence index -> option index

    def show_items(self, items: Sequence[SummaryItem], keep: int | None = None, empty: str = NO_SENTENCE) -> None:
        """Replace the sentences; keep the highlight on index `keep` when given (e.g. after a resize of the summary)."""
        self.show_sections([Section(None, items)], keep, empty)

    def show_sections(self, sections: Sequence[Section], keep: int | None = None, empty: str = NO_SENTENCE) -> None:
        """Replace the sentences with these sections; `empty` is shown when there is nothing else to show."""
        self.items, self._rows = [], []
        options: list[Option | None] = []  # None: a rule under the option before it

        def add(option: Option, item: SummaryItem | None = None, rule: bool = False) -> None:
            if rule and options:
                options.append(None)
            options.append(option)
            self._rows.append(None if item is None else len(self.items))
            if item is not None:
                self.items.append(item)

        for section in sections:
            first = True  # a rule above a section's first line, and between its sentences
            if section.heading is not None:
                add(Option(section.heading, disabled=True), rule=True)
                first = False
            if not section.items and section.empty:
                add(Option(Content.styled(section.empty, "$text-muted italic"), disabled=True), rule=first)
            for number, item in enumerate(section.items):
                add(Option(item_prompt(item, self.story, self.base)), item, rule=first or number > 0)
        if not options:
            add(Option(Content(empty), disabled=True))
        self._options_of = [row for row, item in enumerate(self._rows) if item is not None]
        self.clear_options()
        self.add_options(options)
        if keep is not None and self.items:
            self.highlight_item(min(keep, len(self.items) - 1))

    def highlight_item(self, index: int) -> None:
        """Move the highlight onto sentence `index` (headings do not count)."""
        if 0 <= index < len(self.items):
            self.highlighted = self._options_of[index]

    @property
    def highlighted_item(self) -> int | None:
        """The sentence under the highlight, counted without headings; None on none."""
        row = self.highlighted
        return self._rows[row] if row is not None and 0 <= row < len(self._rows) else None

    def index_citing(self, path: str, line: int) -> int | None:
        """The first sentence whose own citation (in `path`) covers `line`."""
        for index, item in enumerate(self.items):
            own = item.citations[0]
            if own.path == path and own.span.contains(line):
                return index
        return None

    def _item_at(self, option_index: int) -> int | None:
        return self._rows[option_index] if 0 <= option_index < len(self._rows) else None

    @contained
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if (index := self._item_at(event.option_index)) is not None:
            self.post_message(self.SentenceHighlighted(self, self.items[index], index))

    @contained
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (index := self._item_at(event.option_index)) is not None:
            self.post_message(self.SentenceChosen(self, self.items[index], index))
