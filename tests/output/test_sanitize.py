"""Untrusted text made inert: every control character shown, never sent to the terminal or a JSON consumer."""
from __future__ import annotations

import json

import pytest

from reader.output.sanitize import dumps, inert, one_line


@pytest.mark.parametrize(("raw", "shown"), [
    ("", ""),
    ("plain words, café, 日本", "plain words, café, 日本"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("\x1b[31mred\x1b[0m", "^[[31mred^[[0m"),  # ESC as `cat -v` shows it
    ("nul\x00 bell\x07 cr\r", "nul^@ bell^G cr^M"),
    ("del\x7f", "del<U+007F>"),
    ("csi\x9b2J", "csi<U+009B>2J"),  # the one-byte C1 form of ESC [
    ("\u202egnp.exe", "<U+202E>gnp.exe"),  # a right-to-left override
    ("\u2066isolate\u2069", "<U+2066>isolate<U+2069>"),
    ("line\u2028sep\u2029para", "line<U+2028>sep<U+2029>para"),  # a line break to some terminals, none to the line numbers
])
def test_inert_shows_every_control_character(raw: str, shown: str) -> None:
    assert inert(raw) == shown


def test_one_line_collapses_whitespace_then_makes_it_inert() -> None:
    assert one_line("  A title\n  split over\r\n lines\t ") == "A title split over lines"
    assert one_line("bad \x1b]0;pwned\x07 title") == "bad ^[]0;pwned^G title"
    assert one_line("") == ""


def test_dumps_escapes_c1_and_bidi_but_keeps_other_text_readable() -> None:
    data = {"title": "Caf\u00e9 \x1b[2J \x9b \u202e \u2028 end", "n": 3}
    text = dumps(data)
    assert text == ('{\n  "title": "Café \\u001b[2J \\u009b \\u202e \\u2028 end",\n  "n": 3\n}')
    assert json.loads(text) == data  # still the same data for a JSON consumer


def test_dumps_without_indent_is_one_line() -> None:
    assert dumps(["a", None, True], indent=None) == '["a", null, true]'
