"""What reader needs to know of scripts written without spaces between words (Chinese, Japanese,
Thai and its neighbours), of the sentence ends the Punkt model does not know, and of combining
marks, in one place for ingest, summaries and search."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Chinese characters and Japanese kana: text written without spaces between words.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Thai, Lao, Myanmar and Khmer: no spaces between words either. Thai and Lao have no full stop:
# a space ends a phrase or a sentence.
SOUTHEAST_ASIAN_RANGES = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
SPACE_ENDS_SENTENCE_RANGES = "\u0e00-\u0eff"
UNSPACED_RANGES = CJK_RANGES + SOUTHEAST_ASIAN_RANGES
UNSPACED = re.compile(f"[{UNSPACED_RANGES}]")
_CJK = re.compile(f"[{CJK_RANGES}]")
_SOUTHEAST_ASIAN = re.compile(f"[{SOUTHEAST_ASIAN_RANGES}]")
# The sentence ends the Punkt model does not know: the Chinese and Japanese full stop, exclamation
# and question marks, the Arabic question mark and the Urdu full stop, the Devanagari danda and
# double danda (Hindi, Marathi, Nepali, Bengali), the Ethiopic, Myanmar and Khmer full stops;
# then the closing quotes and brackets that may follow them.
WIDE_STOPS = "。！？؟۔।॥።။។"
WIDE_CLOSERS = "」』）"
CJK_CHARS_PER_WORD = 2  # words there are mostly one or two characters long
SOUTHEAST_ASIAN_CHARS_PER_WORD = 4  # a Thai word is about four code points, its vowel and tone marks included


@lru_cache(maxsize=1)
def combining_marks() -> str:
    """Combining marks (Unicode categories Mn, Mc, Me) of the Basic Multilingual Plane as a regex class
    body. Python's \\w has no marks, so without them "हुई" or "ค่าแรง" would break into pieces at
    every vowel sign. Built on first use (20 ms): `reader list` never needs it."""
    category = unicodedata.category
    ranges: list[str] = []
    start = None
    for code in range(0x300, 0x10000):
        mark = category(chr(code))[0] == "M"
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}" if code - 1 > start else f"\\u{start:04x}")
            start = None
    return "".join(ranges)


def count_words(text: str) -> int:
    """Words, as summary budgets count them: whitespace words, and in scripts written without spaces
    a word for every CJK_CHARS_PER_WORD Chinese or Japanese characters (SOUTHEAST_ASIAN_CHARS_PER_WORD
    in Thai and its neighbours)."""
    words = len(text.split())
    if text.isascii():
        return words
    return (words + len(_CJK.findall(text)) // CJK_CHARS_PER_WORD
            + len(_SOUTHEAST_ASIAN.findall(text)) // SOUTHEAST_ASIAN_CHARS_PER_WORD)


# Search splits unspaced text into its characters, each with its marks, joined by this invisible
# separator (FTS5 is told it separates tokens): a word typed in Chinese or Thai is then a phrase of
# characters, found wherever they stand in that order, as CJK search engines find words without
# a dictionary. Stripped again before a hit is shown.
SEARCH_SEPARATOR = "\u2063"


@lru_cache(maxsize=1)
def _unspaced_cluster() -> re.Pattern[str]:
    return re.compile(f"[{UNSPACED_RANGES}][{combining_marks()}]*")


# Invisible characters pasted inside words by web pages (soft hyphens, zero-width spaces, word
# joiners, a stray BOM): the index's tokenizer would cut "Hydro\u00adthermal" into two words.
_INVISIBLE_IN_WORDS = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def search_form(text: str) -> str:
    """The text as the search index holds it: unspaced runs cut into single characters, invisible
    characters inside words left out."""
    text = text.replace(SEARCH_SEPARATOR, "")
    if text.isascii():
        return text
    text = text.translate(_INVISIBLE_IN_WORDS)
    if not UNSPACED.search(text):
        return text
    return _unspaced_cluster().sub(lambda m: SEARCH_SEPARATOR + m.group() + SEARCH_SEPARATOR, text)
