"""`reader list` and `reader mark` run as functions on real files and a real state database in tmp_path."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from command_helpers import UsageError, list_options, mark_options, write_news

from reader.commands.list_command import run_list, wanted
from reader.commands.mark_command import actions_of, run_mark
from reader.triage import ArticleState


@pytest.fixture
def news(tmp_path: Path) -> tuple[Path, Path]:
    return write_news(tmp_path / "news")


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.sqlite3"


def listed(capsys: pytest.CaptureFixture[str], *paths: Path, state: Path, **flags: object) -> list[dict]:
    assert run_list(list_options(*paths, state=state, **flags)) == 0
    return json.loads(capsys.readouterr().out)


def marked(capsys: pytest.CaptureFixture[str], *paths: Path, state: Path, **flags: object) -> str:
    assert run_mark(mark_options(*paths, state=state, **flags)) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # stdout stays empty, for pipelines
    return captured.err


def test_list_json_of_unmarked_articles(capsys, news, state) -> None:  # type: ignore[no-untyped-def]
    a, b = news
    assert listed(capsys, a.parent, state=state) == [
        {"path": str(a), "title": "Harbour ferry halted", "date": None, "source": None, "read": False,
         "starred": False, "archived": False, "tags": [], "sentences": 3, "words": 14},
        {"path": str(b), "title": "School budget approved", "date": None, "source": None, "read": False,
         "starred": False, "archived": False, "tags": [], "sentences": 3, "words": 15},
    ]
    assert (state.parent / "ingest-cache.sqlite3").is_file()  # the cache lives beside the state


def test_mark_then_list_with_each_filter(capsys, news, state) -> None:  # type: ignore[no-untyped-def]
    a, b = news
    assert marked(capsys, a, state=state, read=True, tag=["#ferry", "Harbour"]) == \
        "marked 1 article read and tagged #ferry #Harbour\n"
    rows = listed(capsys, a.parent, state=state)
    assert [(r["path"], r["read"], r["tags"]) for r in rows] == [(str(a), True, ["ferry", "Harbour"]),
                                                                  (str(b), False, [])]
    assert [r["path"] for r in listed(capsys, a.parent, state=state, unread=True)] == [str(b)]
    assert [r["path"] for r in listed(capsys, a.parent, state=state, tag=["ferry"])] == [str(a)]
    assert [r["path"] for r in listed(capsys, a.parent, state=state, tag=["ferry", "school"])] == []
    assert marked(capsys, b, state=state, star=True, archive=True) == "marked 1 article starred and archived\n"
    assert [r["path"] for r in listed(capsys, a.parent, state=state)] == [str(a)]  # archived hidden by default
    assert [r["path"] for r in listed(capsys, a.parent, state=state, archived=True)] == [str(b)]
    assert [r["path"] for r in listed(capsys, a.parent, state=state, all=True)] == [str(a), str(b)]
    assert [r["path"] for r in listed(capsys, a.parent, state=state, all=True, starred=True)] == [str(b)]


def test_mark_counts_what_changed(capsys, news, state) -> None:  # type: ignore[no-untyped-def]
    a, b = news
    marked(capsys, a, state=state, read=True)
    assert marked(capsys, a.parent, state=state, read=True) == "marked 2 articles read (1 changed)\n"
    assert marked(capsys, a.parent, state=state, unread=True, untag=["nope"]) == \
        "marked 2 articles unread and untagged #nope\n"


def test_list_text_rows(capsys, news, state) -> None:  # type: ignore[no-untyped-def]
    a, b = news
    marked(capsys, a, state=state, read=True, star=True, tag=["ferry"])
    assert run_list(list_options(a.parent, state=state, format="text")) == 0
    assert capsys.readouterr().out.splitlines() == [  # state, star, archive; date, source, title, tags, path
        f"·★   {'':10}  {'-':24}  Harbour ferry halted  #ferry  {a}",
        f"●    {'':10}  {'-':24}  School budget approved  {b}",
    ]


def test_errors_make_list_and_mark_exit_1_but_still_work(capsys, news, state) -> None:  # type: ignore[no-untyped-def]
    a, _ = news
    empty = a.parent / "c-empty.txt"
    empty.write_bytes(b"")
    assert run_mark(mark_options(a.parent, state=state, star=True)) == 1
    assert capsys.readouterr().err == f"reader: {empty}: empty file\nmarked 2 articles starred\n"
    assert run_list(list_options(a.parent, state=state)) == 1
    captured = capsys.readouterr()
    assert [r["starred"] for r in json.loads(captured.out)] == [True, True]
    assert captured.err == f"reader: {empty}: empty file\n"


def test_an_unusable_state_path_is_one_message_and_exit_1(capsys, news, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    assert run_list(list_options(news[0], state=blocker / "state.sqlite3")) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("reader: ") and captured.err.count("\n") == 1


@pytest.mark.parametrize(("state", "flags", "kept"), [
    (ArticleState(), {}, True),
    (ArticleState(archived=True), {}, False),
    (ArticleState(archived=True), {"all": True}, True),
    (ArticleState(), {"archived": True}, False),
    (ArticleState(archived=True), {"archived": True}, True),
    (ArticleState(read=True), {"unread": True}, False),
    (ArticleState(), {"starred": True}, False),
    (ArticleState(starred=True, read=True), {"starred": True, "unread": True}, False),
    (ArticleState(starred=True), {"starred": True, "unread": True}, True),
])
def test_wanted_needs_every_filter_to_hold(state: ArticleState, flags: dict, kept: bool) -> None:
    options = argparse.Namespace(**{"archived": False, "all": False, "unread": False, "starred": False, **flags})
    assert wanted(state, options, []) is kept


def test_wanted_needs_every_tag() -> None:
    options = argparse.Namespace(archived=False, all=False, unread=False, starred=False)
    tagged = ArticleState(tags=frozenset({"a", "b"}))
    assert wanted(tagged, options, ["a", "b"]) and not wanted(tagged, options, ["a", "c"])


def test_mark_actions_are_in_a_fixed_order_with_their_words(state) -> None:  # type: ignore[no-untyped-def]
    options = mark_options(Path("x"), state=state, archive=True, read=True, tag=["b", "a", "b"], untag=["c"])
    _, words = actions_of(options)
    assert words == ["read", "archived", "tagged #b #a", "untagged #c"]


@pytest.mark.parametrize(("flags", "message"), [
    ({}, "give at least one of --read, --unread, --star, --unstar, --archive, --unarchive, --tag T, --untag T"),
    ({"tag": ["x"], "untag": ["#x"]}, "#x is both added (--tag) and removed (--untag)"),
    ({"tag": ["two words"]}, "--tag: a tag cannot contain spaces or control characters: 'two words'"),
    ({"untag": ["#"]}, "--untag: a tag cannot be empty"),
])
def test_mark_usage_errors(state, flags: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError) as raised:
        run_mark(mark_options(Path("x"), state=state, **flags))
    assert str(raised.value) == message
    assert not state.exists()  # refused before anything was opened
