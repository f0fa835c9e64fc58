"""Only what the unread articles add: nothing a read article reports, nothing at all once all are read."""
from __future__ import annotations

import json
from pathlib import Path

from reader.ingest import load_paths
from reader.model import Article
from reader.summarize.new_to_you import new_to_you

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
FERRY = STORIES / "ferry-strike"


def _articles() -> list[Article]:
    return [a for a in load_paths([str(FERRY)]) if isinstance(a, Article)]


def test_nothing_a_read_article_reports_is_shown() -> None:
    articles = _articles()
    read = {a.path for a in articles if Path(a.path).name[:2] in ("01", "02", "03")}
    found = new_to_you(articles, read)
    assert found.summary.items
    for item in found.summary.items:
        assert item.unit.article.path not in read
        assert not any(report.unit.article.path in read for report in item.reports), item.text
    assert {a.path for a in found.read} == read


def test_with_nothing_read_it_is_the_story_summary_and_with_all_read_nothing() -> None:
    articles = _articles()
    assert new_to_you(articles, set()).summary.items
    everything = {a.path for a in articles}
    found = new_to_you(articles, everything)
    assert found.summary.items == [] and found.unread == []


def test_marking_the_story_read_clears_it(run_reader) -> None:
    first = run_reader("summarize", "--story", "--new", "--format", "json", str(FERRY))
    assert first.code == 0, first.err
    data = json.loads(first.out)
    assert data["story"]["summary"] and not data["new_to_you"]["read"]
    some = [str(p) for p in sorted(FERRY.iterdir()) if p.name[:2] in ("01", "02")]
    assert run_reader("mark", "--read", *some).code == 0
    after = json.loads(run_reader("summarize", "--story", "--new", "--format", "json", str(FERRY)).out)
    read = set(after["new_to_you"]["read"])
    assert {Path(p).name for p in read} == {Path(p).name for p in some}
    for item in after["story"]["summary"]:
        assert not {c["path"] for c in item["citations"]} & read
    assert run_reader("mark", "--read", str(FERRY)).code == 0
    done = run_reader("summarize", "--story", "--new", str(FERRY))
    assert done.code == 0 and done.out.startswith("Nothing new: all")
    alone = run_reader("summarize", "--new", str(FERRY))
    assert alone.code == 2 and "--new goes with --story" in alone.err


MERGER_RULING = STORIES.parent / "merger-ruling"  # a complaint of the 12th, the ruling of Monday the 18th


def test_a_read_article_published_before_the_news_has_not_told_it() -> None:
    # Having read the complaint of the 12th, the ruling of Monday the 18th is new to you, though the
    # two sentences share most of their words; the retold price claim is not.
    articles = [a for a in load_paths([str(MERGER_RULING)]) if isinstance(a, Article)]
    read = {a.path for a in articles if a.path.endswith("a-asked.md")}
    items = new_to_you(articles, read).summary.items
    assert [i.text for i in items if "on Monday blocked" in i.text]
    assert not [i.text for i in items if "raise prices" in i.text]
    for item in items:  # and the complaint is not listed as reporting the ruling
        assert not any(report.unit.article.path in read for report in item.reports)


def test_new_to_you_as_markdown(run_reader) -> None:
    first = json.loads(run_reader("summarize", "--story", "--new", "--format", "json", str(FERRY)).out)
    result = run_reader("summarize", "--story", "--new", "--format", "markdown", str(FERRY))
    assert result.code == 0, result.err
    assert result.out.startswith("## New to you\n") and "articles read" in result.out
    items = [line for line in result.out.splitlines() if line.startswith("- ") and "[^" in line]  # not left out
    assert len(items) == len(first["story"]["summary"]) > 0
    assert any(line.startswith("[^1]: `") for line in result.out.splitlines())
