"""Turn a file's bytes into text, recording which decoding was used and refusing binary data."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

MAX_FILE_BYTES = 16 * 1024 * 1024  # far beyond any article; bounds memory and time
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05  # share of non-text control bytes that marks a file as binary
MAX_STRAY_NULS, MAX_STRAY_NUL_SHARE = 4, 0.001  # NULs in text: a handful, or one per kilobyte; more is binary
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


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 that lost its BOM (some Windows exports): ASCII-range text has a NUL in every other
    byte, at odd offsets (little-endian) or even ones (big-endian), and no binary format looks so."""
    sample = data[:_SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    for codec, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls = sample[nul_at::2].count(0)
        if nuls >= 0.9 * half and sample[1 - nul_at::2].count(0) <= 0.01 * half:
            try:
                text = data[:len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            if not _looks_binary(text[:_SNIFF_BYTES].encode("utf-8", "replace")):
                return Decoded(text, codec, ["UTF-16 without a byte-order mark"])
    return None


def _stray_nuls(data: bytes) -> tuple[bytes, list[str]]:
    """Text with a few NUL bytes (a damaged copy, a padded end) is still text: each NUL is read as a
    space, so offsets and lines stay as they are, and the file is not lost. A binary file has NULs by
    the hundred per kilobyte (and control bytes besides) and stays binary."""
    count = data.count(0)
    if count > max(MAX_STRAY_NULS, MAX_STRAY_NUL_SHARE * len(data)) or _looks_binary(data.replace(b"\x00", b"")):
        raise DecodeError("binary file (not text)")
    return data.replace(b"\x00", b" "), [f"{count} NUL byte{'s' if count != 1 else ''} read as space{'s' if count != 1 else ''}"]


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_RATIO


def decode_bytes(data: bytes) -> Decoded:
    """Decode as UTF-8 (with or without BOM), UTF-32 or UTF-16 with a BOM (or UTF-16 without one, with a
    warning), UTF-8 with Windows-1252 pasted in (each byte that is not UTF-8 read as 1252, with a
    warning), else Windows-1252, else Latin-1; bytes that are not UTF-8, in a page or feed declaring
    another encoding (`<meta charset>`, `<?xml encoding?>`), in that one when they fit it. A few stray NULs are read as
    spaces; binary is refused."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16:
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # FF FE 00 00 starts both
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec.upper()} ({exc.reason})") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        data, warnings = _stray_nuls(data)
    else:
        warnings = []
    if _looks_binary(data[:_SNIFF_BYTES]):
        raise DecodeError("binary file (not text)")
    decoded = _decode_text(data)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):  # valid UTF-8 is UTF-8, whatever a page says
        decoded = _declared(data) or decoded
    decoded.warnings[:0] = warnings
    return decoded


# A page or feed that says its encoding: `<?xml ... encoding="windows-1251"?>`, `<meta charset=...>`,
# `<meta http-equiv="Content-Type" content="text/html; charset=...">`, read from its opening bytes.
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
                       rb"""|<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# Labels read as browsers read them (WHATWG Encoding): the superset that pages labelled so are written in.
_LABELS = {"gb2312": "gbk", "gb_2312-80": "gbk", "x-gbk": "gbk", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
           "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
           "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
           "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874"}
# Declarations the usual reading already serves (and serves better: UTF-8 with Windows-1252 pasted in),
# and ones no 8-bit file can be in.
_USUAL = frozenset({"utf_8", "cp1252", "latin_1", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le",
                    "utf_32_be", "utf_7"})


def _declared(data: bytes) -> Decoded | None:
    """The bytes in the encoding the markup declares, when it is one of the others (windows-1251,
    Shift_JIS, EUC-KR, KOI8-R, ...) and the bytes hold to it; else None and the usual reading."""
    found = _DECLARED.search(data[:_SNIFF_BYTES])
    if not found:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(_LABELS.get(label, label)).name.replace("-", "_")
    except LookupError:
        return None
    if codec in _USUAL:
        return None
    try:
        return Decoded(data.decode(codec), label)
    except UnicodeDecodeError:
        return None


def _decode_text(data: bytes) -> Decoded:
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
