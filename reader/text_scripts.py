"""What reader needs to know of scripts written without spaces between words (Chinese, Japanese)
and of the sentence ends the Punkt model does not know, in one place for ingest and summaries."""
from __future__ import annotations

import re

# Chinese characters and Japanese kana: text written without spaces between words.
UNSPACED_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNSPACED = re.compile(f"[{UNSPACED_RANGES}]")
# The Chinese and Japanese full stop, exclamation and question marks, and the Arabic question mark;
# then the closing quotes and brackets that may follow them.
WIDE_STOPS = "。！？؟"
WIDE_CLOSERS = "」』）"


def count_words(text: str) -> int:
    """Words, as summary budgets count them: whitespace words, and in Chinese or Japanese, written
    without spaces, a word for every two characters (words there are mostly one or two long)."""
    words = len(text.split())
    if text.isascii():
        return words
    return words + len(UNSPACED.findall(text)) // 2
