"""Main-text extraction on real saved pages: reader beside trafilatura, by the benchmark's own metric.

    python tests/benchmarks/bench_extraction.py                 # table: dev / held-out / all, worst pages
    python tests/benchmarks/bench_extraction.py --pages 10      # the first 10 pages only (quick look)
    python tests/benchmarks/bench_extraction.py --key 042bb7b5  # one page: both texts' misses and extras
    python tests/benchmarks/bench_extraction.py --no-trafilatura

Data: ../shared/data/article-extraction/ (91 pages of scrapinghub/article-extraction-benchmark, read
its README; never copied into the project). trafilatura is installed into the venv for this script
only (`pip install trafilatura`); without it the reader columns still print.

Overfitting guard: the pages are split in two halves by a hash of their key. Develop on "dev";
"held" is looked at only through this table, never page by page.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from common import SHARED

from reader.ingest.article_builder import build_article
from reader.ingest.decode import decode_bytes
from reader.model import Article

DATA = SHARED / "data" / "article-extraction"
NGRAM = 4
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


# -- the benchmark's metric, as its README writes it ------------------------------------------------

def shingles(text: str, n: int = NGRAM) -> Counter[str]:
    """The multiset of word n-grams of `\\w+` tokens (a text shorter than n is one shingle of all its words)."""
    tokens = _TOKEN.findall(text or "")
    grams = (" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) counted with multiplicity, divided by their sum so every page weighs the same."""
    want, have = shingles(truth), shingles(pred)
    tp = fp = fn = 0
    for gram in want.keys() | have.keys():
        w, h = want.get(gram, 0), have.get(gram, 0)
        tp += min(w, h)
        fp += max(0, h - w)
        fn += max(0, w - h)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float


def aggregate(triples: Iterable[tuple[float, float, float]]) -> Score:
    """Precision and recall averaged over pages where defined, F1 from those averages."""
    precisions, recalls = [], []
    for tp, fp, fn in triples:
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return Score(2 * p * r / (p + r) if p + r else 0.0, p, r)


def page_f1(triple: tuple[float, float, float]) -> float:
    tp, fp, fn = triple
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# -- the extractors ------------------------------------------------------------------------------

def reader_article(data: bytes) -> Article:
    """What `reader show` reads from the saved page (decode, then the one article builder)."""
    decoded = decode_bytes(data)
    return build_article(decoded.text, "page.html", decoded.encoding, decoded.warnings, ".html")


def reader_text(data: bytes) -> str:
    """reader's article body: every kept sentence but the headline area, which the truth leaves out.

    The headline area is the headings before the first paragraph (the h1 reader keeps, a kicker), and
    any heading that is the page title."""
    article = reader_article(data)
    title = " ".join((article.title or "").split()).casefold()
    lines: list[str] = []
    block = -1
    body = False
    for sentence in article.sentences:
        body = body or sentence.kind != "heading"
        if sentence.kind == "heading" and (not body or " ".join(sentence.text.split()).casefold() == title):
            continue
        if sentence.block != block and lines:
            lines.append("\n")
        elif lines:
            lines.append(" ")
        lines.append(sentence.text)
        block = sentence.block
    return "".join(lines)


def reader_own_text(data: bytes) -> str:
    """reader's body with its own furniture rules only (the fallback when the library cannot help)."""
    from reader.ingest import html_page

    guide = html_page.main_text_guide
    html_page.main_text_guide = lambda page, blocks: (None, [])  # type: ignore[assignment]
    try:
        return reader_text(data)
    finally:
        html_page.main_text_guide = guide


def trafilatura_text(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_comments=False) or ""


# -- running -------------------------------------------------------------------------------------

def half_of(key: str) -> str:
    """'dev' or 'held', by a hash of the key: stable, and unrelated to site or page order."""
    return "dev" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "held"


def load_pages(limit: int | None, key_prefix: str | None) -> list[tuple[str, str, bytes]]:
    truth_file = DATA / "ground-truth.json"
    if not truth_file.is_file():
        sys.exit(f"benchmark data not found: {DATA}")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = sorted(k for k in truth if not key_prefix or k.startswith(key_prefix))[:limit]
    return [(k, truth[k].get("articleBody") or "", gzip.decompress((DATA / "html" / f"{k}.html.gz").read_bytes()))
            for k in keys]


