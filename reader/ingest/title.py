"""Pick an article's title when metadata gives none: a headline line, else the first sentence."""
from __future__ import annotations

from reader.model import Sentence

MAX_TITLE_CHARS = 120


def shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """Cut at a word boundary with an ellipsis, so long first sentences still make a title."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(",;:—-– ") + "…"


def infer_title(sentences: list[Sentence]) -> str | None:
    """A headline line opening the article, else its first sentence, shortened. A one-word line over
    a headline is a flag or a section ("URGENT", "Politics"), not the headline."""
    if not sentences:
        return None
    first = sentences[0]
    if (len(sentences) > 1 and first.kind == sentences[1].kind == "heading" and len(first.text.split()) == 1
            and len(sentences[1].text.split()) >= 2):
        return shorten(sentences[1].text)
    return shorten(first.text)
