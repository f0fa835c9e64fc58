"""Summaries measured side by side in one run: ROUGE on BBC, story redundancy, speed against sumy.

    python tests/benchmarks/bench_summarize.py [--limit N] [--skip-quality] [--skip-speed]

1. ROUGE-1/2/Lsum F1 of 3-sentence summaries on the BBC set, every algorithm on the same sentences.
   The BBC references look machine-made (see its README): a regression check, not a verdict.
2. Stories on ../shared/seeds and seeds/: redundant sentence pairs, boilerplate and off-story
   sentences in the default story summary vs sumy run on the concatenated files.
3. Speed: all BBC articles summarized by one `reader summarize --format json` process; a story of
   100 BBC articles concatenated into one file (~2,000 sentences), default vs sumy.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "summarize"))  # redundancy.py
from common import BBC, PROJECT, SHARED, bbc_articles  # noqa: E402
from redundancy import redundant_pairs  # noqa: E402

from reader.algorithms import ALGORITHMS  # noqa: E402
from reader.ingest import load_article, load_paths  # noqa: E402
from reader.ingest.sentences import split_spans  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.summarize import summarize_article, summarize_story  # noqa: E402
from reader.summarize.sumy_adapter import sumy_scores  # noqa: E402

GLUED_REFERENCE = re.compile(r"(?<=[.!?\"'])(?=[A-Z\"])")
STORY_SENTENCES = 7
KL_TIMEOUT = 240


def reference_sentences(path: Path) -> str:
    """The BBC references glue sentences with no space ("...$10.9bn.For the..."): one per line again."""
    text = path.read_bytes().decode("utf-8", "replace") if path.exists() else ""
    text = GLUED_REFERENCE.sub(" ", text)
    return "\n".join(text[a:b] for a, b in split_spans(text))


def quality(limit: int | None) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    files = sorted(bbc_articles().rglob("*.txt"))
    if limit:
        files = files[:: max(1, len(files) // limit)][:limit]
    totals = {name: [0.0, 0.0, 0.0] for name in ALGORITHMS}
    seconds = {name: 0.0 for name in ALGORITHMS}
    done = 0
    for path in files:
        article = load_article(path)
        reference = reference_sentences(BBC / "summaries" / path.relative_to(BBC / "articles"))
        if not isinstance(article, Article) or not reference:
            continue
        done += 1
        for name in ALGORITHMS:
            started = time.perf_counter()
            items = summarize_article(article, name, count=3)
            seconds[name] += time.perf_counter() - started
            scores = scorer.score(reference, "\n".join(i.text for i in items))
            for k, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
                totals[name][k] += scores[key].fmeasure
    print(f"\n## 1. ROUGE F1, 3-sentence summaries, {done} BBC articles\n")
    print("| algorithm | ROUGE-1 | ROUGE-2 | ROUGE-L (Lsum) | ms/article |")
    print("|---|---|---|---|---|")
    for name in sorted(ALGORITHMS, key=lambda n: -totals[n][0]):
        r1, r2, rl = (t / done for t in totals[name])
        print(f"| {name} | {r1:.4f} | {r2:.4f} | {rl:.4f} | {seconds[name] / done * 1000:.1f} |")


@dataclass
class RawUnit:
    number: int
    text: str


def raw_units(paths: list[Path]) -> list[RawUnit]:
    """The files concatenated and split as plain text: what sumy sees without reader's ingest."""
    text = "\n\n".join(p.read_bytes().decode("utf-8", "replace") if p.suffix != ".txt" or True else "" for p in paths)
    return [RawUnit(n, " ".join(text[a:b].split())) for n, (a, b) in enumerate(split_spans(text))]


