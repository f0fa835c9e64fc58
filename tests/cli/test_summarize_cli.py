"""`reader summarize` through its entry point: formats, citations for every algorithm, exit codes, hygiene."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.algorithms import ALGORITHMS
from reader.cli import main

PROJECT = Path(__file__).resolve().parents[2]


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_citations_hold_for_every_algorithm(algorithm: str, capsys, monkeypatch, shared_seeds: Path,
                                            check_citations) -> None:
    for folder, cwd in ((Path("seeds"), shared_seeds.parent), (Path("seeds"), PROJECT)):
        monkeypatch.chdir(cwd)
        for mode in ((), ("--story",)):
            code, out, err = run_main(capsys, "summarize", "--format", "json", "--algorithm", algorithm, *mode, str(folder))
            assert code == 0, err
            doc = json.loads(out)
            if mode:
                assert doc["story"]["summary"] and doc["articles"] == []
            else:
                assert len(doc["articles"]) >= 5 and doc["story"] is None
                assert all(a["summary"] for a in doc["articles"])
            ok, summary = check_citations(out, base=cwd)
            assert ok, (algorithm, mode, cwd, summary)


def test_json_shape_and_relative_paths(capsys, monkeypatch) -> None:
    monkeypatch.chdir(PROJECT)
    code, out, _ = run_main(capsys, "summarize", "--format", "json", "-n", "2", "seeds/01-bellhaven-courier.txt")
    doc = json.loads(out)
    assert code == 0 and set(doc) >= {"articles", "story", "errors"}
    (article,) = doc["articles"]
    assert set(article) >= {"path", "title", "date", "source", "url", "warnings", "summary"}
    assert article["path"] == "seeds/01-bellhaven-courier.txt"
    assert len(article["summary"]) == 2
    for item in article["summary"]:
        assert set(item) >= {"text", "citations", "score"}
        assert item["citations"][0]["path"] == "seeds/01-bellhaven-courier.txt"


def test_story_items_carry_corroborating_citations(capsys, monkeypatch) -> None:
    monkeypatch.chdir(PROJECT)
    code, out, err = run_main(capsys, "summarize", "--story", "--format", "json", "seeds")
    assert code == 0, err
    items = json.loads(out)["story"]["summary"]
    assert max(len(i["citations"]) for i in items) >= 3
    twice_in_one_file = False
    for item in items:
        places = [(c["path"], c["line_start"], c["line_end"]) for c in item["citations"]]
        assert len(places) == len(set(places)), places  # no place is cited twice
        # Every corroborating citation is a place the item lists as cited, and the other way round.
        cited = {(r["path"], r["line_start"], r["line_end"]) for r in item["reported_by"] if r["cited"]}
        assert set(places[1:]) == cited, (places, cited)
        paths = [path for path, _, _ in places]
        twice_in_one_file |= len(paths) > len(set(paths))
    # seeds/05 glues three wire copies into one file: two copies of one fact are two places in it.
    assert twice_in_one_file


def test_markdown_has_footnotes(capsys, monkeypatch) -> None:
    monkeypatch.chdir(PROJECT)
    code, out, _ = run_main(capsys, "summarize", "--format", "markdown", "--story", "seeds")
    assert code == 0
    assert "## Story summary" in out
    assert "[^1]" in out and "\n[^1]: `0" in out  # seeds/0…: below the folder the files share
    assert "`seeds/" not in out


SIX_WORD_SENTENCES = [
    "Harbour ferries stopped running on Monday.", "Engineers found cracks in the pier.",
    "Commuters crowded onto the coastal buses.", "Shops near the terminal closed early.",
    "The mayor promised repairs by spring.", "Unions asked for temporary bus lanes.",
]


def test_words_option_limits_length(capsys, tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry service halted\n\n" + " ".join(SIX_WORD_SENTENCES) + "\n", encoding="utf-8")
    for options in (("--words", "20"), ("-n", "1", "--words", "20")):  # --words wins over -n for an article
        code, out, err = run_main(capsys, "summarize", "--format", "json", *options, str(path))
        assert code == 0, err
        summary = json.loads(out)["articles"][0]["summary"]
        used = sum(len(i["text"].split()) for i in summary)
        assert len(summary) == 3 and used == 18, (options, summary)  # three six-word sentences fit in 20, four do not


@pytest.mark.parametrize("words", [5, 12, 20, 35, 60])
def test_words_is_a_hard_limit(run_reader, words: int) -> None:
    result = run_reader("summarize", "--format", "json", "--words", str(words), "seeds")
    assert result.code == 0, result.err
    articles = result.json()["articles"]  # type: ignore[index]
    used = [sum(len(i["text"].split()) for i in a["summary"]) for a in articles]
    assert used and max(used) <= words, used
    if words >= 35:
        assert min(used) > 0  # a budget every article has a sentence for is not left empty


def test_a_word_limit_below_every_sentence_says_so(run_reader) -> None:
    result = run_reader("summarize", "--words", "5", "seeds/01-bellhaven-courier.txt")
    assert result.code == 0
    assert "(no summary: no sentence fits in 5 words)" in result.out
    assert result.err == "reader: seeds/01-bellhaven-courier.txt: no sentence fits in 5 words\n"
    one = run_reader("summarize", "--words", "1", "--story", "seeds")
    assert "0 of 1 word ·" in one.out and "no sentence fits in 1 word)" in one.out


def test_piped_text_has_no_escape_codes_and_cites_file_lines(run_reader) -> None:
    result = run_reader("summarize", "--story", "seeds")
    assert result.code == 0
    assert "\x1b" not in result.out
    assert "outlets" in result.out and ".txt:" in result.out
    assert result.out.startswith("Story summary · ") and " of 160 words · " in result.out.splitlines()[0]


def test_exit_codes(run_reader, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("The vote passed on Monday night. Officials cheered the result.\n")
    result = run_reader("summarize", "--format", "json", str(tmp_path))
    assert result.code == 1
    doc = json.loads(result.out)
    assert doc["errors"] == [{"path": str(tmp_path / "empty.txt"), "error": "empty file"}]
    assert len(doc["articles"]) == 1
    assert run_reader("summarize", "--algorithm", "nope", str(tmp_path)).code == 2
    assert run_reader("summarize", "-n", "0", str(tmp_path)).code == 2


def test_summarize_never_imports_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['summarize', '--story', '--format', 'json', {str(PROJECT / 'seeds')!r}])\n"
        "    main(['show', '--format', 'json', " + repr(str(PROJECT / "seeds" / "01-bellhaven-courier.txt")) + "])\n"
        "    main(['list', " + repr(str(PROJECT / "seeds")) + "])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "print('clean')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT)
    assert done.stdout.strip() == "clean", done.stderr


def test_installed_copy_finds_seeds_from_any_directory(run_reader, tmp_path: Path) -> None:
    result = run_reader("list", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    assert len(result.json()) >= 8
