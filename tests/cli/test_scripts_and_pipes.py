"""reader in scripts and pipes (issue 12): unambiguous citation paths, full titles in JSON, plain
usage errors and counts, and an exit status that survives a reader of the output going away."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import _command  # the installed entry point, as run_reader uses it

LONG_FIRST = ("After a meeting that ran far past midnight, the harbour board voted seven to two to close the old "
              "ferry pier for repairs, sending every commuter onto the coastal buses until the spring.")


@pytest.fixture
def two_folders(tmp_path: Path) -> Path:
    """`business/001.txt` and `sport/001.txt`: the same name in two folders of one run."""
    root = tmp_path / "news"
    (root / "business").mkdir(parents=True)
    (root / "sport").mkdir()
    (root / "business" / "001.txt").write_text(
        "Harbour ferry halted\n\nFerries stopped running on Monday after engineers found cracks in the pier.\n\n"
        "The harbour board said repairs to the pier would take until the spring.\n", encoding="utf-8")
    (root / "sport" / "001.txt").write_text(
        "Ferry cup postponed\n\nThe ferry cup race was postponed because the harbour pier was closed for repairs.\n\n"
        "Rowers said the harbour board had warned them about the cracks in the pier.\n", encoding="utf-8")
    return root


def cited_files(text: str) -> set[str]:
    return {line.split(":")[0].strip() for line in text.splitlines() if line.startswith("    ") and ":" in line}


def test_summarize_text_names_same_named_files_apart(run_reader, two_folders: Path) -> None:
    result = run_reader("summarize", "-n", "1", "news", cwd=two_folders.parent)
    assert result.code == 0, result.err
    assert cited_files(result.out) == {"business/001.txt", "sport/001.txt"}


def test_story_text_and_markdown_name_same_named_files_apart(run_reader, two_folders: Path) -> None:
    text = run_reader("summarize", "--story", "news", cwd=two_folders.parent).out
    places = {w.rstrip(",") for w in text.split() if w.count(":") == 1 and w.rstrip(",")[-1].isdigit()}
    assert places and {p.split(":")[0] for p in places} <= {"business/001.txt", "sport/001.txt"}
    assert " 001.txt:" not in text
    markdown = run_reader("summarize", "--story", "--format", "markdown", "news", cwd=two_folders.parent).out
    notes = [line for line in markdown.splitlines() if line.startswith("[^")]
    assert notes and all("`business/001.txt`" in n or "`sport/001.txt`" in n for n in notes)


def test_outlets_named_by_file_are_named_apart(run_reader, two_folders: Path) -> None:
    """Files without a publisher are their own outlet: `only in 001.txt` would be either file."""
    out = run_reader("summarize", "--story", "--format", "json", "news", cwd=two_folders.parent).out
    items = json.loads(out)["story"]["summary"]
    outlets = {item["outlet"] for item in items} | {r["outlet"] for item in items for r in item["reported_by"]}
    assert outlets == {"business/001.txt", "sport/001.txt"}
    assert any(item["only_in"] in outlets for item in items)
    text = run_reader("summarize", "--story", "news", cwd=two_folders.parent).out
    assert "only in 001.txt" not in text and "· only in " in text


def test_per_article_markdown_names_same_named_files_apart(run_reader, two_folders: Path) -> None:
    markdown = run_reader("summarize", "--format", "markdown", "-n", "1", "news", cwd=two_folders.parent).out
    notes = [line.split("`")[1] for line in markdown.splitlines() if line.startswith("[^")]
    assert notes == ["business/001.txt", "sport/001.txt"]


def test_show_names_each_file_below_the_common_root(run_reader, two_folders: Path) -> None:
    out = run_reader("show", "news/business/001.txt", "news/sport/001.txt", cwd=two_folders.parent).out
    assert "\nbusiness/001.txt · text, utf-8, 3 sentences\n" in "\n" + out
    assert "\nsport/001.txt · text, utf-8, 3 sentences\n" in out


@pytest.mark.parametrize("story", [(), ("--story",)])
def test_json_citations_hold_for_same_named_files(run_reader, two_folders: Path, check_citations, story) -> None:
    result = run_reader("summarize", "--format", "json", *story, "news", cwd=two_folders.parent)
    assert result.code == 0, result.err
    doc = result.json()
    items = doc["story"]["summary"] if story else [i for a in doc["articles"] for i in a["summary"]]  # type: ignore[index]
    cited = {c["path"] for i in items for c in i["citations"]}
    assert cited == {"news/business/001.txt", "news/sport/001.txt"}
    ok, summary = check_citations(result.out, base=two_folders.parent)
    assert ok, summary


def test_json_citations_hold_for_the_shared_seeds(run_reader, shared_seeds: Path, check_citations) -> None:
    result = run_reader("summarize", "--format", "json", "seeds", cwd=shared_seeds.parent)
    assert result.code == 0, result.err
    ok, summary = check_citations(result.out, base=shared_seeds.parent)
    assert ok, summary


def test_json_keeps_full_titles_while_text_shortens_them(run_reader, tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text(LONG_FIRST + "\n\nThe buses were crowded on the first morning.\n",
                                       encoding="utf-8")
    for args in (("list", "--format", "json"), ("summarize", "--format", "json"), ("show", "--format", "json")):
        doc = run_reader(*args, "pier.txt", cwd=tmp_path).json()
        title = (doc[0] if args[0] == "list" else doc["articles"][0] if args[0] == "summarize" else doc)["title"]
        assert title == LONG_FIRST, args
    for args in (("list",), ("summarize",), ("show",)):
        out = run_reader(*args, "pier.txt", cwd=tmp_path).out
        assert "ferry pier for…" in out or "…" in out.splitlines()[0], args
        assert LONG_FIRST not in out.splitlines()[0]


@pytest.mark.parametrize("args, says", [
    (("summarize", "-n", "abc"), "argument -n/--sentences: 'abc' is not a whole number"),
    (("summarize", "--words", "x1"), "argument --words: 'x1' is not a whole number"),
    (("summarize", "-n", "0"), "argument -n/--sentences: 0 is too small: give 1 or more"),
    (("search", "-n", "-3", "x"), "argument -n/--limit: -3 is too small"),
])
def test_bad_numbers_say_what_is_wrong(run_reader, args, says) -> None:
    result = run_reader(*args)
    assert result.code == 2 and says in result.err and "_positive" not in result.err


def test_one_sentence_is_not_one_sentences(run_reader, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Only one sentence is here in this file.\n", encoding="utf-8")
    out = run_reader("show", "one.txt", cwd=tmp_path).out
    assert "1 sentence\n" in out and "1 sentences" not in out
    story = run_reader("summarize", "--story", "--words", "1", "one.txt", str(tmp_path / "one.txt"), cwd=tmp_path)
    assert "1 words" not in story.out and "1 sources" not in story.out


def shell(command: str, cwd: Path, home: Path) -> tuple[int, str]:
    """Run `command | head -1` in bash; the status of reader (not of head) and reader's stderr."""
    reader = " ".join(_command())
    script = f"{reader} {command} 2>err.txt | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "READER_HOME": str(home)})
    return int(done.stdout.split()[-1]), (cwd / "err.txt").read_text()


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Enough articles that their summaries (-n 12: about 100 KB) and hits (-n 2000: about 150 KB)
    overflow a pipe's buffer (64 KB), so `head -1` closes it mid-run."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(240):
        (folder / f"{n:03}.txt").write_text(
            f"Story {n}\n\n" + " ".join(f"Sentence {k} of story {n} says something about the harbour pier."
                                        for k in range(12)) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_closed_pipe_keeps_the_status(many: Path, private_home: Path, fmt: str) -> None:
    status, err = shell(f"summarize -n 12 --format {fmt} many", many.parent, private_home)
    assert status == 0 and err == ""
    status, err = shell(f"summarize -n 12 --format {fmt} many missing.txt", many.parent, private_home)
    assert status == 1 and "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_a_closed_pipe_after_a_bad_file_keeps_the_status(many: Path, private_home: Path) -> None:
    (many.parent / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    status, err = shell("summarize -n 12 bad.txt many", many.parent, private_home)
    assert status == 1 and err.startswith("reader: bad.txt: ") and "Traceback" not in err


def test_search_through_a_closed_pipe(many: Path, private_home: Path) -> None:
    assert shell("search -n 2000 harbour many", many.parent, private_home) == (0, "")
    status, err = shell("search -n 2000 harbour many missing.txt", many.parent, private_home)
    assert status == 1 and "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_list_through_a_closed_pipe_keeps_the_status(tmp_path: Path, private_home: Path, fmt: str) -> None:
    """900 rows (about 90 KB as text) overflow the pipe's buffer, so `head -1` closes it mid-list; a
    bad file among them still makes the status 1."""
    folder = tmp_path / "library"
    folder.mkdir()
    for n in range(900):
        (folder / f"{n:03}-a-rather-long-file-name-for-the-row.txt").write_text(
            f"Harbour story number {n} with a long enough title\n\nThe pier reopened on Monday.\n", encoding="utf-8")
    assert shell(f"list --format {fmt} library", tmp_path, private_home) == (0, "")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    status, err = shell(f"list --format {fmt} library", tmp_path, private_home)
    assert status == 1 and "bad.txt" in err and "Traceback" not in err and "BrokenPipe" not in err