def story_quality(name: str, folder: Path) -> None:
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    articles = [a for a in load_paths(paths) if isinstance(a, Article)]
    removed = {" ".join(r.text.split()) for a in articles for r in a.removed if not r.reason.startswith("repeats")}
    kept = {s.text for a in articles for s in a.sentences}
    story = summarize_story(articles, count=STORY_SENTENCES).items
    story_paths = {c.path for i in story for c in i.citations}
    print(f"\n### {name} ({len(articles)} files)\n")
    print("| summarizer | sentences | redundant pairs | boilerplate | not article text |")
    print("|---|---|---|---|---|")
    texts = [i.text for i in story]
    print(f"| reader story (default) | {len(texts)} | {redundant_pairs(texts)} | "
          f"{sum(any(t in r for r in removed) for t in texts)} | {sum(t not in kept for t in texts)} |")
    units = raw_units(paths)
    for algorithm in ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "reduction", "kl", "edmundson"):
        chosen = sumy_scores(algorithm, units, STORY_SENTENCES)  # type: ignore[arg-type]
        picked = [units[i].text for i in sorted(chosen)]
        boiler = sum(any(t in r or r in t for r in removed if len(r) > 10) for t in picked)
        print(f"| sumy {algorithm} on concatenated files | {len(picked)} | {redundant_pairs(picked)} | {boiler} | "
              f"{sum(t not in kept for t in picked)} |")
    left_out = {a.path for a in articles} - story_paths
    if left_out:
        print(f"\nfiles the default story does not cite: {', '.join(sorted(Path(p).name for p in left_out))}")


def timed(command: list[str], timeout: float | None = None) -> float | None:
    started = time.perf_counter()
    try:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started


def speed() -> None:
    reader = [sys.executable, "-m", "reader"]
    folder = str(bbc_articles())
    print("\n## 3. Speed\n")
    print("| task | reader (default) | sumy lexrank | ratio |")
    print("|---|---|---|---|")
    ours = timed([*reader, "summarize", "--format", "json", folder])
    theirs = timed([*reader, "summarize", "--format", "json", "--algorithm", "lexrank", folder])
    print(f"| 2,225 BBC articles, one `reader summarize --format json` (incl. ingest) | {ours:.1f} s | "
          f"{theirs:.1f} s | {theirs / ours:.1f}x |")
    with tempfile.TemporaryDirectory() as tmp:
        story_file = Path(tmp) / "story-100.txt"
        files = sorted(bbc_articles().rglob("*.txt"))[::22][:100]
        story_file.write_text("\n\n".join(f.read_bytes().decode("utf-8", "replace") for f in files))
        article = load_article(story_file)
        assert isinstance(article, Article)
        words = article.word_count
        results = {}
        for algorithm in ("reader", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "reduction", "kl"):
            code = ("import sys, time; from reader.ingest import load_article; from reader.summarize import "
                    f"summarize_story; a = load_article({str(story_file)!r}); t = time.perf_counter(); "
                    f"summarize_story([a], {algorithm!r}, count=7); print(time.perf_counter() - t)")
            try:
                out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     timeout=KL_TIMEOUT, check=True).stdout
                results[algorithm] = float(out.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                results[algorithm] = None
        base = results["reader"] or 1e-9
        print(f"\nStory over 100 BBC articles in one file: {words:,} words, {len(article.sentences):,} sentences "
              f"(summarization only, ingest excluded)\n")
        print("| algorithm | seconds | ratio to reader |")
        print("|---|---|---|")
        for algorithm, secs in results.items():
            shown = f"{secs:.2f}" if secs is not None else f"> {KL_TIMEOUT} (stopped)"
            ratio = f"{secs / base:.0f}x" if secs is not None else f"> {KL_TIMEOUT / base:.0f}x"
            print(f"| {algorithm} | {shown} | {ratio} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, help="sample this many BBC articles for ROUGE")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    options = parser.parse_args()
    if not options.skip_quality:
        quality(options.limit)
        print("\n## 2. Story summaries: redundancy, boilerplate, off-story text")
        if (SHARED / "seeds").is_dir():
            story_quality("../shared/seeds", SHARED / "seeds")
        story_quality("seeds/", PROJECT / "seeds")
    if not options.skip_speed:
        speed()


if __name__ == "__main__":
    main()
