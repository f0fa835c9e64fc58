"""A story summary quotes a running figure at its latest value (`latest_values`)."""
from __future__ import annotations

from pathlib import Path

from reader.ingest import load_paths
from reader.model import Article
from reader.summarize import summarize_story

ASIDES = ["Schools across Dunmere remained closed while crews flushed the water mains.",
          "Restaurants poured out ice and coffee made with tap water.",
          "The utility blamed a failed chlorine pump at its treatment plant.",
          "Residents lined up for bottled water at the fire station on Elm Street."]


def _story(tmp_path: Path, counts: list[tuple[str, str]]) -> list[Article]:
    for n, (day, count) in enumerate(counts, 1):
        (tmp_path / f"0{n}-outlet-{n}.txt").write_text(
            f" date {day} Health officials said {count} people had reported illness in the Dunmere outbreak of "
            f"E. coli, and the city's boil-water order stayed in place.\n\n{ASIDES[n - 1]}\n", encoding="utf-8")
    return [a for a in load_paths([str(tmp_path)]) if isinstance(a, Article)]


def test_the_latest_value_of_a_rising_count_is_quoted_once_with_the_earlier_ones_in_its_note(tmp_path: Path) -> None:
    """38, 96, 141 ill on three days, each outlet with its own aside: one sentence gives the count,
    the latest (a later outlet's new number is news, but not a running figure's next value)."""
    articles = _story(tmp_path, [("2026-09-15", "38"), ("2026-09-16", "96"), ("2026-09-22", "141")])
    summary = summarize_story(articles, words=160)
    (item,) = [item for item in summary.items if "reported illness" in item.text]
    assert "141 people" in item.text and item.unit.article.path.endswith("03-outlet-3.txt")
    ((d, own),) = item.contested
    assert d.updated and own.label == "141"
    assert sum(len(i.text.split()) for i in summary.items) <= 160


def test_values_that_are_not_a_running_figure_are_not_swapped(tmp_path: Path) -> None:
    """Up and down again: no figure to bring up to date, so the selection's own sentences stand,
    each flagged contested."""
    articles = _story(tmp_path, [("2026-09-15", "38"), ("2026-09-16", "96"), ("2026-09-22", "52")])
    summary = summarize_story(articles, words=160)
    items = [item for item in summary.items if "reported illness" in item.text]
    assert items and all(item.contested and not any(d.updated for d, _ in item.contested) for item in items)
