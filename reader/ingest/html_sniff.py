"""Whether text is a saved HTML page: a cheap look at its head, apart from the page reader.

Every plain-text or Markdown file is sniffed, and importing the page reader (html.parser,
trafilatura's glue, the furniture rules) costs about 50 ms a process; this module costs nothing.
"""
from __future__ import annotations

import re

_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_P_OPEN = re.compile(r"<p[\s>]", re.IGNORECASE)


_PAGE_START = re.compile(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL)


def is_whole_page(text: str) -> bool:
    """Whether text opens as a whole HTML document (a doctype or <html>): a page saved under a Markdown
    name is still a page, while Markdown that merely holds some HTML is not."""
    return _PAGE_START.match(text[:4096].lstrip("\ufeff \t\r\n")) is not None


def looks_like_html(text: str) -> bool:
    """Whether a file with no telling suffix is a saved page (or an HTML fragment of paragraphs)."""
    head = text[:8192]
    if head.lstrip("\ufeff \t\r\n").startswith("<") and _SNIFF.search(head, 0, 4096):
        return True
    return len(_P_OPEN.findall(head)) >= 3 and head.lower().count("</p>") >= 2
