"""Whether another source's lines can stand as a citation for a summary sentence, word for word.

A corroborating citation is checked the way a reader (or `shared/tools/check_citations.py`) checks
it: the cited lines must carry at least 40% of the sentence's distinct content words. An outlet that
reports the fact in other words still reports it ("reported by"), but only lines that pass this
test are listed among the sentence's citations.
"""
from __future__ import annotations

import html
import re

from reader.model import Article, LineSpan

SHARED_WORDS = 0.4
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")
_STOP = frozenset("""a an and are as at be by for from has have he her his in is it its of on or
that the their they this to was were will with said says after before about into than""".split())


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(html.unescape(_TAG.sub(" ", text)))} - _STOP


def carries_words(text: str, article: Article, span: LineSpan) -> bool:
    """Whether lines `span` of the article hold at least 40% of the text's distinct content words."""
    wanted = {w for w in _words(text) if not w.isdigit()}  # numbers alone do not make a citation
    if not wanted:
        return False
    found = _words(" ".join(article.lines[span.start - 1:span.end]))
    return len(wanted & found) >= SHARED_WORDS * len(wanted)
