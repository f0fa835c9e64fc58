"""Hostile feeds: entity bombs and external entities are refused in one line, broken XML keeps what came
before the break, huge items are bounded, and the other files of the run still load."""
from __future__ import annotations

import time
from pathlib import Path

from reader.ingest import iter_inputs, load_article, load_paths
from reader.model import Article, LoadError

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "hostile"


def test_entity_declarations_are_refused_quickly_and_name_the_file() -> None:
    for name in ("billion-laughs.xml", "xxe-file.rss", "xxe-network.atom"):
        started = time.perf_counter()
        (result,) = list(iter_inputs([HOSTILE / name]))
        assert time.perf_counter() - started < 2
        assert isinstance(result, LoadError), result
        assert result.path == str(HOSTILE / name)
        assert "entities" in result.error and "\n" not in result.error


def test_external_entities_read_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    feed = tmp_path / "leak.rss"
    feed.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
                    "<rss><channel><title>x</title><item><title>&s;</title><description>&s; and more words"
                    "</description></item></channel></rss>")
    results = list(load_paths([feed]))
    assert all(isinstance(r, LoadError) for r in results)
    assert "TOP-SECRET" not in repr(results)


def test_broken_xml_keeps_the_items_before_the_break() -> None:
    (article,) = [r for r in load_paths([HOSTILE / "broken.xml"])]
    assert isinstance(article, Article)
    assert article.title == "The first item was saved whole"
    assert any("broken XML at line 13" in w for w in article.warnings)


def test_a_run_goes_on_past_hostile_feeds() -> None:
    results = list(load_paths([HOSTILE]))
    errors = [r for r in results if isinstance(r, LoadError)]
    loaded = [r for r in results if isinstance(r, Article)]
    assert {Path(e.path).name for e in errors} == {"billion-laughs.xml", "xxe-file.rss", "xxe-network.atom"}
    assert {Path(a.file).name for a in loaded} == {"broken.xml", "not-a-feed.rss"}


def test_a_huge_item_is_bounded(tmp_path: Path) -> None:
    paragraph = "<p>The harbour board met again to discuss the long list of repairs to the wall.</p>\n"
    body = paragraph * 40_000  # 3.4 MB of escaped HTML in one item
    feed = tmp_path / "huge.xml"
    feed.write_text(f"<rss><channel><title>Big</title><item><title>Huge</title><description><![CDATA[{body}]]>"
                    "</description></item><item><title>Small</title><description>A short item after the big one."
                    "</description></item></channel></rss>")
    started = time.perf_counter()
    huge, small = [r for r in load_paths([feed])]
    assert time.perf_counter() - started < 60
    assert isinstance(huge, Article) and isinstance(small, Article)
    assert any("only the first" in w for w in huge.warnings)
    assert small.sentences[0].text == "A short item after the big one."


def test_deep_json_feed_is_an_error_not_a_crash(tmp_path: Path) -> None:
    feed = tmp_path / "deep.json"
    feed.write_text('{"version": "https://jsonfeed.org/version/1.1", "items": ' + "[" * 5000 + "]" * 5000 + "}")
    (result,) = list(iter_inputs([feed]))
    assert isinstance(result, LoadError) and "nested" in result.error
    assert isinstance(load_article(feed), LoadError)
