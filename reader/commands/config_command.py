"""`reader config`: where the config file is, and the settings in effect (problems on stderr)."""
from __future__ import annotations

import argparse

from reader.commands.common import report
from reader.config import describe, effective_theme, load_config
from reader.output.sanitize import dumps, inert


_UNSET = {"story_sentences": ": no sentence cap, the story fills story_words"}


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_config(options: argparse.Namespace) -> int:
    config = load_config()
    for problem in config.problems:
        report(problem)
    settings = describe(config.settings)
    settings["theme"] = effective_theme(config)
    if options.format == "json":
        print(dumps({"path": str(config.path), "exists": config.path.is_file(), "settings": settings,
                     "problems": config.problems}))
        return 0
    state = "" if config.path.is_file() else "  (not created yet: defaults in effect)"
    print(f"# {inert(str(config.path))}{state}")
    keymap = settings.pop("keymap")
    for key, value in settings.items():
        if value is None:  # TOML has no null: say what leaving it out means
            print(f"# {key} = (not set{_UNSET.get(key, '')})")
            continue
        print(f"{key} = {inert(_toml_value(value))}")
    print("\n[keymap]")
    for action, keys in sorted(keymap.items()):
        print(f"{inert(action)} = {inert(_toml_value(keys))}")
    return 0
