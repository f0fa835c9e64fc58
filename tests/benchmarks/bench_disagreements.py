"""Where sources disagree, measured on the fixture stories against the numbers planted in them.

    python tests/benchmarks/bench_disagreements.py [--list] [--scale]

The truth is tests/fixtures/stories/planted-numbers.toml, written by hand: [[planted]] numbers two
outlets state differently (each fixture story has one; merrow-flood has two) and [[same]] values
written in other formats ($4.2m / $4.2 million / 4.2 million dollars, per cent / %, ...). For each
story: planted disagreements found, format-only differences reported (the target is 0), and the
other disagreements reported (neither planted nor format: listed with --list, for a look by hand).
Also the folders with no planted number (seeds/, ../shared/seeds). --scale times the facts and the
disagreements on a story of 100 BBC articles and on 250-1,000 unrelated ones taken as one story.
"""
from __future__ import annotations

import argparse
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PROJECT, SHARED, bbc_articles  # noqa: E402

from reader.ingest import load_paths  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.summarize.disagreements import Disagreement, table_disagreements  # noqa: E402
from reader.summarize.facts import fact_table  # noqa: E402

STORIES = PROJECT / "tests" / "fixtures" / "stories"


def load(folder: Path) -> list[Article]:
    return [a for a in load_paths([str(folder)]) if isinstance(a, Article)]


def files_by_value(d: Disagreement) -> dict[str, set[str]]:
    return {v.label: {Path(c.unit.article.path).name for c in v.claims} for v in d.values}


def is_planted(d: Disagreement, entry: dict[str, Any]) -> bool:
    files = files_by_value(d)
    return all(value in files and name in files[value] for value, name in zip(entry["values"], entry["files"]))


def format_only(d: Disagreement, entry: dict[str, Any]) -> bool:
    """Whether two of the entry's written forms sit on different sides of the disagreement."""
    written = {w.lower() for w in entry["written"]}
    sides = {v.label for v in d.values for c in v.claims if c.quantity.text.lower() in written}
    return len(sides) > 1


def describe(d: Disagreement) -> str:
    notes = [n for n, on in (("rounding", d.rounding), ("later", d.later), ("updated", d.updated)) if on]
    values = " vs ".join(f"{v.label} ({len(v.voices)} outlet{'s' if len(v.voices) != 1 else ''})" for v in d.values)
    return f"{values}{' [' + ', '.join(notes) + ']' if notes else ''}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true", help="list the other disagreements reported")
    parser.add_argument("--scale", action="store_true", help="time facts and disagreements on BBC stories")
    options = parser.parse_args()
    truth = tomllib.loads((STORIES / "planted-numbers.toml").read_text(encoding="utf-8"))
    folders = {p.name: p for p in sorted(STORIES.iterdir()) if p.is_dir()}
    folders["sample-seeds"] = PROJECT / "seeds"
    if (SHARED / "seeds").is_dir():
        folders["shared-seeds"] = SHARED / "seeds"
    print("| story | planted found | format-only reported | other reported | of them, updates by day | facts | seconds |")
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0, 0, 0, 0]
    missed: list[str] = []
    others: list[str] = []
    for name, folder in folders.items():
        articles = load(folder)
        started = time.perf_counter()
        table = fact_table(articles)
        found = table_disagreements(table)
        seconds = time.perf_counter() - started
        planted = [e for e in truth["planted"] if e["story"] == name]
        same = [e for e in truth["same"] if e["story"] == name]
        # a planted dispute shown as a figure that changed from day to day ("updated") is not found
        hits = [e for e in planted if any(is_planted(d, e) and not d.updated for d in found)]
        missed += [f"{name}: {e['what']} ({' vs '.join(e['values'])})" + (f" — {e['missed']}" if "missed" in e else "")
                   for e in planted if e not in hits]
        wrong = [d for d in found if any(format_only(d, e) for e in same)]
        rest = [d for d in found if not any(is_planted(d, e) for e in planted) and d not in wrong]
        others += [f"{name}: {describe(d)}" for d in rest]
        updates = sum(d.updated for d in rest)
        totals = [totals[0] + len(hits), totals[1] + len(planted), totals[2] + len(wrong), totals[3] + len(rest),
                  totals[4] + updates]
        print(f"| {name} | {len(hits)} of {len(planted)} | {len(wrong)} | {len(rest)} | {updates} | {len(table.facts)} | "
              f"{seconds:.2f} |")
    print(f"| all | {totals[0]} of {totals[1]} | {totals[2]} | {totals[3]} | {totals[4]} | | |")
    if missed:
        print("\nPlanted, not found:\n" + "\n".join(f"- {m}" for m in missed))
    if options.list and others:
        print("\nOther disagreements reported:\n" + "\n".join(f"- {o}" for o in others))
    if options.scale:
        scale()


def scale() -> None:
    from reader.summarize.equivalence import Equivalence
    from reader.summarize.outlets import find_outlets
    from reader.summarize.sentence_terms import terms_of
    from reader.summarize.story import StoryUnits, story_units
    from reader.summarize.units import candidate_units

    files = sorted(bbc_articles().rglob("*.txt"))
    print("\n| story | sentences | facts (s) | disagreements (s) |")
    print("|---|---|---|---|")
    articles = [a for a in load_paths(files[::22][:100]) if isinstance(a, Article)]
    story = story_units(articles)
    started = time.perf_counter()
    table = fact_table(articles, story)
    middle = time.perf_counter()
    table_disagreements(table)
    print(f"| 100 BBC articles, main story | {len(story.units):,} | {middle - started:.2f} | "
          f"{time.perf_counter() - middle:.2f} |")
    for count in (250, 500, 1000):
        articles = [a for a in load_paths(files[:count]) if isinstance(a, Article)]
        units = candidate_units(sorted(articles, key=lambda a: a.path))
        terms = terms_of(units)
        whole = StoryUnits(units, terms, find_outlets(units, [t.fingerprint for t in terms]), Equivalence(terms), [])
        started = time.perf_counter()
        table = fact_table(articles, whole)
        middle = time.perf_counter()
        table_disagreements(table)
        print(f"| {count:,} BBC articles as one story | {len(units):,} | {middle - started:.2f} | "
              f"{time.perf_counter() - middle:.2f} |")


if __name__ == "__main__":
    main()
