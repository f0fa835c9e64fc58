"""Bad input never crashes, never loses the rest, never is written to."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest


def make_bad_folder(root: Path) -> dict[str, Path]:
    root.mkdir()
    files = {
        "good": root / "good.txt",
        "binary": root / "image.png",
        "empty": root / "empty.txt",
        "undecodable": root / "mixed.txt",
        "unclosed": root / "unclosed.md",
        "malformed": root / "malformed.md",
        "python_tag": root / "tag.md",
        "bomb": root / "bomb.md",
        "long_line": root / "long.txt",
    }
    files["good"].write_text("The council met on Monday. It voted to adopt the plan.\n")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2048))
    files["empty"].write_bytes(b"")
    files["undecodable"].write_bytes(("Children’s privacy matters here. " * 100).encode() + b"\xff\xfe tail.")
    files["unclosed"].write_text("---\ntitle: never closed\n\nBody text is here.\n")
    files["malformed"].write_text("---\ntitle: [broken\n---\nBody after broken YAML.\n")
    files["python_tag"].write_text("---\nx: !!python/object/apply:os.system ['echo pwned']\n---\nBody text.\n")
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi")]
    files["bomb"].write_text("---\n" + "\n".join(bomb) + "\n---\nBody under a bomb.\n")
    files["long_line"].write_text("word " * 2_100_000)  # one 10.5 MB line
    return files


def digest(folder: Path) -> dict[str, tuple[str, float]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime) for p in folder.iterdir()}


def test_a_folder_of_bad_files(run_reader, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    files = make_bad_folder(folder)
    unreadable = folder / "secret.txt"
    unreadable.write_text("You cannot read me.")
    unreadable.chmod(0)
    before = digest(folder)
    result = run_reader("list", "--format", "json", str(folder), timeout=120)
    assert result.code == 1
    assert "Traceback" not in result.err
    paths = {item["path"] for item in result.json()}
    for key in ("good", "undecodable", "unclosed", "malformed", "python_tag", "bomb", "long_line"):
        assert str(files[key]) in paths, key
    err_lines = result.err.strip().splitlines()
    for key, words in {"binary": "binary", "empty": "empty", "undecodable": "UTF-8", "unclosed": "never closed",
                       "malformed": "YAML", "python_tag": "refused", "bomb": "aliases", "long_line": "characters long"}.items():
        (line,) = [l for l in err_lines if str(files[key]) in l]
        assert words in line, (key, line)
    if os.geteuid() != 0:  # root can read anything
        assert any(str(unreadable) in l and "permission" in l for l in err_lines)
    unreadable.chmod(0o600)
    after = digest(folder)
    assert {k: v for k, v in after.items()} == {k: v for k, v in before.items()}
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)  # nothing written beside the articles
    assert not (folder / "pwned").exists()


def test_missing_path_is_reported_and_the_rest_loads(run_reader, tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text("A fine sentence here. Another fine one.\n")
    result = run_reader("show", "--format", "json", str(tmp_path / "nope.txt"), str(good))
    assert result.code == 1
    assert "nope.txt" in result.err and "no such file" in result.err
    assert result.json()[0]["path"] == str(good)


def test_an_empty_path_is_an_error_not_the_current_folder(run_reader, tmp_path: Path) -> None:
    # `reader list "$FOLDER"` with FOLDER unset: Path("") is ".", which would list whatever is here.
    (tmp_path / "here.txt").write_text("A sentence that is here. Another one here.\n")
    for command in (["list"], ["show"], ["stories"], ["summarize"]):
        result = run_reader(*command, "", cwd=tmp_path)
        assert result.code == 1, command
        assert "'': empty path" in result.err and "Traceback" not in result.err, command
        assert "here.txt" not in result.out, command
    story = run_reader("summarize", "--story", "", cwd=tmp_path)
    assert story.code == 2 and "no story id given" in story.err and story.out == ""


def test_a_file_named_twice_is_one_article(run_reader, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferries halted\n\nFerries stopped on Monday after a strike began. "
                                      "The union wants a raise of 18% over three years.\n")
    (folder / "storm.txt").write_text("Storm\n\nA storm closed the harbour on Tuesday, officials said.\n")
    named = ["news", "news/ferry.txt", str(folder / "ferry.txt"), "news/../news/ferry.txt"]
    listed = run_reader("list", "--format", "json", *named, cwd=tmp_path)
    assert [row["path"] for row in listed.json()] == ["news/ferry.txt", "news/storm.txt"]
    summaries = run_reader("summarize", "--format", "json", "news/ferry.txt", "news/ferry.txt", cwd=tmp_path)
    assert [a["path"] for a in summaries.json()["articles"]] == ["news/ferry.txt"]
    stories = run_reader("stories", "--format", "json", "news/ferry.txt", "news", cwd=tmp_path)
    ferry = next(s for s in stories.json() if "news/ferry.txt" in s["articles"])
    assert ferry["articles"] == ["news/ferry.txt"] and ferry["copies"] == []  # not a copy of itself


def test_a_feed_past_its_item_limit_says_so_once(run_reader, tmp_path: Path) -> None:
    item = ("<item><title>Vote {0}</title><guid>g{0}</guid>"
            "<description>The council voted {0}. It was close.</description></item>")
    feed = tmp_path / "many.rss"
    feed.write_text('<rss version="2.0"><channel><title>Council</title>'
                    + "".join(item.format(i) for i in range(5_001)) + "</channel></rss>")
    result = run_reader("list", str(feed), timeout=300)
    assert result.code == 0 and "Traceback" not in result.err
    assert result.err.count("only the first 5,000 items are read") == 1
    assert result.out.count("many.rss#") == 5_000


def test_a_runaway_line_is_not_quoted_and_the_summary_says_why(run_reader, tmp_path: Path) -> None:
    runaway = tmp_path / "runaway.txt"
    runaway.write_text("word " * 5_000 + "\n")  # one 25,000-character "sentence"
    result = run_reader("summarize", str(runaway))
    assert "(no summary: no sentence to quote" in result.out and "runaway line (over 1,500 characters)" in result.out
    listed = run_reader("list", "--format", "json", str(runaway)).json()
    assert len(listed[0]["title"]) <= 120  # the cut title, not 25,000 characters of it


def test_front_matter_closed_past_the_part_read_is_not_called_never_closed(run_reader, tmp_path: Path) -> None:
    page = tmp_path / "huge.md"
    page.write_text("---\ntitle: big\nblob: |\n" + "  x\n" * 25_000 + "---\nThe council voted. It was close.\n")
    result = run_reader("show", str(page))
    assert "never closed in the first 20,000 lines or 4 MB read" in result.err


def test_no_sentence_to_quote_names_what_the_text_is(run_reader, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Hello\n")
    (tmp_path / "frag.txt").write_text("Title here\n\nOK then.\n\nYes.\n")
    result = run_reader("summarize", str(tmp_path / "one.txt"), str(tmp_path / "frag.txt"))
    assert "no sentence to quote: its only sentence is a heading)" in result.out
    assert "no sentence to quote: its 3 sentences are all headings or fragments)" in result.out
    assert "runaway" not in result.out  # no line here is long


def test_editor_backups_in_a_folder_are_not_articles(run_reader, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    text = "Ferries halted\n\nFerries stopped on Monday after a strike began, the union said.\n"
    for name in ("ferry.txt", "ferry.txt~", "#ferry.txt#"):
        (folder / name).write_text(text)
    assert [row["path"] for row in run_reader("list", "--format", "json", "news", cwd=tmp_path).json()] == ["news/ferry.txt"]
    named = run_reader("list", "--format", "json", "news/ferry.txt~", cwd=tmp_path).json()
    assert [row["path"] for row in named] == ["news/ferry.txt~"]  # named, it is read
