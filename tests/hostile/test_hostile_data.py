"""Front matter, themes and config with bad values, bombs and deep nesting: one bad value costs that value."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.config import load_config
from reader.ingest import load_article
from reader.model import Article
from reader.theme_files import load_theme_dirs

BODY = "The council met on Monday. It voted to adopt the plan.\n"
BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [
    f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi")]) + "\n"


def loaded(path: Path) -> Article:
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize(("front", "warning"), [
    ("---\ntitle: Bad date\ndate: 2023-02-30\nsource: Wire\n---\n", "front matter date '2023-02-30' is not a date"),
    ("---\ntitle: Bad date\ndate: 0000-01-01\nsource: Wire\n---\n", "front matter date '0000-01-01' is not a date"),
    ('+++\ntitle = "Bad date"\ndate = 2023-02-30\nsource = "Wire"\n+++\n', "front matter 'date' could not be read"),
])
def test_an_impossible_date_is_a_warning_and_the_other_fields_stay(tmp_path: Path, front: str, warning: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(front + BODY)
    article = loaded(path)
    assert (article.title, article.source, article.date) == ("Bad date", "Wire", None)
    assert any(w.startswith(warning) for w in article.warnings), article.warnings
    assert [s.text for s in article.sentences if s.kind == "text"] == ["The council met on Monday.",
                                                                       "It voted to adopt the plan."]


def test_an_integer_python_will_not_convert_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("---\ntitle: Big number\ncount: " + "9" * 5000 + "\n---\n" + BODY)
    assert loaded(path).title == "Big number"


def test_deep_front_matter_loses_the_metadata_not_the_article(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text('+++\ntitle = "Deep"\nx = ' + "[" * 3000 + "1" + "]" * 3000 + "\n+++\n" + BODY)
    article = loaded(path)
    assert article.title != "Deep" and any("nested too deeply" in w for w in article.warnings)
    assert "The council met on Monday." in [s.text for s in article.sentences]


def test_a_markdown_file_with_cr_line_ends_is_read_and_cited_by_its_lines(tmp_path: Path, run_reader,
                                                                          check_citations) -> None:
    path = tmp_path / "old-mac.md"
    path.write_bytes(b"# Ferry strike ends\r\rThe strike ended on Monday.\rCrews return on Tuesday.\r\rTalks resume in May.\r")
    article = loaded(path)  # was: IndexError, the article lost
    spans = {s.text: (s.span.start, s.span.end) for s in article.sentences}
    assert spans["Ferry strike ends"] == (1, 1)
    assert spans["The strike ended on Monday."] == (3, 3) and spans["Crews return on Tuesday."] == (4, 4)
    assert spans["Talks resume in May."] == (6, 6)
    shown = run_reader("show", str(path), "--format", "json")
    assert shown.code == 0 and check_citations(shown.out, tmp_path)[0]
    summary = run_reader("summarize", str(path), "--format", "json")
    assert summary.code == 0 and json.loads(summary.out)["articles"][0]["summary"]
    assert check_citations(summary.out, tmp_path)[0]


def test_bombs_and_deep_nesting_in_theme_files_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(BOMB)
    (folder / "deep.yaml").write_text("[" * 5000 + "]" * 5000 + "\n")
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    (folder / "good.toml").write_text('name = "good"\nprimary = "#336699"\n')
    specs, problems = load_theme_dirs([folder])
    assert [s.name for s in specs] == ["good"]
    assert sorted(p.split(": ", 1)[1] for p in problems) == [
        "TOML nested too deeply", "YAML nested too deeply", "too many YAML aliases"]


def test_a_deeply_nested_config_means_defaults_with_a_problem_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("algorithm = " + "[" * 5000 + "]" * 5000 + "\n")
    config = load_config(path)
    assert config.settings.algorithm == "reader"
    assert config.problems == [f"{path}: TOML nested too deeply; defaults used"]


def test_punctuation_alone_is_no_sentence_and_never_a_title(tmp_path: Path) -> None:
    path = tmp_path / "marks.txt"
    path.write_text("..\n\n&#\n\n***\n\nThe council met on Monday. It voted.\n\n---\n")
    article = loaded(path)
    assert [s.text for s in article.sentences] == ["The council met on Monday.", "It voted."]
    assert article.title == "The council met on Monday."
    assert {r.reason for r in article.removed} == {"no words"}
    seams = tmp_path / "seams.txt"
    seams.write_text(".. \n" * 10_000)
    only = loaded(seams)
    assert only.sentences == [] and only.title is None and "no article text found" in only.warnings


def test_a_page_with_only_a_meta_description_cites_the_meta_line(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text('<html><head><title>T</title>\n<meta name="description" content="The council voted on '
                    'Tuesday &amp; approved the plan.">\n</head><body></body></html>\n')
    (sentence,) = loaded(path).sentences
    assert sentence.text == "The council voted on Tuesday & approved the plan."
    assert (sentence.span.start, sentence.span.end) == (2, 2)  # was: line 1


def test_stray_angle_brackets_are_kept_in_previews_and_tags_still_go() -> None:
    from reader.ingest.article_builder import _strip_tags

    assert _strip_tags("<p>Sign up &amp; save</p>") == "Sign up & save"
    assert _strip_tags("a < b and <b>c</b> << d") == "a < b and c << d"  # stray "<" stay; the tag goes
    assert _strip_tags("<" * 20_000 + "<i>x</i>") == "<" * 20_000 + " x"  # each "<" scans to the next only


def test_a_timeline_at_the_edges_of_the_calendar_does_not_crash(run_reader, tmp_path: Path) -> None:
    # Day words are read back from the publication date: the Wednesday before 0001-01-02 (a Tuesday)
    # is before the calendar. It may not reach the user as a traceback, and the days stay in order.
    texts = {"a.md": ("0001-01-01", "The harbour bridge was closed after cracks were found in two of its piers."),
             "b.md": ("0001-01-02", "Engineers said on Wednesday that the harbour bridge would stay shut for a month."),
             "c.md": ("9999-12-31", "The harbour bridge reopened yesterday, after repairs that began on Dec. 30.")}
    for name, (day, text) in texts.items():
        (tmp_path / name).write_text(f"---\ntitle: Harbour bridge\ndate: {day}\nsource: Wire {name}\n---\n\n{text}\n",
                                     encoding="utf-8")
    done = run_reader("summarize", "--story", "--timeline", "--format", "json", str(tmp_path))
    assert done.code == 0, done.err
    assert "Traceback" not in done.err
    assert [d["date"] for d in json.loads(done.out)["timeline"]["days"]] == ["0001-01-01", "0001-01-02", "9999-12-31"]
