"""Every key of the screen underneath, read from its bindings so the list cannot go stale."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.tui.keys import KeyHelp, screen_keys
from reader.tui.widgets.reader_footer import ReaderFooter


def key_table(keys: list[KeyHelp]) -> Content:
    """Keys grouped by section, one action a line: `key  description`."""
    width = max((len(k.keys) for k in keys), default=4) + 2
    parts: list[Content | str | tuple[str, str]] = []
    section = None
    for key in keys:
        if key.section != section:
            section = key.section
            parts.extend(["\n" if parts else "", (section, "bold $text-accent"), "\n"])
        parts.extend([(f"  {key.keys:<{width}}", "bold"), key.description])
        if key.tooltip:
            parts.append((f" — {key.tooltip}", "$text-muted"))
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """A modal list of the keys of the screen it was opened from; escape or ? closes it."""

    BINDINGS: list[BindingType] = [
        Binding("q,escape,question_mark,f1", "close", "Close help", id="help.close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under
        self.keys = screen_keys(under)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = f"Keys · {self.under.__class__.__name__.removesuffix('Screen')}"
            box.border_subtitle = "escape closes"
            yield Static(key_table(self.keys), id="help-keys")
        yield ReaderFooter()  # the dialog's own keys, not those of the screen below

    def action_close(self) -> None:
        self.dismiss(None)
