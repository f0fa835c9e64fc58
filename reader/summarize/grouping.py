"""Which articles of a library tell one story, and which are reprints of another.

A folder of news holds many stories, each told by several outlets over some days, often with the
same wire copy in several files. Two articles are one story when their content words overlap
strongly: the cosine of their log-tf x idf vectors reaches `LINK`, and they are not dated further
apart than `EVENT_DAYS` (an event and its follow-ups are told within months; the same words a
year later are a new event). Linked articles form stories; one member that resembles the rest of
a large group only through a single link (a chain: A like B, B like C) is split off when its
cosine with the others' centroid stays under `ATTACH`, and a lone article that just misses
linking to several members joins when it resembles the story as a whole (`ATTACH_WHOLE`). A
reprint, an article sharing most of its sentences with another, is grouped with that original
and marked as its copy.

Candidate pairs come from an inverted index, term by term, skipping terms in more than
`MAX_POSTING` articles (they tell no story apart), with the pair list bounded: work and memory
grow with the library, never with the square of its articles.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from reader.model import Article
from reader.summarize.outlets import COPY_SHARE, MIN_SHARED_SENTENCES
from reader.summarize.tokens import content_terms

LINK = 0.3  # cosine at which two articles clearly tell one story (topics.CORE_LINK within a story)
NEAR = 0.15  # cosine at which a lone article is compared with the whole story of its neighbour
# ...and joins it at this cosine with the story's centroid. Stricter than a link: a centroid sits
# closer to every member than the members sit to each other, so a bar of LINK would let in any
# article on the story's broad subject (an awards season, a long-running company saga).
ATTACH_WHOLE = 0.35
ATTACH = 0.2  # cosine with the rest of its group below which a chained member stands apart
EVENT_DAYS = 90  # dated articles further apart than this are different events (a follow-up such as
# a court approving a settlement comes weeks later; the same words next year are a new event)
MAX_POSTING = 100  # a term in more articles than this does not tell stories apart
MAX_PAIR_ENTRIES = 4_000_000
FINGERPRINT_WORDS = 6  # shorter sentences ("He declined to comment.") are shared by chance
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Copy:
    path: str
    copy_of: str


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


def _fingerprints(article: Article) -> set[str]:
    prints = set()
    for sentence in article.sentences:
        if sentence.kind == "heading":
            continue
        words = _WORD.findall(sentence.text.lower())
        if len(words) >= FINGERPRINT_WORDS:
            prints.add(" ".join(words))
    return prints


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _seniority(article: Article, size: int) -> tuple[str, int, str]:
    """Earlier, then longer, then first by path: the one a reprint copies."""
    return (article.date or "9999", -size, article.path)


def find_copies(articles: Sequence[Article]) -> dict[int, int]:
    """Reprints: article index -> the index of the original it copies (the root, never another copy)."""
    prints = [_fingerprints(a) for a in articles]
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


def _vectors(texts: Sequence[list[str]]) -> _Vectors:
    vocab: dict[str, int] = {}
    counts: dict[tuple[int, int], int] = {}
    for a, words in enumerate(texts):
        for word in words:
            key = (a, vocab.setdefault(word, len(vocab)))
            counts[key] = counts.get(key, 0) + 1
    n = len(texts)
    rows = np.fromiter((k[0] for k in counts), np.int64, len(counts))
    terms = np.fromiter((k[1] for k in counts), np.int64, len(counts))
    tf = np.fromiter(counts.values(), np.float64, len(counts))
    df = np.bincount(terms, minlength=len(vocab))
    weights = (1.0 + np.log(tf)) * (np.log((n + 1) / (df[terms] + 1)) + 1.0)
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n))
    return _Vectors(rows, terms, weights / np.maximum(norms[rows], 1e-12))


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


def _close_in_time(a: Article, b: Article) -> bool:
    first, second = _day(a.date), _day(b.date)
    return first is None or second is None or abs((first - second).days) <= EVENT_DAYS


class _Index:
    """Each article's vector as (terms, weights), for dot products with a group's centroid."""

    def __init__(self, v: _Vectors, n: int) -> None:
        order = np.argsort(v.rows, kind="stable")
        bounds = np.searchsorted(v.rows[order], np.arange(n + 1))
        terms, weights = v.terms[order], v.weights[order]
        self.terms = [terms[bounds[i]:bounds[i + 1]] for i in range(n)]
        self.weights = [weights[bounds[i]:bounds[i + 1]] for i in range(n)]

    def centroid(self, members: Sequence[int]) -> dict[int, float]:
        total: dict[int, float] = defaultdict(float)
        for m in members:
            for t, w in zip(self.terms[m].tolist(), self.weights[m].tolist()):
                total[t] += w
        return total

    def dot(self, m: int, centroid: dict[int, float]) -> float:
        return float(sum(centroid.get(t, 0.0) * w for t, w in zip(self.terms[m].tolist(), self.weights[m].tolist())))


def _norm(centroid: dict[int, float]) -> float:
    return float(np.sqrt(sum(w * w for w in centroid.values())))


def _unchained(index: _Index, members: list[int]) -> tuple[list[int], list[int]]:
    """The members that resemble the rest of the group, and those that joined it through one chain link."""
    if len(members) < 3:
        return members, []
    centroid = index.centroid(members)
    total = _norm(centroid) ** 2
    kept, apart = [], []
    for m in members:
        dot = index.dot(m, centroid)
        rest = np.sqrt(max(total - 2.0 * dot + 1.0, 1e-12))  # |centroid - own unit vector|
        (kept if (dot - 1.0) / rest >= ATTACH else apart).append(m)
    return (kept, apart) if len(kept) >= 2 else (members, [])


def _article_words(article: Article) -> list[str]:
    body = [s.text for s in article.sentences if s.kind != "heading"]
    return content_terms(" ".join([article.title or "", *body]))


def _outlet(article: Article) -> str:
    return article.source or os.path.splitext(os.path.basename(article.file))[0]


def group_stories(articles: Sequence[Article]) -> list[Story]:
    """The library's stories, the largest first; every article is in exactly one (alone, if need be)."""
    n = len(articles)
    if not n:
        return []
    copy_of = find_copies(articles)
    originals = [i for i in range(n) if i not in copy_of]
    v = _vectors([_article_words(articles[i]) for i in originals])
    stories = _stories([articles[i] for i in originals], v)
    central = _centrality(v, len(originals), stories)
    copies_of: dict[int, list[int]] = defaultdict(list)
    for copy, original in copy_of.items():
        copies_of[original].append(copy)
    result = sorted((_story(articles, [originals[m] for m in members], copies_of,
                            {originals[m]: central[m] for m in members}) for members in stories),
                    key=lambda s: (-len(s.articles), s.first_date or "9999", s.articles))
    return _unique_ids(result)


