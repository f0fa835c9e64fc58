"""A bug in one of reader's handlers costs that one event, not the session.

Textual stops a widget's whole message loop when one of its handlers raises, and ends the app:
every later message to that widget would be lost. `contained` wraps each of reader's handlers
(`on_*`, `@on(...)`, `watch_*`, timer callbacks) so that a bug in one becomes a notification and a
traceback in a crash log, and the widget goes on answering. Bugs outside reader's handlers (in
Textual's rendering, in compose) still end the app with one line naming the log.
"""
from __future__ import annotations

import functools
import inspect
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from textual.dom import DOMNode

from reader.output.sanitize import one_line

Handler = TypeVar("Handler", bound=Callable[..., Any])

CONTAINED_MARK = "_reader_contained"  # set on every wrapped handler, so a test can find one left bare


def write_crash_log(text: str) -> Path | None:
    """The traceback in `<state dir>/crash-<time>.log`; None when it cannot be written."""
    from reader.paths import state_dir

    try:
        folder = state_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        for n in range(100):  # two bugs in one second each get their own log
            path = folder / (f"{stem}.log" if n == 0 else f"{stem}-{n}.log")
            try:
                with path.open("x", encoding="utf-8", errors="backslashreplace") as log:
                    log.write(text)
                return path
            except FileExistsError:
                continue
        return None
    except OSError:
        return None


def report_bug(node: DOMNode, error: BaseException, what: str) -> None:
    """Log the traceback and tell the user in one notification what failed and where the log is.

    Once the app is ending after a bug elsewhere (`crashed`), a handler failing is a consequence of
    that bug (a screen whose compose failed has none of its widgets): the first one is what the log says.
    """
    if getattr(node.app, "crashed", False):
        return
    where = write_crash_log("".join(traceback.format_exception(error)))
    detail = f" (details in {where})" if where is not None else ""
    node.app.notify(one_line(f"{type(error).__name__}: {error}") + detail, title=f"{what} failed",
                    severity="error", timeout=10, markup=False)


def _label(handler: Callable[..., Any]) -> str:
    """`filter_changed` → `filter changed`: the notification's title names the handler in words."""
    return handler.__name__.removeprefix("on_").removeprefix("watch_").strip("_").replace("_", " ") or "handler"


def contained(handler: Handler) -> Handler:
    """Wrap a handler method so that an exception in it is reported (see module doc) instead of raised.

    The wrapper keeps the handler's signature (`functools.wraps`), so Textual still passes the
    message only to handlers that take it, and the `@on` selectors stay attached.
    """
    what = _label(handler)
    if inspect.iscoroutinefunction(handler):
        @functools.wraps(handler)
        async def run_async(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            try:
                return await handler(self, *args, **kwargs)
            except Exception as error:  # reported, never hidden: notification plus crash log
                report_bug(self, error, what)
                return None
        wrapped: Any = run_async
    else:
        @functools.wraps(handler)
        def run(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            try:
                return handler(self, *args, **kwargs)
            except Exception as error:  # reported, never hidden: notification plus crash log
                report_bug(self, error, what)
                return None
        wrapped = run
    setattr(wrapped, CONTAINED_MARK, True)
    return wrapped
