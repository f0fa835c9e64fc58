"""Pure parts: fingerprints that ignore where and how a file is stored, and actions as state functions."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Article
from reader.triage import (
    ARCHIVE, MARK_READ, MARK_UNREAD, STAR, TOGGLE_ARCHIVE, TOGGLE_READ, TOGGLE_STAR, UNARCHIVE, UNSTAR,
    ArticleKey, ArticleState, TagError, add_tag, fingerprint, normalize_tag, remove_tag, set_tags,
)
from reader.triage.actions import apply_all

from triage_corpus import article_text, load


def test_fingerprint_ignores_path_line_endings_and_encoding(tmp_path: Path) -> None:
    text = article_text("harbour ferry")
    lf = tmp_path / "one.txt"
    lf.write_text(text)
    crlf = tmp_path / "elsewhere" / "two.txt"
    crlf.parent.mkdir()
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    assert fingerprint(load(lf)) == fingerprint(load(crlf))
    assert len(fingerprint(load(lf))) == 64


def test_fingerprint_changes_with_content(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(article_text("harbour ferry"))
    two.write_text(article_text("harbour ferry", " One more sentence here."))
    assert fingerprint(load(one)) != fingerprint(load(two))


def test_fingerprint_without_sentences_uses_normalised_text() -> None:
    spaced = Article(path="a", text="Just   some\r\n words\n")
    tight = Article(path="b", text="Just some words")
    assert fingerprint(spaced) == fingerprint(tight)
    assert ArticleKey.of(spaced).fingerprint == fingerprint(spaced)


def test_key_location_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert ArticleKey("f", "sub/a.txt").location == str(tmp_path / "sub" / "a.txt")


@pytest.mark.parametrize(("action", "expected"), [
    (MARK_READ, ArticleState(read=True)), (MARK_UNREAD, ArticleState()), (TOGGLE_READ, ArticleState(read=True)),
    (STAR, ArticleState(starred=True)), (UNSTAR, ArticleState()), (TOGGLE_STAR, ArticleState(starred=True)),
    (ARCHIVE, ArticleState(archived=True)), (UNARCHIVE, ArticleState()),
    (TOGGLE_ARCHIVE, ArticleState(archived=True)),
])
def test_each_action_from_untouched(action, expected: ArticleState) -> None:
    assert action.apply_to(ArticleState()) == expected


def test_toggles_flip_back_and_keep_other_fields() -> None:
    state = ArticleState(read=True, starred=True, tags=frozenset({"x"}))
    assert TOGGLE_READ.apply_to(state) == ArticleState(starred=True, tags=frozenset({"x"}))
    assert TOGGLE_STAR.apply_to(TOGGLE_STAR.apply_to(state)) == state


def test_tag_actions() -> None:
    state = apply_all(ArticleState(), [add_tag("b"), add_tag(["a", "#c"]), remove_tag("b")])
    assert state.tags == {"a", "c"} and state.sorted_tags == ["a", "c"]
    assert set_tags(["z"]).apply_to(state).tags == {"z"}
    assert set_tags([]).apply_to(state).tags == frozenset()
    assert remove_tag("absent").apply_to(state) == state


def test_updated_at_is_not_part_of_equality() -> None:
    assert ArticleState(read=True, updated_at=1.0) == ArticleState(read=True, updated_at=2.0)


@pytest.mark.parametrize("bad", ["", "   ", "#", "two words", "tab\there", "esc\x1b[31m", "x" * 65, "a,b"])
def test_bad_tags_are_refused(bad: str) -> None:
    with pytest.raises(TagError):
        normalize_tag(bad)
    with pytest.raises(TagError):
        add_tag(bad)


def test_tags_keep_case_and_lose_one_hash() -> None:
    assert normalize_tag("  #Climate ") == "Climate"
    assert normalize_tag("c++") == "c++"
    assert normalize_tag("日本") == "日本"
