"""reader: a terminal reader for news articles with source-aware extractive summaries."""
from __future__ import annotations

__version__ = "0.1.0"
