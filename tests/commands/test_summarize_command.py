"""`reader summarize` as a function: per-article and story output on real files, settings from the config."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from command_helpers import write_news

from reader.commands.summarize_command import run_summarize


def options(*paths: Path, state: Path, **given: object) -> argparse.Namespace:
    values: dict[str, object] = dict(paths=[str(p) for p in paths], sentences=None, words=None, algorithm=None,
                                     story=False, format="json", state=str(state))
    return argparse.Namespace(**{**values, **given})


def test_json_per_article_uses_the_config_and_cites_lines(capsys, tmp_path: Path, private_home: Path) -> None:
    a, b = write_news(tmp_path / "news")
    config = private_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('algorithm = "lead"\nsummary_sentences = 1\n', encoding="utf-8")
    assert run_summarize(options(a, b, state=tmp_path / "state" / "state.sqlite3")) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["algorithm"] == "lead" and doc["story"] is None and doc["errors"] == []
    assert [(x["path"], [(i["text"], i["citations"]) for i in x["summary"]]) for x in doc["articles"]] == [
        (str(a), [("Ferries stopped running on Monday.", [{"path": str(a), "line_start": 3, "line_end": 3}])]),
        (str(b), [("The council approved the school budget on Tuesday.",
                   [{"path": str(b), "line_start": 3, "line_end": 3}])]),
    ]
    assert (tmp_path / "state" / "ingest-cache.sqlite3").is_file()  # the cache sits beside --state


def test_text_and_markdown(capsys, tmp_path: Path) -> None:
    a, _ = write_news(tmp_path / "news")
    state = tmp_path / "state.sqlite3"
    assert run_summarize(options(a, state=state, format="text", algorithm="lead", sentences=1)) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Harbour ferry halted", str(a), " 1. Ferries stopped running on Monday.", "    a.txt:3", "",
    ]
    assert run_summarize(options(a, state=state, format="markdown", algorithm="lead", sentences=1)) == 0
    assert capsys.readouterr().out == (
        "## Harbour ferry halted\n\n- Ferries stopped running on Monday.[^1]\n\n"
        "[^1]: `a.txt` line 3\n"
    )


def test_a_story_of_one_article_is_its_summary(capsys, tmp_path: Path) -> None:
    a, _ = write_news(tmp_path / "news")
    assert run_summarize(options(a, state=tmp_path / "s.sqlite3", story=True, algorithm="lead", sentences=2)) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["story"] is None
    assert [i["text"] for i in doc["articles"][0]["summary"]] == [
        "Ferries stopped running on Monday.", "Engineers found cracks in the pier."]


def test_a_story_over_two_files_stays_in_its_budget(capsys, tmp_path: Path) -> None:
    a, b = write_news(tmp_path / "news")
    assert run_summarize(options(a, b, state=tmp_path / "s.sqlite3", story=True, words=20)) == 0
    story = json.loads(capsys.readouterr().out)["story"]
    assert story["words"] == 20 and 0 < story["used_words"] <= 20
    assert story["used_words"] == sum(len(i["text"].split()) for i in story["summary"])
    assert {a["path"] for a in story["articles"]} == {str(a), str(b)}


def test_bad_files_and_empty_folders_exit_1(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "news" / "empty.txt"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    assert run_summarize(options(empty, state=tmp_path / "s.sqlite3", format="text")) == 1
    assert capsys.readouterr().err == f"reader: {empty}: empty file\n"
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    for story in (False, True):
        assert run_summarize(options(nothing, state=tmp_path / "s.sqlite3", format="text", story=story)) == 1
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == f"reader: {nothing}: folder holds no files\n"
