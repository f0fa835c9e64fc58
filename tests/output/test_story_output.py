"""Story summaries as text, Markdown and JSON, and the facts every view states alike."""
from __future__ import annotations

import os

from output_helpers import article, bridge_story, plain_console, sentence

from reader.output.story_facts import (coverage_label, left_out_name, plural, report_note, short_reason,
                                       story_facts, used_words)
from reader.output.story_text import print_story, story_markdown, story_text
from reader.output.summary_json import story_dict
from reader.summarize import StorySummary
from reader.summarize.topics import LeftOut
from reader.summarize.units import Report, SummaryItem, Unit


def test_plural() -> None:
    assert [plural(n, "outlet") for n in (0, 1, 2)] == ["0 outlets", "1 outlet", "2 outlets"]


def test_coverage_label_says_only_in_for_a_single_outlet() -> None:
    story = bridge_story()
    assert coverage_label(story.items[0]) == "2 outlets"
    assert coverage_label(story.items[1]) == "only in a.txt"
    lone = SummaryItem(story.items[1].unit, 1.0, outlet="The \x1b[1mWire")
    assert coverage_label(lone) == "only in The ^[[1mWire"
    assert coverage_label(SummaryItem(story.items[1].unit, 1.0)) == "1 outlet"  # no outlet named


def test_report_note() -> None:
    unit = bridge_story().items[0].unit
    assert report_note(Report(unit, "X")) == ""
    assert report_note(Report(unit, "X", copy_of="The Wire")) == "copy of The Wire"
    assert report_note(Report(unit, "X", cited=False)) == "in other words"
    assert report_note(Report(unit, "X", copy_of="The Wire", cited=False)) == "copy of The Wire, in other words"


def test_story_facts_header() -> None:
    story = bridge_story()
    assert used_words(story) == 9
    assert story_facts(story, 160) == "9 of 160 words · 4 sources from 3 outlets · 2 inputs left out"
    assert story_facts(story, 100, with_left_out=False) == "9 of 100 words · 4 sources from 3 outlets"
    empty = StorySummary([], [], [], sources=1, voices=1)
    assert story_facts(empty, 160) == "0 of 160 words · 1 source from 1 outlet"


def test_left_out_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "business" / "001.txt")
    assert left_out_name(LeftOut(path, None, "x")) == "001.txt"
    assert left_out_name(LeftOut(path, None, "x"), base=str(tmp_path)) == os.path.join("business", "001.txt")
    assert left_out_name(LeftOut(path, 2, "x")) == "001.txt (copy 3)"


def test_short_reason_keeps_the_first_clause() -> None:
    assert short_reason("another story: about a museum") == "another story …"
    assert short_reason("shares no words, none at all") == "shares no words …"
    assert short_reason("too short") == "too short"
    assert short_reason("(odd) start") == "(odd) start"  # nothing before the first clause mark: all of it


def test_story_text() -> None:
    console, out = plain_console(200)
    print_story(bridge_story(), 160, console)
    assert out.getvalue() == (
        "Story summary · 9 of 160 words · 4 sources from 3 outlets · 2 inputs left out\n"
        " 1. The bridge opened on Monday.\n"
        "    news/a.txt:3  · 2 outlets  also: news/b.md:5, wire/c.txt:7 (copy of The Wire, in other words)\n"
        " 2. Tolls start in May.\n"
        "    news/a.txt:4  · only in a.txt\n"
        "Left out: news/other.txt — another story: about a museum\n"
        "Left out: news/glued.txt (copy 2) — a repeat of copy 1\n"
    )


def test_story_text_says_why_there_is_no_summary() -> None:
    no_room = StorySummary([], [], [], sources=2, voices=2)
    assert story_text(no_room, 5).plain.splitlines()[1] == "    (no summary: no sentence fits in 5 words)"
    nothing = StorySummary([], [], [], sources=0, voices=0)
    assert story_text(nothing, 160).plain.splitlines()[1] == "    (no summary: no article text)"


def test_story_markdown_has_a_footnote_per_place() -> None:
    assert story_markdown(bridge_story(), 160) == (
        "## Story summary\n"
        "\n"
        "*9 of 160 words · 4 sources from 3 outlets · 2 inputs left out*\n"
        "\n"
        "- The bridge opened on Monday.[^1][^2][^3] *(2 outlets)*\n"
        "- Tolls start in May.[^4] *(only in a.txt)*\n"
        "\n"
        "**Left out**\n"
        "\n"
        "- news/other.txt — another story: about a museum\n"
        "- news/glued.txt (copy 2) — a repeat of copy 1\n"
        "\n"
        "[^1]: `news/a.txt` line 3 — a.txt\n"
        "[^2]: `news/b.md` line 5 — The Courier\n"
        "[^3]: `wire/c.txt` line 7 — c.txt (copy of The Wire, in other words)\n"
        "[^4]: `news/a.txt` line 4 — a.txt\n"
    )


def test_story_json() -> None:
    assert story_dict(bridge_story(), 160) == {
        "summary": [
            {"text": "The bridge opened on Monday.",
             "citations": [{"path": "news/a.txt", "line_start": 3, "line_end": 3},
                           {"path": "news/b.md", "line_start": 5, "line_end": 5}],  # c.txt is not cited
             "score": 2.5, "sources": 2, "outlet": "a.txt", "copy_of": None, "only_in": None,
             "reported_by": [
                 {"outlet": "The Courier", "path": "news/b.md", "line_start": 5, "line_end": 5, "copy_of": None,
                  "cited": True},
                 {"outlet": "c.txt", "path": "wire/c.txt", "line_start": 7, "line_end": 7, "copy_of": "The Wire",
                  "cited": False},
             ], "contested": []},
            {"text": "Tolls start in May.", "citations": [{"path": "news/a.txt", "line_start": 4, "line_end": 4}],
             "score": 1.0, "sources": 1, "outlet": "a.txt", "copy_of": None, "only_in": "a.txt", "reported_by": [], "contested": []},
        ],
        "articles": [{"path": "news/a.txt", "title": "Bridge opens", "source": "Courier", "date": "2026-03-02"},
                     {"path": "news/b.md", "title": "Bridge open", "source": None, "date": None},
                     {"path": "wire/c.txt", "title": None, "source": None, "date": None}],
        "left_out": [{"path": "news/other.txt", "reason": "another story: about a museum"},
                     {"path": "news/glued.txt", "reason": "a repeat of copy 1", "segment": 1}],
        "words": 160, "used_words": 9, "sources": 4, "outlets": 3,
    }


def test_a_dateline_is_not_quoted() -> None:
    item = article("d.txt", sentence(0, "PORT TALLIS — The harbour reopened to ferries on Sunday.", 2))
    story = StorySummary([SummaryItem(Unit(0, item, item.sentences[0]), 1.0, outlet="d.txt")], [item], [], 1, 1)
    assert " 1. The harbour reopened to ferries on Sunday.\n" in story_text(story, 160).plain
    assert story_dict(story, 160)["summary"][0]["text"] == "The harbour reopened to ferries on Sunday."
