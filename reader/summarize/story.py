"""Story summaries across outlets: the story's facts within a word budget, each cited with who else reports it.

1. The story: the biggest group of sources (files, glued-in copies) that clearly tell one story,
   and the sources that resemble it; the rest are left out, each with its reason (`topics`).
2. Voices: reprints and same-publisher sources count once (`outlets`).
3. Concepts: adjacent content-word pairs, each weighted by how many independent voices state it
   (Gillick & Favre, 2009), plus the words of the outlets' own headlines and subheadings; a fact
   only one outlet has still weighs something, so a development its headline names is quoted
   once the shared facts are told.
4. Selection: most concept weight per word within the budget (`coverage`), never a sentence that
   cannot stand alone, never one that says again what a chosen one says (`standalone`, `equivalence`).
5. Corroboration: for each chosen sentence, the best sentence of every other source stating the
   same fact, in either direction (`equivalence`); the count is of voices, not files.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.model import Article
from reader.text_scripts import count_words
from reader.summarize.citing import carries_words
from reader.summarize.coverage import select
from reader.summarize.equivalence import SAYS_AGAIN, Equivalence
from reader.summarize.reader_rank import shares_most_terms
from reader.summarize.outlets import Outlets, SourceKey, find_outlets
from reader.summarize.sentence_terms import SentenceTerms, concept_tokens, pairs, terms_of
from reader.summarize.standalone import is_dangling, is_quote_fragment, quotable
from reader.summarize.topics import LeftOut, main_story
from reader.summarize.units import Report, SummaryItem, Unit, candidate_units, source_key_of

DEFAULT_STORY_WORDS = 160


@dataclass(slots=True)
class StorySummary:
    """The chosen sentences in the order chosen (most informative first), and what the story was made of."""

    items: list[SummaryItem]
    articles: list[Article]
    left_out: list[LeftOut] = field(default_factory=list)
    sources: int = 0  # sources in the story (files, glued-in copies)
    voices: int = 0  # independent outlets among them
    budget: int = DEFAULT_STORY_WORDS  # the word budget it was made for

    @property
    def used_words(self) -> int:
        return sum(count_words(i.text) for i in self.items)


@dataclass(slots=True)
class StoryUnits:
    """The story's candidate sentences with everything computed once per sentence."""

    units: list[Unit]
    terms: list[SentenceTerms]
    outlets: Outlets
    equivalence: Equivalence  # over the units, then the headings
    left_out: list[LeftOut]
    headings: list[Unit] = field(default_factory=list)  # never quoted, but a headline reports a fact too

    def indexed(self, j: int) -> Unit:
        """Unit j of the same-fact index: a candidate sentence, or after them a heading."""
        return self.units[j] if j < len(self.units) else self.headings[j - len(self.units)]


def story_units(articles: Sequence[Article]) -> StoryUnits:
    """Candidate sentences of the story's sources, their terms, voices and same-fact index.

    Articles are taken in path order, so the summary does not depend on how a list happened to be sorted.
    """
    units = candidate_units(sorted(articles, key=lambda a: a.path))
    terms = terms_of(units)
    outlets = find_outlets(units, [t.fingerprint for t in terms])
    keep, left_out = main_story(units, terms, outlets.copy_of)
    if len(keep) < len(outlets.name):
        kept = [(u, t) for u, t in zip(units, terms) if u.source_key in keep]
        units = [Unit(n, u.article, u.sentence, u.position, u.count) for n, (u, _) in enumerate(kept)]
        terms = [t for _, t in kept]
        outlets = find_outlets(units, [t.fingerprint for t in terms])
    headings = [Unit(len(units) + n, a, s) for n, (a, s) in enumerate(
        (a, s) for a in {id(u.article): u.article for u in units}.values() for s in a.sentences
        if s.kind == "heading" and source_key_of(a, s.segment) in outlets.name)]
    return StoryUnits(units, terms, outlets, Equivalence(terms + terms_of(headings), names=True), left_out, headings)


