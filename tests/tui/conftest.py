"""Fixtures for the TUI tests: folders with bad and untrusted files, built in tmp_path."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tui_helpers import SEEDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))  # the story corpus the CLI tests use
from story_corpus import write_story_folder  # noqa: E402


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """Two readable articles, a binary file and an empty file."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "01-bellhaven-courier.txt", folder / "a-good.txt")
    shutil.copy(SEEDS / "11-skyline-science-meteorite.txt", folder / "b-good.txt")
    (folder / "c-binary.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "d-empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def untrusted_article(tmp_path: Path) -> Path:
    """An article whose title and text carry Rich markup and a terminal escape sequence (the link has no
    address: a sentence with a web address is a contact line, which a summary does not quote)."""
    path = tmp_path / "untrusted.txt"
    path.write_text(
        "Markup [bold]x[/bold] in the title line\n"
        "\n"
        "The council said [bold]x[/bold] was never bold and [link=evil]y[/link] no link. "
        "An escape \x1b[31mred\x1b[0m sequence sits inside this second sentence of the story. "
        "A third sentence closes the paragraph with more plain words for the summary.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def story_news(tmp_path: Path) -> Path:
    """The invented five-file story (three outlets, a reprint, an unrelated file): see tests/cli/story_corpus.py."""
    return write_story_folder(tmp_path / "news")
