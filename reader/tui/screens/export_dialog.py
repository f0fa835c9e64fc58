"""Asks where to save the story's Markdown brief; says inside the dialog why a name will not do.

The dialog writes the file itself (it is small) so that a refused name (it exists, the folder is
read-only) keeps the dialog open with the reason under the line, the way the tag dialog does.
"""
from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.output.brief_file import BriefError, write_brief
from reader.output.sanitize import one_line
from reader.tui.contained import contained
from reader.tui.widgets.reader_footer import ReaderFooter


class ExportDialog(ModalScreen[Path | None]):
    """Dismisses with the path the brief was written to, or None when cancelled."""

    BINDINGS: list[BindingType] = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, text: str, suggested: Path) -> None:
        super().__init__()
        self.text = text
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Save the story as a Markdown brief"
            yield Input(str(self.suggested), placeholder="file to write", id="brief-path", select_on_focus=False)
            yield Static(id="brief-error", markup=False)
            yield Static("enter: save · escape: cancel · an existing file is never replaced", id="brief-help",
                         markup=False)
        yield ReaderFooter()  # the dialog's own keys, not those of the screen below

    @on(Input.Changed, "#brief-path")
    @contained
    def forget_problem(self) -> None:
        self.set_class(False, "-invalid")

    @on(Input.Submitted, "#brief-path")
    @contained
    def save(self, event: Input.Submitted) -> None:
        try:
            written = write_brief(self.text, event.value)
        except BriefError as exc:
            self.set_class(True, "-invalid")
            self.query_one("#brief-error", Static).update(Content(one_line(str(exc))))
            return
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
