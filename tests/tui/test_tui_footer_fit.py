"""The footer fits its keys once they are laid out, and then stops: no busy loop after a dialog.

A footer recomposed while its screen was under a dialog used to ask to be measured again after
every refresh, forever, once the dialog had closed: the app was never idle again.
"""
from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from reader.tui.app import make_app
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.widgets import reader_footer
from reader.tui.widgets.reader_footer import ReaderFooter
from tui_helpers import SEEDS, settle


@pytest.mark.parametrize("size", [(140, 40), (80, 24)])
async def test_after_the_tag_dialog_the_footer_fits_and_goes_quiet(size: tuple[int, int],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fits: list[int] = []
    fit = ReaderFooter._fit

    def counted(self: ReaderFooter) -> None:
        fits.append(1)
        fit(self)

    monkeypatch.setattr(reader_footer.ReaderFooter, "_fit", counted)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        fits.clear()
        await pilot.press("r")  # a triage key changes the library's bindings, so its footer recomposes
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"local", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.pause(0.5)
        # a fit per recompose and resize, and a few while keys wait to be laid out; not one per frame
        assert len(fits) < 50, f"the footer fitted {len(fits)} times for one dialog"
        footer = app.screen.query_one(ReaderFooter)
        shown = [key for key in footer.query(FooterKey) if key.display]
        assert all(key.outer_size.width > 0 for key in shown)  # every key shown was laid out
        labels = " ".join(f"{key.key_display} {key.description}" for key in shown)
        assert "Quit" in labels and "Keys" in labels
        right = max(key.region.right for key in shown)
        assert right <= size[0]  # none cut off at the edge
