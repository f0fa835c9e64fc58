"""`reader themes`: every theme reader can use, the current one marked; broken theme files reported."""
from __future__ import annotations

import argparse

from reader.commands.common import report
from reader.config import effective_theme, load_config
from reader.output.sanitize import dumps, one_line


def available_themes() -> tuple[list[tuple[str, str]], list[str]]:
    """(name, origin) for shipped, user and Textual's built-in themes, plus problems with theme files."""
    from reader.theme_files import TEXTUAL_THEMES, load_theme_dirs, theme_folders

    specs, problems = load_theme_dirs(theme_folders())
    shipped_dir = theme_folders()[0]
    names = [(s.name, "reader" if s.path and s.path.parent == shipped_dir else f"user: {s.path}") for s in specs]
    taken = {n for n, _ in names}
    names += [(name, "textual") for name in TEXTUAL_THEMES if name not in taken]
    return names, problems


def run_themes(options: argparse.Namespace) -> int:
    config = load_config()
    current = effective_theme(config)
    names, problems = available_themes()
    for problem in config.problems + problems:
        report(problem)
    if options.format == "json":
        print(dumps([{"name": n, "origin": o, "current": n == current} for n, o in names]))
    else:
        for name, origin in names:
            print(f"{'*' if name == current else ' '} {one_line(name):28} {one_line(origin)}")
        if current not in {n for n, _ in names}:
            report(f"the current theme {current!r} is not available; reader-dark is used")
    return 0
