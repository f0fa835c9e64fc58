"""People's names out of whatever a page or a front matter calls its author.

Bylines come as "By TOM KRISHER, AP Auto Writer", "Amy Kuperinsky | NJ Advance Media for NJ.com",
"Catherine Shu @catherineshu / 2 days", "Rachael Link, MS, RD" or "kevin-r". What a reader wants
is the people: labels, roles, outlets, handles, e-mail addresses, credentials, dates and account
names are cut away, and names written in capitals are given ordinary case.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

MAX_NAMES = 12
MAX_NAME_WORDS = 5
HEADER_LINES = 8  # non-blank lines under a text's headline where its byline may stand
HEADER_LINE_CHARS = 200
_LABEL = re.compile(r"^\W*(?:(?:additional\s+)?(?:written|posted|story|text|words|reported|reporting|published|compiled)\s+)?"
                    r"(?:by|von|por|par|door|av|af|מאת|بقلم|автор)\b\s*:?\s*", re.IGNORECASE)
# Where the names end: a separator, a handle, a date or time, "on Monday", "Updated ...".
_END = re.compile(
    r"\s[|/•·–—-]\s|\s[|•·]|[|•·]\s|\s*@|\d|\s(?:on|at|um|le|el)\s+[A-Z0-9]|\n|(?<=[^\W\d_]{3})\.\s"
    r"|(?:^|\s)(?:updated|published|posted|last\s+modified|modified|follow|email|twitter|more\s+from)\b"
    r"|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
# Between names: punctuation, or a conjunction standing between words ("A and B", "A y B"; not "Y").
_SPLIT = re.compile(r"\s*[,;&]\s*|\s+(?:and|And|AND|und|et|y|e)\s+")
# Words that make a part a role, a desk or an outlet, not a person.
_NOT_A_PERSON = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|editors|columnist|contributor|contributing|staff|desk|team"
    r"|producer|photographer|service|services|bureau|newsroom|editorial|redaktion|redacción"
    r"|admin|administrator|webmaster|anonymous|unknown)\b",
    re.IGNORECASE,
)
# The nouns of news organisations: beside a name ("By JOHN SMITH, Associated Press"), the outlet, not a
# second person (alone, "By Anna Press" is a person).
_OUTLET_WORD = re.compile(r"\b(?:press|news|agency|wire|radio|television|network|media|newspapers?)\b", re.IGNORECASE)
_DOMAIN = re.compile(r"\w\.(?:com|org|net|co|uk|de|fr|es|it|ca|au|in|io|info|news|tv|ru|br)\b", re.IGNORECASE)
_CREDENTIAL = re.compile(r"(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|[A-Z]\.[A-Z]\.)$")
_HANDLE = re.compile(r"^[\w.-]*$")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'\u2019-]*")  # starts with a letter; no brackets, colons, digits
# Words of a name that are written in lower case: "Ludwig van Beethoven", "Maria da Silva".
_LINK_WORDS = frozenset("for of the at in from with".split())  # "Jane Smith, for the Guardian"
_TIME_WORD = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:january|february|march|april|june|july"
                        r"|august|september|october|november|december|today|tonight|yesterday|noon|midnight)\b",
                        re.IGNORECASE)
_PARTICLES = frozenset("van von der den de del della da das do dos du di la le bin ibn al el y e".split())


def author_names(values: Iterable[str], site: str = "", strict: bool = False) -> list[str]:
    """The distinct people named by `values` (each a byline or a name), in order; [] when none is a person.

    `strict` is for a line that only looks like a byline because it starts with "By": it counts when
    what follows the label is a name, whole ("By declaring their assets, ..." is prose)."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for name in byline_names(value, site, strict):
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                out.append(name)
            if len(out) >= MAX_NAMES:
                return out
    return out


