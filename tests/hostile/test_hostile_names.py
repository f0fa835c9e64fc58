"""File names from outside: bytes that are not UTF-8, markup, controls. Shown literally and escaped; the rest loads."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from reader.paths import printable_path
from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))
from tui_helpers import WIDE, settle  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")

FERRY = "Ferry strike ends\n\nThe ferry strike ended on Monday after talks. Crews return on Tuesday.\n"
COUNCIL = "Council votes\n\nThe council voted on Tuesday. The plan passed nine to four.\n"


def test_printable_path_escapes_only_what_cannot_be_printed() -> None:
    assert printable_path("news/a.txt") == "news/a.txt"
    assert printable_path(os.fsdecode(b"bad\xffname.txt")) == "bad\\xffname.txt"
    assert printable_path("caf\u00e9/\u65e5\u672c.txt") == "caf\u00e9/\u65e5\u672c.txt"  # real Unicode stays
    assert printable_path("lone\ud800") == "lone\\ud800"  # a surrogate no file system gave


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xffname.txt")).write_text(FERRY, encoding="utf-8")
    (folder / "good.txt").write_text(COUNCIL, encoding="utf-8")
    return folder


def test_a_name_that_is_not_utf8_is_listed_summarized_and_marked_escaped(odd_names: Path, run_reader) -> None:
    listed = run_reader("list", str(odd_names))
    assert listed.code == 0, listed.err
    assert "bad\\xffname.txt" in listed.out and "good.txt" in listed.out
    summary = run_reader("summarize", str(odd_names), "--format", "json")
    assert summary.code == 0, summary.err
    paths = [a["path"] for a in json.loads(summary.out)["articles"]]
    # JSON gives the real name, its undecodable byte as the surrogate PEP 383 makes of it: it opens
    assert paths == [str(odd_names / os.fsdecode(b"bad\xffname.txt")), str(odd_names / "good.txt")]
    assert "\\udcff" in summary.out and Path(paths[0]).read_text(encoding="utf-8") == FERRY
    assert run_reader("mark", str(odd_names), "--star").code == 0
    starred = run_reader("list", str(odd_names), "--starred")
    assert "bad\\xffname.txt" in starred.out and "Ferry strike ends" in starred.out
    assert "Traceback" not in listed.err + summary.err + starred.err


async def test_the_tui_opens_a_name_that_is_not_utf8(odd_names: Path) -> None:
    app = make_app([str(odd_names)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and not screen.library.failures
        assert screen.query_one(ArticleTable).row_count == 2
        await pilot.press("enter")  # the first row: the odd name sorts first
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.article.title == "Ferry strike ends"
        assert article.query_one("#source-pane").border_title.endswith("bad\\xffname.txt")


async def test_markup_in_folder_and_file_names_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "x[" / "[bold red]name" / "a["
    folder.mkdir(parents=True)
    (folder / "bold]b.txt").write_text(FERRY, encoding="utf-8")  # the path reads …/a[/bold]b.txt
    (folder / "[bold red]c.txt").write_text(COUNCIL, encoding="utf-8")  # markup in the file name itself
    app = make_app([str(tmp_path / "x[")])
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)  # was: MarkupError from the border title
        # The title bar names the file (and its outlet when known), literally, whatever the folders hold.
        names = {"bold]b.txt", "[bold red]c.txt"}
        for _ in range(len(names)):
            title = screen.query_one("#source-pane")._border_title  # the Content shown, styles and all
            assert title is not None and title.plain.split(" · ")[0] in names, title
            assert not title.spans  # nothing in the name became a style
            names.discard(title.plain.split(" · ")[0])
            await pilot.press("q", "down", "enter")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
        assert not names  # both files were opened and shown by their own names


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_named_as_permission_denied(tmp_path: Path) -> None:
    from reader.ingest import iter_inputs
    from reader.model import LoadError

    top = tmp_path / "news"
    (top / "locked").mkdir(parents=True)
    (top / "open.txt").write_text(FERRY)
    (top / "locked" / "inside.txt").write_text(COUNCIL)
    (top / "locked").chmod(0)
    empty = tmp_path / "empty-locked"
    empty.mkdir()
    empty.chmod(0)
    try:
        found = list(iter_inputs([str(top), str(empty)]))
    finally:
        (top / "locked").chmod(0o755)
        empty.chmod(0o755)
    errors = {(e.path, e.error) for e in found if isinstance(e, LoadError)}
    assert errors == {(str(top / "locked"), "permission denied"), (str(empty), "permission denied")}
    assert [f[0] for f in found if not isinstance(f, LoadError)] == [str(top / "open.txt")]


def test_walk_errors_become_named_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as root can check it: os.walk reports the folder it could not list."""
    import reader.ingest.loader as loader
    from reader.model import LoadError

    top = tmp_path / "news"
    top.mkdir()
    (top / "open.txt").write_text(FERRY)

    def walk(path, onerror=None):  # type: ignore[no-untyped-def]
        onerror(PermissionError(13, "Permission denied", str(top / "locked")))
        yield str(top), [], ["open.txt"]

    monkeypatch.setattr(loader.os, "walk", walk)
    found = list(loader.iter_inputs([str(top)]))
    assert [(e.path, e.error) for e in found if isinstance(e, LoadError)] == [(str(top / "locked"), "permission denied")]
    assert [f[0] for f in found if not isinstance(f, LoadError)] == [str(top / "open.txt")]


def test_a_line_break_in_a_file_name_is_shown_not_read_as_a_space(tmp_path: Path, run_reader) -> None:
    """"a\\nb.txt" cited as "a b.txt" would name its neighbour; it is cited as "a^Jb.txt"."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a\nb.txt").write_text(FERRY, encoding="utf-8")
    (folder / "a b.txt").write_text(COUNCIL, encoding="utf-8")
    result = run_reader("summarize", str(folder))
    assert result.code == 0, result.err
    assert "a^Jb.txt:3" in result.out and "a b.txt:3" in result.out
    assert f"{folder}/a^Jb.txt" in result.out.splitlines()
    assert result.out.count("a^Jb.txt") == 3 and result.out.count("a b.txt") == 3  # a heading, two citations each
