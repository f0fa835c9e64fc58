"""`reader list` and `reader mark` through the installed entry point, with the state in a temp dir."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from triage_corpus import write_articles

PROJECT = Path(__file__).resolve().parents[2]
KEYS = ["path", "title", "date", "source", "read", "starred", "archived", "tags"]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    write_articles(folder, 4)
    return folder


def listed(run_reader, *args: str) -> dict[str, dict]:
    result = run_reader("list", "--format", "json", *args)
    assert result.code == 0, result.err
    return {Path(item["path"]).name: item for item in result.json()}


def test_list_json_shape_before_any_marks(run_reader, news: Path) -> None:
    items = run_reader("list", "--format", "json", str(news)).json()
    assert [Path(i["path"]).name for i in items] == ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]
    for item in items:
        assert list(item)[: len(KEYS)] == KEYS
        assert (item["read"], item["starred"], item["archived"], item["tags"]) == (False, False, False, [])
        assert item["title"].startswith("Town debates")


def test_mark_then_list_with_filters(run_reader, news: Path) -> None:
    a0, a1, a2 = (str(news / f"a{n}.txt") for n in range(3))
    done = run_reader("mark", a0, a1, "--read", "--tag", "zeta", "--tag", "#Alpha")
    assert done.code == 0 and done.out == ""
    assert done.err.strip() == "marked 2 articles read and tagged #zeta #Alpha"
    assert run_reader("mark", a1, "--star").err.strip() == "marked 1 article starred"
    assert run_reader("mark", a2, "--archive").code == 0

    items = listed(run_reader, str(news))
    assert sorted(items) == ["a0.txt", "a1.txt", "a3.txt"]  # archived hidden by default
    assert items["a0.txt"]["tags"] == ["Alpha", "zeta"] and items["a0.txt"]["read"]
    assert sorted(listed(run_reader, "--unread", str(news))) == ["a3.txt"]
    assert sorted(listed(run_reader, "--starred", str(news))) == ["a1.txt"]
    assert sorted(listed(run_reader, "--tag", "zeta", str(news))) == ["a0.txt", "a1.txt"]
    assert sorted(listed(run_reader, "--tag", "zeta", "--starred", str(news))) == ["a1.txt"]
    assert sorted(listed(run_reader, "--tag", "zeta", "--tag", "nope", str(news))) == []
    assert sorted(listed(run_reader, "--archived", str(news))) == ["a2.txt"]
    assert sorted(listed(run_reader, "--all", str(news))) == ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]


def test_mark_undoing_flags(run_reader, news: Path) -> None:
    a0 = str(news / "a0.txt")
    run_reader("mark", a0, "--read", "--star", "--archive", "--tag", "x", "--tag", "y")
    done = run_reader("mark", a0, "--unread", "--unstar", "--unarchive", "--untag", "x")
    assert done.code == 0
    assert done.err.strip() == "marked 1 article unread, unstarred, unarchived and untagged #x"
    item = listed(run_reader, a0)["a0.txt"]
    assert (item["read"], item["starred"], item["archived"], item["tags"]) == (False, False, False, ["y"])
    again = run_reader("mark", a0, "--unread")
    assert again.err.strip() == "marked 1 article unread (0 changed)"


def test_a_comma_separates_tags_on_the_command_line_as_in_the_tag_dialog(run_reader, news: Path) -> None:
    """A comma is the tag dialog's separator, so no tag holds one: `--tag a,b` is two tags."""
    a0 = str(news / "a0.txt")
    done = run_reader("mark", a0, "--tag", "energy,#policy", "--tag", "late,")
    assert done.code == 0, done.err
    assert done.err.strip() == "marked 1 article tagged #energy #policy #late"
    assert listed(run_reader, a0)["a0.txt"]["tags"] == ["energy", "late", "policy"]
    assert set(listed(run_reader, "--tag", "energy,policy", str(news))) == {"a0.txt"}
    assert run_reader("mark", a0, "--untag", "energy,late").code == 0
    assert listed(run_reader, a0)["a0.txt"]["tags"] == ["policy"]


def test_mark_folders_recursively(run_reader, news: Path) -> None:
    write_articles(news / "deeper", 1)
    (news / "deeper" / "a0.txt").write_text("Deeper story\n\nSomething else happened in the valley today. It rained.\n")
    done = run_reader("mark", "--read", str(news))
    assert done.code == 0 and done.err.strip() == "marked 5 articles read"
    assert all(item["read"] for item in listed(run_reader, str(news)).values())


def test_state_survives_a_rename_and_move_between_commands(run_reader, news: Path, tmp_path: Path) -> None:
    assert run_reader("mark", str(news / "a1.txt"), "--star", "--tag", "keep").code == 0
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    (news / "a1.txt").rename(moved)
    item = listed(run_reader, str(moved))["renamed.txt"]
    assert item["starred"] and item["tags"] == ["keep"]


