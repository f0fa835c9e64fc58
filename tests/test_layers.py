"""The layer contracts in pyproject.toml ([tool.importlinter]) hold: imports point down, only the TUI imports Textual."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def lint_imports() -> list[str]:
    beside = Path(sys.executable).parent / "lint-imports"
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert found, "lint-imports is missing: install the test extra (pip install -e '.[test]')"
    return [found]


def test_import_contracts_are_kept() -> None:
    done = subprocess.run([*lint_imports(), "--no-cache", "--config", str(PROJECT / "pyproject.toml")],
                          capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout
