"""Grouping a library into stories: pairwise precision and recall on labelled stories, and scale.

    python tests/benchmarks/bench_grouping.py [--sample 300] [--sizes 1000,2225,5000,10000] [--skip-scale]

1. Quality. The labelled mix: every fixture story (tests/fixtures/stories/*, their off-topic files
   each a story of its own unless the same piece is planted in two folders), the sample corpus
   (`seeds/`), ../shared/seeds (one story), and every k-th BBC article (~`--sample` of them), each
   its own story except the groups labelled by hand in data/bbc_same_story.txt (follow-ups and
   republished copies, judged from headline and lead). Over all pairs of articles: precision (pairs
   grouped together that are one story) and recall (pairs that are one story grouped together).
   Beside it, the plain baseline of linking at the same cosine with no date, chain or lone rules.
2. Scale. `group_stories` on the first N BBC articles (past 2,225: copies with one edit each, as
   bench_story_scale builds them), parsed beforehand: seconds and peak traced memory of grouping
   alone, then `reader stories --format json DIR` end to end (ingest included, GNU time).
"""
from __future__ import annotations

import argparse
import itertools
import re
import subprocess
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_story_scale import GNU_TIME, build_folder  # noqa: E402
from common import PROJECT, bbc_articles  # noqa: E402

from reader.ingest import load_paths  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.summarize import grouping  # noqa: E402

STORIES = PROJECT / "tests" / "fixtures" / "stories"
SAME_STORY = Path(__file__).resolve().parent / "data" / "bbc_same_story.txt"
SHARED_SEEDS = PROJECT.parent / "shared" / "seeds"
PLANTED_TWICE = ("symphony", "meteorite")  # off-topic pieces planted in two folders: one story each


def labelled_mix(sample: int) -> dict[str, str]:
    """Path -> story label for every article of the mix."""
    labels: dict[str, str] = {}
    for toml in sorted(STORIES.glob("*.nuggets.toml")):
        data = tomllib.loads(toml.read_text(encoding="utf-8"))
        name = toml.name.removesuffix(".nuggets.toml")
        folder = PROJECT / data["folder"] if "folder" in data else toml.parent / name
        if not folder.is_dir():
            continue
        off_topic = set(data.get("off_topic", []))
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            if path.name not in off_topic:
                labels[str(path)] = name
            else:
                planted = next((w for w in PLANTED_TWICE if path.stem.endswith(w)), None)
                labels[str(path)] = f"off:{planted or path}"
    files = sorted(bbc_articles().rglob("*.txt"))
    root = bbc_articles()
    for path in files[:: max(1, len(files) // sample)]:
        labels[str(path)] = f"bbc:{path.relative_to(root)}"
    for line in SAME_STORY.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            group = line.split()
            for name in group:
                if str(root / name) in labels:
                    labels[str(root / name)] = f"bbc:{group[0]}"
    return labels


def pairwise(groups: list[list[str]], labels: dict[str, str]) -> tuple[float, float, int, int]:
    tp, fp, fn = pair_counts(groups, labels)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), fp, fn


def pair_counts(groups: list[list[str]], labels: dict[str, str]) -> tuple[int, int, int]:
    story = {p: k for k, members in enumerate(groups) for p in members}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(story), 2):
        same_truth = labels[a.split("#")[0]] == labels[b.split("#")[0]]
        same_found = story[a] == story[b]
        tp += same_truth and same_found
        fp += same_found and not same_truth
        fn += same_truth and not same_found
    return tp, fp, fn


def plain_links(articles: list[Article]) -> list[list[str]]:
    """The baseline: connected components of the cosine links alone."""
    v = grouping._vectors([grouping._read(a)[1] for a in articles])
    pairs, _ = grouping._linked_pairs(v, len(articles), grouping.LINK)
    groups = grouping._Groups(len(articles))
    for a, b in pairs.tolist():
        groups.union(a, b)
    return [[articles[m].path for m in members] for members in groups.members()]


