"""Page furniture (menus, share bars, "most read", ...) and the choice of the article's main text.

Furniture is recognised by the KIND of thing an element is (its tag, ARIA role, and the generic
words in its class/id), never by one publisher's phrases, so it works on pages nobody has seen.
"""
from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from reader.ingest.blocks import Block

# Elements that are furniture by definition ("strong": never second-guessed by text size).
_NAMED = {"nav": "navigation", "aside": "sidebar", "footer": "footer", "menu": "navigation", "dialog": "popup"}
_ROLES = {
    "navigation": "navigation", "menu": "navigation", "menubar": "navigation", "search": "navigation",
    "contentinfo": "footer", "complementary": "sidebar", "banner": "header", "dialog": "popup",
    "alertdialog": "popup",
}
# Weak reasons that a wrapper's class can claim by accident ("layout has-sidebar", "paywall" around the
# story): the caller ignores such a region when it holds most of the text. Comments and related links
# can legitimately outweigh a short article, so they are never ignored.
NOT_OVERRULED = frozenset({"comments", "related links"})

# Checked in order, so "newsletter-promo" is a newsletter form and "social-share" a share bar.
_RULES: tuple[tuple[str, str], ...] = (
    ("cookie notice", r"(?:cookie|consent|gdpr)\w*|cmp"),
    ("newsletter form", r"(?:newsletters?|subscribe(?!r)|subscription|signup|optin)\w*"),
    ("comments", r"comments?(?!ary|ator)\w*"),
    ("share buttons", r"(?:share(?!d|holder)|sharing|social)\w*"),
    ("related links", r"(?:related|recommend|popular|trending|mostread|mostpopular|mostviewed|readnext"
                      r"|morestories|morenews|recirc)\w*"),
    ("navigation", r"(?:top|sub|site|main|global|primary|secondary|side|mobile)?nav"
                   r"(?:bar|igation|menu|links?|list|wrapper|items?)?|menus?\w*|breadcrumbs?\w*|skiplinks?"),
    ("sidebar", r"sidebar\w*|(?:right|left)?rails?"),
    ("footer", r"footer\w*"),
    ("advertising", r"ads?|adv|adverts?|advertis\w*|adslot|adunit|adcontainer|adwrapper|sponsor\w*"),
    ("promotion", r"promo\w*"),
    ("paywall", r"(?:paywall|regwall)\w*"),
    ("popup", r"(?:modal|popup|popover)\w*"),
    ("banner", r"banner\w*"),
    ("hidden", r"sronly|visuallyhidden|screenreader\w*"),
)
# One pass per word: each rule is a named group, and the lowest-numbered group that any word hits wins.
_WORD = re.compile("|".join(f"(?P<r{i}>(?:{pattern})$)" for i, (_, pattern) in enumerate(_RULES)))
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_TOKEN_ATTRS = ("class", "id", "data-component", "data-module")
_TAXONOMY = re.compile(r"(?<!\S)(?:tag|tags|category|categories)[-_]\S*", re.IGNORECASE)


def tokens(attrs: dict[str, str | None]) -> list[str]:
    """Generic words of class/id: 'mostReadList' and 'most-read_list' both give most, read, list
    (plus joined neighbours like 'mostread', so compounds match either spelling)."""
    words: list[str] = []
    for name in _TOKEN_ATTRS:
        value = attrs.get(name)
        if value:
            if name == "class":  # "tag-social-media", "category-popular": what the story is about
                value = _TAXONOMY.sub(" ", value[:500])
            words.extend(w for w in _SPLIT.split(_CAMEL.sub(r"\1 \2", value[:500]).lower()) if w)
    return words + [a + b for a, b in zip(words, words[1:])]


def token_reason(attrs: dict[str, str | None]) -> str | None:
    """The kind of furniture the element's class/id names, if any."""
    key = (attrs.get("class"), attrs.get("id"), attrs.get("data-component"), attrs.get("data-module"))
    return _reason_of(key) if any(key) else None


@lru_cache(maxsize=4096)
def _reason_of(values: tuple[str | None, ...]) -> str | None:
    """Cached: a page repeats the same class strings thousands of times."""
    best = len(_RULES)
    for word in tokens(dict(zip(_TOKEN_ATTRS, values))):
        match = _WORD.match(word)
        if match and match.lastgroup:
            best = min(best, int(match.lastgroup[1:]))
    return _RULES[best][0] if best < len(_RULES) else None


def classify(tag: str, attrs: dict[str, str | None], in_content: bool) -> tuple[str | None, bool]:
    """(reason, strong) for an element; reason is None when it is not furniture.

    `in_content` says the element sits inside an <article>/<main>, where a <header> holds the
    headline and byline rather than the site's menus.
    """
    role = (attrs.get("role") or "").strip().lower() if attrs else ""
    if role == "main" or tag in ("main", "body", "html"):
        return None, False
    found = token_reason(attrs) if attrs else None
    if tag in _NAMED:
        return found or _NAMED[tag], True
    if role in _ROLES and not (role == "banner" and in_content):
        return found or _ROLES[role], True
    if tag == "header" and not in_content:
        return found or "header", True
    if tag == "form":
        return found or "form", False
    return found, False


# -- choosing the main text -----------------------------------------------------------------------

OUTSIDE = {"article": "outside article", "main": "outside main content"}
NOT_MAIN = "not main text"
_CONTAINER_REASONS = frozenset({*OUTSIDE.values(), "link list"})  # where a block is, or its shape: not furniture


@dataclass(slots=True)
class Region:
    """An element recognised as furniture; regions nest through `parent` (-1 at the top)."""

    reason: str
    parent: int
    strong: bool
    depth: int


