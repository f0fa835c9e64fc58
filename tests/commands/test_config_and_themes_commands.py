"""`reader config` and `reader themes` as functions, with the config dir under a private READER_HOME."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.commands.config_command import run_config
from reader.commands.themes_command import run_themes

PROJECT = Path(__file__).resolve().parents[2]
SHIPPED = ["reader-colorblind", "reader-dark", "reader-high-contrast", "reader-light"]  # themes/*.toml


def config_file(home: Path) -> Path:
    return home / "config" / "config.toml"


def test_config_with_no_file_prints_the_defaults(capsys, private_home: Path) -> None:
    assert run_config(argparse.Namespace(format="text")) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines() == [
        f"# {config_file(private_home)}  (not created yet: defaults in effect)",
        'algorithm = "reader"',
        "summary_sentences = 3",
        "story_words = 160",
        "# story_sentences = (not set: no sentence cap, the story fills story_words)",
        "mark_read_on_open = true",
        'theme = "reader-dark"',
        'watch = "notify"',
        "watch_seconds = 2.0",
        "",
        "[keymap]",
    ]


def test_config_reports_bad_values_and_keeps_the_good_ones(capsys, private_home: Path) -> None:
    path = config_file(private_home)
    path.parent.mkdir(parents=True)
    path.write_text('story_words = 100\nsummary_sentences = "three"\nmark_read_on_open = false\n'
                    'theme = "my \\"quoted\\" theme"\ncolour = 1\n\n[keymap]\nrefresh = ["ctrl+r", "f5"]\n',
                    encoding="utf-8")
    assert run_config(argparse.Namespace(format="text")) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"reader: {path}: summary_sentences should be int, not str; default used",
        f"reader: {path}: unknown setting 'colour' ignored",
    ]
    assert captured.out.splitlines() == [
        f"# {path}",
        'algorithm = "reader"',
        "summary_sentences = 3",
        "story_words = 100",
        "# story_sentences = (not set: no sentence cap, the story fills story_words)",
        "mark_read_on_open = false",
        'theme = "my \\"quoted\\" theme"',
        'watch = "notify"',
        "watch_seconds = 2.0",
        "",
        "[keymap]",
        'refresh = "ctrl+r,f5"',
    ]


def test_config_json(capsys, private_home: Path) -> None:
    path = config_file(private_home)
    path.parent.mkdir(parents=True)
    path.write_text("story_sentences = 4\nstory_words = 5\n", encoding="utf-8")
    assert run_config(argparse.Namespace(format="json")) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {
        "path": str(path), "exists": True,
        "settings": {"algorithm": "reader", "summary_sentences": 3, "story_words": 160, "story_sentences": 4,
                     "mark_read_on_open": True, "theme": "reader-dark", "watch": "notify",
                     "watch_seconds": 2.0, "keymap": {}},
        "problems": [f"{path}: story_words: must be between 20 and 2000; default used"],
    }
    assert captured.err == f"reader: {path}: story_words: must be between 20 and 2000; default used\n"


def themes_json(capsys) -> tuple[list[dict], str]:  # type: ignore[no-untyped-def]
    assert run_themes(argparse.Namespace(format="json")) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_themes_lists_the_shipped_ones_first_and_marks_the_current(capsys) -> None:  # type: ignore[no-untyped-def]
    themes, err = themes_json(capsys)
    assert err == ""
    assert [(t["name"], t["origin"]) for t in themes[:4]] == [(name, "reader") for name in SHIPPED]
    assert [t["name"] for t in themes if t["current"]] == ["reader-dark"]
    assert all(t["origin"] == "textual" for t in themes[4:]) and "nord" in [t["name"] for t in themes[4:]]


def test_themes_add_a_user_theme_and_report_a_broken_file(capsys, private_home: Path) -> None:  # type: ignore[no-untyped-def]
    folder = private_home / "config" / "themes"
    folder.mkdir(parents=True)
    mine = folder / "mine.toml"
    text = (PROJECT / "themes" / "reader-dark.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace('name = "reader-dark"', 'name = "mine"'), encoding="utf-8")
    (folder / "broken.toml").write_text("name = [", encoding="utf-8")
    config_file(private_home).write_text('theme = "mine"\n', encoding="utf-8")
    themes, err = themes_json(capsys)
    assert ("mine", f"user: {mine}") in [(t["name"], t["origin"]) for t in themes]
    assert [t["name"] for t in themes if t["current"]] == ["mine"]
    assert err.startswith(f"reader: {folder / 'broken.toml'}") and err.count("\n") == 1


def test_themes_text_marks_the_current_with_a_star(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run_themes(argparse.Namespace(format="text")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [f"{'*' if name == 'reader-dark' else ' '} {name:28} reader" for name in SHIPPED]


def test_themes_says_when_the_current_theme_is_missing(capsys, private_home: Path) -> None:  # type: ignore[no-untyped-def]
    config_file(private_home).parent.mkdir(parents=True)
    config_file(private_home).write_text('theme = "gone"\n', encoding="utf-8")
    assert run_themes(argparse.Namespace(format="text")) == 0
    captured = capsys.readouterr()
    assert not any(line.startswith("*") for line in captured.out.splitlines())
    assert captured.err == "reader: the current theme 'gone' is not available; reader-dark is used\n"


def test_shipped_theme_files_are_the_ones_listed() -> None:
    assert sorted(p.stem for p in (PROJECT / "themes").glob("*.toml")) == SHIPPED
