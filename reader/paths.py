"""Where reader keeps its own files: never beside the articles, always somewhere a test can redirect.

`READER_HOME` moves everything under one folder (tests point it at a temporary directory);
otherwise the platform's per-user data directory is used.
"""
from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "READER_HOME"
STATE_FILE = "state.sqlite3"


def state_dir() -> Path:
    """`$READER_HOME/state` when set, else the per-user data directory (e.g. ~/.local/share/reader)."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser() / "state"
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def briefs_dir() -> Path:
    """Where exported story briefs go by default: `$READER_HOME/briefs`, else `briefs` in the data directory."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home).expanduser() / "briefs" if home else state_dir() / "briefs"


def default_state_path() -> Path:
    """The triage database used when no `--state PATH` is given."""
    return state_dir() / STATE_FILE


def printable_path(path: str) -> str:
    """The path as text that can be printed, stored and sent as JSON: undecodable bytes become `\\xff`.

    A file name that is not UTF-8 reaches Python as lone surrogates (PEP 383), which no terminal,
    JSON encoder or SQLite text column accepts. Only the name shown changes: the file itself is
    still opened by its real name.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            raw = path.encode("utf-8", "surrogateescape")  # the bytes the name really has
        except UnicodeEncodeError:
            return path.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
