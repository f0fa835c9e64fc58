"""Mailboxes (.mbox, mboxrd/mboxo): one article per message, each cited at its own lines of the file.

The standard `mailbox` module opens files by path and loses offsets; the format is simple enough to
split here: a message starts at a `From ` line at the top of the file or after a blank line.
"""
from __future__ import annotations

import re

from reader.ingest.containers import MAILBOX_SUFFIXES, Container
from reader.ingest.item_ids import item_ids
from reader.model import Article

MAX_MESSAGES = 5_000
_FROM_LINE = re.compile(r"(?:\A|(?<=\n\n)|(?<=\r\n\r\n))From [^\r\n]*\r?\n")


def message_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each message, its `From ` line excluded; empty when the text is not a mailbox."""
    starts = [m for m in _FROM_LINE.finditer(text)]
    if not starts or starts[0].start() != len(text) - len(text.lstrip("\ufeff")):
        return []
    bounds = [m.start() for m in starts[1:]] + [len(text)]
    return [(m.end(), end) for m, end in zip(starts, bounds)][:MAX_MESSAGES]


def mailbox_container(text: str, suffix: str) -> Container | None:
    """The mailbox's messages as items, or None when the text is not a mailbox."""
    if suffix not in MAILBOX_SUFFIXES | {""}:
        return None
    spans = message_spans(text)
    if not spans:
        return None
    from reader.ingest.email_message import mailbox_item, message_key

    ids = item_ids([message_key(text, a, b) for a, b in spans])

    def build(number: int, shown: str, encoding: str, warnings: list[str]) -> Article:
        start, end = spans[number]
        return mailbox_item(text, shown, ids[number], start, end, encoding, warnings)

    warnings = [f"only the first {MAX_MESSAGES:,} messages are read"] if len(spans) == MAX_MESSAGES else []
    return Container("mailbox", ids, build, warnings)
