"""Summary sentences, each with the place it cites, as a list the user moves through.

Moving onto a sentence (keys or mouse) posts `SentenceHighlighted`; `enter` or a click posts
`SentenceChosen`. The screen decides what that means (highlight source lines, open an article):
the view never reaches into a sibling.
"""
from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.output.places import below
from reader.output.sanitize import one_line
from reader.output.disagreement_text import CONTESTED, contested_note
from reader.output.story_facts import coverage_label
from reader.summarize import Citation, SummaryItem
from reader.tui.contained import contained


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
        *[(f"\n{CONTESTED} contested: {contested_note(d, value, base)}", "$text-warning") for d, value in item.contested],
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

    def show_items(self, items: Sequence[SummaryItem], keep: int | None = None) -> None:
        """Replace the sentences; keep the highlight on index `keep` when given (e.g. after a resize of the summary)."""
        self.items = list(items)
        self.clear_options()
        if not self.items:
            self.add_option(Option(Content("No sentence to quote."), disabled=True))
            return
        options: list[Option | None] = []
        for item in self.items:
            options.extend([Option(item_prompt(item, self.story, self.base)), None])  # None: a rule between sentences
        self.add_options(options[:-1])
        if keep is not None:
            self.highlighted = min(keep, len(self.items) - 1)

    def index_citing(self, path: str, line: int) -> int | None:
        """The first sentence whose own citation (in `path`) covers `line`."""
        for index, item in enumerate(self.items):
            own = item.citations[0]
            if own.path == path and own.span.contains(line):
                return index
        return None

    @contained
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.items):
            self.post_message(self.SentenceHighlighted(self, self.items[event.option_index], event.option_index))

    @contained
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.items):
            self.post_message(self.SentenceChosen(self, self.items[event.option_index], event.option_index))