def _centrality(v: _Vectors, n: int, stories: list[list[int]]) -> dict[int, float]:
    """Each article's dot product with its story's centroid: the most central tells the story best."""
    if not v.weights.size:
        return dict.fromkeys(range(n), 0.0)
    index = _Index(v, n)
    central = {}
    for members in stories:
        centroid = index.centroid(members)
        central.update({m: index.dot(m, centroid) for m in members})
    return central


def _unique_ids(stories: list[Story]) -> list[Story]:
    """Two stories whose file names hash alike (same names in different trees) keep apart ids."""
    seen: dict[str, int] = {}
    out = []
    for story in stories:
        n = seen.get(story.id, 0)
        seen[story.id] = n + 1
        out.append(story if not n else replace(story, id=f"{story.id}-{n + 1}"))
    return out


def _stories(articles: Sequence[Article], v: _Vectors) -> list[list[int]]:
    """Groups of article indices: linked pairs joined, chains cut, then lone near-misses attached."""
    n = len(articles)
    if not v.weights.size:
        return [[i] for i in range(n)]
    groups = _Groups(n)
    pairs, cosines = _linked_pairs(v, n, NEAR)
    near: dict[int, set[int]] = defaultdict(set)
    for (a, b), cosine in zip(pairs.tolist(), cosines.tolist()):
        if not _close_in_time(articles[a], articles[b]):
            continue
        if cosine >= LINK:
            groups.union(a, b)
        else:
            near[a].add(b)
            near[b].add(a)
    index = _Index(v, n)
    stories: list[list[int]] = []
    for members in groups.members():
        kept, apart = _unchained(index, members)
        stories.append(kept)
        stories.extend([m] for m in apart)
    return _attach_lone(stories, near, index, articles)


def _attach_lone(stories: list[list[int]], near: dict[int, set[int]], index: _Index,
                 articles: Sequence[Article]) -> list[list[int]]:
    """An article just short of linking to several members of a story (an undated report in another
    house style) still resembles the story as a whole: a lone article joins the story of a near
    neighbour when its cosine with that story's centroid reaches ATTACH_WHOLE (the closest, if several)."""
    home = {m: k for k, members in enumerate(stories) for m in members}
    centroids: dict[int, tuple[dict[int, float], float]] = {}
    moves: list[tuple[int, int]] = []
    for k, members in enumerate(stories):
        if len(members) != 1 or members[0] not in near:
            continue
        lone = members[0]
        best, best_story = ATTACH_WHOLE, -1
        for other in sorted({home[x] for x in near[lone]}):
            if len(stories[other]) < 2:
                continue
            if other not in centroids:
                centroid = index.centroid(stories[other])
                centroids[other] = (centroid, _norm(centroid))
            centroid, norm = centroids[other]
            cosine = index.dot(lone, centroid) / max(norm, 1e-12)
            if cosine >= best and all(_close_in_time(articles[lone], articles[m]) for m in stories[other]):
                best, best_story = cosine, other
        if best_story >= 0:
            moves.append((k, best_story))
    for k, target in moves:
        stories[target] = stories[target] + stories[k]
        stories[k] = []
    return [members for members in stories if members]


def _has_headline(article: Article) -> bool:
    """A title of its own, not the first sentence that names an untitled file."""
    title = article.full_title
    return bool(title) and not (article.sentences and title == " ".join(article.sentences[0].text.split()))


def _story(articles: Sequence[Article], members: list[int], copies_of: dict[int, list[int]],
           central: dict[int, float]) -> Story:
    every = sorted([*members, *(c for m in members for c in copies_of.get(m, []))],
                   key=lambda i: (articles[i].date or "9999", articles[i].path))
    dates = sorted(d for d in (articles[i].date for i in every) if d)
    # The story is named by the headline of its most central article (not a feature's or a follow-up's).
    lead = min(members, key=lambda i: (not _has_headline(articles[i]), -central[i], articles[i].path))
    paths = [articles[i].path for i in every]
    sources = list(dict.fromkeys(_outlet(articles[i]) for i in every))
    copies = tuple(Copy(articles[c].path, articles[m].path) for m in members for c in copies_of.get(m, []))
    return Story(story_id(paths), articles[lead].full_title or os.path.basename(articles[lead].path),
                 tuple(paths), tuple(sources), tuple(sorted(copies, key=lambda c: c.path)),
                 dates[0][:10] if dates else None, dates[-1][:10] if dates else None)
