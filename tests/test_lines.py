from __future__ import annotations

from reader.ingest.lines import LineIndex, split_lines


def test_every_line_ending_counts() -> None:
    text = "one\r\ntwo\rthree\nfour"
    index = LineIndex(text)
    assert [index.line_of(text.index(w)) for w in ("one", "two", "three", "four")] == [1, 2, 3, 4]
    assert split_lines(text) == ["one", "two", "three", "four"]


def test_final_newline_adds_no_line() -> None:
    assert LineIndex("a\nb\n").count == 2
    assert split_lines("a\nb\n") == ["a", "b"]
    assert LineIndex("a\nb").count == 2


def test_offsets_inside_a_crlf_stay_on_their_line() -> None:
    text = "first\r\nsecond"
    index = LineIndex(text)
    assert index.line_of(5) == 1  # the \r
    assert index.line_of(6) == 1  # the \n
    assert index.line_of(7) == 2