def headline_votes(story: StoryUnits) -> dict[str, set[int]]:
    """Words and word pairs of every headline, dek and subheading, with the voices whose headlines say them.

    A headline is the outlet's own one-line summary of what matters, so what headlines say weighs
    as much again as what the text says; a follow-up's headline names its new development.
    """
    votes: dict[str, set[int]] = {}
    articles = {id(u.article): u.article for u in story.units}.values()
    for article in articles:
        texts = [(0, article.title), (0, article.excerpt)]
        texts += [(s.segment, s.text) for s in article.sentences if s.kind in ("heading", "excerpt")]
        for segment, text in texts:
            voice = story.outlets.voice.get(source_key_of(article, segment))
            if voice is None or not text:
                continue
            tokens = concept_tokens(text)
            for concept in {*tokens, *pairs(tokens)}:
                votes.setdefault(concept, set()).add(voice)
    return votes


def concept_weights(story: StoryUnits) -> tuple[list[list[int]], np.ndarray]:
    """Each unit's concepts as ids, and each concept's weight: the voices stating it, in text and in headlines."""
    headlines = headline_votes(story)
    ids: dict[str, int] = {}
    voices: list[set[int]] = []
    names: list[str] = []
    rows: list[list[int]] = []
    for unit, terms in zip(story.units, story.terms):
        voice = story.outlets.voice[unit.source_key]
        row = []
        for concept in terms.concepts | (terms.names & headlines.keys()):
            k = ids.get(concept)
            if k is None:
                k = ids[concept] = len(voices)
                voices.append(set())
                names.append(concept)
            if " " in concept:  # a single word counts only as a headline word
                voices[k].add(voice)
            row.append(k)
        rows.append(row)
    weights = [len(v) + len(headlines.get(name, ())) for v, name in zip(voices, names)]
    return rows, np.array(weights, dtype=np.float64)


def reports(story: StoryUnits, i: int,
            unless: Callable[[int], bool] | None = None) -> tuple[tuple[Report, ...], int]:
    """The best sentence of every other source stating unit i's fact (but none of the units `unless`
    names), and the number of voices in all."""
    units, outlets = story.units, story.outlets
    own = units[i].source_key
    best: dict[SourceKey, tuple[float, int]] = {}
    for j, overlap in story.equivalence.matches(i).items():
        if unless is not None and j < len(units) and unless(j):
            continue
        key = story.indexed(j).source_key
        if key != own and (key not in best or overlap > best[key][0]):
            best[key] = (overlap, j)
    found = []
    text = units[i].text
    for key in sorted(best):
        original = outlets.copy_of.get(key)
        other = story.indexed(best[key][1])
        found.append(Report(other, outlets.name[key], outlets.name[original] if original else None,
                            carries_words(text, other.article, other.sentence.span)))
    return tuple(found), len({outlets.voice[k] for k in (own, *best)})


