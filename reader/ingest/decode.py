"""Turn a file's bytes into text, recording which decoding was used and refusing binary data."""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

MAX_FILE_BYTES = 16 * 1024 * 1024  # far beyond any article; bounds memory and time
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05  # share of non-text control bytes that marks a file as binary
_MAX_BAD_UTF8_RATIO = 0.002  # a few stray bytes in otherwise UTF-8 text are replaced, not re-decoded
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
# Every byte but the non-text controls: deleting these leaves exactly the controls to count (in C).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in _TEXT_CONTROLS)


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
    """Decode as UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, else Latin-1."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 ({exc.reason})") from None
    if _looks_binary(data[:_SNIFF_BYTES]):
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
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if multibyte > 0 and bad / len(data) <= _MAX_BAD_UTF8_RATIO:
        warning = f"{bad} byte{'s' if bad != 1 else ''} not valid UTF-8, shown as \ufffd"
        return Decoded(text, "utf-8 (with replacements)", [warning])
    try:
        return Decoded(data.decode("cp1252"), "windows-1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")