def test_usage_errors_exit_2(run_reader, news: Path) -> None:
    a0 = str(news / "a0.txt")
    for args in (["mark", a0], ["mark", "--read"], ["mark", a0, "--read", "--unread"],
                 ["mark", a0, "--star", "--unstar"], ["mark", a0, "--tag", "two words"],
                 ["mark", a0, "--tag", "x", "--untag", "x"], ["mark", a0, "--tag", ""], ["mark", a0, "--tag", ","],
                 ["list", "--archived", "--all", a0], ["list", "--tag", "bad\x1btag", a0],
                 ["list", "--format", "yaml", a0]):
        result = run_reader(*args)
        assert result.code == 2, (args, result.err)
        assert "usage:" in result.err and "Traceback" not in result.err
    assert listed(run_reader, a0)["a0.txt"]["tags"] == []  # nothing was marked by a refused command


def test_a_bad_file_exits_1_and_the_rest_is_still_marked(run_reader, news: Path) -> None:
    (news / "empty.txt").write_text("")
    done = run_reader("mark", "--star", str(news), str(news / "missing.txt"))
    assert done.code == 1
    lines = done.err.strip().splitlines()
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert lines[-1] == "marked 4 articles starred"
    result = run_reader("list", "--format", "json", str(news))
    assert result.code == 1 and len(result.json()) == 4
    assert all(item["starred"] for item in result.json())


def test_state_option_before_or_after_the_command(run_reader, news: Path, tmp_path: Path) -> None:
    custom = tmp_path / "mine" / "triage.sqlite3"
    a0 = str(news / "a0.txt")
    assert run_reader("--state", str(custom), "mark", a0, "--star").code == 0
    assert custom.is_file()
    assert listed(run_reader, "--state", str(custom), a0)["a0.txt"]["starred"]
    assert run_reader("--state", str(custom), "list", "--format", "json", a0).json()[0]["starred"]
    assert run_reader(f"--state={custom}", "list", "--format", "json", a0).json()[0]["starred"]
    assert not listed(run_reader, a0)["a0.txt"]["starred"]  # the default state never saw it
    assert (custom.parent / "ingest-cache.sqlite3").is_file()  # reader's files stay together


def test_newer_state_is_refused_with_one_line(run_reader, news: Path, private_home: Path) -> None:
    db = private_home / "state" / "state.sqlite3"
    db.parent.mkdir(parents=True)
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA user_version = 999")
    raw.execute("CREATE TABLE future (x)")
    raw.commit()
    raw.close()
    before = db.read_bytes()
    for args in (["list", str(news)], ["mark", "--read", str(news)]):
        result = run_reader(*args)
        assert result.code == 1 and result.out == ""
        (line,) = result.err.strip().splitlines()
        assert "newer" in line and "999" in line
    assert db.read_bytes() == before


def test_corrupt_state_is_moved_aside_with_one_warning(run_reader, news: Path, private_home: Path) -> None:
    db = private_home / "state" / "state.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage" * 2000)
    result = run_reader("mark", "--read", str(news))
    assert result.code == 0
    warning, summary = result.err.strip().splitlines()
    assert warning.startswith("reader: state database") and "fresh" in warning
    assert summary == "marked 4 articles read"
    assert len(list(db.parent.glob("state.sqlite3.corrupt-*"))) == 1
    assert all(item["read"] for item in listed(run_reader, str(news)).values())


def test_text_listing_shows_state_symbols_plain_when_piped(run_reader, news: Path) -> None:
    run_reader("mark", str(news / "a0.txt"), "--read", "--star", "--tag", "later")
    run_reader("mark", str(news / "a1.txt"), "--archive")
    out = run_reader("list", "--all", str(news)).out
    assert "\x1b[" not in out
    lines = {Path(line.split()[-1]).name: line for line in out.splitlines()}
    assert lines["a0.txt"].startswith("·★ ") and "#later" in lines["a0.txt"]
    assert lines["a1.txt"].startswith("● ▣")
    assert lines["a2.txt"].startswith("●  ")
    assert "Town debates the school budget" in lines["a1.txt"]


def test_hostile_titles_stay_inert(run_reader, tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("Title \x1b]0;pwned\x07 here\n\nA sentence that is long enough to count here. Another one follows.\n")
    result = run_reader("list", str(path))
    assert "\x1b" not in result.out and "\x07" not in result.out


def test_nothing_is_written_beside_the_articles(run_reader, news: Path) -> None:
    before = sorted(p.name for p in news.iterdir())
    run_reader("mark", "--read", "--tag", "x", str(news))
    run_reader("list", str(news))
    assert sorted(p.name for p in news.iterdir()) == before


def test_list_and_mark_never_import_textual(news: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['mark', '--read', '--tag', 'x', {str(news)!r}]) == 0\n"
        f"    assert main(['list', '--format', 'json', {str(news)!r}]) == 0\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "print('clean')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT)
    assert done.stdout.strip() == "clean", done.stderr
