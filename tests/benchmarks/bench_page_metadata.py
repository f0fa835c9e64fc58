"""Page metadata on real saved pages: reader beside trafilatura, field by field, against hand labels.

    python tests/benchmarks/bench_page_metadata.py              # accuracy per field: dev / held-out / all
    python tests/benchmarks/bench_page_metadata.py --misses     # also every dev page a tool got wrong
    python tests/benchmarks/bench_page_metadata.py --key 042bb  # one page: both tools' answers and the labels

Data: the 91 pages of ../shared/data/article-extraction/ (never copied into the project). Its
ground truth has only the body text, so tests/benchmarks/data/page_metadata_truth.json holds labels
written by hand from reading each page: the headline it shows, the published day, the byline's
people, the outlet's name, each a list of the answers counted right (its "about" says how they were
chosen). Both tools read the same decoded text, the way `reader show` gets it.

Scoring, the same for both: a title or site name matches when equal after Unicode folding, case,
spacing, and curly quotes and dashes made plain; a date when its YYYY-MM-DD is one of the labels; an
author when the set of names is the same (split at ";", ",", " and ", " & "), and "no author" is a
right answer only where the labels allow it. Halves by key hash as in bench_extraction.py: develop
on "dev"; "held" is looked at only through this table.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from bench_extraction import DATA, half_of

from reader.ingest.article_builder import build_article
from reader.ingest.decode import decode_bytes

TRUTH = Path(__file__).parent / "data" / "page_metadata_truth.json"
FIELDS = ("title", "date", "author", "site")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-",
                         "\u00a0": " "})
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*", re.IGNORECASE)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

Answers = dict[str, str | None]


# -- normalisation --------------------------------------------------------------------------------

def fold(text: str | None) -> str:
    """Case, spacing, compatibility forms, curly quotes and dashes: what no reader would call different."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.split()).casefold()


def names(text: str | None) -> frozenset[str]:
    """A byline as the set of its people: 'A, B and C' and 'A; B; C' are the same three."""
    return frozenset(part for part in (fold(p) for p in _NAME_SPLIT.split(text or "")) if part)


def day(text: str | None) -> str:
    found = _ISO_DAY.search(text or "")
    return found.group(0) if found else ""


def correct(field: str, answer: str | None, labels: list[str]) -> bool:
    if field == "author":
        return names(answer) in {names(label) for label in labels}
    if field == "date":
        return day(answer) in labels if answer else "" in labels
    return fold(answer) in {fold(label) for label in labels}


# -- the two tools --------------------------------------------------------------------------------

def reader_answers(text: str) -> Answers:
    """What `reader show` says about the page (the one article builder, main text and all)."""
    article = build_article(text, "page.html", suffix=".html")
    return {"title": article.full_title, "date": article.date, "author": article.author, "site": article.source}


def trafilatura_answers(text: str) -> Answers:
    import trafilatura

    doc = trafilatura.extract_metadata(text)
    return {"title": doc.title, "date": doc.date, "author": doc.author, "site": doc.sitename}


def run(tool: Callable[[str], Answers], text: str) -> tuple[Answers, float]:
    started = time.perf_counter()
    try:
        answers = tool(text)
    except Exception as exc:  # a page a tool fails on counts as answered with nothing
        print(f"  {tool.__name__} raised {type(exc).__name__}: {exc}", file=sys.stderr)
        answers = dict.fromkeys(FIELDS)
    return answers, time.perf_counter() - started


def load(key_prefix: str | None) -> list[tuple[str, dict[str, list[str]], str]]:
    if not TRUTH.is_file() or not DATA.is_dir():
        sys.exit(f"benchmark data not found: {TRUTH} and {DATA}")
    labels = json.loads(TRUTH.read_text(encoding="utf-8"))["pages"]
    keys = sorted(k for k in labels if not key_prefix or k.startswith(key_prefix))
    pages = []
    for key in keys:
        text = decode_bytes(gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())).text
        pages.append((key, labels[key], text))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--key", help="pages whose key starts with this; prints every answer")
    parser.add_argument("--misses", action="store_true", help="list the dev pages each tool got wrong, per field")
    parser.add_argument("--show-held", action="store_true", help="with --misses, the held-out pages too")
    args = parser.parse_args()
    tools: dict[str, Callable[[str], Answers]] = {"reader": reader_answers, "trafilatura": trafilatura_answers}
    pages = load(args.key)
    right: dict[str, dict[str, dict[str, bool]]] = {name: {} for name in tools}
    said: dict[str, dict[str, Answers]] = {name: {} for name in tools}
    times: dict[str, list[float]] = {name: [] for name in tools}
    for key, labels, text in pages:
        for name, tool in tools.items():
            answers, seconds = run(tool, text)
            times[name].append(seconds)
            said[name][key] = answers
            right[name][key] = {f: correct(f, answers[f], labels[f]) for f in FIELDS}
            if args.key:
                print(f"{key[:12]} {name:<12} " + " | ".join(f"{f}={answers[f]!r}" for f in FIELDS))
        if args.key:
            print(f"{key[:12]} {'labels':<12} " + " | ".join(f"{f}={labels[f]!r}" for f in FIELDS))
    dev = sum(half_of(k) == "dev" for k, _, _ in pages)
    print(f"{len(pages)} hand-labelled pages; halves by key hash: dev {dev}, held {len(pages) - dev}")
    print(f"{'tool':<12} {'half':<5} {'pages':>5} " + " ".join(f"{f:>7}" for f in FIELDS) + f" {'mean':>7}")
    for name in tools:
        for half in ("dev", "held", "all"):
            keys = [k for k in right[name] if half == "all" or half_of(k) == half]
            if not keys:
                continue
            shares = [sum(right[name][k][f] for k in keys) / len(keys) for f in FIELDS]
            print(f"{name:<12} {half:<5} {len(keys):>5} " + " ".join(f"{s:7.3f}" for s in shares)
                  + f" {statistics.fmean(shares):7.3f}")
    for name, spent in times.items():
        print(f"time per page, {name}: mean {statistics.fmean(spent) * 1000:.0f} ms, "
              f"median {statistics.median(spent) * 1000:.0f} ms, max {max(spent) * 1000:.0f} ms")
    if args.misses:
        labels_of = {k: labels for k, labels, _ in pages}
        for name in tools:
            for field in FIELDS:
                wrong = [k for k in right[name] if not right[name][k][field]
                         and (args.show_held or half_of(k) == "dev")]
                print(f"-- {name} {field}: {len(wrong)} wrong")
                for key in wrong:
                    print(f"   {key[:12]} said {said[name][key][field]!r}  labels {labels_of[key][field]!r}")


if __name__ == "__main__":
    main()
