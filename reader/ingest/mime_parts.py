"""The MIME structure of one email message as spans of the file, and each part's body decoded with a map.

The standard `email` package decodes headers well (RFC 2047 and all), but it hands back bodies
without positions; a newsletter's sentence must cite the file lines that hold it, so the part
boundaries are found here on the raw text and each body is decoded into a Block that knows where
every character came from: 7bit and 8bit text exactly, a quoted-printable escape at its `=`, and
base64 text at the encoded line that holds its bytes (base64 has no finer place to point at).
"""
from __future__ import annotations

import base64
import binascii
import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import HeaderParser

from reader.ingest.blocks import Block

MAX_PARTS = 200
MAX_DEPTH = 8
_BLANK = re.compile(r"\r?\n\r?\n|\r\r")
_QP_ESCAPES = re.compile(r"(?:=[0-9A-Fa-f]{2}|=[ \t]*\r?\n)+")
_HEX = re.compile(r"=([0-9A-Fa-f]{2})")
_B64_CHARS = re.compile(r"[A-Za-z0-9+/=]+")


@dataclass(frozen=True, slots=True)
class Part:
    """A leaf part: its type, charset, transfer encoding and the file span of its body."""

    content_type: str
    charset: str
    encoding: str
    start: int
    end: int
    message: int = -1  # where the forwarded message (message/rfc822) holding it starts; -1: the file's own


def split_headers(text: str, start: int, end: int) -> tuple[EmailMessage, int]:
    """The headers of the message (or part) at text[start:end], parsed, and where its body starts."""
    blank = _BLANK.search(text, start, end)
    body = blank.end() if blank else end
    head = text[start:blank.start() if blank else end]
    return HeaderParser(policy=policy.default).parsestr(head), body  # type: ignore[return-value]


def leaf_parts(text: str, start: int, end: int) -> list[Part]:
    """Every non-multipart part of the message at text[start:end], in file order; a forwarded
    message (message/rfc822) is read into, its parts marked with where it starts."""
    out: list[Part] = []
    _walk(text, start, end, 0, out, -1)
    return out


def _walk(text: str, start: int, end: int, depth: int, out: list[Part], message: int) -> None:
    headers, body = split_headers(text, start, end)
    ctype = headers.get_content_type()
    boundary = headers.get_boundary() if ctype.startswith("multipart/") else None
    if boundary and depth < MAX_DEPTH:
        for part_start, part_end in _between(text, body, end, boundary):
            if len(out) >= MAX_PARTS:
                return
            _walk(text, part_start, part_end, depth + 1, out, message)
        return
    encoding = str(headers.get("content-transfer-encoding", "7bit")).strip().lower()
    if ctype == "message/rfc822" and depth < MAX_DEPTH and encoding in ("7bit", "8bit", "binary"):
        _walk(text, body, end, depth + 1, out, body)
        return
    charset = headers.get_content_charset() or "utf-8"
    out.append(Part(ctype, charset, encoding, body, end, message))


def _between(text: str, start: int, end: int, boundary: str) -> list[tuple[int, int]]:
    """The spans of the parts between `--boundary` lines (up to the closing `--boundary--`)."""
    line = re.compile(rf"^--{re.escape(boundary)}(--)?[ \t]*\r?$", re.MULTILINE)
    spans, open_at = [], None
    for found in line.finditer(text, start, end):
        if open_at is not None:
            close = found.start()
            close -= 2 if text.startswith("\r\n", close - 2) else 1 if text[close - 1:close] in "\r\n" else 0
            spans.append((open_at, max(close, open_at)))
        if found.group(1):
            return spans
        open_at = found.end() + (1 if text[found.end():found.end() + 1] == "\n" else 0)
    return spans


def _codec(charset: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return "utf-8"


def decode_part(text: str, part: Part) -> Block:
    """The part's body as text, mapped to the file."""
    if part.encoding == "quoted-printable":
        return _quoted_printable(text, part.start, part.end, _codec(part.charset))
    if part.encoding == "base64":
        return _base64(text, part.start, part.end, _codec(part.charset))
    out = Block()
    out.add(text[part.start:part.end], part.start)
    return out


def _quoted_printable(text: str, start: int, end: int, codec: str) -> Block:
    out = Block()
    pos = start
    for found in _QP_ESCAPES.finditer(text, start, end):
        out.add(text[pos:found.start()], pos)
        raw = bytes(int(h, 16) for h in _HEX.findall(found.group()))
        if raw:
            out.add(raw.decode(codec, "replace"), found.start(), False)
        pos = found.end()
    out.add(text[pos:end], pos)
    return out


def _base64(text: str, start: int, end: int, codec: str) -> Block:
    """Decoded text, each run of characters at the encoded line (chunk) its first byte came from."""
    chunks = [(m.group(), m.start()) for m in _B64_CHARS.finditer(text, start, end)]
    letters = "".join(chunk for chunk, _ in chunks)
    try:
        data = base64.b64decode(letters[:len(letters) // 4 * 4], validate=False)
    except (binascii.Error, ValueError):
        data = b""
    firsts, seen = [], 0  # the first decoded byte of each chunk: 3 bytes per 4 characters
    for chunk, _ in chunks:
        firsts.append(seen * 3 // 4)
        seen += len(chunk)
    out = Block()
    byte_at, run, run_chunk = 0, [], -1
    for char in data.decode(codec, "replace"):
        chunk = bisect_right(firsts, byte_at) - 1
        if chunk != run_chunk and run:
            out.add("".join(run), chunks[run_chunk][1], False)
            run = []
        run_chunk = chunk
        run.append(char)
        byte_at += len(char.encode(codec, "replace"))
    if run:
        out.add("".join(run), chunks[run_chunk][1], False)
    return out
