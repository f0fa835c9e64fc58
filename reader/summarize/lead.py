"""Lead: the first sentences of the article, the classic news baseline."""
from __future__ import annotations

from collections.abc import Sequence

from reader.summarize.units import Unit


def lead_scores(units: Sequence[Unit]) -> list[float]:
    """Earlier is better: 1.0 for the lead sentence, falling with position."""
    return [1.0 / (1 + u.position) for u in units]