@dataclass(slots=True)
class Rec:
    """A finished block plus the context it was found in (all the main-text choice needs)."""

    block: Block
    level: int  # 1-6 for headings, else 0
    region: int  # innermost furniture region, -1 for none
    article: int  # outermost <article>, -1 for none
    main: int  # outermost <main> / [role=main], -1 for none
    links: int  # characters inside <a href>
    end: int  # file offset just past the last visible character


def choose(recs: list[Rec], regions: list[Region], articles: list[int], mains: list[int],
           title: str, guide: Sequence[bool] | None = None) -> tuple[list[Block], list[tuple[int, int, str]]]:
    """Keep the non-furniture blocks of the best <article> (else <main>, else the body).

    Returns the kept blocks and (start, end, reason) for every left-out block that held text,
    neighbours with the same reason merged. `articles`/`mains` give, per element, the furniture
    region it sits in. `guide`, when given, says per block whether a main-text library kept it: it
    decides, but never for a block inside a furniture region, and the structural reason names why
    a block it left out was left out.
    """

    def reason(region: int, stop: int, veto: Set[int] = frozenset(), relaxed: bool = False) -> str | None:
        """The outermost furniture reason between a block's region and `stop` (exclusive)."""
        found = None
        while region >= 0 and region != stop:
            here = regions[region]
            if region not in veto and not (relaxed and not here.strong and here.reason not in NOT_OVERRULED):
                found = here.reason
            region = here.parent
        return found

    scores = [_score(rec) for rec in recs]
    free_total = sum(s for rec, s in zip(recs, scores) if s and reason(rec.region, -1, relaxed=True) is None)
    mode, pick, stop = "body", -1, -1
    for name, outers in (("article", articles), ("main", mains)):
        totals = [0] * len(outers)
        for rec, s in zip(recs, scores):
            i = rec.article if name == "article" else rec.main
            if s and i >= 0 and reason(rec.region, outers[i], relaxed=True) is None:
                totals[i] += s
        # A teaser card or a comment is an <article> too: the real one holds a fair share of the text.
        eligible = [i for i, outer in enumerate(outers)
                    if totals[i] > 0 and totals[i] >= 0.3 * free_total and reason(outer, -1, relaxed=True) is None]
        if eligible:
            mode, pick = name, max(eligible, key=totals.__getitem__)
            stop = outers[pick]
            break
    inside = [mode == "body" or (rec.article if mode == "article" else rec.main) == pick for rec in recs]
    veto = _overruled(recs, scores, inside, regions, stop)
    why: list[str | None] = []
    for rec, ok in zip(recs, inside):
        if ok:
            found = reason(rec.region, stop, veto)
            if found is None and rec.level != 1 and rec.links * 2 > len(rec.block.text):
                found = "link list"
        else:
            found = reason(rec.region, -1, veto) or OUTSIDE[mode]
        why.append(found)
    if guide is not None:
        # The library decides, except that a block inside furniture reader recognises (a share bar, a
        # "most read" box, a nav) stays out: on the benchmark's pages that only ever removed noise.
        why = [None if keep and (found is None or found in _CONTAINER_REASONS) else found or NOT_MAIN
               for keep, found in zip(guide, why)]
    _rescue_headline(recs, why, title)
    return [rec.block for rec, w in zip(recs, why) if w is None], _dropped(recs, why)


def _score(rec: Rec) -> int:
    """Paragraph text that is not link text: what tells an article from a list of teasers."""
    if rec.block.kind not in ("paragraph", "quote"):
        return 0
    return max(0, len(rec.block.text) - rec.links)


def _overruled(recs: list[Rec], scores: list[int], inside: list[bool], regions: list[Region], stop: int) -> set[int]:
    """Weak regions that cannot be furniture: they hold more than half the chosen text, or wrap it."""
    held: dict[int, int] = {}
    total = 0
    for rec, s, ok in zip(recs, scores, inside):
        if ok and s:
            total += s
            region = rec.region
            while region >= 0 and region != stop:
                held[region] = held.get(region, 0) + s
                region = regions[region].parent
    veto = {r for r, h in held.items()
            if not regions[r].strong and regions[r].reason not in NOT_OVERRULED and 2 * h > total}
    while stop >= 0:  # the chosen article sits inside it, so it is a layout wrapper, not furniture
        if not regions[stop].strong:
            veto.add(stop)
        stop = regions[stop].parent
    return veto


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _rescue_headline(recs: list[Rec], why: list[str | None], title: str) -> None:
    """Keep the page's h1 when the chosen text has none (it often sits in a header just above)."""
    kept = [i for i, w in enumerate(why) if w is None]
    if not kept or any(recs[i].level == 1 for i in kept):
        return
    want, pick = _norm(title), -1
    for i, rec in enumerate(recs):
        if rec.level != 1:
            continue
        have = _norm(rec.block.text)
        if want and have and (have == want or (want.startswith(have) or have.startswith(want))
                              and min(len(have), len(want)) >= 0.6 * max(len(have), len(want))):
            pick = i
            break
        if i < kept[0] and (why[i] in OUTSIDE.values() or why[i] == NOT_MAIN):
            pick = i
    if pick >= 0:
        why[pick] = None


def _dropped(recs: list[Rec], why: list[str | None]) -> list[tuple[int, int, str]]:
    """(start, end, reason) per left-out block, merged with the previous one when nothing kept lies between."""
    out: list[tuple[int, int, str]] = []
    kept_since = True
    for rec, reason in zip(recs, why):
        if reason is None:
            kept_since = True
            continue
        if reason == "hidden":  # never visible on the page, so nothing a reader would miss
            continue
        start = rec.block.file_start
        if out and not kept_since and out[-1][2] == reason:
            out[-1] = (out[-1][0], max(out[-1][1], rec.end), reason)
        else:
            out.append((start, rec.end, reason))
        kept_since = False
    return out
