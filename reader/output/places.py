"""File names in citations: below the folder all of a run's files share, so same-named files stay apart.

`001.txt:3` could be `business/001.txt` or `sport/001.txt`; relative to the common root it is
`business/001.txt:3`. One file (or files in one folder) still cite by their base name.
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from reader.output.sanitize import path_text


def common_root(paths: Iterable[str]) -> str | None:
    """The deepest folder holding every path (absolute), or None when there are none."""
    folders = {os.path.dirname(os.path.abspath(p)) for p in paths}
    if not folders:
        return None
    try:
        return os.path.commonpath(sorted(folders))
    except ValueError:  # paths on different drives (Windows)
        return None


def below(path: str, root: str | None) -> str:
    """`path` relative to `root` (its base name without one), on one line and inert for printing."""
    if root is not None:
        try:
            return path_text(os.path.relpath(os.path.abspath(path), root))
        except ValueError:
            pass
    return path_text(os.path.basename(path))


def cite(path: str, start: int, end: int, root: str | None = None) -> str:
    """`file:line` or `file:start-end`, the file named below `root`: short, and unambiguous in the run."""
    name = below(path, root)
    return f"{name}:{start}" if start == end else f"{name}:{start}-{end}"
