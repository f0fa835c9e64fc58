"""Turn a file's bytes into text, recording which decoding was used and refusing binary data."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

MAX_FILE_BYTES = 16 * 1024 * 1024  # far beyond any article; bounds memory and time
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05  # share of non-text control bytes that marks a file as binary
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
# Every byte but the non-text controls: deleting these leaves exactly the controls to count (in C).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in _TEXT_CONTROLS)


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, as surrogateescape keeps it


def _as_windows_1252(match: re.Match[str]) -> str:
    """The byte behind one escaped character, read as Windows-1252 (Latin-1 where 1252 has a hole)."""
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode("cp1252", errors="ignore") or byte.decode("latin-1")


class DecodeError(ValueError):
    """The bytes are not text reader can show (binary, empty)."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_RATIO


def decode_bytes(data: bytes) -> Decoded:
    """Decode as UTF-8 (with or without BOM), UTF-32 or UTF-16 with a BOM, UTF-8 with Windows-1252
    pasted in (each byte that is not UTF-8 read as 1252, with a warning), else Windows-1252, else Latin-1."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16:
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # FF FE 00 00 starts both
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec.upper()} ({exc.reason})") from None
    if _looks_binary(data[:_SNIFF_BYTES]) or b"\x00" in data:  # text has no NUL, early or late
        raise DecodeError("binary file (not text)")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    if sum(1 for ch in escaped if ord(ch) > 127) > bad:  # some real UTF-8 characters are there
        text = _ESCAPED.sub(_as_windows_1252, escaped)  # one character per byte: offsets stay exact
        # Mostly UTF-8 with some Windows-1252 pasted in (a classic of copied web text): each part in
        # its own encoding, and say so, instead of the whole file as mojibake.
        warning = f"{bad} byte{'s' if bad != 1 else ''} not valid UTF-8, read as Windows-1252"
        return Decoded(text, "utf-8 (mixed with windows-1252)", [warning])
    try:
        return Decoded(data.decode("cp1252"), "windows-1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")
