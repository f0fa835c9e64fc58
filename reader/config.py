"""The user's settings: a TOML file in the config directory, read tolerantly.

Unknown keys, wrong types and bad values are reported as problems (one line each) and the
default is used instead: a typo in the config never stops reader from starting.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from reader.bounded_data import DataError, load_toml

CONFIG_FILE = "config.toml"
PREFERENCES_FILE = "preferences.json"
DEFAULT_THEME = "reader-dark"
WATCH_MODES = ("notify", "poll", "off")  # how the open library follows its folders (reader/tui/folder_watch.py)
MAX_CONFIG_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """Effective settings, after defaults and the config file."""

    algorithm: str = DEFAULT_ALGORITHM
    summary_sentences: int = 3
    story_words: int = 160  # a story summary's word budget (reader.summarize.DEFAULT_STORY_WORDS)
    story_sentences: int | None = None  # an optional cap on the story's sentences within that budget
    mark_read_on_open: bool = True
    theme: str = DEFAULT_THEME
    watch: str = "notify"  # how the open library follows its folders: notify, poll or off
    watch_seconds: float = 2.0  # seconds between stat scans when polling (and for files named alone)
    keymap: dict[str, str] = field(default_factory=dict)  # action id -> comma-separated keys


@dataclass(slots=True)
class Config:
    settings: Settings
    path: Path
    problems: list[str] = field(default_factory=list)


def config_dir() -> Path:
    """`$READER_HOME/config` when set, else the per-user config directory (e.g. ~/.config/reader)."""
    home = os.environ.get("READER_HOME")
    if home:
        return Path(home).expanduser() / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir("reader", appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def user_themes_dir() -> Path:
    return config_dir() / "themes"


_CHECKS: dict[str, tuple[type, Any]] = {
    "algorithm": (str, lambda v: v in ALGORITHMS or f"unknown algorithm {v!r} (choose from {', '.join(ALGORITHMS)})"),
    "summary_sentences": (int, lambda v: 1 <= v <= 100 or "must be between 1 and 100"),
    "story_words": (int, lambda v: 20 <= v <= 2000 or "must be between 20 and 2000"),
    "story_sentences": (int, lambda v: 1 <= v <= 100 or "must be between 1 and 100"),
    "mark_read_on_open": (bool, lambda v: True),
    "theme": (str, lambda v: bool(v.strip()) or "must not be empty"),
    "watch": (str, lambda v: v in WATCH_MODES or f"must be one of {', '.join(WATCH_MODES)}"),
    "watch_seconds": (float, lambda v: 0.1 <= v <= 3600 or "must be between 0.1 and 3600"),
}


def load_config(path: Path | None = None) -> Config:
    """Read the config file if there is one; problems are collected, never raised."""
    path = path or config_path()
    config = Config(Settings(), path)
    try:
        if not path.is_file():
            return config
        raw = path.read_bytes()[: MAX_CONFIG_BYTES + 1]
        if len(raw) > MAX_CONFIG_BYTES:
            config.problems.append(f"{path}: larger than {MAX_CONFIG_BYTES // 1024} KB; ignored")
            return config
        data = load_toml(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        config.problems.append(f"{path}: cannot read ({exc.__class__.__name__}); defaults used")
        return config
    except DataError as exc:
        config.problems.append(f"{path}: {exc}; defaults used")
        return config
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "keymap":
            values["keymap"] = _keymap(value, path, config.problems)
            continue
        if key not in _CHECKS:
            config.problems.append(f"{path}: unknown setting {key!r} ignored")
            continue
        kind, check = _CHECKS[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)  # `watch_seconds = 5` means 5.0
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            config.problems.append(f"{path}: {key} should be {kind.__name__}, not {type(value).__name__}; default used")
            continue
        verdict = check(value)
        if verdict is not True:
            config.problems.append(f"{path}: {key}: {verdict}; default used")
            continue
        values[key] = value
    config.settings = replace(config.settings, **values)
    return config


def _keymap(value: Any, path: Path, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f"{path}: [keymap] should be a table of action = \"keys\"; ignored")
        return {}
    keymap: dict[str, str] = {}
    for action, keys in value.items():
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: keymap.{action} should be a key such as \"ctrl+r\"; ignored")
            continue
        keymap[str(action)] = keys.replace(" ", "")
    return keymap


def keymap_problems(keymap: dict[str, str], actions: dict[str, set[str]]) -> list[str]:
    """Unknown action ids, and keys bound to two actions of the same screen.

    `actions` maps each screen name to the binding ids it offers.
    """
    known = set().union(*actions.values()) if actions else set()
    problems = [f"keymap: unknown action {a!r} ignored" for a in keymap if a not in known]
    for screen, ids in actions.items():
        seen: dict[str, str] = {}
        for action in sorted(ids & set(keymap)):
            for key in keymap[action].split(","):
                if key in seen:
                    problems.append(f"keymap: {key!r} is bound to both {seen[key]!r} and {action!r} on the {screen}")
                seen[key] = action
    return problems


def describe(settings: Settings) -> dict[str, Any]:
    """Settings as plain data, for `reader config`."""
    return {f.name: getattr(settings, f.name) for f in fields(settings)}


def preferences_path() -> Path:
    from reader.paths import state_dir

    return state_dir() / PREFERENCES_FILE


def load_preferences() -> dict[str, Any]:
    """Choices made in the app (the theme): a small JSON file, ignored if damaged."""
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_preference(key: str, value: Any) -> None:
    """Write one preference atomically (temp file, then rename)."""
    path = preferences_path()
    data = load_preferences()
    data[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        pass  # a preference that cannot be saved is not worth interrupting the reader for


def effective_theme(config: Config, override: str | None = None) -> str:
    """--theme, else the theme chosen in the app, else the config file's, else the default."""
    if override:
        return override
    chosen = load_preferences().get("theme")
    if isinstance(chosen, str) and chosen:
        return chosen
    return config.settings.theme
