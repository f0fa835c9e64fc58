"""Find the bundled `seeds/` and `themes/` folders, from a source checkout or an installed wheel."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The bundled folder `name` ("seeds" or "themes"): installed copy first, then the checkout."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    return bundled("seeds")


def themes_dir() -> Path:
    return bundled("themes")
