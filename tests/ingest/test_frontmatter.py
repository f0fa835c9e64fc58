from __future__ import annotations

import pytest

from reader.ingest.frontmatter import FrontMatterError, find_front_matter, parse_front_matter


def parse(text: str) -> dict:
    block = find_front_matter(text)
    assert block is not None
    return parse_front_matter(text, block)


def test_yaml_and_body_offset() -> None:
    text = "---\ntitle: Hello\ntags: [a, b]\n---\nBody text.\n"
    block = find_front_matter(text)
    assert block is not None and text[block.end:] == "Body text.\n"
    assert parse(text) == {"title": "Hello", "tags": ["a", "b"]}


def test_toml_with_crlf() -> None:
    text = '+++\r\ntitle = "Hello"\r\ndate = 2024-03-01\r\n+++\r\nBody'
    block = find_front_matter(text)
    assert block is not None and text[block.end:] == "Body"
    data = parse(text)
    assert data["title"] == "Hello" and str(data["date"]) == "2024-03-01"


def test_no_front_matter() -> None:
    assert find_front_matter("Just text\n---\n") is None


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(FrontMatterError, match="never closed"):
        find_front_matter("---\ntitle: x\nand the body goes on\n")


def test_python_tags_are_refused_not_executed(tmp_path) -> None:
    marker = tmp_path / "pwned"
    text = f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n---\nBody\n"
    with pytest.raises(FrontMatterError, match="refused"):
        parse(text)
    assert not marker.exists()


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\nBody\n"
    with pytest.raises(FrontMatterError, match="aliases"):
        parse(text)


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(FrontMatterError, match="invalid YAML"):
        parse("---\ntitle: [unclosed\nother: 1\n---\nBody\n")


def test_front_matter_that_is_not_a_mapping() -> None:
    with pytest.raises(FrontMatterError, match="mapping"):
        parse("---\n- just\n- a list\n---\nBody\n")


def test_oversized_front_matter_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="larger"):
        parse("---\nx: '" + "a" * 300_000 + "'\n---\nBody\n")


def test_yes_no_on_off_are_words_not_booleans() -> None:
    """YAML 1.1 reads `title: On` and `source: No` as booleans, and the fields were lost."""
    from reader.bounded_data import load_yaml

    assert load_yaml("title: On\nsource: No\nflag: true\nother: False\n") == {
        "title": "On", "source": "No", "flag": True, "other": False}
