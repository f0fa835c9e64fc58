"""Saved newsletters (.eml, and each message of an .mbox) and pages saved as MHTML (.mht, .mhtml)
as articles cited at the file's lines.

Title from the decoded Subject, date from Date, outlet from the From name; the body from the
text/plain part, or the HTML part through the page extractor when there is no usable plain text.
Furniture of the mail kind (the browser-version link, the subscription footer, tracking-image
text, forwarded-message headers) is left out by email_furniture before the usual boilerplate pass.
"""
from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from reader.ingest.article_builder import build_from_blocks
from reader.ingest.containers import as_item, body_blocks
from reader.ingest.email_furniture import mail_furniture
from reader.ingest.metadata import Metadata, normalize_date
from reader.ingest.mime_parts import Part, decode_part, leaf_parts, split_headers
from reader.model import Article

EMAIL_SUFFIXES = {".eml", ".mht", ".mhtml"}  # a page saved by a browser as one file (MHTML) is a MIME message
MIN_PLAIN_WORDS = 40  # a text/plain part shorter than this beside an HTML part is a stub ("view it online")
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]*:[ \t]")
_REPLY_MARKS = re.compile(r"^(?:(?:fwd?|re|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_MAIL_HEADERS = ("from:", "date:", "subject:", "to:", "message-id:", "mime-version:", "received:", "return-path:")


def looks_like_email(text: str, suffix: str) -> bool:
    """An .eml file, or a file with no suffix whose first lines are mail headers (From plus Subject or Date)."""
    if suffix.lower() in EMAIL_SUFFIXES:
        return True
    if suffix:
        return False
    head = text[:4096].lower()
    if not _HEADER_LINE.match(text.lstrip("\ufeff")):
        return False
    return "\nfrom:" in f"\n{head}" and sum(f"\n{name}" in f"\n{head}" for name in _MAIL_HEADERS) >= 3


def message_key(text: str, start: int, end: int) -> str:
    """What identifies a message across re-saves of its mailbox: its Message-ID, else date, sender and subject."""
    headers, _ = split_headers(text, start, end)
    found = _header(headers, "message-id")
    return found or "|".join(_header(headers, name) or "" for name in ("date", "from", "subject"))


def message_article(text: str, path: str, start: int = 0, end: int | None = None, encoding: str = "utf-8",
                    warnings: list[str] | None = None) -> Article:
    """The message at text[start:end] as an Article over the whole file."""
    end = len(text) if end is None else end
    warnings = list(warnings or [])
    headers, _ = split_headers(text, start, end)
    part = _body_part(text, leaf_parts(text, start, end))
    if part is not None and part.message >= 0:  # "Fwd:" with the news attached: its sender and date are the story's
        headers, _ = split_headers(text, part.message, part.end)
    blocks, left_out, fmt = [], [], "text"
    if part is not None:
        body = decode_part(text, part)
        blocks, left_out, fmt, _ = body_blocks(body, part.content_type == "text/html", warnings)
        blocks, dropped = mail_furniture(blocks)
        left_out += dropped
    else:
        warnings.append("no text or HTML part in the message")
    # MHTML: From is the browser ("<Saved by Blink>"); the page's address names the site (the builder
    # takes an outlet from the address when there is no other)
    saved_from = _header(headers, "snapshot-content-location")
    source = None if saved_from else _sender(headers)
    meta = Metadata(title=_subject(headers), date=_date(_header(headers, "date")), source=source, url=saved_from)
    article = build_from_blocks(text, path, meta, blocks, left_out, fmt, encoding, warnings)
    article.format = "html (saved page)" if saved_from else "email"
    return article



def mailbox_item(text: str, path: str, item: str, start: int, end: int, encoding: str, warnings: list[str]) -> Article:
    """One message of a mailbox as item `item` of it."""
    article = message_article(text, path, start, end, encoding, warnings)
    return as_item(article, item, start, end)


def _body_part(text: str, parts: list[Part]) -> Part | None:
    """The text/plain part when it is usable, else the HTML part, else the plain stub anyway. A
    forwarding note ("FYI") over a forwarded message gives way to the message."""
    forwarded = [p for p in parts if p.message >= 0]
    own = [p for p in parts if p.message < 0]
    if forwarded and all(len(decode_part(text, p).text.split()) < MIN_PLAIN_WORDS for p in own if
                         p.content_type in ("text/plain", "text/html")):
        parts = forwarded
    plain = next((p for p in parts if p.content_type == "text/plain"), None)
    html = next((p for p in parts if p.content_type == "text/html"), None)
    if plain is not None and (html is None or len(decode_part(text, plain).text.split()) >= MIN_PLAIN_WORDS):
        return plain
    return html or plain


def _header(headers: EmailMessage, name: str) -> str | None:
    """A header's decoded value (RFC 2047 words decoded by the email package) on one line."""
    try:
        value = headers.get(name)
    except (ValueError, IndexError, TypeError):  # a malformed header costs that header only
        return None
    return " ".join(str(value).split())[:1000] or None if value is not None else None


def _subject(headers: EmailMessage) -> str | None:
    """The decoded Subject without the reply and forward marks mail programs put before it."""
    subject = _header(headers, "subject")
    return _REPLY_MARKS.sub("", subject) or subject if subject else None


def _sender(headers: EmailMessage) -> str | None:
    """The From display name ("The Harbour Gazette"), else the address."""
    try:
        sender = headers.get("from")
        addresses = getattr(sender, "addresses", ())
    except (ValueError, IndexError, TypeError):
        return None
    if addresses:
        return addresses[0].display_name or addresses[0].addr_spec or None
    return _header(headers, "from")


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return normalize_date(value)
