"""Summarizer names, importable without numpy or sumy so `reader --help` stays fast."""
from __future__ import annotations

SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction")
DEFAULT_ALGORITHM = "reader"
ALGORITHMS: tuple[str, ...] = (DEFAULT_ALGORITHM, "lead", *SUMY_ALGORITHMS)
