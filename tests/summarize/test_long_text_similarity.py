"""A very long text is summarized without a sentence x sentence matrix, and exactly as the matrix would."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import reader.summarize.similarity as similarity
from reader.ingest import load_article
from reader.model import Article
from reader.summarize import summarize_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _articles() -> list[Article]:
    loaded = [load_article(p) for p in sorted(SEEDS.glob("0*"))]
    return [a for a in loaded if isinstance(a, Article) and len(a.sentences) > 5]


def test_the_centroid_degree_and_lazy_columns_equal_the_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [s.text for a in _articles() for s in a.sentences]
    dense = similarity.tfidf_similarity(texts, max_df_share=1.0, smooth=True)
    monkeypatch.setattr(similarity, "DENSE_SENTENCES", 10)
    sparse = similarity.tfidf_similarity(texts, max_df_share=1.0, smooth=True)
    assert dense.matrix is not None and sparse.matrix is None
    assert np.allclose(dense.degree(), sparse.degree(), atol=1e-5)
    for j in range(0, len(texts), 7):
        assert np.allclose(dense.column(j), sparse.column(j), atol=1e-6)


@pytest.mark.parametrize("words", [None, 60])
def test_summaries_are_the_same_without_the_matrix(monkeypatch: pytest.MonkeyPatch, words: int | None) -> None:
    articles = _articles()
    expected = [[item.text for item in summarize_article(a, "reader", 3, words)] for a in articles]
    monkeypatch.setattr(similarity, "DENSE_SENTENCES", 3)  # every seed article takes the long-text path
    assert [[item.text for item in summarize_article(a, "reader", 3, words)] for a in articles] == expected
