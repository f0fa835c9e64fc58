"""A parser bug costs one file as a LoadError; READER_DEBUG=1 also shows where it broke."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import loader
from reader.model import LoadError


def _broken_parser(*_args: object) -> None:
    raise ValueError("a parser bug")


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(loader, "build_article", _broken_parser)
    path = tmp_path / "one.txt"
    path.write_text("A headline\n\nThe council met on Monday.\n")
    return path


def test_a_parser_bug_is_one_line_without_debug(article: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("READER_DEBUG", raising=False)
    assert loader.load_article(article) == LoadError(str(article), "could not be parsed (ValueError: a parser bug)")
    assert capsys.readouterr().err == ""


def test_reader_debug_shows_the_traceback_and_still_returns_the_error(
        article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("READER_DEBUG", "1")
    assert loader.load_article(article) == LoadError(str(article), "could not be parsed (ValueError: a parser bug)")
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "_broken_parser" in err and err.rstrip().endswith("ValueError: a parser bug")
