"""The config file is read tolerantly: problems are listed, defaults stand in."""
from __future__ import annotations

from pathlib import Path

from reader.config import Settings, effective_theme, keymap_problems, load_config, save_preference


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert config.settings == Settings() and not config.problems


def test_values_and_keymap(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'algorithm = "lexrank"\nsummary_sentences = 5\nmark_read_on_open = false\n'
                                          '[keymap]\ntoggle_star = "x"\nstory = ["ctrl+s", "S"]\n'))
    assert config.settings.algorithm == "lexrank" and config.settings.summary_sentences == 5
    assert config.settings.mark_read_on_open is False
    assert config.settings.keymap == {"toggle_star": "x", "story": "ctrl+s,S"}
    assert not config.problems


def test_bad_values_are_problems_not_failures(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'algorithm = "magic"\nsummary_sentences = "three"\ncolour = 1\n'
                                          'story_sentences = 0\nstory_words = 10\n[keymap]\nquit = 5\n'))
    assert config.settings == Settings()
    assert len(config.problems) == 6
    assert any("story_words: must be between 20 and 2000" in p for p in config.problems)
    assert all(str(tmp_path) in p for p in config.problems)


def test_watch_settings(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'watch = "poll"\nwatch_seconds = 5\n'))
    assert (config.settings.watch, config.settings.watch_seconds) == ("poll", 5.0) and not config.problems
    assert isinstance(config.settings.watch_seconds, float)
    config = load_config(write(tmp_path, 'watch = "inotify"\nwatch_seconds = 0\n'))
    assert (config.settings.watch, config.settings.watch_seconds) == ("notify", 2.0)
    assert [p.split(": ", 1)[1] for p in config.problems] == [
        "watch: must be one of notify, poll, off; default used",
        "watch_seconds: must be between 0.1 and 3600; default used"]
    config = load_config(write(tmp_path, "watch_seconds = true\n"))
    assert config.settings.watch_seconds == 2.0 and "should be float, not bool" in config.problems[0]


def test_invalid_toml(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "algorithm = \n"))
    assert config.settings == Settings() and "invalid TOML" in config.problems[0]


def test_keymap_conflicts_and_unknown_actions() -> None:
    problems = keymap_problems({"star": "x", "archive": "x", "nope": "y"},
                               {"library": {"star", "archive", "read"}, "article": {"star"}})
    assert any("unknown action 'nope'" in p for p in problems)
    assert any("'x' is bound to both" in p and "library" in p for p in problems)


def test_theme_choice_persists_and_override_wins(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert effective_theme(config) == "reader-dark"
    save_preference("theme", "reader-light")
    assert effective_theme(config) == "reader-light"
    assert effective_theme(config, "textual-dark") == "textual-dark"


def test_story_is_a_word_budget_with_an_optional_sentence_cap(tmp_path: Path) -> None:
    from reader.summarize import DEFAULT_STORY_WORDS

    defaults = Settings()
    assert defaults.story_words == DEFAULT_STORY_WORDS and defaults.story_sentences is None
    config = load_config(write(tmp_path, "story_words = 300\nstory_sentences = 4\n"))
    assert (config.settings.story_words, config.settings.story_sentences) == (300, 4) and not config.problems
    config = load_config(write(tmp_path, "story_words = 2001\nstory_sentences = true\n"))
    assert config.settings == Settings() and len(config.problems) == 2
