"""Everything outside reader/tui imports without Textual, and the one-shot commands run without it.

Checked in fresh interpreters, by what is in sys.modules: the static contracts in pyproject.toml
(tests/test_layers.py) cannot see an import that happens only when a command runs.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).resolve().parent
PROJECT = Path(__file__).resolve().parents[1]


def modules_outside_tui() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[1:2] == ("tui",):
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def run_fresh(code: str) -> list[str]:
    """Run `code` in a new interpreter; it prints a JSON list of what pulled Textual in."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_module_list_covers_the_core() -> None:
    names = modules_outside_tui()
    assert {"reader", "reader.cli", "reader.__main__", "reader.lines", "reader.ingest.loader",
            "reader.commands.themes_command"} <= set(names)
    assert not any(name.startswith("reader.tui") for name in names)


def test_no_module_outside_the_tui_imports_textual() -> None:
    # One interpreter, checked after each import: the first module that pulls Textual in is named.
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules_outside_tui()!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print(json.dumps([name]))\n"
        "        break\n"
        "else:\n"
        "    print('[]')\n"
    )
    assert run_fresh(code) == []


def test_themes_config_and_list_run_without_textual() -> None:
    seeds = str(PROJECT / "seeds")
    code = (
        "import contextlib, io, json, sys\n"
        "from reader.cli import main\n"
        "pulled = []\n"
        f"for args in (['themes'], ['themes', '--format', 'json'], ['config'], ['list', {seeds!r}]):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        assert main(args) == 0, args\n"
        "    if 'textual' in sys.modules:\n"
        "        pulled.append(' '.join(args))\n"
        "        break\n"
        "print(json.dumps(pulled))\n"
    )
    assert run_fresh(code) == []


def test_summarizing_plain_text_loads_no_page_reader(tmp_path: Path) -> None:
    # Every file is sniffed for HTML; the page reader (html.parser, trafilatura's glue) is ~50 ms of
    # start-up that a plain-text article must not pay (issue 10: cold summarize). A page still loads it.
    plain = tmp_path / "story.txt"
    plain.write_text("Council votes on the budget\n\nThe council approved the budget on Tuesday. It passed 9-4.\n")
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Budget</h1><p>The council approved the budget on Tuesday.</p></body></html>")
    code = (
        "import contextlib, io, json, os, sys\n"
        f"os.environ['READER_HOME'] = {str(tmp_path / 'home')!r}\n"
        "from reader.cli import main\n"
        "loaded = []\n"
        f"for path in ({str(plain)!r}, {str(page)!r}):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        assert main(['summarize', path]) == 0, path\n"
        "    loaded.append('reader.ingest.html_page' in sys.modules)\n"
        "print(json.dumps(loaded))\n"
    )
    assert run_fresh(code) == [False, True]
