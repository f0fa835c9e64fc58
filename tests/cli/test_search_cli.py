"""`reader search` through the installed entry point, on real files: hits as file:line, JSON, and
every query a user can type answered without a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    for folder, text in (("business", "Rates rise\n\nThe bank raised interest rates again.\n"),
                         ("sport", "Cup final\n\nFans paid high interest on tickets.\n")):
        (root / folder).mkdir(parents=True)
        (root / folder / "001.txt").write_text(text, encoding="utf-8")
    (root / "evil.txt").write_text("Title\n\nInterest \x1b[31mred\x1b]0;owned\x07 text here.\n", encoding="utf-8")
    return root


def test_hits_name_the_file_below_the_common_root(run_reader, news: Path) -> None:
    result = run_reader("search", "interest rates", str(news))
    assert result.code == 0, result.err
    assert result.out == "business/001.txt:3: The bank raised interest rates again.\n"


def test_same_named_files_stay_apart_and_control_characters_stay_inert(run_reader, news: Path) -> None:
    result = run_reader("search", "interest", str(news))
    lines = result.out.splitlines()
    assert result.code == 0 and len(lines) == 3
    assert {line.split(":")[0] for line in lines} == {"business/001.txt", "sport/001.txt", "evil.txt"}
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "evil.txt:3: Interest ^[[31mred^[]0;owned^G text here." in lines


def test_json_hits_hold_their_sentences(run_reader, news: Path) -> None:
    result = run_reader("search", "--format", "json", "interest", str(news))
    doc = result.json()
    assert result.code == 0 and doc["searched"] == 3 and len(doc["hits"]) == 3
    for hit in doc["hits"]:
        lines = Path(hit["path"]).read_text(encoding="utf-8").splitlines()
        assert hit["text"].split()[:2] == lines[hit["line_start"] - 1].split()[:2]
    scores = [h["score"] for h in doc["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_limit_and_no_hits(run_reader, news: Path) -> None:
    assert len(run_reader("search", "-n", "1", "interest", str(news)).out.splitlines()) == 1
    none = run_reader("search", "zeppelin", str(news))
    assert none.code == 0 and none.out == "" and "no sentence matches 'zeppelin' in 3 articles" in none.err


@pytest.mark.parametrize("query", ['"unclosed', "-interest", "*", ":", "NOT", ""])
def test_a_query_that_means_nothing_is_one_plain_line_and_status_2(run_reader, news: Path, query: str) -> None:
    result = run_reader("search", "--", query, str(news))  # `--`: a query may start with `-`
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("reader: cannot search for") and len(result.err.splitlines()) == 1
    assert "Traceback" not in result.err


@pytest.mark.parametrize("query", ["title:interest", "9-4 interest", "interest^", "(interest", "NEAR(interest)",
                                   "interest AND", "inter*", '"interest rates"*'])
def test_punctuation_is_text_not_syntax(run_reader, news: Path, query: str) -> None:
    result = run_reader("search", query, str(news))
    assert result.code == 0 and "Traceback" not in result.err, result.err


def test_a_bad_input_is_named_and_the_rest_searched(run_reader, news: Path) -> None:
    result = run_reader("search", "interest rates", str(news), str(news / "nope.txt"))
    assert result.code == 1
    assert "business/001.txt:3:" in result.out
    assert result.err.strip() == f"reader: {news / 'nope.txt'}: no such file or folder"


def test_the_index_lives_in_the_state_dir_not_beside_the_articles(run_reader, news: Path, private_home: Path) -> None:
    before = sorted(p.name for p in news.rglob("*"))
    run_reader("search", "interest", str(news))
    assert sorted(p.name for p in news.rglob("*")) == before
    assert (private_home / "state" / "ingest-cache.sqlite3").exists()


def test_usage_errors(run_reader, news: Path) -> None:
    result = run_reader("search", "-n", "many", "interest", str(news))
    assert result.code == 2 and "Traceback" not in result.err


def test_a_runaway_sentence_is_shown_around_its_match_and_whole_in_json(run_reader, tmp_path: Path) -> None:
    filler = " ".join(f"word{n}" for n in range(4000))  # one 35 KB "sentence": no full stop anywhere
    (tmp_path / "long.txt").write_text(f"Title\n\n{filler} the harbour pier reopened {filler}\n", encoding="utf-8")
    text = run_reader("search", "harbour", str(tmp_path / "long.txt"))
    line = text.out.splitlines()[0]
    assert line.startswith("long.txt:3: …") and line.endswith("…") and "the harbour pier reopened" in line
    assert len(line) < 500
    hit = run_reader("search", "--format", "json", "harbour", str(tmp_path / "long.txt")).json()["hits"][0]
    assert len(hit["text"]) > 60_000


@pytest.mark.parametrize(("query", "lines"), [
    ("方案", ["zh.txt:1", "zh.txt:3", "zh.txt:3"]),  # a word inside a run of characters with no spaces
    ('"拥堵费方案"', ["zh.txt:1", "zh.txt:3"]),
    ("ค่าแรง", ["th.txt:1", "th.txt:3", "th.txt:3"]),  # Thai, vowel and tone marks kept with their letters
    ("400", ["th.txt:3"]),  # digits written against Thai letters are a word of their own
    ("बारिश", ["hi.txt:1", "hi.txt:3"]),
])
def test_words_of_unspaced_scripts_are_found_inside_their_runs(run_reader, tmp_path: Path, query: str,
                                                               lines: list[str]) -> None:
    (tmp_path / "zh.txt").write_text("北京拥堵费方案公布\n\n北京市政府周二公布了拥堵费方案。方案将于明年实施。\n", encoding="utf-8")
    (tmp_path / "th.txt").write_text("รัฐบาลประกาศขึ้นค่าแรงขั้นต่ำ\n\nรัฐบาลไทยประกาศขึ้นค่าแรงขั้นต่ำเป็น400บาทต่อวัน "
                                     "นายกรัฐมนตรีกล่าวว่าการขึ้นค่าแรงจะช่วยลดภาระค่าครองชีพ\n", encoding="utf-8")
    (tmp_path / "hi.txt").write_text("दिल्ली में भारी बारिश\n\nदिल्ली में रविवार को भारी बारिश हुई। कई इलाकों में पानी भर गया।\n",
                                     encoding="utf-8")
    result = run_reader("search", query, str(tmp_path))
    assert result.code == 0, result.err
    assert sorted(line.rsplit(":", 1)[0] for line in result.out.splitlines()) == lines
    assert "\u2063" not in result.out  # the index's separator is never shown


def test_a_word_with_a_soft_hyphen_in_it_is_found(run_reader, tmp_path: Path) -> None:
    """Web pages hyphenate words with invisible soft hyphens ("Hydro&shy;thermal"): still one word."""
    (tmp_path / "vents.html").write_text(
        "<html><body><article><h1>Vents mapped</h1><p>Researchers mapped 37 hydro&shy;thermal vents along the "
        "ridge, the com\u00admunities of the coast were told on Friday.</p></article></body></html>", encoding="utf-8")
    for query in ("hydrothermal", "communities"):
        result = run_reader("search", query, str(tmp_path))
        assert result.code == 0, result.err
        assert result.out.startswith("vents.html:1"), (query, result.out)
