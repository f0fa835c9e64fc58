"""The Pilot helpers themselves: settle() returns once workers are done and fails loudly when they never are."""
from __future__ import annotations

import asyncio

import pytest
from textual.app import App
from textual.worker import Worker, WorkerState

from tui_helpers import settle


class OneWorker(App[None]):
    """Starts one worker that finishes and posts its result."""

    finished = 0

    def on_mount(self) -> None:
        self.run_worker(self.work, name="one")

    async def work(self) -> None:
        await asyncio.sleep(0)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS:
            self.finished += 1


class Respawning(OneWorker):
    """Every worker starts another as it ends: the workers never all finish."""

    async def work(self) -> None:
        await asyncio.sleep(0.05)
        self.run_worker(self.work, name="again")


class Stuck(OneWorker):
    """One worker that waits for an event nobody sets."""

    async def work(self) -> None:
        await asyncio.Event().wait()


async def test_settle_returns_after_the_worker_and_its_message() -> None:
    app = OneWorker()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.finished == 1
        assert not any(w.is_running for w in app.workers)


async def test_settle_fails_when_workers_keep_coming() -> None:
    app = Respawning()
    async with app.run_test() as pilot:
        with pytest.raises(AssertionError, match=r"still running after 20 rounds: \['again'\]"):
            await settle(pilot)


async def test_settle_fails_when_a_worker_never_finishes() -> None:
    app = Stuck()
    async with app.run_test() as pilot:
        with pytest.raises(AssertionError, match=r"still running after 0.2 s: \['one'\]"):
            await settle(pilot, timeout=0.2)
