"""Themes and keys the user chose: reader's theme files registered, the choice applied and remembered.

Theme files and the keymap are the user's data: problems with them are shown as notifications,
never fatal. Textual's own themes keep working; reader's colour variables get defaults so any
theme renders.
"""
from __future__ import annotations

from collections.abc import Iterable

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from reader.config import DEFAULT_THEME, Config, effective_theme, keymap_problems, save_preference
from reader.theme_files import ThemeSpec, load_theme_dirs, theme_folders

# reader's own colours, for themes (Textual's built-ins included) that do not define them.
VARIABLE_DEFAULTS = {
    "citation-highlight": "#3b4a2a",
    "citation-highlight-foreground": "#f5f7e8",
    "corroboration-badge": "#f2b35b",
    "removed-line": "#7a7f87",
    "mark-unread": "#5fa8d3",
    "mark-star": "#f2b35b",
    "mark-read": "#7a7f87",
}


def to_textual(spec: ThemeSpec) -> Theme:
    """The Textual theme a theme file describes."""
    return Theme(name=spec.name, dark=spec.dark, variables=dict(spec.variables), **spec.colors)


def register_themes(app: App[object]) -> list[str]:
    """Register shipped and user themes; return one problem line per broken theme file."""
    specs, problems = load_theme_dirs(theme_folders())
    for spec in specs:
        app.register_theme(to_textual(spec))
    return problems


def apply_theme(app: App[object], config: Config, override: str | None) -> list[str]:
    """Switch to --theme, else the remembered choice, else the config's; unknown names fall back."""
    wanted = effective_theme(config, override)
    if wanted in app.available_themes:
        app.theme = wanted
        return []
    app.theme = DEFAULT_THEME
    return [f"theme {wanted!r} not found; using {DEFAULT_THEME} (see `reader themes`)"]


def remember_theme_changes(app: App[object]) -> None:
    """Persist a theme picked in the command palette, so the next run starts with it."""

    def remember(theme: Theme) -> None:
        save_preference("theme", theme.name)

    app.theme_changed_signal.subscribe(app, remember)


def binding_ids(screens: Iterable[type[Screen[object]] | type[App[object]]]) -> dict[str, set[str]]:
    """For each screen class, the ids of its bindings (the names a keymap may rebind), its bases'
    included (the library screen's filter keys are declared by `FilteredScreen`)."""
    found: dict[str, set[str]] = {}
    for screen in screens:
        declared = [b for cls in screen.__mro__ for b in cls.__dict__.get("BINDINGS", [])]
        found[screen.__name__] = {b.id for b in declared if isinstance(b, Binding) and b.id}
    return found


def apply_keymap(app: App[object], config: Config, screens: Iterable[type[Screen[object]] | type[App[object]]]) -> list[str]:
    """Rebind keys from the config's [keymap]; unknown actions and clashes are reported, not fatal."""
    keymap = config.settings.keymap
    if not keymap:
        return []
    actions = binding_ids(screens)
    problems = keymap_problems(keymap, actions)
    known = set().union(*actions.values()) if actions else set()
    app.set_keymap({action: keys for action, keys in keymap.items() if action in known})
    return problems
