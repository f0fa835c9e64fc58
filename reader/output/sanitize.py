"""Text from files is untrusted: make it inert before it reaches a terminal or a JSON consumer."""
from __future__ import annotations

import json
import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, the Unicode line and paragraph separators
# (a line break to some terminals and to JavaScript, none to the line numbers), and bidirectional
# overrides/isolates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
_UNSAFE_JSON = re.compile(r"[\x7f-\x9f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)  # ESC shows as ^[ the way `cat -v` does
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """Replace control characters (escape sequences included) with visible stand-ins."""
    return _UNSAFE.sub(_visible, text)


_UNSAFE_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def path_text(path: str) -> str:
    """A file name as printed: inert, with a tab or a line break in it shown as ^I or ^J, never as
    a space: "a\nb.txt" printed as "a b.txt" would name another file."""
    return _UNSAFE_IN_NAME.sub(_visible, path)


def one_line(text: str) -> str:
    """Inert and on one line: for titles, status lines and error messages."""
    return inert(" ".join(text.split()))


# A file name that is not UTF-8 is shown with `\xNN` for each byte it cannot decode (`paths.printable_path`);
# JSON gives the real name instead, each such byte as the lone surrogate "\udcNN" (PEP 383), so a
# script reading the JSON in Python opens the file by the path it was given.
_PATH_KEYS = frozenset({"path", "copy_of", "articles", "paths"})
_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def _real_names(data: Any, key: str | None = None) -> Any:
    if isinstance(data, dict):
        return {k: _real_names(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_real_names(item, key) for item in data]
    if isinstance(data, str) and key in _PATH_KEYS and "\\x" in data:
        return _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), data)
    return data


def dumps(data: Any, indent: int | None = 2) -> str:
    """JSON whose strings cannot carry terminal controls (json escapes C0; this escapes C1 too), with
    file names that are not UTF-8 given as their real bytes (see `_real_names`)."""
    text = json.dumps(_real_names(data), ensure_ascii=False, indent=indent)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
