"""The furniture every newsletter carries, found by what it is rather than by one sender's wording.

Five kinds: the message speaking of itself in another rendering (the browser-version link, at the
top or the bottom); the subscription-management footer (unsubscribe, preferences, "you received
this because"), which ends the message, so everything after it goes too; text left by tracking
images (nothing but bracketed image names and links); and the headers a forward pastes in (a
dashed rule and From:/Date:/Subject: lines); and the signature under its "-- " line. The page-wide boilerplate pass runs after this one.
"""
from __future__ import annotations

import re

from reader.ingest.blocks import Block

EDGE_BLOCKS = 3  # the browser-version line sits among the first or last few blocks
EDGE_WORDS = 25
FOOTER_FROM = 0.4  # a subscription footer starts in the last 60% of the blocks...
FOOTER_WORDS = 80  # ...in a block no longer than this
BROWSER, FOOTER, TRACKING, FORWARD = "browser-version link", "subscription footer", "tracking image", "forwarded-message header"
SIGNATURE = "signature"
# The signature separator of mail (RFC 3676 4.3): a line of "-- " (its space often lost); what follows
# is the sender's name, title and phone, not the message.
_SIGNATURE = re.compile(r"\A--[ \t]?(?:\r?\n|\Z)")

# The message referring to itself, and to seeing it some other way.
_SELF = re.compile(r"\b(?:this|the)\s+(?:e-?mail|message|newsletter|edition|issue|version)\b"
                   r"|\b(?:web|online|browser)\s+version\b", re.IGNORECASE)
_ELSEWHERE = re.compile(r"\b(?:browser|online|web|view|display(?:ed|ing)?|trouble|properly|read\s+it)\b", re.IGNORECASE)
# The reader's subscription, and the ways to manage or leave it.
_SUBSCRIPTION = re.compile(
    r"\bunsubscrib|\bopt[- ]?out\b|\b(?:e-?mail|mailing|subscription|notification|communication)\s+"
    r"(?:preferences|settings)\b|\bmanage\s+(?:your\s+)?(?:subscriptions?|preferences|e-?mails?)\b"
    r"|\bupdate\s+your\s+(?:preferences|profile|subscription)\b|\byou(?:'|’)?(?:re|\s+are)\s+receiving\b"
    r"|\byou\s+(?:received|are\s+getting)\s+this\b|\b(?:was|were)\s+sent\s+to\s+\S+@|\bmailing\s+list\b",
    re.IGNORECASE)
_URL = re.compile(r"<?https?://\S+>?|\bwww\.\S+")
_BRACKETED = re.compile(r"\[[^\[\]]{0,200}\]|\([^()]*https?://[^()]*\)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_FIELD = re.compile(r"(?:^|\n)\s*\*?(?:From|Sent|Date|To|Cc|Subject|Reply-To)\*?:\s", re.IGNORECASE)
_RULE = re.compile(r"^\s*[-_=*]{3,}[^\n]{0,60}?[-_=*]{0,}\s*$")


def mail_furniture(blocks: list[Block]) -> tuple[list[Block], list[tuple[int, int, str]]]:
    """The blocks that are text, and the file spans (with reasons) of those that are mail furniture."""
    reasons: list[str | None] = [None] * len(blocks)
    texts = [b.text for b in blocks]
    count = len(blocks)
    for i, text in enumerate(texts):
        words = len(text.split())
        if (i < EDGE_BLOCKS or i >= count - EDGE_BLOCKS) and words <= EDGE_WORDS and _SELF.search(text) \
                and _ELSEWHERE.search(text):
            reasons[i] = BROWSER
        elif _tracking(text):
            reasons[i] = TRACKING
    _forwards(texts, reasons)
    footer = next((i for i in range(int(count * FOOTER_FROM), count)
                   if len(texts[i].split()) <= FOOTER_WORDS and _SUBSCRIPTION.search(texts[i])), None)
    if footer is not None:
        reasons[footer:] = [FOOTER] * (count - footer)
    signed = next((i for i in range(1, count) if _SIGNATURE.match(texts[i].lstrip(" \t"))), None)
    if signed is not None:
        reasons[signed:] = [why or SIGNATURE for why in reasons[signed:]]
    kept = [b for b, why in zip(blocks, reasons) if why is None]
    dropped = [(b.file_start, b.file_end + 1, why) for b, why in zip(blocks, reasons) if why is not None]
    return kept, dropped


def _tracking(text: str) -> bool:
    """Only image names in brackets and links, no prose: what a tracking pixel leaves in plain text."""
    if not (_URL.search(text) or _BRACKETED.search(text)):
        return False
    rest = _URL.sub(" ", _BRACKETED.sub(" ", text))
    return len(_WORD.findall(rest)) == 0


def _fields(text: str) -> int:
    """How many header fields a block holds, when it is made of them (a dashed rule may lead)."""
    first = _FIELD.search(text)
    if first is None:
        return 0
    lead = text[:first.start()]
    return len(_FIELD.findall(text)) if not lead.strip() or _RULE.match(lead) else 0


def _forwards(texts: list[str], reasons: list[str | None]) -> None:
    """Forwarded-message headers: blocks of From:/Date:/Subject: fields (two or more, in one block or a
    run of blocks), and the dashed rule just above them."""
    fields = [_fields(t) for t in texts]
    for i, found in enumerate(fields):
        run = found >= 2 or (found and ((i > 0 and fields[i - 1]) or (i + 1 < len(fields) and fields[i + 1])))
        if run and len(texts[i].split()) <= 60:
            reasons[i] = FORWARD
            if i > 0 and reasons[i - 1] is None and _RULE.match(texts[i - 1]):
                reasons[i - 1] = FORWARD
