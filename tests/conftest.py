"""Shared fixtures: the real-world seeds beside the project, the CLI run as a user runs it, a private state dir."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the developer's own state and config out of every test."""
    home = tmp_path_factory.mktemp("reader-home")
    monkeypatch.setenv("READER_HOME", str(home))
    return home


@pytest.fixture
def shared_seeds() -> Path:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not present")
    return folder


@pytest.fixture
def checker() -> Path:
    tool = SHARED / "tools" / "check_citations.py"
    if not tool.is_file():
        pytest.skip("../shared/tools/check_citations.py is not present")
    return tool


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


def _command() -> list[str]:
    exe = Path(sys.executable).parent / "reader"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("reader")
    return [found] if found else [sys.executable, "-m", "reader"]


@pytest.fixture
def run_reader(private_home: Path):
    """Run the installed `reader` entry point in a subprocess, as a user would (stdout piped)."""

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120) -> Result:
        full_env = {**os.environ, "READER_HOME": str(private_home), **(env or {})}
        done = subprocess.run(
            [*_command(), *args], cwd=cwd or PROJECT, env=full_env, capture_output=True,
            text=True, encoding="utf-8", errors="replace", timeout=timeout, stdin=subprocess.DEVNULL,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def check_citations(checker: Path):
    """Run ../shared/tools/check_citations.py on a JSON document; returns (ok, last line)."""

    def check(output: str, base: Path = PROJECT) -> tuple[bool, str]:
        done = subprocess.run(
            [sys.executable, str(checker), "--base", str(base)], input=output, capture_output=True, text=True,
        )
        return done.returncode == 0, done.stdout

    return check
