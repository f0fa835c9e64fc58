"""`reader summarize --story` on a small invented story: the word budget, outlets, reprints and left-out inputs.

Assertions are about structure and invariants (budget never exceeded, citations hold, only_in iff
one outlet, the left-out file never cited), not about which sentences the summarizer picks.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from story_corpus import FILES, GLUED_NAME, ONLY_RADIO, REPRINT, UNRELATED, write_story_folder

STORY_KEYS = {"summary", "articles", "left_out", "words", "used_words", "sources", "outlets"}
ITEM_KEYS = {"text", "citations", "score", "sources", "outlet", "copy_of", "only_in", "reported_by", "contested"}


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The story folder, with the working directory beside it so paths are typed as `news/...`."""
    monkeypatch.chdir(tmp_path)
    return write_story_folder(tmp_path / "news")


def story_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code = main(["summarize", "--story", "--format", "json", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    doc = json.loads(out)
    assert doc["articles"] == [] and doc["errors"] == []
    return doc


def lines_of(path: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", Path(path).read_text(encoding="utf-8"))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_json_story_shape_and_invariants(capsys, news: Path, check_citations) -> None:  # type: ignore[no-untyped-def]
    doc = story_json(capsys, "news")
    story = doc["story"]
    assert set(story) == STORY_KEYS
    # Every input is listed, the unrelated one included, with its path as typed.
    assert sorted(a["path"] for a in story["articles"]) == sorted(f"news/{name}" for name in FILES)
    assert all(set(a) == {"path", "title", "source", "date"} for a in story["articles"])
    assert [x["path"] for x in story["left_out"]] == [f"news/{UNRELATED}"]
    assert story["left_out"][0]["reason"].strip() and "segment" not in story["left_out"][0]
    assert story["words"] == 160
    assert story["used_words"] == sum(len(i["text"].split()) for i in story["summary"]) <= 160
    assert story["outlets"] < story["sources"] == len(FILES) - 1  # the reprint is not another voice
    assert story["summary"]
    for item in story["summary"]:
        assert set(item) == ITEM_KEYS
        assert (item["only_in"] is not None) == (item["sources"] == 1)
        if item["only_in"] is not None:
            assert item["only_in"] == item["outlet"]
        own, *others = item["citations"]
        assert set(words(item["text"])) <= set(words(" ".join(lines_of(own["path"])[own["line_start"] - 1:own["line_end"]])))
        cited = [{k: r[k] for k in ("path", "line_start", "line_end")} for r in item["reported_by"] if r["cited"]]
        assert others == cited
        places = [own["path"], *(r["path"] for r in item["reported_by"])]
        assert f"news/{UNRELATED}" not in places
        for report in item["reported_by"]:
            assert report["outlet"] and report["path"].startswith("news/")
    copies = [r for i in story["summary"] for r in i["reported_by"] if r["copy_of"]]
    assert copies and all(r["path"] == f"news/{REPRINT}" and r["copy_of"] == "Harbor Herald" for r in copies)
    ok, summary = check_citations(json.dumps(doc), base=news.parent)
    assert ok, summary


def test_sentence_cap_and_word_budget_combine(capsys, news: Path) -> None:  # type: ignore[no-untyped-def]
    capped = story_json(capsys, "-n", "2", "--words", "400", "news")["story"]
    assert len(capped["summary"]) <= 2 and capped["words"] == 400
    small = story_json(capsys, "--words", "30", "news")["story"]
    assert small["words"] == 30 and small["used_words"] <= 30
    both = story_json(capsys, "--words", "60", "-n", "1", "news")["story"]
    assert len(both["summary"]) == 1 and both["used_words"] <= 60
    wide = story_json(capsys, "--words", "400", "news")["story"]
    assert len(wide["summary"]) > len(capped["summary"])  # without -n the budget alone decides


def test_text_says_only_in_and_lists_left_out(run_reader, news: Path) -> None:
    doc = run_reader("summarize", "--story", "--format", "json", "--words", "400", "news", cwd=news.parent).json()
    text = run_reader("summarize", "--story", "--words", "400", "news", cwd=news.parent)
    assert text.code == 0 and "\x1b" not in text.out
    story = doc["story"]  # type: ignore[index]
    header = text.out.splitlines()[0]
    assert f"{story['used_words']} of 400 words" in header
    assert f"{story['sources']} sources from {story['outlets']} outlets" in header
    singles = [i for i in story["summary"] if i["only_in"]]
    assert any(i["only_in"] == ONLY_RADIO for i in singles)  # the one fact only Island Radio has
    for item in story["summary"]:
        label = f"only in {item['only_in']}" if item["only_in"] else f"{item['sources']} outlets"
        own = item["citations"][0]
        assert f"{Path(own['path']).name}:{own['line_start']}  · {label}" in text.out
    assert "(copy of Harbor Herald)" in text.out
    left = [line for line in text.out.splitlines() if line.startswith("Left out: ")]
    assert left == [f"Left out: {UNRELATED} — {story['left_out'][0]['reason']}"]


def test_a_glued_in_copy_left_out_is_named_by_its_copy(capsys, run_reader, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_story_folder(tmp_path / "news", glued=True)
    story = story_json(capsys, "news")["story"]
    glued = [x for x in story["left_out"] if x["path"] == f"news/{GLUED_NAME}"]
    assert glued and glued[0]["segment"] == 1  # the second copy: the library story
    assert f"news/{GLUED_NAME}" in {a["path"] for a in story["articles"]}
    text = run_reader("summarize", "--story", "news", cwd=tmp_path).out
    assert f"Left out: {GLUED_NAME} (copy 2) — " in text


def test_markdown_names_outlets_and_what_was_left_out(capsys, news: Path) -> None:  # type: ignore[no-untyped-def]
    assert main(["summarize", "--story", "--format", "markdown", "--words", "400", "news"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Story summary\n")
    assert f"*(only in {ONLY_RADIO})*" in out and " outlets)*" in out
    assert "\n**Left out**\n" in out and f"\n- {UNRELATED} — " in out
    notes = [line for line in out.splitlines() if line.startswith("[^")]
    # every file is in news/, so footnotes name them below it
    assert notes and all(line.startswith(f"[^{n}]: `") and "`news/" not in line for n, line in enumerate(notes, start=1))
    assert any("Dunmore Daily (copy of Harbor Herald)" in line for line in notes)
    assert f"news/{UNRELATED}`" not in out


def test_outlet_names_from_files_stay_inert(capsys, news: Path) -> None:  # type: ignore[no-untyped-def]
    radio = news / "c-island-radio.md"
    radio.write_text(radio.read_text().replace("source: Island Radio", 'source: "Island \\e[31mRadio"'))
    assert main(["summarize", "--story", "--words", "400", "news"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "only in Island ^[[31mRadio" in out


def test_config_sets_the_story_budget_and_cap_and_flags_win(run_reader, news: Path, private_home: Path) -> None:
    (private_home / "config").mkdir(parents=True, exist_ok=True)
    (private_home / "config" / "config.toml").write_text("story_words = 40\nstory_sentences = 1\n")
    story = run_reader("summarize", "--story", "--format", "json", "news", cwd=news.parent).json()["story"]  # type: ignore[index]
    assert story["words"] == 40 and story["used_words"] <= 40 and len(story["summary"]) <= 1
    story = run_reader("summarize", "--story", "--format", "json", "--words", "300", "-n", "3", "news",
                       cwd=news.parent).json()["story"]  # type: ignore[index]
    assert story["words"] == 300 and 1 < len(story["summary"]) <= 3


WATER = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "water-contamination"


def test_a_running_figure_is_marked_updated_with_its_values_by_day(capsys) -> None:  # type: ignore[no-untyped-def]
    """The water story's illness count rises from article to article (38 on Sept. 15 ... 141 on
    Sept. 22): a sentence stating one of its values says `→ updated` with the others in day order,
    not `≠ contested`; 86,000 against 90,000 people, given on one day, stays contested."""
    assert main(["summarize", "--story", "--format", "json", str(WATER)]) == 0
    doc = json.loads(capsys.readouterr().out)
    flagged = [(item["text"], c) for item in doc["story"]["summary"] for c in item["contested"]]
    updated = [(text, c) for text, c in flagged if c["disagreement"]["updated"]]
    assert updated, "the summary states the illness count, told by eight outlets"
    for text, c in updated:
        values = [v["value"] for v in c["disagreement"]["values"]]
        assert c["value"] in values and c["value"] in text
        days = [min(s["date"] for s in v["statements"] if s["date"]) for v in c["disagreement"]["values"]]
        assert len(set(days)) == len(days)  # one value a day
    assert all(not c["disagreement"]["updated"] for text, c in flagged if "86,000" in text or "90,000" in text)
    assert main(["summarize", "--story", str(WATER)]) == 0
    out = capsys.readouterr().out
    marks = [line for line in out.splitlines() if line.lstrip().startswith("→ updated: ")]
    assert len(marks) == len(updated)
    for line in marks:
        days = re.findall(r"\b2026-\d\d-\d\d\b", line)
        assert len(days) >= 3 and days[1:] == sorted(days[1:]) and days[0] not in days[1:]
    assert not any("≠ contested: " in line and ("38 " in line and "141 " in line) for line in out.splitlines())
