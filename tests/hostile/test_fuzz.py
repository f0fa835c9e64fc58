"""Property-based fuzzing, short profile (the long one: tests/benchmarks/bench_fuzz.py)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_properties import (article_holds, data_holds, decode_holds, path_holds, suffixes,  # type: ignore[import-not-found]
                             summary_holds, texts)

SHORT = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
                 database=None)  # the same cases every run, nothing written to the tree


@SHORT
@given(texts, suffixes)
def test_any_text_parses_into_sentences_inside_the_file(text: str, suffix: str) -> None:
    article_holds(text, suffix)


@SHORT
@given(texts, suffixes)
def test_any_article_summarizes_with_its_own_sentences(text: str, suffix: str) -> None:
    summary_holds(text, suffix)


@SHORT
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    decode_holds(data)


@SHORT
@given(texts)
def test_any_yaml_or_toml_loads_or_is_refused(text: str) -> None:
    data_holds(text)


@SHORT
@given(st.text())
def test_any_path_prints(path: str) -> None:
    path_holds(path)
