"""A small dialog to edit an article's tags: comma-separated, completing existing tags as you type."""
from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from reader.triage import TagError, normalize_tag
from reader.tui.contained import contained


class TagSuggester(SuggestFromList):
    """Completes the tag being typed after the last comma from the tags already in use."""

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        found = await super().get_suggestion(typed)
        if found is None:
            return None
        return head + comma + last[: len(last) - len(typed)] + found


def parse_tags(text: str) -> frozenset[str]:
    """The tags in a comma-separated line; raises TagError on one the store would refuse."""
    return frozenset(normalize_tag(part) for part in text.split(",") if part.strip())


class TagDialog(ModalScreen[frozenset[str] | None]):
    """Edits a set of tags; dismisses with the new set, or None when cancelled."""

    BINDINGS: list[BindingType] = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, tags: Iterable[str], known: Iterable[str], title: str) -> None:
        super().__init__()
        self.tags = sorted(tags, key=str.casefold)
        self.known = list(known)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Input(", ".join(self.tags), placeholder="tags, comma-separated", id="tags",
                        suggester=TagSuggester(self.known, case_sensitive=False))
            yield Static("enter: save · escape: cancel · → accepts a completion", id="tag-help", markup=False)

    @on(Input.Submitted, "#tags")
    @contained
    def save(self, event: Input.Submitted) -> None:
        try:
            tags = parse_tags(event.value)
        except TagError as exc:
            self.notify(str(exc), title="tags", severity="error", markup=False)
            return
        self.dismiss(tags)

    def action_cancel(self) -> None:
        self.dismiss(None)
