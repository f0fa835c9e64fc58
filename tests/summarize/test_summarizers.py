"""The summarizer table: the same names in the same order as the light list, each with its paper and constants."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, SUMY_ALGORITHMS
from reader.summarize import reader_rank
from reader.summarize.summarizers import SUMMARIZERS, ReaderSummarizer, SumySummarizer

PROJECT = Path(__file__).resolve().parents[2]


def test_the_table_has_the_light_names_in_their_order() -> None:
    assert tuple(SUMMARIZERS) == ALGORITHMS
    assert next(iter(SUMMARIZERS)) == DEFAULT_ALGORITHM


def test_each_summarizer_is_filed_under_its_own_name_and_cites_a_paper() -> None:
    for key, summarizer in SUMMARIZERS.items():
        assert summarizer.name == key
        assert summarizer.paper.strip() and "\n" not in summarizer.paper
        assert isinstance(dict(summarizer.constants), dict)
    assert all(isinstance(SUMMARIZERS[name], SumySummarizer) for name in SUMY_ALGORITHMS)


def test_reader_constants_are_read_from_reader_rank() -> None:
    constants = ReaderSummarizer().constants
    assert constants["SAYS_AGAIN_SHARE"] == reader_rank.SAYS_AGAIN_SHARE == 0.5
    assert constants["MMR_LAMBDA"] == reader_rank.MMR_LAMBDA
    assert constants["POSITION_WEIGHT"] == reader_rank.POSITION_WEIGHT


def test_building_the_table_imports_no_sumy() -> None:
    code = ("import json, sys; import reader.summarize.summarizers; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'sumy')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []
