"""`reader facts` through the installed entry point, on real files: the matrix, its citations, disagreements.

The flood story (tests/fixtures/stories/merrow-flood) has two planted disagreements (3,100 vs 3,400
homes; $30m vs $31m) and eight values written in other formats, listed by hand in
tests/fixtures/stories/planted-numbers.toml; the invented ferry-fire story (story_corpus.py) has a
fact only Island Radio reports and a reprint.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from story_corpus import ONLY_RADIO, REPRINT, UNRELATED, write_story_folder

FLOOD = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "merrow-flood"


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    """The flood story and the unrelated library file, in one folder (so the library is left out)."""
    folder = tmp_path / "flood"
    shutil.copytree(FLOOD, folder)
    write_story_folder(tmp_path / "other")
    shutil.copy(tmp_path / "other" / UNRELATED, folder / UNRELATED)
    return folder


def cells_as_summary(doc: dict[str, Any]) -> dict[str, Any]:
    """Every cell statement as an item citing its own lines: the shape check_citations.py reads."""
    items = [{"text": s["text"], "citations": [{k: s[k] for k in ("path", "line_start", "line_end")}]}
             for fact in doc["facts"] for cell in fact["cells"] for s in cell["statements"]]
    items += [{"text": s["text"], "citations": [{k: s[k] for k in ("path", "line_start", "line_end")}]}
              for d in doc["disagreements"] for v in d["values"] for s in v["statements"]]
    return {"articles": [], "story": {"summary": items}}


def test_text_lists_outlets_facts_with_their_row_and_places_then_disagreements(run_reader, flood: Path) -> None:
    result = run_reader("facts", str(flood))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Facts · 9 facts · 3 outlets · 2 disagreements · 1 input left out"
    assert lines[1:4] == ["   A  01-merrow-gazette.txt", "   B  Valley Wire Service (2 sources)",
                          "   C  Riverside Public Radio"]
    homes = lines.index(next(line for line in lines if "About 3,100 homes" in line or "3,100 homes" in line))
    assert lines[homes].startswith(" 1. [ABC] ")
    assert lines[homes + 1] == "    3 outlets · ≠ 3,100 vs 3,400 (disagreement 1)"
    assert "     C  03-riverside-radio.md:7" in lines
    assert any("04-valley-wire-reprint.txt:3 (copy of Valley Wire Service)" in line for line in lines)
    where = lines.index("Where sources disagree")
    assert lines[where + 1] == " 1. 3,100 vs 3,400 · count · fact 1"
    assert lines[where + 2] == ("    3,100: 01-merrow-gazette.txt:1, Valley Wire Service (02-valley-wire.md:12, "
                                "04-valley-wire-reprint.txt:3 (copy of Valley Wire Service))")
    assert lines[where + 3] == "    3,400: Riverside Public Radio (03-riverside-radio.md:7)"
    assert lines[where + 4] == " 2. $30 million vs $31 million · money · fact 3"
    assert lines[-1].startswith(f"Left out: {UNRELATED} — ")
    for form in ("4.2", "12%", "1.5 million", "Sep 14", "4:00 p.m.", " 7 "):  # format-only: never listed
        assert not any(form in line for line in lines[where:])


def test_every_cell_cites_lines_that_hold_its_sentence(run_reader, flood: Path, check_citations) -> None:
    result = run_reader("facts", str(flood), "--format", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert set(doc) == {"outlets", "facts", "disagreements", "articles", "left_out", "errors"}
    assert [o["id"] for o in doc["outlets"]] == ["A", "B", "C"]
    ok, summary = check_citations(json.dumps(cells_as_summary(doc)))
    assert ok, summary
    assert summary.strip().splitlines()[-1].startswith(f"{sum(1 for _ in cells_as_summary(doc)['story']['summary'])} of ")
    for fact in doc["facts"]:
        assert fact["outlets"] == len(fact["cells"]) and fact["cells"]
        assert (fact["only_in"] is None) == (fact["outlets"] > 1)
        for cell in fact["cells"]:
            for s in cell["statements"]:
                lines = Path(s["path"]).read_text(encoding="utf-8").splitlines()
                assert 1 <= s["line_start"] <= s["line_end"] <= len(lines)
    homes = doc["disagreements"][0]
    assert [v["value"] for v in homes["values"]] == ["3,100", "3,400"]
    radio = homes["values"][1]["statements"]
    assert [(Path(s["path"]).name, s["line_start"], s["as_written"], s["outlet"]) for s in radio] == [
        ("03-riverside-radio.md", 7, "3,400", "Riverside Public Radio")]
    assert not homes["rounding"] and not homes["later"] and homes["facts"] == [1]


def test_only_in_and_reprints_on_the_ferry_fire_story(run_reader, tmp_path: Path, check_citations) -> None:
    news = write_story_folder(tmp_path / "news")
    doc = run_reader("facts", str(news), "--format", "json").json()
    only_radio = [f for f in doc["facts"] if f["only_in"] == ONLY_RADIO]
    assert any("sprinkler" in f["text"] for f in only_radio)
    copies = [s for f in doc["facts"] for c in f["cells"] for s in c["statements"] if s["copy_of"]]
    assert copies and all(Path(s["path"]).name == REPRINT for s in copies)
    assert [x["path"] for x in doc["left_out"]] == [str(news / UNRELATED)]
    assert doc["disagreements"] == []
    ok, summary = check_citations(json.dumps(cells_as_summary(doc)))
    assert ok, summary
    text = run_reader("facts", str(news)).out
    assert f"only in {ONLY_RADIO}" in text and "(no number differs between outlets)" in text


def test_story_id_picks_one_story_and_an_unknown_one_says_so(run_reader, flood: Path) -> None:
    stories = run_reader("stories", str(flood), "--format", "json").json()
    flood_story = next(s for s in stories if len(s["articles"]) == 4)
    doc = run_reader("facts", str(flood), "--story", flood_story["id"], "--format", "json").json()
    assert sorted(Path(a["path"]).name for a in doc["articles"]) == sorted(p.name for p in FLOOD.iterdir())
    assert doc["left_out"] == []
    result = run_reader("facts", str(flood), "--story", "nosuchid")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("reader: no story 'nosuchid' among these 5 articles")


def test_a_missing_input_is_one_line_and_the_rest_are_compared(run_reader, flood: Path) -> None:
    result = run_reader("facts", str(flood / "01-merrow-gazette.txt"), str(flood / "03-riverside-radio.md"),
                        str(flood / "gone.txt"))
    assert result.code == 1
    assert [line for line in result.err.splitlines() if "gone.txt" in line] == [result.err.strip()]
    assert "3,100 vs 3,400" in result.out


def test_text_from_files_stays_inert(run_reader, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(FLOOD, folder)
    radio = folder / "03-riverside-radio.md"
    radio.write_text(radio.read_text(encoding="utf-8").replace("source: Riverside Public Radio",
                                                               'source: "Riverside \\e[31mRadio\\u202e"'),
                     encoding="utf-8")
    result = run_reader("facts", str(folder))
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert "Riverside ^[[31mRadio<U+202E>" in result.out
    assert "\\u001b" in run_reader("facts", str(folder), "--format", "json").out


def test_the_story_summary_flags_a_contested_number_with_the_other_values(run_reader, flood: Path) -> None:
    doc = run_reader("summarize", "--story", str(flood), "--words", "80", "--format", "json").json()
    items = doc["story"]["summary"]
    flagged = [i for i in items if i["contested"]]
    assert flagged
    for item in flagged:
        for side in item["contested"]:
            values = [v["value"] for v in side["disagreement"]["values"]]
            assert side["value"] in values and len(values) == 2
            assert any(w in item["text"] for w in ("3,100", "3,400", "$30m", "$31 million", "30 million"))
    unflagged = [i for i in items if not i["contested"]]
    assert all("3,100" not in i["text"] and "$30m" not in i["text"] for i in unflagged)
    text = run_reader("summarize", "--story", str(flood), "--words", "80").out
    assert "≠ contested: 3,100 here; 3,400 in Riverside Public Radio (03-riverside-radio.md:7)" in text


WATER = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "water-contamination"


def test_a_running_figure_is_listed_by_day_apart_from_the_disagreements(run_reader) -> None:  # type: ignore[no-untyped-def]
    """The water story: 86,000 against 90,000 (planted, one day) is a disagreement; the ill and the
    hospitalised counts rise from day to day, so they are updated figures, their values by day."""
    result = run_reader("facts", str(WATER))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "1 disagreement · 2 updated figures" in lines[0]
    assert "Where sources disagree, and figures updated day by day" in lines
    ill = next(line for line in lines if line.startswith(" ") and "38 → 96 → 127 → 134 → 141 ·" in line)
    listed = lines[lines.index(ill) + 1:lines.index(ill) + 6]
    assert [line.split()[0] for line in listed] == ["38", "96", "127", "134", "141"]
    days = [line.split()[1] for line in listed]
    assert days == sorted(days) and len(set(days)) == 5
    assert any("86,000 vs 90,000" in line for line in lines)
    doc = run_reader("facts", str(WATER), "--format", "json").json()
    assert sorted(d["updated"] for d in doc["disagreements"]) == [False, True, True]
