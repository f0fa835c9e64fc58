"""The keys of a screen, read from the BINDINGS of reader's own classes, for the help screen and the palette.

Generated rather than written down so the help can never drift from what the keys do.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
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


def _keymap(node: DOMNode) -> Mapping[str, str]:
    """The user's keymap as the app applied it (binding id -> comma-separated keys, long names)."""
    return getattr(node.app, "_keymap", None) or {}  # Textual keeps no public copy (pinned Textual <9)


def _rebound(binding: Binding, keymap: Mapping[str, str]) -> list[Binding]:
    """The binding with the keys the keymap gives its id, as Textual rebinds it; unchanged without one."""
    keys = keymap.get(binding.id) if binding.id else None
    if not keys:
        return [binding]
    return [replace(binding, key=key, key_display=None) for key in keys.split(",")]


def _own_bindings(node: DOMNode, described: bool = True) -> dict[str, Binding]:
    """Bindings declared by reader's classes on `node`, with the user's keys (subclasses override bases).

    `described` keeps only the bindings with a description: the ones the help and the palette list.
    """
    by_key: dict[str, Binding] = {}
    keymap = _keymap(node)
    for cls in reversed(type(node).__mro__):
        if not cls.__module__.startswith(OURS):
            continue
        for declared in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            if declared.system or (described and not declared.description):
                continue
            for binding in _rebound(declared, keymap):
                by_key[binding.key] = binding
    return by_key


def key_of(node: DOMNode, action: str) -> str:
    """How the first key bound to `action` on `node` is shown (after the keymap), for hints in text.

    Hints written as literal letters would lie once a user rebinds the key; "(unbound)" says so
    when the keymap took every key of the action away.
    """
    for binding in _own_bindings(node, described=False).values():
        if binding.action == action:
            return node.app.get_key_display(binding)
    return "(unbound)"


def _section(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        return "This screen"
    return getattr(node, "HELP_SECTION", None) or node.__class__.__name__


def node_keys(node: DOMNode, shadowed: frozenset[str] = frozenset()) -> list[KeyHelp]:
    """The actions of one node, keys merged per action ("j / down"); keys in `shadowed` are left out."""
    app = node.app
    merged: dict[tuple[str, str, str], list[str]] = {}
    for binding in _own_bindings(node).values():
        if binding.key in shadowed:
            continue
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
    """Every key of `screen`: its own, its widgets' (once per widget class), then the app-wide ones.

    An app-wide key the screen binds itself (`q`: back on every screen but the library) is listed
    with the screen's meaning only; an app action left with no key here is not listed at all.
    """
    keys: list[KeyHelp] = []
    own = frozenset(_own_bindings(screen, described=False))
    for owner in _owners(screen):
        keys.extend(node_keys(owner, own if owner is screen.app else frozenset()))
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
