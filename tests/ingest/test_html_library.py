"""trafilatura as the judge of main text: reader keeps its own blocks (with positions) that it chose,
and falls back to its own rules, with one warning, whenever the library cannot answer."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from reader.ingest import html_library
from reader.ingest.article_builder import build_article
from reader.ingest.blocks import Block
from reader.ingest.html_furniture import NOT_MAIN, Rec, Region, choose
from reader.ingest.html_page import parse_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
PAGE = (FIXTURES / "harbor_dredging_paywall.html").read_text(encoding="utf-8")
BODY = re.findall(r"<p>(.*?)</p>", PAGE.split('<div class="story-body">')[1].split("</div>")[0])
FURNITURE = ["Priya Lindqvist", "Feb. 3, 2026", "To Read the Full Story", "Most read", "Council approves",
             "morning briefing", "All rights reserved"]


def kept(page_text: str, **options: bool) -> list[str]:
    return [" ".join(b.text.split()) for b in parse_html(page_text, **options).blocks]


def test_the_library_keeps_the_story_and_drops_byline_timestamp_and_paywall_prompt() -> None:
    blocks = kept(PAGE)
    assert blocks == ["Harbor dredging to start in March", *BODY]  # the headline reader shows, then the body
    assert not [f for f in FURNITURE if any(f in b for b in blocks)]


def test_every_kept_character_still_maps_to_the_page() -> None:
    for block in parse_html(PAGE).blocks:
        for i, char in enumerate(block.text):
            assert PAGE[block.to_file(i)] == char


def test_reader_own_rules_still_find_the_whole_story() -> None:
    blocks = kept(PAGE, library=False)
    assert all(p in blocks for p in BODY)


@pytest.mark.parametrize("failure", ["raises", "missing", "slow"])
def test_a_library_failure_falls_back_to_reader_rules_with_one_warning(monkeypatch: pytest.MonkeyPatch,
                                                                       failure: str) -> None:
    def broken(page: str) -> str:
        if failure == "raises":
            raise ValueError("lxml said no")
        if failure == "missing":
            raise ImportError("No module named 'trafilatura'")
        time.sleep(2)
        return ""

    monkeypatch.setattr(html_library, "_extract", broken)
    monkeypatch.setattr(html_library, "TIMEOUT_SECONDS", 0.2)
    article = build_article(PAGE, "harbor.html", suffix=".html")
    assert len(article.warnings) == 1
    assert "reader's own rules" in article.warnings[0]
    assert {"raises": "failed (ValueError)", "missing": "not installed", "slow": "took over"}[failure] \
        in article.warnings[0]
    assert kept(PAGE) == kept(PAGE, library=False)  # the same text as reader's rules alone


def test_a_page_with_too_many_tags_is_not_given_to_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[int] = []
    monkeypatch.setattr(html_library, "_extract", lambda page: called.append(1) or "")
    page = PAGE.replace("</body>", "<i></i>" * html_library.MAX_TAGS + "</body>")
    assert "too large" in parse_html(page).warnings[0]
    assert not called


def test_too_little_library_text_is_no_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_library, "_extract", lambda page: BODY[0])  # under trafilatura's own minimum
    assert kept(PAGE) == kept(PAGE, library=False)
    assert parse_html(PAGE).warnings == []


def _rec(text: str, region: int = -1, kind: str = "paragraph") -> Rec:
    block = Block(kind=kind)
    block.add(text, 0)
    return Rec(block, 0, region, -1, -1, 0, len(text))


def test_a_guided_block_inside_recognised_furniture_stays_out_and_an_unguided_one_is_named() -> None:
    recs = [_rec("A story paragraph long enough to count as one of the main text."),
            _rec("Share this on every network you use", region=0),
            _rec("Another story paragraph the library did not keep for some reason.")]
    regions = [Region("share buttons", -1, False, 0)]
    blocks, dropped = choose(recs, regions, [], [], "", guide=[True, True, False])
    assert [b.text for b in blocks] == [recs[0].block.text]
    assert [reason for _, _, reason in dropped] == ["share buttons", NOT_MAIN]
