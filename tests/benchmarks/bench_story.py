"""Story summaries measured by key facts, side by side in one run: reader, every sumy algorithm, lead.

    python tests/benchmarks/bench_story.py [--words 160] [--story NAME ...] [--show] [--algorithms a,b] [--exact] [--objective]

For each story with a nuggets file (tests/fixtures/stories/*.nuggets.toml; ../shared/seeds when
present), every summarizer gets the same parsed files; each summary is truncated to the word
budget and scored: key facts covered, redundant pairs, junk quoted (spliced-in text, off-topic
files). For reader, the source counts are checked too: for each summary sentence stating a key
fact, every outlet that states that fact should be cited, and no other (precision, recall).
Baselines see the story's sources as reader chose them, so only the selection differs.

The last row is a ceiling, not a summarizer: whole candidate sentences chosen by someone who knows
the key facts (most new facts per word), what extraction could reach with these sentences.

`--exact` also solves reader's selection problem exactly (an integer program, Gillick & Favre's
formulation, with scipy's HiGHS: `pip install scipy`, benchmark only) and compares its objective
and key facts with the greedy's, for the cost scale reader uses and for the plain knapsack greedy.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nuggets import Counts, Story, all_stories, count_pairs, oracle_choice, score_summary  # noqa: E402

from reader.algorithms import ALGORITHMS  # noqa: E402
from reader.ingest import load_paths  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.summarize import summarize_story  # noqa: E402
from reader.summarize.story import story_units  # noqa: E402

SLOW = {"kl"}  # minutes on the larger stories; pass --algorithms to include it


def story_articles(story: Story) -> list[Article]:
    paths = sorted(p for p in story.folder.iterdir() if p.is_file())
    return [a for a in load_paths(paths) if isinstance(a, Article)]


def outlet_sentences(articles: list[Article]) -> dict[str, list[str]]:
    """Each source (file, glued-in copy) as the count check knows it: 'path#segment' -> its sentences."""
    out: dict[str, list[str]] = {}
    for article in articles:
        for sentence in article.sentences:
            segment = sentence.segment
            while 0 <= segment < len(article.segments) and article.segments[segment].duplicate_of is not None:
                segment = article.segments[segment].duplicate_of  # a repeated copy is its original
            out.setdefault(f"{article.path}#{segment}", []).append(sentence.text)
    return out


def exact_selection(concepts: list[list[int]], weights, costs: list[int], budget: int,
                    apart: list[tuple[int, int]]) -> tuple[list[int], float]:
    """The selection maximising covered concept weight within the budget, by integer programming;
    `apart` lists pairs of sentences that may not both be chosen (one says again what the other says)."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix

    sentences = [i for i, c in enumerate(costs) if 0 < c <= budget]
    used = sorted({c for i in sentences for c in concepts[i] if weights[c] > 0})
    column = {c: len(sentences) + k for k, c in enumerate(used)}
    index = {i: k for k, i in enumerate(sentences)}
    apart = [(index[a], index[b]) for a, b in apart if a in index and b in index]
    rows = lil_matrix((1 + len(used) + len(apart), len(sentences) + len(used)))
    for k, i in enumerate(sentences):
        rows[0, k] = costs[i]
        for c in concepts[i]:
            if c in column:
                rows[1 + column[c] - len(sentences), k] = -1.0
    for c, col in column.items():
        rows[1 + col - len(sentences), col] = 1.0
    for n, (a, b) in enumerate(apart):
        rows[1 + len(used) + n, a] = rows[1 + len(used) + n, b] = 1.0
    objective = np.concatenate([np.zeros(len(sentences)), -np.array([weights[c] for c in used])])
    lower = np.concatenate([[0.0], np.full(len(used) + len(apart), -np.inf)])
    upper = np.concatenate([[budget], np.zeros(len(used)), np.ones(len(apart))])
    result = milp(objective, constraints=LinearConstraint(rows.tocsr(), lower, upper),
                  integrality=np.ones(len(objective)), bounds=Bounds(0, 1), options={"time_limit": 60})
    return [sentences[k] for k in range(len(sentences)) if result.x[k] > 0.5], -result.fun