def vetoes(story: StoryUnits, among: set[int] | None = None,
           figures: dict[int, frozenset[int]] | None = None) -> tuple[list[bool], Callable[[int, list[int]], bool]]:
    """Which units may be quoted at all, and the check made when one is about to be chosen. A
    sentence that leans on its neighbours gives way to a self-contained one saying the same only
    when that one is a candidate too (`among`: a timeline's day has its own). `figures` gives the
    running figures (counts updated day by day) each unit states a value of, by number."""
    units, same = story.units, story.equivalence
    reasons: dict[tuple[int, int], str | None] = {}
    for article in {id(u.article): u.article for u in units}.values():
        for sentence, reason in zip(article.sentences, quotable(article.sentences)):
            reasons[(id(article), sentence.index)] = reason
    eligible = [reasons.get((id(u.article), u.sentence.index)) is None for u in units]
    # A reprint's sentence that its original gives word for word is quoted from the original, the
    # reprint named beside it as a copy: "only in <the reprint>" would credit the wrong outlet.
    prints = {(u.source_key, t.fingerprint) for u, t in zip(units, story.terms)}
    copy_of = story.outlets.copy_of
    for i, (u, t) in enumerate(zip(units, story.terms)):
        if u.source_key in copy_of and (copy_of[u.source_key], t.fingerprint) in prints:
            eligible[i] = False
    dangling = [is_dangling(u.sentence) for u in units]
    fragment = [is_quote_fragment(u.sentence) for u in units]

    numbers = [t.specifics for t in story.terms]
    running = figures or {}
    dates = [u.article.date or "" for u in units]
    term_sets = [t.term_set for t in story.terms]

    def allowed(i: int, chosen: list[int]) -> bool:
        # Saying the same as a chosen sentence is redundant, unless a later source pins down something
        # new: "will reopen on May 18" restates "closed after cracks were found" and is the news.
        # The single-article rule counts too: "announced the deal in October" beside the deal's lead.
        alike = [c for c in chosen
                 if same.same_fact(i, c, SAYS_AGAIN) or shares_most_terms(term_sets[i], term_sets[c])]
        if alike and not (all(dates[c] and dates[i] > dates[c] for c in alike)
                          and numbers[i] - set().union(*(numbers[c] for c in alike))):
            return False
        # ...but a running figure's other value is no news of its own: one sentence gives the figure
        # (`latest_values` then brings it up to date), not one a day.
        own = running.get(i)
        if alike and own and any(own & running.get(c, frozenset()) for c in alike):
            return False
        if dangling[i]:  # only when nothing self-contained says the same (a quotation's piece: and someone does)
            others = [j for j in same.matches(i) if j < len(units)]
            if fragment[i] and not others:
                return False
            return not any(eligible[j] and not dangling[j] and (among is None or j in among) for j in others)
        return True

    return eligible, allowed


def select_story(story: StoryUnits, words: int, count: int | None, among: set[int] | None = None,
                 known: set[int] | None = None, mostly_new: float | None = None,
                 surely_new: set[int] | None = None,
                 figures: dict[int, frozenset[int]] | None = None) -> list[tuple[int, float]]:
    """reader's selection: most voice-weighted concepts per word, within the budget; each chosen unit
    with its gain (the concept weight it added), in the order chosen. For a timeline's day, `among`
    limits the candidates and the concepts of the `known` units (told on earlier days) weigh nothing;
    with `mostly_new`, a unit is taken only when more than that share of its own concept weight is
    still untold (by the known units or the units chosen before it): a sentence retelling the known
    with one new word is not the day's news, and the day's list ends when nothing new is left. A unit
    of `surely_new` (an event dated after every known source, a number none states) is news whatever
    else it retells, and need only be mostly untold by the units chosen before it."""
    concepts, weights = concept_weights(story)
    full = weights
    if known:
        weights = weights.copy()
        weights[sorted({c for k in known for c in concepts[k]})] = 0.0
    eligible, veto = vetoes(story, among, figures)
    allowed = veto
    if mostly_new is not None:
        share = mostly_new

        def allowed(i: int, chosen: list[int]) -> bool:
            told = {c for k in chosen for c in concepts[k]}
            own = float(sum(full[c] for c in concepts[i]))
            against = full if surely_new and i in surely_new else weights
            fresh = float(sum(against[c] for c in concepts[i] if c not in told))
            return own > 0 and fresh > share * own and veto(i, chosen)
    costs = [t.word_count if eligible[i] and (among is None or i in among) else 0 for i, t in enumerate(story.terms)]
    seen: set[int] = set()
    picked = []
    for i in select(concepts, weights, costs, words, count, allowed):
        new = set(concepts[i]) - seen
        picked.append((i, float(sum(weights[c] for c in new))))
        seen |= new
    return picked


def build_items(story: StoryUnits, picked: Sequence[tuple[int, float]],
                unless: Callable[[int], bool] | None = None) -> list[SummaryItem]:
    items = []
    for i, score in picked:
        found, voices = reports(story, i, unless)
        key = story.units[i].source_key
        original = story.outlets.copy_of.get(key)
        items.append(SummaryItem(story.units[i], round(score, 4), found, story.outlets.name[key], voices,
                                 copy_of=story.outlets.name[original] if original else None))
    return items

