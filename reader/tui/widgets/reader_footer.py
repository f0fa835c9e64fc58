"""Textual's Footer with `?` and `q` kept in sight, and without its slow leak of key widgets.

Pinned keys: Textual's Footer lays every key out in one row from the left, so at 80 columns the
app-wide keys, which come last, were cut off (`q Quit`, `? Keys`). The keys that get a user out
of trouble (help, back, quit) are put in a group docked at the right beside the palette key;
the screen's other keys fill the rest of the row, and those that would not fit whole are hidden rather than cut mid-word (`? Keys` lists them).

Text boxes: while an Input has the focus, `?`, `q` and every other letter are typed into it, so
Textual drops those bindings (and the footer showed neither help nor a way out). Then the footer
shows what still works: help on its other key (`f1`) and whatever `escape` does on the screen
(clear the filter, close the search, cancel the dialog), even when that binding is not otherwise
shown; keys the box takes as text are left out (Textual misses some, such as `/`).

Leak: Footer recomposes its FooterKey widgets whenever the bindings change (every focus change,
every screen switch) and each new key data-binds `compact`, registering a watcher on the Footer;
the watchers of removed keys are only pruned when `compact` itself changes, which it never does
here. So every recompose kept ~10 dead widgets with their render caches alive (measured: 354
after 20 article opens), growing memory and the garbage collector's pauses. Pinned Textual (<9):
revisit both when upgrading.

Measuring: keys are measured after they are laid out. A screen under a dialog is not laid out
again until it is on top, and keys its footer recomposed meanwhile were not laid out even then;
asking again after every refresh never stopped, a busy loop that kept the app from ever being
idle (measured: 140,000 fits in one test; each Pilot key press waited its full second). Now the
footer asks for a layout, a few times at most, and fits again when its screen is back on top.
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.keys import key_to_character
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader.tui.contained import contained

PINNED_ACTIONS = frozenset({"help", "quit", "back", "close", "cancel"})  # what gets a user out, on any screen
WAY_OUT = "escape"  # of a text box: Input never takes it
FIT_TRIES = 3  # layouts to wait for unmeasured keys before leaving them to the next resize or screen change


def takes_text(widget: Widget | None) -> bool:
    """Whether the widget types letters itself (an Input), so bindings on letters never reach the screen."""
    return widget is not None and widget.check_consume_key("a", "a")


class ReaderFooter(Footer):
    """A Footer whose help, back and quit keys never scroll off, and that drops dead key watchers."""

    def __init__(self) -> None:
        super().__init__()
        self._widths: WeakKeyDictionary[FooterKey, int] = WeakKeyDictionary()  # measured while shown
        self._tries = 0  # layouts asked for since keys were last all measured

    def compose(self) -> ComposeResult:
        """One key per action, as Footer shows them (reader declares no binding groups), pinned ones on the right."""
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        focused = self.screen.focused
        typing = takes_text(focused)
        first: dict[str, tuple[Binding, bool, str]] = {}
        way_out = ""  # the action escape runs while a text box has the focus
        for key, (_node, binding, enabled, tooltip) in active.items():
            if typing and self._typed(focused, binding):
                continue
            if typing and key == WAY_OUT and binding.description:
                way_out = binding.action
                first.setdefault(binding.action, (binding, enabled, tooltip))
            elif binding.show:
                first.setdefault(binding.action, (binding, enabled, tooltip))
        pinned = [shown for action, shown in first.items() if action in PINNED_ACTIONS or action == way_out]
        for action, (binding, enabled, tooltip) in first.items():
            if action not in PINNED_ACTIONS and action != way_out:
                yield self._key(binding, enabled, tooltip)
        with HorizontalGroup(id="pinned-keys"):
            for binding, enabled, tooltip in sorted(pinned, key=lambda shown: shown[0].action != "help"):
                yield self._key(binding, enabled, tooltip)
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
                yield FooterKey(palette.binding.key, self.app.get_key_display(palette.binding),
                                palette.binding.description, palette.binding.action, classes="-command-palette",
                                disabled=not palette.enabled,
                                tooltip=palette.binding.tooltip or palette.binding.description)

    def _typed(self, focused: Widget | None, binding: Binding) -> bool:
        """Whether the focused box takes the binding's key as text (`slash` included, which Textual
        cannot turn into `/`)."""
        display = self.app.get_key_display(binding)
        character = key_to_character(binding.key) or (display if len(display) == 1 else None)
        return focused is not None and focused.check_consume_key(binding.key, character)

    def _key(self, binding: Binding, enabled: bool, tooltip: str) -> FooterKey:
        return FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                         disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)

    async def recompose(self) -> None:
        await super().recompose()
        watchers = getattr(self, "__watchers", {}).get("compact")  # where Textual keeps watchers
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers if node.is_attached]
        self._tries = 0
        self.call_after_refresh(self._fit)  # once the new keys are laid out and can be measured

    @contained
    def on_mount(self) -> None:  # Footer's own on_mount runs too (Textual calls each class's handler)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    @contained
    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen: object) -> None:
        if screen is self.screen:
            self._tries = 0
            self.call_after_refresh(self._fit)

    @contained
    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the screen's keys, in order, while each fits whole left of the pinned ones; hide the rest."""
        keys = list(self.query_children(FooterKey))
        for key in keys:
            if key not in self._widths and key.display and key.outer_size.width:
                self._widths[key] = key.outer_size.width
        if any(key not in self._widths for key in keys):  # not laid out yet: measure after the next layout
            if self.screen.is_current and self._tries < FIT_TRIES:  # else when the screen is back on top
                self._tries += 1
                self.refresh(layout=True)  # keys recomposed under a dialog are not laid out by a plain refresh
                self.call_after_refresh(self._fit)
            return
        self._tries = 0
        pinned = self.query("#pinned-keys")
        room = self.size.width - (pinned.first().outer_size.width if pinned else 0)
        used = 0
        for key in keys:
            used += self._widths[key]
            key.display = used <= room
