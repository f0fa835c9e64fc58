"""Key-fact ("nugget") evaluation of story summaries, independent of the summarizer under test.

A nuggets file (`tests/fixtures/stories/<name>.nuggets.toml`) lists the key facts of one story,
each as alternatives of regexes that must all match one sentence, the files that state it, the
junk patterns spliced into the files, and the files that are not the story. Scores:

- coverage: nuggets stated by some sentence of the summary, truncated to the word budget;
- redundant pairs: two summary sentences where most of the shorter's content words recur;
- junk: summary sentences matching a junk pattern or quoted from an off-topic file;
- counts: for each summary sentence, the outlets that state one of its nuggets (truth) against
  the outlets the summary cites for it (precision and recall over (sentence, outlet) pairs).
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from common import PROJECT  # type: ignore[import-not-found]

STORIES = PROJECT / "tests" / "fixtures" / "stories"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STOP = frozenset("""a an and are as at be but by for from has have he her his in is it its of on or
she that the their they this to was were will with said says not also after over than""".split())


@dataclass
class Nugget:
    id: str
    fact: str
    alternatives: list[list[re.Pattern[str]]]
    files: list[str]

    def stated_by(self, sentence: str) -> bool:
        return any(all(p.search(sentence) for p in alt) for alt in self.alternatives)


@dataclass
class Story:
    name: str
    folder: Path
    nuggets: list[Nugget]
    junk: list[re.Pattern[str]] = field(default_factory=list)
    off_topic: set[str] = field(default_factory=set)

    def nuggets_of(self, sentence: str) -> set[str]:
        return {n.id for n in self.nuggets if n.stated_by(sentence)}

    def is_junk(self, sentence: str, path: str) -> bool:
        return Path(path).name in self.off_topic or any(p.search(sentence) for p in self.junk)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


def load_story(path: Path) -> Story:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    name = path.name.removesuffix(".nuggets.toml")
    folder = PROJECT / data["folder"] if "folder" in data else path.parent / name
    nuggets = [
        Nugget(n["id"], n["fact"], [[_compile(p) for p in alt] for alt in n["match"]], list(n.get("in", [])))
        for n in data.get("nugget", [])
    ]
    return Story(name, folder.resolve(), nuggets, [_compile(p) for p in data.get("junk", [])],
                 set(data.get("off_topic", [])))


def all_stories(names: Iterable[str] | None = None) -> list[Story]:
    """Every nuggets file whose folder exists (../shared/seeds may be absent)."""
    wanted = set(names or [])
    stories = [load_story(p) for p in sorted(STORIES.glob("*.nuggets.toml"))]
    return [s for s in stories if s.folder.is_dir() and (not wanted or s.name in wanted)]


def truncate(texts: Sequence[str], budget: int) -> list[str]:
    """The summary as a reader of the first `budget` words sees it: the last sentence may be cut."""
    out: list[str] = []
    left = budget
    for text in texts:
        if left <= 0:
            break
        words = text.split()
        out.append(" ".join(words[:left]))
        left -= len(words)
    return out


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def redundant_pairs(texts: Sequence[str], threshold: float = 0.6) -> int:
    """Pairs where most of the shorter sentence's content words recur in the other (own tokenizer)."""
    sets = [_content(t) for t in texts]
    return sum(
        bool(sets[i] and sets[j]) and len(sets[i] & sets[j]) / min(len(sets[i]), len(sets[j])) >= threshold
        for i in range(len(sets)) for j in range(i + 1, len(sets))
    )


@dataclass
class Score:
    covered: set[str]
    total: int
    words: int
    redundant: int
    junk: int

    @property
    def coverage(self) -> float:
        return len(self.covered) / self.total if self.total else 0.0


def score_summary(story: Story, sentences: Sequence[tuple[str, str]], budget: int) -> Score:
    """`sentences` are (text, path) in the order shown; scored on the first `budget` words."""
    texts = truncate([t for t, _ in sentences], budget)
    covered: set[str] = set()
    for text in texts:
        covered |= story.nuggets_of(text)
    junk = sum(story.is_junk(text, path) for text, (_, path) in zip(texts, sentences))
    return Score(covered, len(story.nuggets), sum(len(t.split()) for t in texts), redundant_pairs(texts), junk)


def oracle_choice(story: Story, candidates: Sequence[str], budget: int) -> list[str]:
    """The ceiling: whole sentences chosen knowing the key facts (most new facts per word, greedy).

    No summarizer can know the nuggets, so this is what extraction could reach at the budget with
    these sentences, the yardstick for how far a target is from the possible.
    """
    facts = [(text, story.nuggets_of(text), len(text.split())) for text in candidates]
    facts = [f for f in facts if f[1]]
    covered: set[str] = set()
    chosen: list[str] = []
    used = 0
    while True:
        fits = [(len(ids - covered) / words, text, ids, words) for text, ids, words in facts
                if ids - covered and used + words <= budget]
        if not fits:
            return chosen
        _, text, ids, words = max(fits, key=lambda f: f[0])
        chosen.append(text)
        covered |= ids
        used += words


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, other: Counts) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative

    @property
    def precision(self) -> float:
        cited = self.true_positive + self.false_positive
        return self.true_positive / cited if cited else 1.0

    @property
    def recall(self) -> float:
        real = self.true_positive + self.false_negative
        return self.true_positive / real if real else 1.0


def count_pairs(story: Story, summary: Sequence[tuple[str, set[str]]],
                outlets: dict[str, Sequence[str]], every: bool = False) -> Counts:
    """(summary sentence, outlet) pairs: does the outlet state the sentence's nuggets, is it cited?

    `summary` holds (text, outlet keys cited for it, own included); `outlets` maps each outlet key of
    the story to its sentences. An outlet reports the sentence when it states one of its nuggets
    (or, with `every`, all of them: stricter for a sentence telling two facts at once). Sentences
    that state no nugget are not counted: truth is undefined for them.
    """
    counts = Counts()
    for text, cited in summary:
        mine = story.nuggets_of(text)
        if not mine:
            continue
        for key, sentences in outlets.items():
            stated = set().union(*(story.nuggets_of(s) for s in sentences)) if sentences else set()
            real = mine <= stated if every else bool(stated & mine)
            if real and key in cited:
                counts.true_positive += 1
            elif key in cited:
                counts.false_positive += 1
            elif real:
                counts.false_negative += 1
    return counts
