"""Timelines measured by key facts: later facts under their own date, retold facts never shown as new.

    python tests/benchmarks/bench_timeline.py [--words N] [--story NAME ...]

For each story with a nuggets file, a nugget's first date is the earliest date among the files the
nuggets file says state it; the story's first day is the earliest date of its files (an off-topic
file left out of the story does not count). `reader summarize --story --timeline` is scored on:
- later facts under their date: nuggets first reported after the story's first day that some
  timeline sentence states under exactly that date (the target: all of them);
- retold shown as new: (sentence, nugget) pairs where a sentence under date D states a nugget first
  reported before D (the target: none). A sentence telling a new fact beside an old one counts here,
  as does an updated count ("141 people" after "96 people") when the nugget is the count's subject.
  Of these, "beside news" are the pairs whose sentence also states a nugget first reported on its
  date, or a number (digits) that no file dated earlier has: an update or a new fact telling an old
  one in passing. "Pure" are the rest, sentences that retell and add nothing the nuggets or numbers
  show; they are what a reader would call a retold fact passed off as news.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_story import story_articles  # noqa: E402
from nuggets import all_stories  # noqa: E402

from reader.summarize.timeline import DEFAULT_DAY_WORDS, day_of, story_timeline  # noqa: E402


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


def numbers(text: str) -> set[str]:
    """The numbers written in digits, without thousands commas: "31,400" and "31400" are one."""
    return {n.replace(",", "") for n in _DIGITS.findall(text)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=DEFAULT_DAY_WORDS,
                        help=f"words a day at most (default {DEFAULT_DAY_WORDS}, the timeline's)")
    parser.add_argument("--story", action="append")
    parser.add_argument("--show", action="store_true", help="list the retold sentences")
    options = parser.parse_args()
    print(f"\n## Timeline at {options.words} words a day\n")
    print("| story | days | later facts under their date | retold shown as new | beside news | pure | sentences |")
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0, 0, 0, 0]
    for story in all_stories(options.story):
        articles = story_articles(story)
        date_of = {os.path.basename(a.path): day_of(a) for a in articles}
        first = {}
        for nugget in story.nuggets:
            dates = [date_of[f] for f in nugget.files if date_of.get(f)]
            first[nugget.id] = min(dates) if dates else None
        story_first = min(d for f, d in date_of.items() if d and f not in story.off_topic)
        timeline = story_timeline(articles, options.words)
        shown: dict[str, set[str | None]] = {}
        retold = []
        beside = 0
        for day in timeline.days:
            before = set().union(*(numbers(a.text) for a in articles if day_of(a) and day.date and day_of(a) < day.date))
            for item in day.items:
                found = story.nuggets_of(item.text)
                news = any(first[n] == day.date for n in found) or bool(numbers(item.text) - before)
                for nid in found:
                    shown.setdefault(nid, set()).add(day.date)
                    if day.date is not None and first[nid] is not None and day.date > first[nid]:
                        retold.append((nid, day.date, first[nid], item.text))
                        beside += news
        later = [n for n, d in first.items() if d and d > story_first]
        under = [n for n in later if first[n] in shown.get(n, set())]
        sentences = sum(len(d.items) for d in timeline.days)
        print(f"| {story.name} | {len(timeline.days)} | {len(under)}/{len(later)} | {len(retold)} | {beside} "
              f"| {len(retold) - beside} | {sentences} |")
        if options.show:
            for nid, date, was, text in retold:
                print(f"|  | retold | {nid}: {date} (first {was}) | {text[:90]} | |")
        for k, v in enumerate((len(under), len(later), len(retold), beside, sentences)):
            totals[k] += v
    print(f"| all | | {totals[0]}/{totals[1]} ({totals[0] / max(1, totals[1]):.0%}) | {totals[2]} | {totals[3]} "
          f"| {totals[2] - totals[3]} | {totals[4]} |")


if __name__ == "__main__":
    main()
