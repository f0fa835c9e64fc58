"""Saving a story summary as a Markdown brief: where by default, and never over anything.

A brief is written where the user says, but never over an existing file (an input article, an
earlier brief): the file is created exclusively, so a name taken meanwhile is refused too. The default folder is
reader's own data folder, not the working folder: opening reader in a folder of articles and
exporting must not add a Markdown file to that folder's library.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from reader.paths import briefs_dir


class BriefError(Exception):
    """Why a brief could not be written, in words for the user."""


def default_brief_path(now: float | None = None) -> Path:
    """`<reader's briefs folder>/story-YYYYMMDD-HHMMSS.md` (see `reader.paths.briefs_dir`)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    return briefs_dir() / f"story-{stamp}.md"


def write_brief(text: str, where: str | os.PathLike[str]) -> Path:
    """Write `text` to the new file `where` (folders made as needed); raises BriefError, never overwrites."""
    raw = os.fspath(where).strip()
    if not raw:
        raise BriefError("give a file name")
    path = Path(raw).expanduser()
    if path.is_dir():
        raise BriefError(f"{path} is a folder: give a file name")
    if path.suffix == "":
        path = path.with_suffix(".md")
    if path.exists() or path.is_symlink():
        raise BriefError(f"{path} exists already: choose another name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never replaces a file
            out.write(text)
    except FileExistsError:
        raise BriefError(f"{path} exists already: choose another name") from None
    except OSError as exc:
        raise BriefError(f"{path} could not be written: {exc.strerror or exc}") from None
    return path