def compare_exact(stories: list[Story], budget: int) -> None:
    from reader.summarize import story as story_module
    from reader.summarize.coverage import COST_SCALE, covered_weight, select

    print(f"\n## Greedy against the exact optimum of the same objective and constraints ({budget} words)\n")
    print("| story | exact: objective, key facts | greedy r=1: objective (share of exact), key facts | "
          f"greedy r={COST_SCALE} (reader): objective, key facts |")
    print("|---|---|---|---|")
    for story in stories:
        units = story_module.story_units(story_articles(story))
        concepts, weights = story_module.concept_weights(units)
        eligible, allowed = story_module.vetoes(units)
        costs = [t.word_count if eligible[i] else 0 for i, t in enumerate(units.terms)]
        # The same constraints as the greedy: never two sentences saying the same, never a sentence
        # leaning on its context when something self-contained says the same.
        for i in range(len(costs)):
            if costs[i] and not allowed(i, []):
                costs[i] = 0
        candidates = [i for i, c in enumerate(costs) if c]
        apart = [(a, b) for a in candidates for b in candidates if a < b and not allowed(b, [a])]
        exact, best = exact_selection(concepts, weights, costs, budget, apart)
        cells = [f"{best:.0f}, {score_summary(story, [(units.units[i].text, '') for i in exact], budget).coverage:.0%}"]
        for scale in (1.0, COST_SCALE):
            chosen = select(concepts, weights, costs, budget, None, allowed, scale)
            value = covered_weight(chosen, concepts, weights)
            facts = score_summary(story, [(units.units[i].text, "") for i in chosen], budget).coverage
            cells.append(f"{value:.0f} ({value / best:.1%}), {facts:.0%}")
        print(f"| {story.name} | " + " | ".join(cells) + " |")


