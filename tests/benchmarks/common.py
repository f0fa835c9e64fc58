"""Where the benchmark data lives; benchmarks stop with a clear message when it is absent."""
from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SHARED = PROJECT.parent / "shared"
BBC = SHARED / "data" / "bbc-news-summary"


def bbc_articles() -> Path:
    folder = BBC / "articles"
    if not folder.is_dir():
        sys.exit(f"benchmark data not found: {folder}")
    return folder
