"""Which articles of a library tell one story, and which are reprints of another.

A folder of news holds many stories, each told by several outlets over some days, often with the
same wire copy in several files. Two articles are one story when their content words overlap
strongly: the cosine of their log-tf x idf vectors (idf smoothed by `BACKGROUND`, so a folder of
one story still tells its own words from the rest) reaches `LINK`, and they are not dated further
apart than `EVENT_DAYS` (an event and its follow-ups are told within months; the same words a
year later are a new event). Linked articles form stories, and two dated stories join when most
pairs of their articles reach a weaker `CORROBORATED_LINK` (a follow-up days later, alike a little
to every article of the story). A reprint, an article sharing most of its sentences with another,
is grouped with that original and marked as its copy.

Measured on labelled stories (tests/benchmarks/bench_grouping.py), cutting chains at a centroid
bar and attaching near-miss articles to a story's centroid were tried and dropped: the first
changed nothing, the second joined articles on one broad subject (an awards season) that are
different events. Each story folder grouped on its own (bench_grouping's second table): pairs
recall 0.59 with plain idf, 0.97 with `BACKGROUND`, 1.00 with the corroborated join, precision 1.00.

Candidate pairs come from an inverted index, term by term, skipping terms in more than
`MAX_POSTING` articles (they tell no story apart), with the pair list bounded: work and memory
grow with the library, never with the square of its articles.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from reader.model import Article
from reader.summarize.outlets import COPY_SHARE, MIN_SHARED_SENTENCES
from reader.summarize.tokens import content_stem

LINK = 0.3  # cosine at which two articles clearly tell one story (topics.CORE_LINK within a story)
CORROBORATED_LINK = 0.25  # a weaker likeness that joins two stories when most of their article pairs reach it
CORROBORATED_SHARE = 0.5  # ...this share of them (measured: 0.22-0.25 and 0.34-0.5 group alike)
EVENT_DAYS = 90  # dated articles further apart than this are different events (a follow-up such as
# a court approving a settlement comes weeks later; the same words next year are a new event)
MAX_POSTING = 100  # a term in more articles than this does not tell stories apart
BACKGROUND = 100  # articles of other news the library is taken to sit among, none sharing its words:
# a folder kept for one story has its words in every article, where plain idf would make them weigh
# nothing and split the story (0: recall 0.59 on the story folders alone; 30: 0.95; 100: 0.97; 300: 1.00,
# with more wrong pairs in the labelled mix)
MAX_PAIR_ENTRIES = 4_000_000
FINGERPRINT_WORDS = 6  # shorter sentences ("He declined to comment.") are shared by chance
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Copy:
    path: str
    copy_of: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What grouping reads of one article. Kept (the TUI caches it per file), it lets a library be
    grouped again without parsing every file: `group_readings` needs nothing else."""

    path: str
    file: str
    title: str | None  # the full title
    date: str | None
    source: str | None
    headline: bool  # a title of its own, not the first sentence naming an untitled file
    prints: frozenset[str]  # sentence fingerprints, for reprints
    counts: Counter[str]  # stemmed content words, for the story vectors


def reading(article: Article) -> Reading:
    """The article as grouping reads it (one pass over its words)."""
    prints, counts = _read(article)
    return Reading(article.path, article.file, article.full_title, article.date, article.source,
                   _has_headline(article), frozenset(prints), counts)


@dataclass(frozen=True, slots=True)
class Story:
    """One story of the library: its articles (originals and reprints), outlets and dates."""

    id: str
    title: str
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    copies: tuple[Copy, ...]
    first_date: str | None
    last_date: str | None