def objective_against_ceiling(stories: list[Story], budget: int) -> None:
    """Where reader's objective and the key facts part: its value for reader's summary and for the
    ceiling's, and how many of reader's shown sentences tell a new key fact, only old ones, or none."""
    from reader.summarize import story as story_module
    from reader.summarize.coverage import covered_weight
    from nuggets import truncate

    print(f"\n## reader's objective: its summary against the ceiling's ({budget} words)\n")
    print("| story | reader: objective, sentences | ceiling: objective, sentences | "
          "reader's sentences: a new key fact / only told ones / none (words) |")
    print("|---|---|---|---|")
    kinds_total = {"new": [0, 0], "told": [0, 0], "none": [0, 0]}
    for story in stories:
        articles = story_articles(story)
        units = story_module.story_units(articles)
        concepts, weights = story_module.concept_weights(units)
        number = {u.text: i for i, u in enumerate(units.units)}
        shown = [item.text for item in summarize_story(articles, "reader", words=budget).items]
        ceiling = [number[t] for t in oracle_choice(story, [u.text for u in units.units], budget)]
        kinds = {"new": [0, 0], "told": [0, 0], "none": [0, 0]}
        covered: set[str] = set()
        for text in truncate(shown, budget):
            found = story.nuggets_of(text)
            kind = "new" if found - covered else "told" if found else "none"
            kinds[kind][0] += 1
            kinds[kind][1] += len(text.split())
            covered |= found
        for kind, (n, w) in kinds.items():
            kinds_total[kind][0] += n
            kinds_total[kind][1] += w
        print(f"| {story.name} | {covered_weight([number[t] for t in shown], concepts, weights):.0f}, {len(shown)} "
              f"| {covered_weight(ceiling, concepts, weights):.0f}, {len(ceiling)} | "
              + " / ".join(f"{n} ({w})" for n, w in kinds.values()) + " |")
    print("| all | | | " + " / ".join(f"{n} ({w})" for n, w in kinds_total.values()) + " |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=160)
    parser.add_argument("--story", action="append", help="only these stories (nuggets file names)")
    parser.add_argument("--algorithms", help="comma-separated (default: all but kl)")
    parser.add_argument("--show", action="store_true", help="print reader's summaries and missed facts")
    parser.add_argument("--exact", action="store_true", help="compare the greedy selection with the exact optimum")
    parser.add_argument("--objective", action="store_true",
                        help="reader's objective for its summary and for the ceiling's; its sentences by what they tell")
    options = parser.parse_args()
    names = options.algorithms.split(",") if options.algorithms else [a for a in ALGORITHMS if a not in SLOW]
    stories = all_stories(options.story)
    table: dict[str, list[tuple[str, float, int, int, int]]] = {name: [] for name in names}
    counts_total = Counts()
    strict_total = Counts()  # an outlet must state every key fact of the sentence
    per_story_counts: list[tuple[str, Counts]] = []
    ceiling: list[float] = []
    seconds = {name: 0.0 for name in names}
    for story in stories:
        articles = story_articles(story)
        candidates = [unit.text for unit in story_units(articles).units]
        ceiling.append(score_summary(story, [(t, "") for t in oracle_choice(story, candidates, options.words)],
                                     options.words).coverage)
        for name in names:
            started = time.perf_counter()
            summary = summarize_story(articles, name, words=options.words)
            seconds[name] += time.perf_counter() - started
            shown = [(item.text, item.unit.article.path) for item in summary.items]
            score = score_summary(story, shown, options.words)
            table[name].append((story.name, score.coverage, score.redundant, score.junk, score.words))
            if name == "reader":
                left = {os.path.basename(x.path) for x in summary.left_out}
                wrongly_left = left - story.off_topic
                kept_off = story.off_topic - left
                sentences = outlet_sentences([a for a in articles if os.path.basename(a.path) not in left])
                cited = [(item.text, {f"{c.article.path}#{c.source_key[1]}"
                                      for c in (item.unit, *item.corroborating)})
                         for item in summary.items]
                counts = count_pairs(story, cited, sentences)
                counts_total.add(counts)
                per_story_counts.append((story.name, counts))
                strict_total.add(count_pairs(story, cited, sentences, every=True))
                if options.show:
                    print(f"\n### {story.name}: reader, {score.words} words, {score.coverage:.0%} "
                          f"({len(score.covered)}/{score.total})")
                    for item in summary.items:
                        print(f"- [{item.source_count}] {item.text}  <{os.path.basename(item.unit.article.path)}:"
                              f"{item.unit.sentence.span}> {sorted(story.nuggets_of(item.text))}")
                    print("  missed:", ", ".join(n.id for n in story.nuggets if n.id not in score.covered))
                    if wrongly_left or kept_off:
                        print(f"  left out wrongly: {sorted(wrongly_left)}; off-topic kept: {sorted(kept_off)}")
    print(f"\n## Key facts at {options.words} words ({len(stories)} stories)\n")
    header = " | ".join(s.name for s in stories)
    print(f"| summarizer | mean | min | {header} | redundant pairs | junk | mean words | seconds |")
    print("|---|---|---|" + "---|" * len(stories) + "---|---|---|---|")
    for name in sorted(names, key=lambda n: -sum(r[1] for r in table[n])):
        rows = table[name]
        mean = sum(r[1] for r in rows) / len(rows)
        print(f"| {name} | {mean:.1%} | {min(r[1] for r in rows):.0%} | "
              + " | ".join(f"{r[1]:.0%}" for r in rows)
              + f" | {sum(r[2] for r in rows)} | {sum(r[3] for r in rows)} | "
              f"{sum(r[4] for r in rows) / len(rows):.0f} | {seconds[name]:.2f} |")
    print(f"| *ceiling: knows the key facts* | {sum(ceiling) / len(ceiling):.1%} | {min(ceiling):.0%} | "
          + " | ".join(f"{c:.0%}" for c in ceiling) + " | | | | |")
    if "reader" in names:
        print("\n## reader's source counts: (sentence, outlet) pairs\n")
        print("| story | precision | recall | cited right | cited wrongly | missed |")
        print("|---|---|---|---|---|---|")
        for name, c in [*per_story_counts, ("all", counts_total),
                        ("all, outlet must state every key fact of the sentence", strict_total)]:
            print(f"| {name} | {c.precision:.2f} | {c.recall:.2f} | {c.true_positive} | {c.false_positive} | "
                  f"{c.false_negative} |")
    if options.exact:
        compare_exact(stories, options.words)
    if options.objective:
        objective_against_ceiling(stories, options.words)


if __name__ == "__main__":
    main()