def run(extract: Callable[[bytes], str], data: bytes) -> tuple[str, float]:
    started = time.perf_counter()
    try:
        text = extract(data)
    except Exception as exc:  # one failing page is a zero for that page, reported, not a stopped run
        print(f"  extractor raised {type(exc).__name__}: {exc}", file=sys.stderr)
        text = ""
    return text, time.perf_counter() - started


def diff_page(truth: str, pred: str, name: str) -> None:
    """The words of `name`'s text that are extras (false positives) and misses, in reading order."""
    want, have = shingles(truth), shingles(pred)
    extra = [g for g in have if have[g] > want.get(g, 0)]
    missed = [g for g in want if want[g] > have.get(g, 0)]
    print(f"-- {name}: {len(extra)} extra shingles, {len(missed)} missed")
    for label, grams in (("EXTRA", extra), ("MISSED", missed)):
        print(f"   {label}: " + " | ".join(_runs(grams))[:3000])


def _runs(grams: list[str]) -> list[str]:
    """Consecutive shingles merged back into word runs, for reading."""
    out: list[list[str]] = []
    for gram in grams:
        words = gram.split()
        if out and out[-1][-(NGRAM - 1):] == words[:NGRAM - 1]:
            out[-1].append(words[-1])
        else:
            out.append(words)
    return [" ".join(r) for r in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, help="only the first N pages (sorted by key)")
    parser.add_argument("--key", help="pages whose key starts with this; prints their differences")
    parser.add_argument("--worst", type=int, default=12, help="how many worst pages to list (dev half only)")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--own", action="store_true", help="also reader with its own rules only (no library)")
    parser.add_argument("--show-held", action="store_true", help="also list the worst held-out pages")
    args = parser.parse_args()
    extractors: dict[str, Callable[[bytes], str]] = {"reader": reader_text}
    if args.own:
        extractors["reader-own"] = reader_own_text
    if not args.no_trafilatura:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura not installed: reader only (pip install trafilatura)", file=sys.stderr)
        else:
            extractors["trafilatura"] = trafilatura_text
    pages = load_pages(args.pages, args.key)
    rows: dict[str, dict[str, tuple[float, float, float]]] = {name: {} for name in extractors}
    times: dict[str, list[float]] = {name: [] for name in extractors}
    for key, truth, data in pages:
        for name, extract in extractors.items():
            text, seconds = run(extract, data)
            rows[name][key] = page_scores(truth, text)
            times[name].append(seconds)
            if args.key:
                diff_page(truth, text, f"{key[:12]} {name}")
    print(f"{len(pages)} pages; halves by key hash: "
          f"dev {sum(half_of(k) == 'dev' for k, _, _ in pages)}, held {sum(half_of(k) == 'held' for k, _, _ in pages)}")
    print(f"{'extractor':<12} {'half':<5} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6}")
    for name in extractors:
        for half in ("dev", "held", "all"):
            keys = [k for k in rows[name] if half == "all" or half_of(k) == half]
            if keys:
                s = aggregate(rows[name][k] for k in keys)
                print(f"{name:<12} {half:<5} {len(keys):>5} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f}")
    for name, spent in times.items():
        print(f"time per page, {name}: mean {statistics.fmean(spent) * 1000:.0f} ms, "
              f"median {statistics.median(spent) * 1000:.0f} ms, max {max(spent) * 1000:.0f} ms")
    other = "trafilatura" if "trafilatura" in rows else None
    halves = ("dev", "held") if args.show_held else ("dev",)
    for half in halves:
        ranked = sorted((k for k in rows["reader"] if half_of(k) == half), key=lambda k: page_f1(rows["reader"][k]))
        print(f"worst {half} pages for reader (page F1, P, R{'; trafilatura F1' if other else ''}):")
        for key in ranked[:args.worst]:
            tp, fp, fn = rows["reader"][key]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            extra = f"   trafilatura {page_f1(rows[other][key]):.3f}" if other else ""
            print(f"  {key[:12]}  {page_f1(rows['reader'][key]):.3f}  P {p:.3f}  R {r:.3f}{extra}")


if __name__ == "__main__":
    main()
