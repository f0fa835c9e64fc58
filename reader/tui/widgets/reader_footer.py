"""Textual's Footer without its slow leak of key widgets.

Footer recomposes its FooterKey widgets whenever the bindings change (every focus change, every
screen switch) and each new key data-binds `compact`, registering a watcher on the Footer; the
watchers of removed keys are only pruned when `compact` itself changes, which it never does here.
So every recompose kept ~10 dead widgets with their render caches alive (measured: 354 after 20
article opens), growing memory and the garbage collector's pauses. Pinned Textual (<9): revisit
when upgrading.
"""
from __future__ import annotations

from textual.widgets import Footer


class ReaderFooter(Footer):
    """A Footer that drops the watchers of key widgets it has removed."""

    async def recompose(self) -> None:
        await super().recompose()
        watchers = getattr(self, "__watchers", {}).get("compact")  # where Textual keeps watchers
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers if node.is_attached]
