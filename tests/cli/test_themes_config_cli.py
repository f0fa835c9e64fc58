"""`reader themes` and `reader config` through the entry point, with a private READER_HOME."""
from __future__ import annotations

from pathlib import Path


def test_themes_lists_shipped_user_and_builtin(run_reader, private_home: Path) -> None:
    user = private_home / "config" / "themes"
    user.mkdir(parents=True)
    (user / "mine.toml").write_text('name = "mine"\nprimary = "#112233"\n')
    (user / "broken.toml").write_text('name = "broken"\nprimary = "blue"\n')
    result = run_reader("themes", "--format", "json")
    assert result.code == 0
    names = {t["name"]: t for t in result.json()}
    assert {"reader-dark", "reader-light", "reader-high-contrast", "reader-colorblind", "mine", "textual-dark"} <= set(names)
    assert names["reader-dark"]["current"] is True
    assert "broken.toml" in result.err and "colour" in result.err
    text = run_reader("themes")
    assert any(line.startswith("* reader-dark") for line in text.out.splitlines())


def test_config_prints_path_and_effective_settings(run_reader, private_home: Path) -> None:
    result = run_reader("config", "--format", "json")
    doc = result.json()
    assert doc["path"] == str(private_home / "config" / "config.toml") and doc["exists"] is False
    assert doc["settings"]["algorithm"] == "reader"
    assert doc["settings"]["story_words"] == 160 and doc["settings"]["story_sentences"] is None
    text = run_reader("config").out
    assert "story_words = 160" in text and "# story_sentences = (not set" in text
    (private_home / "config").mkdir(parents=True)
    (private_home / "config" / "config.toml").write_text(
        'algorithm = "lexrank"\nmark_read_on_open = "yes"\nstory_sentences = 5\n[keymap]\ntoggle_star = "x"\n')
    result = run_reader("config")
    assert result.code == 0
    assert 'algorithm = "lexrank"' in result.out and "mark_read_on_open = true" in result.out
    assert 'toggle_star = "x"' in result.out and "story_sentences = 5" in result.out
    assert "mark_read_on_open should be bool" in result.err


def test_config_defaults_drive_summarize(run_reader, private_home: Path) -> None:
    (private_home / "config").mkdir(parents=True, exist_ok=True)
    (private_home / "config" / "config.toml").write_text('algorithm = "lead"\nsummary_sentences = 2\n')
    doc = run_reader("summarize", "--format", "json", "seeds/01-bellhaven-courier.txt").json()
    assert doc["algorithm"] == "lead"
    summary = doc["articles"][0]["summary"]
    assert len(summary) == 2
    assert summary[0]["citations"][0]["line_start"] == 1  # lead: the first sentence
    override = run_reader("summarize", "--format", "json", "-n", "1", "--algorithm", "reader",
                          "seeds/01-bellhaven-courier.txt").json()
    assert override["algorithm"] == "reader" and len(override["articles"][0]["summary"]) == 1
