"""`reader show` as text: the header facts, and every source line numbered with removed lines marked."""
from __future__ import annotations

from output_helpers import article, plain_console, sentence

from reader.model import LineSpan, Related, Removed, Segment
from reader.output.article_text import header, line_notes, render_article

TEXT = ("---\ntitle: Ferry halted\n---\nFerry halted\n\n"
        "Ferries stopped on Monday. Repairs take two weeks.\nShare this story\n")


def ferry(**fields: object):  # type: ignore[no-untyped-def]
    """Lines: 1-3 front matter, 4 the headline, 5 blank, 6 two sentences, 7 a share line."""
    defaults: dict[str, object] = dict(
        title="Ferry halted", format="markdown", text=TEXT, metadata_span=LineSpan(1, 3),
        removed=[Removed(LineSpan(7, 7), "boilerplate")],
    )
    return article("news/ferry.md", sentence(0, "Ferry halted", 4, kind="heading"),
                   sentence(1, "Ferries stopped on Monday.", 6), sentence(2, "Repairs take two weeks.", 6),
                   **{**defaults, **fields})


def test_line_notes_name_each_left_out_line_and_mark_where_a_span_starts() -> None:
    assert line_notes(ferry()) == {
        1: ("front matter", True), 2: ("front matter", False), 3: ("front matter", False),
        7: ("boilerplate", True),
    }


def test_a_kept_line_is_never_noted_even_inside_a_removed_span() -> None:
    notes = line_notes(ferry(removed=[Removed(LineSpan(5, 7), "boilerplate")]))
    assert sorted(notes) == [1, 2, 3, 5, 7]  # line 6 holds kept sentences
    assert notes[5] == ("boilerplate", True) and notes[7] == ("boilerplate", False)


def test_front_matter_wins_where_spans_overlap_and_an_excerpt_keeps_nothing() -> None:
    item = ferry(removed=[Removed(LineSpan(3, 3), "repeat")])
    item.sentences.append(sentence(3, "An excerpt from the front matter.", 2, kind="excerpt"))
    notes = line_notes(item)
    assert notes[2] == ("front matter", False) and notes[3] == ("front matter", False)


def test_no_front_matter_and_nothing_removed_means_no_notes() -> None:
    assert line_notes(ferry(metadata_span=None, removed=[])) == {}


def test_render_numbers_every_line_and_marks_removed_ones_with_the_reason() -> None:
    console, out = plain_console()
    render_article(ferry(), console)
    assert out.getvalue().splitlines() == [
        "Ferry halted",
        "ferry.md · markdown, utf-8, 3 sentences",
        "",
        "1 ┊ ---  [front matter]",
        "2 ┊ title: Ferry halted",
        "3 ┊ ---",
        "4 │ Ferry halted",
        "5 │ ",
        "6 │ Ferries stopped on Monday. Repairs take two weeks.",
        "7 ┊ Share this story  [boilerplate]",
    ]


def test_line_numbers_are_right_aligned_to_the_widest() -> None:
    text = "".join(f"Line {n} of the file.\n" for n in range(1, 13))
    console, out = plain_console()
    render_article(article("long.txt", sentence(0, "Line 1 of the file.", 1), text=text), console)
    rows = out.getvalue().splitlines()[3:]
    assert rows[0] == " 1 │ Line 1 of the file." and rows[11] == "12 │ Line 12 of the file."


def test_render_makes_control_characters_in_lines_visible() -> None:
    console, out = plain_console()
    render_article(article("bad.txt", sentence(0, "Hello there now.", 1), text="Hello \x1b[2J there now.\n"), console)
    assert "\x1b" not in out.getvalue()
    assert "1 │ Hello ^[[2J there now." in out.getvalue().splitlines()


def test_header_lists_every_fact_one_per_line() -> None:
    item = ferry(source="Harbour Post", date="2026-03-01", url="https://example.com/ferry",
                 topics=["Transport", "Harbour"], warnings=["no date found\nin the file"],
                 related=[Related(title="Older story", source="The Wire", date="2026-02-01"),
                          Related(url="https://example.com/other")])
    assert header(item).plain.splitlines() == [
        "Ferry halted",
        "ferry.md · Harbour Post · 2026-03-01 · markdown, utf-8, 3 sentences",
        "https://example.com/ferry",
        "topics: Transport, Harbour",
        "related: Older story · The Wire · 2026-02-01",
        "related: https://example.com/other",
        "warning: no date found in the file",
    ]


def test_header_of_an_untitled_file_of_glued_copies() -> None:
    item = article("glued.txt", text="", encoding="cp1252",
                   segments=[Segment(LineSpan(1, 4)), Segment(LineSpan(5, 8), duplicate_of=0),
                             Segment(LineSpan(9, 12))])
    assert header(item).plain.splitlines() == [
        "(untitled)",
        "glued.txt · text, cp1252, 0 sentences · 3 glued copies (1 repeated): lines 1-4, 5-8 repeats #1, 9-12",
    ]


def test_a_terminal_and_a_pipe_get_the_same_lines_batch_after_batch() -> None:
    import io

    from rich.console import Console

    from reader.output.article_text import PRINT_BATCH_LINES

    count = PRINT_BATCH_LINES * 2 + 7  # three batches, the last one short
    text = "".join(f"Line {n} of the file.\n" for n in range(1, count + 1))
    item = article("long.txt", sentence(0, "Line 1 of the file.", 1), text=text,
                   removed=[Removed(LineSpan(PRINT_BATCH_LINES, PRINT_BATCH_LINES + 2), "boilerplate")])
    piped, piped_out = plain_console()
    render_article(item, piped)
    terminal_out = io.StringIO()
    terminal = Console(file=terminal_out, width=120, color_system=None, force_terminal=True, highlight=False,
                       markup=False, emoji=False, soft_wrap=True)
    render_article(item, terminal)
    rows = piped_out.getvalue().splitlines()
    assert rows == terminal_out.getvalue().splitlines()
    assert len(rows) == 3 + count and rows[-1].endswith(f"│ Line {count} of the file.")
    assert rows[3 + PRINT_BATCH_LINES - 1].endswith(f"┊ Line {PRINT_BATCH_LINES} of the file.  [boilerplate]")
