"""Ingest: every input shape becomes an Article whose sentences know their source lines.

Never imports Textual; `reader show`, `summarize` and `list` start fast because of it.
"""
from __future__ import annotations

from reader.ingest.loader import iter_inputs, load_article, load_paths, split_address

__all__ = ["iter_inputs", "load_article", "load_paths", "split_address"]