def story_id(paths: Sequence[str]) -> str:
    """Stable for the same set of articles, wherever the folder is: a hash of their file names with
    the folder each is in (`business/001.txt` and `politics/001.txt` stay apart)."""
    names = sorted("/".join(p.replace(os.sep, "/").split("/")[-2:]) for p in paths)
    return "s" + hashlib.sha1("\n".join(names).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _read(article: Article) -> tuple[set[str], Counter[str]]:
    """One pass over the article's words: its sentences' fingerprints (for reprints) and the counts of
    its stemmed content words (for the story vectors), each distinct word stemmed once (cached)."""
    prints = set()
    counts: Counter[str] = Counter(filter(None, map(content_stem, _WORD.findall((article.title or "").lower()))))
    for sentence in article.sentences:
        if sentence.kind == "heading":
            continue
        words = _WORD.findall(sentence.text.lower())
        if len(words) >= FINGERPRINT_WORDS:
            prints.add(" ".join(words))
        counts.update(filter(None, map(content_stem, words)))
    return prints, counts


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _seniority(article: Article | Reading, size: int) -> tuple[str, int, str]:
    """Earlier, then longer, then first by path: the one a reprint copies."""
    return (article.date or "9999", -size, article.path)


def find_copies(articles: Sequence[Article] | Sequence[Reading],
                prints: Sequence[set[str]] | Sequence[frozenset[str]] | None = None) -> dict[int, int]:
    """Reprints: article index -> the index of the original it copies (the root, never another copy)."""
    if prints is None:
        prints = [a.prints if isinstance(a, Reading) else _read(a)[0] for a in articles]
    holders: dict[str, list[int]] = defaultdict(list)
    for n, found in enumerate(prints):
        for fingerprint in found:
            holders[fingerprint].append(n)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for owners in holders.values():
        if 1 < len(owners) <= MAX_POSTING:
            for i, a in enumerate(owners):
                for b in owners[i + 1:]:
                    shared[(a, b)] += 1
    copy_of: dict[int, int] = {}
    for (a, b), count in sorted(shared.items()):
        smaller = min(len(prints[a]), len(prints[b]))
        if count < min(MIN_SHARED_SENTENCES, smaller) or count / smaller < COPY_SHARE:
            continue
        if count / max(len(prints[a]), len(prints[b])) >= COPY_SHARE:  # the same copy twice: the senior is the original
            original, copy = sorted((a, b), key=lambda k: _seniority(articles[k], len(prints[k])))
        else:  # a short piece (a card, an excerpt) inside a longer one copies it, whatever the dates
            copy, original = sorted((a, b), key=lambda k: (len(prints[k]), articles[k].path))
        current = copy_of.get(copy)
        if current is None or _seniority(articles[original], len(prints[original])) < _seniority(
                articles[current], len(prints[current])):
            copy_of[copy] = original
    for key in list(copy_of):
        seen, root = {key}, copy_of[key]
        while root in copy_of and root not in seen:
            seen.add(root)
            root = copy_of[root]
        copy_of[key] = root
    return {c: o for c, o in copy_of.items() if c != o}


@dataclass(slots=True)
class _Vectors:
    rows: np.ndarray  # (article, term, weight) triples of unit-length vectors
    terms: np.ndarray
    weights: np.ndarray


def _vectors(counted: Sequence[Counter[str]]) -> _Vectors:
    vocab: dict[str, int] = {}
    rows, terms, tf = [], [], []
    for a, counts in enumerate(counted):
        rows.append(np.full(len(counts), a, dtype=np.int64))
        terms.append(np.fromiter((vocab.setdefault(w, len(vocab)) for w in counts), np.int64, len(counts)))
        tf.append(np.fromiter(counts.values(), np.float64, len(counts)))
    n = len(counted)
    if not vocab:
        empty = np.zeros(0)
        return _Vectors(empty.astype(np.int64), empty.astype(np.int64), empty)
    row, term, freq = np.concatenate(rows), np.concatenate(terms), np.concatenate(tf)
    df = np.bincount(term, minlength=len(vocab))
    weights = (1.0 + np.log(freq)) * (np.log((n + BACKGROUND + 1) / (df[term] + 1)) + 1.0)
    norms = np.sqrt(np.bincount(row, weights=weights * weights, minlength=n))
    return _Vectors(row, term, weights / np.maximum(norms[row], 1e-12))


def _linked_pairs(v: _Vectors, n: int, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Article pairs (a < b) with their cosine, for pairs whose cosine reaches `threshold`."""
    order = np.lexsort((v.rows, v.terms))
    rows, terms, weights = v.rows[order], v.terms[order], v.weights[order]
    starts = np.flatnonzero(np.r_[True, np.diff(terms) != 0])
    sizes = np.diff(np.r_[starts, terms.size])
    cap = MAX_POSTING
    while cap > 2 and int((sizes[(sizes > 1) & (sizes <= cap)] ** 2).sum()) > 2 * MAX_PAIR_ENTRIES:
        cap //= 2
    keys, values = [], []
    for size in np.unique(sizes[(sizes > 1) & (sizes <= cap)]).tolist():
        # Every term held by `size` articles at once: their postings as the rows of one matrix.
        at = starts[sizes == size][:, None] + np.arange(size)[None, :]
        a, b = np.triu_indices(size, 1)
        keys.append((rows[at][:, a] * n + rows[at][:, b]).ravel())
        values.append((weights[at][:, a] * weights[at][:, b]).ravel())
    if not keys:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    pair_keys, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    cosine = np.bincount(inverse, weights=np.concatenate(values))
    keep = cosine >= threshold
    linked = pair_keys[keep]
    return np.stack([linked // n, linked % n], axis=1), cosine[keep]


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for x in range(len(self.parent)):
            groups.setdefault(self.find(x), []).append(x)
        return list(groups.values())


def _close_in_time(a: Reading, b: Reading) -> bool:
    first, second = _day(a.date), _day(b.date)
    return first is None or second is None or abs((first - second).days) <= EVENT_DAYS


def _outlet(article: Reading) -> str:
    return article.source or os.path.splitext(os.path.basename(article.file))[0]


def _outlets(articles: Sequence[Reading], members: Sequence[int]) -> list[str]:
    """Each member's outlet: its source, else its file's name; files that name no source and share a
    name (`courier/index.html`, `wire/index.html`, each site saved in its folder) are two outlets,
    named by their paths, not one called "index"."""
    named = [_outlet(articles[i]) for i in members]
    files: dict[str, set[str]] = {}
    for i, name in zip(members, named):
        if not articles[i].source:
            files.setdefault(name, set()).add(articles[i].file)
    return [articles[i].path if not articles[i].source and len(files[name]) > 1 else name
            for i, name in zip(members, named)]


def group_stories(articles: Sequence[Article]) -> list[Story]:
    """The library's stories, the largest first; every article is in exactly one (alone, if need be)."""
    return group_readings([reading(a) for a in articles])


def group_readings(articles: Sequence[Reading]) -> list[Story]:
    """`group_stories` over articles already read (`reading`), e.g. kept in a cache."""
    if not articles:
        return []
    copy_of = find_copies(articles, [a.prints for a in articles])
    v = _vectors([a.counts for a in articles])
    stories = _stories(articles, v, copy_of)
    central = _centrality(v, len(articles), stories)
    result = sorted((_story(articles, members, copy_of, central) for members in stories),
                    key=lambda s: (-len(s.articles), s.first_date or "9999", s.articles))
    return _unique_ids(result)


def _centrality(v: _Vectors, n: int, stories: list[list[int]]) -> np.ndarray:
    """Each article's dot product with its story's centroid: the most central tells the story best."""
    if not v.weights.size:
        return np.zeros(n)
    label = np.zeros(n, dtype=np.int64)
    for k, members in enumerate(stories):
        label[members] = k
    vocabulary = int(v.terms.max()) + 1
    keys = label[v.rows] * vocabulary + v.terms  # (story, term) of every entry
    _, inverse = np.unique(keys, return_inverse=True)
    centroid = np.bincount(inverse, weights=v.weights)  # the stories' centroids, entry by entry
    return np.bincount(v.rows, weights=v.weights * centroid[inverse], minlength=n)


def _unique_ids(stories: list[Story]) -> list[Story]:
    """Two stories whose file names hash alike (same names in different trees) keep apart ids."""
    seen: dict[str, int] = {}
    out = []
    for story in stories:
        n = seen.get(story.id, 0)
        seen[story.id] = n + 1
        out.append(story if not n else replace(story, id=f"{story.id}-{n + 1}"))
    return out


def _stories(articles: Sequence[Reading], v: _Vectors, copy_of: dict[int, int]) -> list[list[int]]:
    """Groups of article indices: reprints with their originals, linked pairs joined, then stories
    most of whose article pairs are alike (`_join_corroborated`)."""
    n = len(articles)
    groups = _Groups(n)
    for copy, original in copy_of.items():
        groups.union(copy, original)
    if v.weights.size:
        pairs, cosine = _linked_pairs(v, n, CORROBORATED_LINK)
        close = np.array([_close_in_time(articles[a], articles[b]) for a, b in pairs.tolist()], dtype=bool)
        pairs, cosine = pairs[close], cosine[close]
        for a, b in pairs[cosine >= LINK].tolist():
            groups.union(a, b)
        dated = np.array([_day(a.date) is not None for a in articles], dtype=bool)
        _join_corroborated(groups, pairs[dated[pairs[:, 0]] & dated[pairs[:, 1]]], dated)
    return groups.members()


def _join_corroborated(groups: _Groups, pairs: np.ndarray, dated: np.ndarray) -> None:
    """Join two stories when most pairs of their dated articles (two at least) reach CORROBORATED_LINK
    (`pairs` holds those that do): a follow-up four days on ("order lifted, lawsuit filed") shares a
    little with every article of the story and much with none. One alike pair is chance (two fires in
    one month); most of them, within EVENT_DAYS, is not. Undated articles (an archive of features on
    one subject) have no time to make a weak likeness credible, so they join by `LINK` alone. Each
    round counts the pairs between stories once; the most alike join first, each story once a round."""
    n = dated.size
    while pairs.size:
        roots = np.fromiter((groups.find(x) for x in range(n)), np.int64, n)
        size = np.bincount(roots, weights=dated, minlength=n)
        a, b = roots[pairs[:, 0]], roots[pairs[:, 1]]
        apart = a != b
        if not apart.any():
            return
        low, high = np.minimum(a[apart], b[apart]), np.maximum(a[apart], b[apart])
        keys, votes = np.unique(low * n + high, return_counts=True)
        share = votes / (size[keys // n] * size[keys % n])
        ready = (votes >= 2) & (share >= CORROBORATED_SHARE)
        if not ready.any():
            return
        joined: set[int] = set()
        for k in np.flatnonzero(ready)[np.argsort(-share[ready], kind="stable")].tolist():
            x, y = int(keys[k] // n), int(keys[k] % n)
            if x not in joined and y not in joined:
                joined |= {x, y}
                groups.union(x, y)


def _has_headline(article: Article) -> bool:
    """A title of its own (a heading or front matter), not the first body sentence naming an untitled file."""
    title = article.full_title
    first = article.sentences[0] if article.sentences else None
    return bool(title) and not (first and first.kind == "text" and title == " ".join(first.text.split()))


def _story(articles: Sequence[Reading], members: list[int], copy_of: dict[int, int],
           central: np.ndarray) -> Story:
    every = sorted(members, key=lambda i: (articles[i].date or "9999", articles[i].path))
    dates = sorted(d for d in (articles[i].date for i in every) if d)
    # The story is named by the headline of its most central original (not a feature's or a follow-up's);
    # a copy's headline still beats an untitled original's first sentence.
    lead = min(members, key=lambda i: (not articles[i].headline, i in copy_of, -central[i], articles[i].path))
    paths = [articles[i].path for i in every]
    sources = list(dict.fromkeys(_outlets(articles, every)))
    copies = sorted((Copy(articles[i].path, articles[copy_of[i]].path) for i in members if i in copy_of),
                    key=lambda c: c.path)
    return Story(story_id(paths), articles[lead].title or os.path.basename(articles[lead].path),
                 tuple(paths), tuple(sources), tuple(copies),
                 dates[0][:10] if dates else None, dates[-1][:10] if dates else None)
