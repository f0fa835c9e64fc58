"""Line arithmetic: every line ending counts, a final newline adds no line, exact columns of a sentence."""
from __future__ import annotations

from reader.lines import LineIndex, exact_ranges, split_lines


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


def test_exact_ranges_per_line_of_a_sentence_over_a_crlf() -> None:
    text = "Intro. The council\r\nmet on Monday. Next."
    index, lines = LineIndex(text), split_lines(text)
    start, end = text.index("The"), text.index(" Next")
    assert exact_ranges(index, lines, start, end, 1, 2) == {1: (7, 18), 2: (0, 14)}
    assert lines[0][7:18] == "The council" and lines[1][0:14] == "met on Monday."


def test_exact_ranges_of_nothing_or_past_the_last_line() -> None:
    text = "one\ntwo"
    index, lines = LineIndex(text), split_lines(text)
    assert exact_ranges(index, lines, 4, 4, 2, 2) == {}  # an excerpt has no characters of its own
    assert exact_ranges(index, lines, 4, 7, 2, 5) == {2: (0, 3)}  # a span longer than the file stops at its end
    assert exact_ranges(index, lines, 0, 4, 1, 2) == {1: (0, 3)}  # the line terminator is not a column
