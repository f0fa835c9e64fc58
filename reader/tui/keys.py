"""The keys of a screen, read from the BINDINGS of reader's own classes, for the help screen and the palette.

Generated rather than written down so the help can never drift from what the keys do.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

OURS = "reader."


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One action and every key bound to it, with the node the action runs on."""

    keys: str
    description: str
    action: str
    owner: DOMNode
    section: str
    tooltip: str = ""


def _own_bindings(node: DOMNode) -> dict[str, Binding]:
    """Bindings declared by reader's classes on `node` (subclasses override keys of their bases)."""
    by_key: dict[str, Binding] = {}
    for cls in reversed(type(node).__mro__):
        if not cls.__module__.startswith(OURS):
            continue
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            if binding.description and not binding.system:
                by_key[binding.key] = binding
    return by_key


def _section(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        return "This screen"
    return getattr(node, "HELP_SECTION", None) or node.__class__.__name__


def node_keys(node: DOMNode) -> list[KeyHelp]:
    """The actions of one node, keys merged per action ("j / down")."""
    app = node.app
    merged: dict[tuple[str, str, str], list[str]] = {}
    for binding in _own_bindings(node).values():
        merged.setdefault((binding.action, binding.description, binding.tooltip), []).append(
            app.get_key_display(binding))
    return [KeyHelp(" / ".join(keys), description, action, node, _section(node), tooltip)
            for (action, description, tooltip), keys in merged.items()]


def _owners(screen: Screen[object]) -> Iterator[DOMNode]:
    yield screen
    seen: set[type] = set()
    for widget in screen.query("*"):
        if type(widget).__module__.startswith(OURS) and type(widget) not in seen:
            seen.add(type(widget))
            yield widget
    yield screen.app


def screen_keys(screen: Screen[object]) -> list[KeyHelp]:
    """Every key of `screen`: its own, its widgets' (once per widget class), then the app-wide ones."""
    keys: list[KeyHelp] = []
    for owner in _owners(screen):
        keys.extend(node_keys(owner))
    palette = screen.app.COMMAND_PALETTE_BINDING
    if screen.app.ENABLE_COMMAND_PALETTE:
        display = screen.app.get_key_display(Binding(palette, "command_palette"))
        keys.append(KeyHelp(display, "Command palette (every action by name)", "app.command_palette",
                            screen.app, "Everywhere"))
    return keys


def _runner(key: KeyHelp) -> Callable[[], object]:
    return partial(key.owner.run_action, key.action)


def key_commands(screen: Screen[object]) -> Iterator[SystemCommand]:
    """The screen's actions as command palette entries, so every key is also reachable by name."""
    for key in screen_keys(screen):
        if key.action == "app.command_palette":
            continue
        explained = f"{key.tooltip} · " if key.tooltip else ""
        yield SystemCommand(key.description, f"{explained}key {key.keys} ({key.section.lower()})", _runner(key))
