"""`reader show` through the installed entry point, with real files."""
from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def test_show_json_shape_and_citations(run_reader, shared_seeds: Path, check_citations) -> None:
    for path in sorted(shared_seeds.iterdir()):
        result = run_reader("show", "--format", "json", str(path))
        assert result.code == 0, result.err
        doc = result.json()
        for key in ("path", "title", "date", "source", "url", "topics", "excerpt", "related", "encoding",
                    "warnings", "sentences", "removed", "segments"):
            assert key in doc
        assert doc["path"] == str(path)
        ok, summary = check_citations(result.out)
        assert ok, summary


def test_show_json_on_every_bundled_seed(run_reader, check_citations) -> None:
    seeds = sorted((PROJECT / "seeds").iterdir())
    assert len(seeds) >= 8
    for path in seeds:
        result = run_reader("show", "--format", "json", f"seeds/{path.name}")
        assert result.code == 0, (path, result.err)
        assert result.json()["sentences"], path
        ok, summary = check_citations(result.out)
        assert ok, (path, summary)


def test_show_text_numbers_lines_and_marks_removed(run_reader, shared_seeds: Path) -> None:
    (path,) = shared_seeds.glob("002_*.txt")
    result = run_reader("show", str(path))
    assert result.code == 0
    assert "\x1b[" not in result.out  # piped: plain text
    lines = result.out.splitlines()
    assert any(line.startswith(" 1 │ Amazon has agreed to pay") for line in lines)
    (ad,) = [line for line in lines if "Thank you!" in line]
    assert ad.startswith("19 ┊ ") and ad.rstrip().endswith("]")  # marked removed, with its reason


def test_untrusted_text_is_inert(run_reader, tmp_path: Path) -> None:
    evil = tmp_path / "evil.md"
    evil.write_text("---\ntitle: \"Bad \\e[31mred\\e[0m [bold]x[/bold]\"\n---\nHello \x1b]0;pwned\x07 there [link=x]y[/link].\n")
    result = run_reader("show", str(evil))
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "[bold]x[/bold]" in result.out and "[link=x]y[/link]" in result.out
    assert "^[" in result.out
    doc = run_reader("show", "--format", "json", str(evil))
    assert "\x1b" not in doc.out and json.loads(doc.out)["sentences"]


def test_usage_error_exits_2(run_reader) -> None:
    assert run_reader("show").code == 2
    assert run_reader("show", "--format", "yaml", "x").code == 2


def test_help_and_version(run_reader) -> None:
    result = run_reader("--help")
    assert result.code == 0, result.err
    for command in ("show", "summarize", "list", "mark", "themes", "config"):
        assert command in result.out, command
    version = run_reader("--version")
    assert version.code == 0 and version.out == f"reader {metadata.version('reader')}\n"


def test_piping_into_head_stops_quietly(tmp_path: Path) -> None:
    import shlex
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "reader"
    command = shlex.quote(str(exe)) if exe.exists() else f"{shlex.quote(sys.executable)} -m reader"
    many = tmp_path / "many"
    many.mkdir()
    text = (PROJECT / "seeds" / "01-bellhaven-courier.txt").read_bytes()
    for n in range(300):  # far more output than a pipe buffer holds, so head really closes it early
        (many / f"{n:03}.txt").write_bytes(text)
    for args in (f"summarize {many}", f"show {many}/000.txt {many}/001.txt {many}/002.txt", f"list {many}"):
        done = subprocess.run(["bash", "-c", f"set -o pipefail; {command} {args} | head -1"], cwd=PROJECT,
                              capture_output=True, text=True, env={**__import__("os").environ, "READER_HOME": str(tmp_path)})
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stdout.splitlines()) == 1
