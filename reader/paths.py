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


def default_state_path() -> Path:
    """The triage database used when no `--state PATH` is given."""
    return state_dir() / STATE_FILE
