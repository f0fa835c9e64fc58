"""`reader show` and what every command shares (default inputs, stderr reports, the console), on real files."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import pytest
from command_helpers import write_news
from rich.text import Text

from reader.commands.common import default_paths, load_reporting, report, stdout_console
from reader.commands.show_command import run_show
from reader.model import LoadError

PROJECT = Path(__file__).resolve().parents[2]


def show(*paths: Path, format: str = "json") -> int:
    return run_show(argparse.Namespace(paths=[str(p) for p in paths], format=format))


def test_show_json_of_one_file_is_one_object(capsys, tmp_path: Path) -> None:
    a, _ = write_news(tmp_path / "news")
    assert show(a) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["path"] == str(a) and doc["title"] == "Harbour ferry halted" and doc["format"] == "text"
    assert [(s["text"], s["line_start"], s["line_end"]) for s in doc["sentences"]] == [
        ("Harbour ferry halted", 1, 1),
        ("Ferries stopped running on Monday.", 3, 3),
        ("Engineers found cracks in the pier.", 3, 3),
    ]
    assert doc["removed"] == [] and doc["warnings"] == []


def test_show_json_of_two_files_is_a_list_and_errors_go_to_stderr(capsys, tmp_path: Path) -> None:
    a, b = write_news(tmp_path / "news")
    empty = tmp_path / "news" / "empty.txt"
    empty.write_bytes(b"")
    assert show(a, empty, b) == 1
    captured = capsys.readouterr()
    assert [d["path"] for d in json.loads(captured.out)] == [str(a), str(b)]
    assert captured.err == f"reader: {empty}: empty file\n"


def test_show_of_only_a_bad_file_prints_nothing(capsys, tmp_path: Path) -> None:
    assert show(tmp_path / "missing.txt") == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"reader: {tmp_path / 'missing.txt'}: ")


def test_show_text_numbers_the_lines_of_each_file(capsys, tmp_path: Path) -> None:
    a, b = write_news(tmp_path / "news")
    assert show(a, b, format="text") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Harbour ferry halted", "a.txt · text, utf-8, 3 sentences", "",
        "1 │ Harbour ferry halted", "2 │ ", "3 │ Ferries stopped running on Monday. Engineers found cracks in the pier.",
        "",
        "School budget approved", "b.txt · text, utf-8, 3 sentences", "",
        "1 │ School budget approved", "2 │ ", "3 │ The council approved the school budget on Tuesday. Teachers welcomed the vote.",
    ]


def test_default_paths_are_the_bundled_seeds_only_when_none_are_given() -> None:
    assert default_paths(["x", "y"]) == ["x", "y"]
    (folder,) = default_paths([])
    assert (Path(folder) / "01-bellhaven-courier.txt").is_file()  # the sample corpus of seeds/


def test_report_is_one_inert_line_on_stderr(capsys) -> None:  # type: ignore[no-untyped-def]
    report(LoadError("a.txt", "not text"))
    report("two\nlines \x1b[2J here")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "reader: a.txt: not text\nreader: two lines ^[[2J here\n"


def test_load_reporting_keeps_articles_and_reports_errors_as_they_come(capsys, tmp_path: Path) -> None:
    a, b = write_news(tmp_path / "news")
    (tmp_path / "news" / "aa-empty.txt").write_bytes(b"")
    articles, errors = load_reporting([str(tmp_path / "news")])
    assert [x.path for x in articles] == [str(a), str(b)]
    assert errors == [LoadError(str(tmp_path / "news" / "aa-empty.txt"), "empty file")]
    assert capsys.readouterr().err == f"reader: {tmp_path / 'news' / 'aa-empty.txt'}: empty file\n"


def test_stdout_console_writes_plain_text_to_a_pipe(capsys) -> None:  # type: ignore[no-untyped-def]
    stdout_console().print(Text("bold [b]not markup[/b] :smile:", style="bold red"))
    assert capsys.readouterr().out == "bold [b]not markup[/b] :smile:\n"


def test_stdout_console_raises_broken_pipe_for_the_cli_to_handle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich's own handling would exit with status 1; the CLI wants the error, to stop quietly with 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has gone away
    pipe = os.fdopen(write_end, "w")
    monkeypatch.setattr(sys, "stdout", pipe)
    try:
        with pytest.raises(BrokenPipeError):
            stdout_console().print("x" * 100_000)
    finally:
        monkeypatch.undo()
        try:
            pipe.close()
        except BrokenPipeError:
            pass
