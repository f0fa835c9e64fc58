"""Choose a tag to view: every tag in use with how many articles carry it."""
from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.triage import TagCount
from reader.tui.contained import contained
from reader.tui.widgets.reader_footer import ReaderFooter


class TagPicker(ModalScreen[str | None]):
    """Dismisses with the chosen tag, or None when cancelled."""

    BINDINGS: list[BindingType] = [Binding("q,escape", "cancel", "Cancel", id="tag_picker.cancel")]

    def __init__(self, tags: Sequence[TagCount]) -> None:
        super().__init__()
        self.tags = list(tags)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "View tag"
            yield OptionList(*(Option(Content(f"#{t.tag}  ({t.count})"), id=t.tag) for t in self.tags), id="tag-list")
        yield ReaderFooter()  # the dialog's own keys, not those of the screen below

    @on(OptionList.OptionSelected, "#tag-list")
    @contained
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
