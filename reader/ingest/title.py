"""Pick an article's title when metadata gives none: a headline line, else the first sentence."""
from __future__ import annotations

import re

from reader.ingest.bylines import is_byline
from reader.ingest.dateline import line_date
from reader.model import Sentence

MAX_TITLE_CHARS = 120
# A link's target, quoted in a sentence so its words stand as in the file ("# [Plan approved](https://...)"),
# is no part of a title: a web address, a path or an anchor in parentheses.
_LINK_TARGET = re.compile(r"\s*\((?:[a-z][a-z0-9+.-]*://|www\.|/|#|\.\.?/)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*"
                          r"(?:\s+[\"'][^\"']*[\"'])?\)", re.IGNORECASE)


def without_link_targets(text: str) -> str:
    return _LINK_TARGET.sub("", text) if "(" in text else text


def shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """Cut at a word boundary with an ellipsis, so long first sentences still make a title."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(",;:—-– ") + "…"


def _header_line(sentence: Sentence) -> bool:
    """A byline or a date line above the headline ("By JOHN SMITH, Associated Press", "Updated 3:15
    PM EDT, June 12, 2023"): the page's header, never its title."""
    return sentence.kind == "heading" and (is_byline(sentence.text) or line_date(sentence.text) is not None)


def infer_title(sentences: list[Sentence]) -> str | None:
    """A headline line opening the article, else its first sentence, shortened. A one-word line over
    a headline is a flag or a section ("URGENT", "Politics"), not the headline; bylines and date
    lines over it are its header."""
    lead = 0
    while lead < min(len(sentences) - 1, 3) and _header_line(sentences[lead]):
        lead += 1
    sentences = sentences[lead:]
    if not sentences:
        return None
    first = sentences[0]
    if (len(sentences) > 1 and first.kind == sentences[1].kind == "heading" and len(first.text.split()) == 1
            and len(sentences[1].text.split()) >= 2):
        return shorten(without_link_targets(sentences[1].text))
    return shorten(without_link_targets(first.text))
