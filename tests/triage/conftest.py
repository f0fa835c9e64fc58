"""A store in the private (temporary) state dir that READER_HOME points at."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.triage import TriageStore


@pytest.fixture
def store() -> Iterator[TriageStore]:
    with TriageStore.open() as opened:
        yield opened
