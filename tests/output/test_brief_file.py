"""Writing a story brief: a new file where asked, never over anything, default under reader's own folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.output.brief_file import BriefError, default_brief_path, write_brief


def test_writes_a_new_file_making_its_folders(tmp_path: Path) -> None:
    written = write_brief("# Brief\n", tmp_path / "a" / "b" / "brief.md")
    assert written == tmp_path / "a" / "b" / "brief.md"
    assert written.read_text(encoding="utf-8") == "# Brief\n"


def test_a_name_without_suffix_gets_md(tmp_path: Path) -> None:
    assert write_brief("x", tmp_path / "brief").name == "brief.md"


def test_never_replaces_a_file(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("the user's article", encoding="utf-8")
    with pytest.raises(BriefError, match="exists already"):
        write_brief("brief", article)
    assert article.read_text(encoding="utf-8") == "the user's article"


def test_a_folder_or_nothing_is_refused_with_words(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="is a folder"):
        write_brief("brief", tmp_path)
    with pytest.raises(BriefError, match="give a file name"):
        write_brief("brief", "   ")


@pytest.mark.skipif(__import__("os").geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_said(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(BriefError, match="could not be written"):
            write_brief("brief", locked / "brief.md")
    finally:
        locked.chmod(0o700)


def test_the_default_is_under_reader_home_not_the_working_folder(private_home: Path) -> None:
    path = default_brief_path(0)
    assert path.parent == private_home / "briefs" and path.name.startswith("story-") and path.suffix == ".md"
