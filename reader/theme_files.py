"""Theme files: TOML or YAML data in `themes/` and the user's config.

Loading never raises: a broken file becomes a one-line problem naming the file, and the
other themes still load. Nothing here imports Textual: the TUI turns a spec into a Textual
Theme (`reader.tui.appearance.to_textual`), and Textual's own theme names are listed below.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.bounded_data import load_toml, load_yaml

COLOR_KEYS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel",
              "success", "warning", "error", "boost")
REQUIRED_VARIABLES = ("citation-highlight", "citation-highlight-foreground", "corroboration-badge",
                      "removed-line", "mark-unread", "mark-star", "mark-read")
MAX_THEME_BYTES = 64 * 1024
# Textual's built-in themes (`textual.theme.BUILTIN_THEMES`), named here so `reader themes` lists them
# without importing Textual; tests/themes keeps this equal to the pinned Textual's.
TEXTUAL_THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula", "tokyo-night",
                  "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe", "catppuccin-macchiato",
                  "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon", "rose-pine-dawn",
                  "atom-one-dark", "atom-one-light", "ansi-dark", "ansi-light")
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\Z")
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,40}\Z")


@dataclass(frozen=True, slots=True)
class ThemeSpec:
    name: str
    dark: bool
    colors: dict[str, str]
    variables: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def load_theme_file(path: Path) -> ThemeSpec:
    """Parse and validate one theme file; raises ValueError with a short reason."""
    raw = path.read_bytes()
    if len(raw) > MAX_THEME_BYTES:
        raise ValueError(f"larger than {MAX_THEME_BYTES // 1024} KB")
    text = raw.decode("utf-8-sig")
    # Bounded: an alias bomb or deep nesting is a bad file, not a hung or crashed reader.
    data: Any = load_toml(text) if path.suffix == ".toml" else load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError("not a table of theme settings")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError("needs a 'name' of lowercase letters, digits, '-' or '_'")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ValueError("'dark' must be true or false")
    colors: dict[str, str] = {}
    for key in COLOR_KEYS:
        if key in data:
            colors[key] = _color(key, data[key])
    if "primary" not in colors:
        raise ValueError("needs a 'primary' colour")
    unknown = set(data) - set(COLOR_KEYS) - {"name", "dark", "variables"}
    if unknown:
        raise ValueError(f"unknown keys: {', '.join(sorted(unknown))}")
    variables_raw = data.get("variables", {})
    if not isinstance(variables_raw, dict):
        raise ValueError("'variables' must be a table")
    variables = {str(k): _color(f"variables.{k}", v) for k, v in variables_raw.items()}
    return ThemeSpec(name, dark, colors, variables, path)


def _color(key: str, value: Any) -> str:
    if not isinstance(value, str) or not _HEX.match(value.strip()):
        raise ValueError(f"{key} must be a colour like \"#1f2937\", not {value!r}")
    return value.strip()


def load_theme_dirs(folders: Iterable[Path]) -> tuple[list[ThemeSpec], list[str]]:
    """Every theme in the folders (later folders override earlier names), and one problem line per bad file."""
    specs: dict[str, ThemeSpec] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".toml", ".yaml", ".yml") or path.name.startswith("."):
                continue
            try:
                spec = load_theme_file(path)
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"{path}: cannot read theme ({exc.__class__.__name__})")
                continue
            except ValueError as exc:
                problems.append(f"{path}: {exc}")
                continue
            specs[spec.name] = spec
    return list(specs.values()), problems


def theme_folders() -> list[Path]:
    """Shipped themes first, then the user's own (which may replace a shipped one by name)."""
    from reader.config import user_themes_dir
    from reader.resources import themes_dir

    return [themes_dir(), user_themes_dir()]


