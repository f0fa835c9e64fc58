"""A small dialog to edit an article's tags: comma-separated, completing existing tags as you type.

A tag the store would refuse is said inside the dialog, under the line being typed, as soon as it
is typed: a toast over the library disappeared after a few seconds while the dialog, still open,
went on taking the keys the user now meant for the library. Keys typed right after `t`, before the
dialog is up, are typed into the line (`type_ahead`); they used to be lost.
"""
from __future__ import annotations

from collections.abc import Iterable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from reader.triage import TagError, normalize_tag
from reader.tui.contained import contained
from reader.tui.widgets.reader_footer import ReaderFooter


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
            # The line ends in ", " after existing tags and nothing is selected: typing adds a tag
            # instead of replacing the article's tags with the first letter typed.
            yield Input(", ".join(self.tags) + (", " if self.tags else ""), placeholder="tags, comma-separated",
                        id="tags", suggester=TagSuggester(self.known, case_sensitive=False), select_on_focus=False)
            yield Static(id="tag-error", markup=False)
            yield Static("enter: save · escape: cancel · → accepts a completion", id="tag-help", markup=False)
        yield ReaderFooter()  # the dialog's own keys, not those of the screen below

    def _problem(self, text: str) -> str | None:
        """Why the store would refuse `text`, or None when every tag in it is fine."""
        try:
            parse_tags(text)
        except TagError as exc:
            return str(exc)
        return None

    def _show_problem(self, problem: str | None) -> None:
        self.set_class(problem is not None, "-invalid")
        self.query_one("#tag-error", Static).update(Content(problem or ""))

    def type_ahead(self, event: events.Key) -> bool:
        """Take a key typed before the dialog was up (the app hands it over); whether it was taken.

        Keys typed right after `t` go to the widget that had the focus then, below the dialog, and
        come back up unhandled; characters and enter are replayed here, in order, instead of lost.
        """
        if event.key != "enter" and not (event.is_printable and event.character):
            return False
        self.post_message(events.Key(event.key, event.character))
        return True

    @contained
    async def on_key(self, event: events.Key) -> None:
        """A key that reached the dialog itself, not its line (typed ahead, or before the line had
        focus): a character is typed into the line, enter saves."""
        line = self.query_one("#tags", Input)
        if event.key == "enter":
            event.stop()
            await line.action_submit()
        elif event.is_printable and event.character is not None:
            event.stop()
            line.focus()
            line.insert_text_at_cursor(event.character)

    @on(Input.Changed, "#tags")
    @contained
    def check(self, event: Input.Changed) -> None:
        """Say at once when the line holds a tag that cannot be saved; clear it once fixed."""
        self._show_problem(self._problem(event.value))

    @on(Input.Submitted, "#tags")
    @contained
    def save(self, event: Input.Submitted) -> None:
        problem = self._problem(event.value)
        if problem is not None:  # the dialog stays, with the reason under the line
            self._show_problem(problem)
            return
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