def quality(sample: int) -> None:
    labels = labelled_mix(sample)
    articles = [a for a in load_paths(sorted(labels)) if isinstance(a, Article)]
    stories = grouping.group_stories(articles)
    print(f"\n## Grouping {len(articles)} labelled articles ({len(set(labels.values()))} true stories)\n")
    print("| method | stories | precision | recall | pairs grouped wrongly | pairs kept apart wrongly |")
    print("|---|---|---|---|---|---|")
    for name, groups in (("reader", [list(s.articles) for s in stories]), ("links only", plain_links(articles))):
        p, r, fp, fn = pairwise(groups, labels)
        print(f"| {name} | {len(groups)} | {p:.3f} | {r:.3f} | {fp} | {fn} |")
    shared = [s for s in stories if any(p.startswith(str(SHARED_SEEDS)) for p in s.articles)]
    if shared:
        print(f"\n../shared/seeds: {sum(len(s.articles) for s in shared)} files in {len(shared)} "
              f"{'story' if len(shared) == 1 else 'stories'}")
    print(f"copies marked: {sum(len(s.copies) for s in stories)} "
          f"({', '.join(Path(c.path).name + ' of ' + Path(c.copy_of).name for s in stories for c in s.copies)})")
    folders_alone(labels)


def folders_alone(labels: dict[str, str]) -> None:
    """Each labelled folder grouped on its own, as a user opens a folder kept for one story: the words
    every article shares are then common in the library itself, where the mix made them rare."""
    folders: dict[str, list[str]] = defaultdict(list)
    for path, label in labels.items():
        if not label.startswith("bbc:"):
            folders[str(Path(path).parent)].append(path)
    print("\n## Each story folder on its own\n")
    print("| folder | articles | stories found | true stories | precision | recall |")
    print("|---|---|---|---|---|---|")
    totals = [0, 0, 0]
    for folder, paths in sorted(folders.items()):
        articles = [a for a in load_paths(sorted(paths)) if isinstance(a, Article)]
        groups = [list(s.articles) for s in grouping.group_stories(articles)]
        tp, fp, fn = pair_counts(groups, labels)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        print(f"| {Path(folder).parent.name}/{Path(folder).name} | {len(articles)} | {len(groups)} | {len({labels[p] for p in paths})} | "
              f"{tp / max(1, tp + fp):.3f} | {tp / max(1, tp + fn):.3f} |")
    tp, fp, fn = totals
    print(f"| all (pairs pooled) | | | | {tp / max(1, tp + fp):.3f} | {tp / max(1, tp + fn):.3f} |")


def scale(sizes: list[int]) -> None:
    print("\n## Scale: grouping alone (articles parsed beforehand), and `reader stories` end to end\n")
    print("| articles | grouping seconds | grouping peak traced MiB | stories | end-to-end seconds | "
          "end-to-end peak RSS MiB |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = build_folder(Path(tmp), size)
            articles = [a for a in load_paths([folder]) if isinstance(a, Article)]
            started = time.perf_counter()
            stories = grouping.group_stories(articles)
            seconds = time.perf_counter() - started
            tracemalloc.start()  # a second run for memory: tracing slows Python code down
            grouping.group_stories(articles)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            del articles
            command = [sys.executable, "-m", "reader", "stories", "--format", "json", str(folder)]
            started = time.perf_counter()
            done = subprocess.run([GNU_TIME, "-v", *command], capture_output=True, text=True)
            wall = time.perf_counter() - started
            rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
            print(f"| {size:,} | {seconds:.2f} | {peak:.0f} | {len(stories):,} | {wall:.1f} | "
                  f"{int(rss.group(1)) / 1024 if rss else float('nan'):.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--sizes", default="1000,2225,5000,10000")
    parser.add_argument("--skip-scale", action="store_true")
    options = parser.parse_args()
    quality(options.sample)
    if not options.skip_scale:
        scale([int(s) for s in options.sizes.split(",")])


if __name__ == "__main__":
    main()
