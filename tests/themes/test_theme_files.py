"""Every shipped theme loads and keeps readable contrast; broken theme files are reported, not fatal."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.resources import themes_dir
from reader.theme_files import REQUIRED_VARIABLES, TEXTUAL_THEMES, load_theme_dirs, load_theme_file
from reader.tui.appearance import to_textual

SHIPPED = sorted(themes_dir().glob("*.toml"))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG 2 relative luminance of a #rgb / #rrggbb colour."""
    hex_digits = color.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    r, g, b = (int(hex_digits[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21; 4.5 is the minimum for body text."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_textual_theme_names_are_textuals_own() -> None:
    from textual.theme import BUILTIN_THEMES

    assert TEXTUAL_THEMES == tuple(BUILTIN_THEMES)


def test_four_kinds_are_shipped() -> None:
    names = {load_theme_file(p).name for p in SHIPPED}
    assert {"reader-dark", "reader-light", "reader-high-contrast", "reader-colorblind"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_theme_loads_and_defines_reader_colours(path: Path) -> None:
    spec = load_theme_file(path)
    assert set(REQUIRED_VARIABLES) <= set(spec.variables)
    theme = to_textual(spec)
    assert theme.name == spec.name and theme.variables["citation-highlight"] == spec.variables["citation-highlight"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_contrast_of_body_text_and_citation_highlight(path: Path) -> None:
    spec = load_theme_file(path)
    for background in ("background", "surface", "panel"):
        assert contrast_ratio(spec.colors["foreground"], spec.colors[background]) >= 4.5, background
    highlight = spec.variables["citation-highlight"]
    assert contrast_ratio(spec.variables["citation-highlight-foreground"], highlight) >= 4.5


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1.0)


def test_broken_theme_files_are_reported_and_others_load(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text('name = "mine"\nprimary = "#112233"\n')
    (tmp_path / "bad-toml.toml").write_text("name = \n")
    (tmp_path / "bad-colour.yaml").write_text("name: odd\nprimary: red-ish\n")
    (tmp_path / "no-name.toml").write_text('primary = "#112233"\n')
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n")
    specs, problems = load_theme_dirs([tmp_path])
    assert [s.name for s in specs] == ["mine"]
    assert len(problems) == 4
    assert all(str(tmp_path) in p for p in problems)
    assert any("invalid TOML" in p for p in problems) and any("colour" in p for p in problems)


def test_user_theme_replaces_shipped_by_name(tmp_path: Path) -> None:
    (tmp_path / "override.toml").write_text('name = "reader-dark"\nprimary = "#123456"\n')
    specs, problems = load_theme_dirs([themes_dir(), tmp_path])
    (dark,) = [s for s in specs if s.name == "reader-dark"]
    assert dark.colors["primary"] == "#123456" and not problems
