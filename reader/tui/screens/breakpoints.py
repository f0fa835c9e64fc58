"""Side by side from 100 columns, stacked below: the breakpoint classes the side-by-side screens share."""
from __future__ import annotations

from textual.screen import Screen

NARROW_BELOW = 100  # columns under which the panes stack
PANE_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]


def preset_width_class(screen: Screen[object]) -> None:
    """Give a new screen its breakpoint class before its first layout.

    Textual sets it on the first resize event, after the screen has been laid out and painted once,
    which costs a second full layout; opening an article is faster when the class is right from the start.
    """
    wide = screen.app.size.width >= NARROW_BELOW
    screen.set_class(not wide, "-narrow")
    screen.set_class(wide, "-wide")
