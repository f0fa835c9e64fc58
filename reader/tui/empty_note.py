"""What the library says when it shows no rows: why it is empty, and the key that shows something.

An empty table alone reads as "reader is broken" or "still loading"; a view that filters
everything out should say which view it is and how to leave it. The keys are passed in as the
user's bindings display them, since a keymap can change them.
"""
from __future__ import annotations

from dataclasses import dataclass

from reader.output.sanitize import one_line
from reader.tui.library import View


@dataclass(frozen=True, slots=True)
class EmptyKeys:
    """How the keys named in the note are shown now (after the keymap)."""

    next_view: str
    clear: str


def empty_note(view: View, tag: str | None, query: str, listed: int, failed: int, keys: EmptyKeys) -> str:
    """The sentence shown in place of rows; `listed` counts the articles loaded, `failed` the inputs that were not."""
    if listed == 0:
        if failed:
            return f"No article could be read ({failed} input{'s' if failed != 1 else ''} failed: listed below)."
        return "No articles found in the paths given."
    what = f"articles tagged #{one_line(tag or '')}" if view is View.TAG else f"{view.value} articles"
    if view is View.ALL:
        what = "articles"
    if query.strip():
        return (f"No {what} match “{one_line(query.strip())}”. "
                f"{keys.clear} clears the filter, {keys.next_view} shows the next view.")
    return f"No {what}. {keys.next_view} shows the next view."
