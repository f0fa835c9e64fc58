"""Whether a sentence can stand alone in a summary, read away from the paragraph it came from.

A summary is read out of context, so some sentences do not belong in one however central they
are: bylines and credits (not news), list items ("Require the company to delete ...;"), rhetorical
questions (pitches and teasers), contact lines (an address, a link, a phone number: the outlet
talking to its reader), and sentences whose subject points outside them ("It will also have
to ...", "In a separate statement, he said ..."): the reader does not know what "it" or "he" is.
All but the last are never quoted; a dangling sentence is quoted only when nothing self-contained
says the same (the caller checks), and a piece of a quotation only when another source reports it too:
alone, "“I got on the boat." tells a reader nothing.
These are rules about the grammar of news, not about any publisher's wording.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from reader.ingest.bylines import is_byline
from reader.model import Sentence
from reader.text_scripts import SPACE_ENDS_SENTENCE_RANGES, WIDE_CLOSERS, WIDE_STOPS, count_words

_SPACE_ENDS = re.compile(f"[{SPACE_ENDS_SENTENCE_RANGES}]")  # Thai and Lao end a sentence with no mark
_OPENING_QUOTE = "\"'“‘«"
_CLOSING = ".!?\"'”’)»]…" + WIDE_STOPS + WIDE_CLOSERS
_CREDIT = re.compile(r"\b(?:photo|photograph|image|picture|video|illustration|graphic)s?(?:\s+credit)?\s*(?:by\s|:|/|©)"
                     r"|\((?:ap|afp|reuters|getty|epa|pa)\b[^)]*\)\s*$|\bgetty images\b|©", re.IGNORECASE)
_DANGLING = re.compile(r"^(?:it|its|they|their|them|he|his|she|her|this|these|those|that|such|both|"
                       r"but|and|or|so|also|yet|still|however|instead|otherwise|likewise|similarly|"
                       r"nonetheless|nevertheless|moreover|furthermore|besides|then|there|yes|no|none|neither|others)\b[\s,]",
                       re.IGNORECASE)
# "..., he added." at the end: the speaker is a pronoun for someone named in an earlier sentence.
_PRONOUN_SPEAKER = re.compile(r"[,”\"]\s*(?:he|she|they)\s+(?:said|says|added|adds|noted|told \w+|argued|wrote)"
                              r"[^.!?]{0,40}[.!?]?[”\"]?$", re.IGNORECASE)
# Somewhere to write or click: an e-mail address, a link, a domain with a page on it, or a bare domain
# the reader is sent to ("visit example.org"). A bare domain alone is a name: "Amazon.com Inc agreed
# to pay", "suprnova.org, which helped popularise BitTorrent", "Sina.com and Sohu.com delete posts".
_DOMAIN = r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co\.uk|org\.uk|info|io)"
_ADDRESS = re.compile(rf"[\w.+-]+@[\w-]+\.\w|https?://|www\.|{_DOMAIN}/\w"
                      rf"|\b(?:visit|go\s+to|log\s+on(?:to|\s+to)|see)\s+{_DOMAIN}\b", re.I)
# A phone number written as one ("1-800-555-0142", "(212) 555-0142", "+44 20 7946 0958"): a hotline to call.
_PHONE = re.compile(r"(?<![\w.,-])(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![\w-])"
                    r"|(?<![\w+])\+\d{1,3}(?:[\s-]\d{2,4}){2,4}(?![\w-])")
# The subject of the main clause is a pronoun after an opening phrase: "In a separate statement, he
# said ...", "On Thursday, they will ...": who it is was said in an earlier sentence.
_OPENING_THEN_PRONOUN = re.compile(r"^[A-Z][^,;:\"“”]{0,60},\s+(?:he|she|they|it)\s+(?:said|says|added|adds|noted|told|"
                                   r"argued|wrote|also|was|is|has|had|will|would)\b")
_OPENS = "“‘«"
_CLOSES = "”’»"
BYLINE_WORDS = 15  # a byline or credit is a short line
CREDIT_WORDS = 25
UNFINISHED_WORDS = 12  # a short line with no closing punctuation is a label or list item, not a sentence


def _bare(text: str) -> str:
    return text.strip().lstrip(_OPENING_QUOTE + "([*_ ").strip()


def never_quoted(sentence: Sentence, previous: Sentence | None) -> str | None:
    """Why this sentence must not be quoted in a summary, or None when it may be."""
    text = " ".join(sentence.text.split())
    words = count_words(text)
    if words <= BYLINE_WORDS and is_byline(text):  # not "By contrast, ..." nor "From there, ..."
        return "byline"
    if words <= CREDIT_WORDS and _CREDIT.search(text):
        return "credit"
    if text[-1] in ";,:" or (text[-1] not in _CLOSING and words < UNFINISHED_WORDS and not _SPACE_ENDS.match(text[-1])):
        return "list fragment"
    first = _bare(text)[:1]
    if first.islower():
        return "sentence piece"  # "rounded off a weekend ...": the start is missing
    if first in "-–—•":
        return "list item"
    if previous is not None and previous.block != sentence.block and previous.text.rstrip().endswith(
            (";", "; and", "; or", ":")):
        return "list fragment"
    if text.endswith(("?", "？", "؟")) and text[0] not in _OPENING_QUOTE:
        return "question"
    if _ADDRESS.search(text) or _PHONE.search(text):
        return "contact line"  # somewhere to write or click: the outlet talking to its reader
    return None


def _bare_quotation(text: str) -> bool:
    """A quotation with no speaker in it ("“At some point, studying becomes stalling.”"): who said it is elsewhere."""
    text = text.strip()
    return len(text) > 2 and text[0] in "“\"" and text[-1] in "”\"" and not re.search(r"[”\"][^”\"]*\w", text[1:-1])


def _unbalanced_quote(text: str) -> bool:
    """A piece of a quotation that runs over several sentences: it opens or closes one, not both."""
    opens = sum(text.count(c) for c in _OPENS)
    closes = sum(text.count(c) for c in _CLOSES if c != "’" or text.count("‘"))
    if opens or closes:
        return opens != closes
    return text.count('"') % 2 == 1


def is_quote_fragment(sentence: Sentence) -> bool:
    """A piece of a quotation, or a quotation with no speaker ("“I got on the boat.", "They deserve
    answers.”"): words someone said, with who said it and what about in other sentences."""
    return _unbalanced_quote(sentence.text) or _bare_quotation(sentence.text)


def is_dangling(sentence: Sentence) -> bool:
    """Whether it leans on the sentences around it: "It will also ...", "But ...", "In a statement, he said ...",
    a quotation without its speaker."""
    bare = _bare(sentence.text)
    return (bool(_DANGLING.match(bare)) or bool(_OPENING_THEN_PRONOUN.match(bare)) or is_quote_fragment(sentence)
            or bool(_PRONOUN_SPEAKER.search(sentence.text.strip())))


def quotable(sentences: Sequence[Sentence]) -> list[str | None]:
    """For each sentence of one article, in order, why it is never quoted (or None)."""
    return [never_quoted(s, sentences[i - 1] if i else None) for i, s in enumerate(sentences)]


LIST_ITEMS = 30  # a list longer than this is read as items with no lead-in


def list_lead_ins(sentences: Sequence[Sentence]) -> dict[int, Sentence]:
    """For each list item (by index) the sentence introducing its list ("Ostrander would pay $3.2 billion
    for:"): the item's fact is the lead-in's with the item filled in, so the lead-in's numbers are the item's too.

    Items follow their lead-in, each in a block of its own; the list goes on while an item ends as a
    list item does (";", ",", "; and") and ends after the first that ends a sentence.
    """
    out: dict[int, Sentence] = {}
    lead: Sentence | None = None
    items = 0  # of the current lead-in's list
    for i, sentence in enumerate(sentences):
        previous = sentences[i - 1] if i else None
        if lead is not None and previous is not None and previous.block != sentence.block:
            out[i] = lead
            items += 1
            if not sentence.text.rstrip().endswith((";", ",", " and", " or")) or items >= LIST_ITEMS:
                lead = None
        else:
            lead = None
        if sentence.text.rstrip().endswith(":") and sentence.kind != "heading":
            lead, items = sentence, 0
    return out
