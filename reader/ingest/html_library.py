"""trafilatura's verdict on what a saved page's main text is, asked safely.

On 91 real saved pages (tests/benchmarks/bench_extraction.py) trafilatura finds the article body
better than reader's own furniture rules; reader keeps its own blocks (which carry file offsets)
that trafilatura's text aligns with, so citations stay exact. The library is a guide, never a
requirement: when it is missing, raises, runs too long or finds nothing, the caller falls back to
reader's own choice, with one warning saying so.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from reader.ingest.text_alignment import matched_words, words

TIMEOUT_SECONDS = 10.0  # the slowest benchmark page takes 0.5 s; a page twenty times that is pathological
MAX_CHARS = 4_000_000  # the article builder's own cap; bigger input never reaches here, checked anyway
# trafilatura's time grows with the element count (about a second for 20,000 tags, 9 s for 72,000 on the
# 2 MB page of bench_html_page.py); the benchmark's largest real page has 3,229. Past this a page is a
# dump, and reader's own rules, linear in the page, decide.
MAX_TAGS = 20_000
NAME = "trafilatura"
# trafilatura's own MIN_EXTRACTED_SIZE: below it the library itself counts its extraction as failed.
MIN_GUIDE_CHARS = 250


@dataclass(frozen=True, slots=True)
class Guide:
    """The library's main text, or None with the reason it could not be had ('' when it found none)."""

    text: str | None
    problem: str = ""


def _extract(page: str) -> str:
    import logging

    import trafilatura

    # Its fallbacks log a WARNING when they give up; with no handler configured that would reach
    # reader's stderr on every such page. The outcome is what counts, and the caller reports it.
    logging.getLogger(NAME).setLevel(logging.CRITICAL)

    return trafilatura.extract(page, include_comments=False, include_tables=True, with_metadata=False) or ""


def library_main_text(page: str, timeout: float | None = None) -> Guide:
    """Run the library in a daemon thread so a page it chokes on costs at most `timeout` seconds."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    if len(page) > MAX_CHARS or page.count("<") > MAX_TAGS:
        return Guide(None, f"page too large for {NAME} (over {MAX_TAGS:,} tags)")
    box: list[str | BaseException] = []

    def work() -> None:
        try:
            box.append(_extract(page))
        except BaseException as exc:  # reported to the caller, who falls back: a library bug costs nothing
            box.append(exc)

    worker = threading.Thread(target=work, name="reader-main-text", daemon=True)
    worker.start()
    worker.join(timeout)
    if not box:
        return Guide(None, f"{NAME} took over {timeout:g} s")
    found = box[0]
    if isinstance(found, ImportError):
        return Guide(None, f"{NAME} is not installed")
    if isinstance(found, BaseException):
        return Guide(None, f"{NAME} failed ({type(found).__name__})")
    return Guide(found)


def main_text_guide(page: str, blocks: Sequence[str]) -> tuple[list[bool] | None, list[str]]:
    """Per block, whether the library's main text holds at least half its words; None (and why) when it cannot say."""
    if not blocks:
        return None, []
    found = library_main_text(page)
    if found.text is None:
        return None, [f"{found.problem}; main text chosen by reader's own rules"]
    if len(found.text) < MIN_GUIDE_CHARS:  # too little for the library to judge (it says so itself)
        return None, []
    hits = matched_words(blocks, found.text)
    if not any(hits):  # nothing it kept is among reader's blocks: no verdict
        return None, []
    return [2 * hit >= len(words(text)) > 0 for hit, text in zip(hits, blocks)], []