def byline_names(text: str, site: str = "", strict: bool = False) -> list[str]:
    """The people in one byline string: the label cut, the list split, what is not a name dropped
    (and the outlet, `site`, when it stands beside a name: "Charlie Wood, Business Insider")."""
    text = " ".join(text.split())
    text = _LABEL.sub("", text, count=1)
    end = _END.search(text)
    if end is not None:
        text = text[:end.start()]
    parts = [p.strip(" .:-'\"") for p in _SPLIT.split(text)]
    parts = [p for p in parts if p]
    names = [name for p in parts if (name := _name_in(p))]
    if strict and (not parts or _name_in(parts[0]) != parts[0] or any(n not in parts for n in names)):
        return []
    if len(names) > 1 or (names and len(parts) > 1):  # "Link, MS, RD": credentials go when a name stays
        site = site.casefold()
        names = [n for n in names if not _CREDENTIAL.match(n) and not (n != names[0] and _OUTLET_WORD.search(n))
                 and not (site and (site.startswith(n.casefold()) or n.casefold().startswith(site)))]
    return [_ordinary_case(n) for n in names]


def _name_in(part: str) -> str | None:
    """The person's name a piece of a byline starts with ("Moritz Bachmann publiziert am" -> "Moritz
    Bachmann"), or None when it is a role, a desk, an outlet, an address, an account name or prose."""
    if "://" in part or _DOMAIN.search(part) or _NOT_A_PERSON.search(part):
        return None
    words = part.split()
    # An account name: all lower case with no space ("kevin-r", "jdadmin", "gto").
    if len(words) == 1 and part == part.lower() and _HANDLE.match(part):
        return None
    # The name ends at the first lower-case word that is no particle ("Ludwig van Beethoven"): prose
    # ("By the time the council voted") leaves nothing. Scripts without case are kept as written.
    kept = []
    for word in words:
        if word[0].islower() and word not in _PARTICLES:
            break
        if not _NAME_WORD.fullmatch(word):
            return None
        kept.append(word)
    while kept and kept[-1] in _PARTICLES:
        kept.pop()
    if not kept or len(kept) > MAX_NAME_WORDS or not any(ch.isalpha() for ch in kept[0] + kept[-1]):
        return None
    return " ".join(kept)


def has_label(text: str) -> bool:
    """Whether a line starts like a byline: "By ...", "Written by ...", "Von ..."."""
    return _LABEL.match(text) is not None


def is_byline(line: str) -> bool:
    """"By Jane Smith", "By JANE SMITH, Reuters", "By Wire Staff": a label and people's names or a desk.
    "By contrast, ..." and
    "By Monday, officials had counted 200 homes" are prose: a time word is no name, and a part of
    the line that is neither a name nor a role ("officials had counted") is a clause."""
    line = " ".join(line.split())
    if len(line) > HEADER_LINE_CHARS or not has_label(line):
        return False
    rest = _LABEL.sub("", line, count=1)
    desk = len(rest.split()) <= MAX_NAME_WORDS and bool(_NOT_A_PERSON.search(rest))  # "BY WIRE STAFF"
    if not desk and (not author_names([line], strict=True) or _TIME_WORD.match(rest)):
        return False
    end = _END.search(rest)
    parts = _SPLIT.split(rest[:end.start()] if end else rest)
    return not any(_is_clause(p) for p in parts)


def _is_clause(part: str) -> bool:
    """Two or more lower-case words that are no particle, link word or role: prose, not a byline part."""
    if _NOT_A_PERSON.search(part):
        return False
    lower = [w for w in part.split() if w[:1].islower() and w not in _PARTICLES and w not in _LINK_WORDS]
    return len(lower) >= 2


def _ordinary_case(name: str) -> str:
    """'TOM KRISHER' -> 'Tom Krisher'; a name already in mixed case is left as written."""
    if name != name.upper() or len(name) <= 4:
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


def header_author(text: str, start: int = 0) -> str | None:
    """The people of a "By ..." line just under the headline of a saved text, ", "-joined, or None."""
    lines = [line for line in text[start:start + 4000].splitlines() if line.strip()][:HEADER_LINES + 1]
    for line in lines[1:]:  # the first line is the headline
        if len(line) <= HEADER_LINE_CHARS and has_label(line.strip()):
            return ", ".join(author_names([line], strict=True)) or None
    return None

