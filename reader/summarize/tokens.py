"""Words for comparing sentences: lowercase, stop words out, numbers in one format, light stemming.

"$30m", "$30 million" and "30 million dollars" should look alike to a story summary, and
"privacy" should match "Privacy"; this is deliberately simple, fast and language-light.
"""
from __future__ import annotations

import re
from functools import lru_cache

from reader.text_scripts import UNSPACED, UNSPACED_RANGES, combining_marks

# A word is a letter and then letters or combining marks (the vowel signs of Devanagari or Thai).
_LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{combining_marks()}])*"
_TOKEN = re.compile(rf"\d+(?:[.,]\d+)*(?:[a-z]{{1,2}}\b)?|{_LETTERS}(?:['’]{_LETTERS})?", re.IGNORECASE)
_SCALE = {"m": "million", "mn": "million", "mln": "million", "b": "billion", "bn": "billion",
          "k": "thousand", "tn": "trillion", "t": "trillion"}
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say told according mr mrs ms dr s t would could one two also
""".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A tiny suffix stripper: enough to match "violations"/"violation", "settled"/"settles"."""
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss" if suffix == "s" else "\0"):
            return word[: len(word) - len(suffix)] + keep
    return word


@lru_cache(maxsize=131072)
def _normalised(token: str) -> tuple[str, ...]:
    """The lowercase forms of one raw token ("$30m" -> "30", "million"; "Amazon's" -> "amazon")."""
    token = token.lower()
    if token[0].isdecimal():  # not isdigit(): "¹" is a digit but not a decimal, and \d does not match it
        number = re.match(r"[\d.,]+", token).group()  # type: ignore[union-attr]
        scale = _SCALE.get(token[len(number):])
        number = number.rstrip(".,").replace(",", "")
        return (number, scale) if scale else (number,)
    if len(token) > 2 and UNSPACED.search(token):
        return _bigrams(token)
    return (token.split("'")[0] if token.endswith(("'s", "'t")) else token,)


# Chinese characters and Japanese kana, written without spaces: a run of them is many words, and the
# overlapping pairs of its characters stand for them (as CJK search engines index: "拥堵费方案" gives
# 拥堵, 堵费, 费方, 方案), so two sentences naming the same thing share terms.
_UNSPACED_RUNS = re.compile(f"[{UNSPACED_RANGES}]+|[^{UNSPACED_RANGES}]+")


def _bigrams(token: str) -> tuple[str, ...]:
    out: list[str] = []
    for run in _UNSPACED_RUNS.findall(token):
        if UNSPACED.match(run) and len(run) > 2:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
        else:
            out.append(run)
    return tuple(out)


# ASCII text is split with str methods instead of _TOKEN, giving the same tokens about ten times
# faster: a "chunk" is a run of the only characters a token can hold (letters, digits, "'", ".",
# ","), plus "_" so that \b sees what it sees in the whole text; chunks are cut at characters no
# token holds, so _TOKEN finds the same tokens in a chunk as in the text around it.
_ASCII_CHUNK = bytes(c if chr(c).isalnum() or chr(c) in "'.,_" else 32 for c in range(256))
_ASCII_LETTERS = bytes(c if chr(c).isalpha() and c < 128 else 32 for c in range(256))
_NOT_LETTER_TOKEN = re.compile(r"[0-9'_]").search  # without these, ASCII tokens are its runs of letters


# Invisible characters pasted into words (soft hyphens from copied web text, zero-width spaces and
# joiners, a stray BOM): "Ama\u00adzon" is the word "amazon", not "ama" and "zon".
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


# A web address in a sentence (a Markdown link's target quoted with it, a "read more at" line) is no
# word of what the sentence says: "https", "example", "org" would make two linking sentences alike.
_WEB_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s)\]>\"']+", re.IGNORECASE)


def _without_addresses(text: str) -> str:
    return _WEB_ADDRESS.sub(" ", text) if "://" in text or "www." in text else text


def words(text: str) -> list[str]:
    """All word tokens, lowercased, apostrophes and number formats normalised (no stop-word removal)."""
    text = _without_addresses(text).replace("’", "'")
    if not text.isascii():
        text = text.translate(_INVISIBLE)
        return [w for token in _TOKEN.findall(text) for w in _normalised(token)]
    text = text.lower()  # ASCII: case changes no boundary and _normalised lowercases first
    if not _NOT_LETTER_TOKEN(text):
        return text.encode().translate(_ASCII_LETTERS).decode().split()  # bytes: a table lookup per character
    out: list[str] = []
    for chunk in text.encode().translate(_ASCII_CHUNK).decode().split():
        head = chunk.rstrip(".,")  # "said." is the token "said"
        if head.isalpha():
            out.append(head)
        else:
            out.extend([w for token in _TOKEN.findall(chunk) for w in _normalised(token)])
    return out


def cased_words(text: str) -> list[tuple[str, bool]]:
    """Like `words`, with whether each was written capitalised (the mark of a name)."""
    text = _without_addresses(text)
    if not text.isascii():
        text = text.translate(_INVISIBLE)
    return [(w, token[0].isupper()) for token in _TOKEN.findall(text.replace("’", "'")) for w in _normalised(token)]


def content_terms(text: str) -> list[str]:
    """Stemmed content words: what two sentences must share to say the same thing."""
    return content_of(words(text))


_CONTENT: dict[str, str] = {}  # word -> its content stem, "" for a stop word (no stem is empty)
_CONTENT_KEEP = 262144  # distinct words remembered, as content_stem's cache


def content_of(tokens: list[str]) -> list[str]:
    """The stemmed content words among tokens from `words`, for callers that need both.

    A plain dict read in C (map of __getitem__) instead of a call per word: this runs for every
    word of every candidate sentence."""
    try:
        return [t for t in map(_CONTENT.__getitem__, tokens) if t]
    except KeyError:
        if len(_CONTENT) > _CONTENT_KEEP:
            _CONTENT.clear()
        for word in tokens:
            if word not in _CONTENT:
                _CONTENT[word] = content_stem(word) or ""
        return [t for t in map(_CONTENT.__getitem__, tokens) if t]


@lru_cache(maxsize=262144)
def content_stem(word: str) -> str | None:
    """The stem of a content word, None for a stop word: decided once per distinct word."""
    return stem(word) if (word not in STOP_WORDS and len(word) > 1) or word.isdigit() else None
