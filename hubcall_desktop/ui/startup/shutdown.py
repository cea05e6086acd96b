"""How the app stops, whatever stops it: the close-down (webhook stopped, journal closed)
always runs to its end, and nothing but one sentence reaches stderr.

The ways an app ends: its own Quit, SIGTERM (logout, ``kill``), SIGINT (Ctrl+C), SIGHUP
(the terminal or the login session went away), Qt asked to quit (the session manager's
"die" becomes a Quit event: :class:`Application`), and the display going away (the X
server stopped).

The last one is the awkward one. Qt's xcb plugin, once the X connection is broken,
warns "The X11 connection broke …" and asks the event loop to exit with code 1 on every
pass of its dispatcher from then on (seen on PySide6 6.11; the process goes on). qasync
runs asyncio inside Qt's loop, so ``run_until_complete(close_down())`` then stops after
one pass ("Event loop stopped before Future completed") and the journal is never
closed. :func:`close_down_fully` therefore runs the loop pass after pass until the
close-down has finished, and :class:`DisplayWatch` turns the repeated warning into one
logged sentence.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # asyncio is not loaded before the first paint; Application is
    import asyncio

logger = logging.getLogger(__name__)

# SIGHUP: a terminal closed or a login session ended under the app; it is a request to
# stop like the others, not a reason to die without closing the journal.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# How long the close-down may take once Qt can no longer run its loop (lost display):
# the journal closes in milliseconds; the webhook waits for requests in flight.
CLOSE_DOWN_LIMIT_S = 30.0
# Between two passes of a loop that Qt leaves at once, so waiting is not a busy spin.
PASS_PAUSE_S = 0.005
BROKEN_DISPLAY = "The X11 connection broke"  # Qt's xcb plugin, qxcbconnection.cpp


class Application(QApplication):
    """The QApplication, with Qt's own requests to quit routed to the app's close-down.

    Qt turns the session manager's "die" (and macOS's Quit menu, and ``quit()``) into a
    Quit event, which by default asks every window to close first; the main window only
    hides to the tray, so the quit would be refused and the session would end with the
    app still running. ``on_quit`` runs the close-down instead, which ends the loop."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.on_quit: Callable[[], None] | None = None

    def event(self, event: QEvent) -> bool:
        # Only events sent to the application object itself come here: a handful per run.
        if event.type() == QEvent.Type.Quit and self.on_quit is not None:
            logger.info("asked to quit by the system")
            self.on_quit()
            return True
        return super().event(event)


class DisplayWatch:
    """Notices the display going away (Qt's xcb warning) and says so once, in the log;
    every other Qt message goes out as Qt itself would print it."""

    def __init__(self) -> None:
        self.lost = False
        self._installed = False

    def install(self) -> None:
        # Qt keeps the previous handler only to return it; PySide cannot chain to Qt's
        # default one, so other messages are formatted as the default handler does.
        qInstallMessageHandler(self.handle)
        self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            qInstallMessageHandler(None)
            self._installed = False

    def handle(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(BROKEN_DISPLAY):
            if not self.lost:
                self.lost = True
                logger.debug("Qt: %s", message)
                logger.warning(
                    "the display went away; closing down (every call received so far is "
                    "kept in the journal)"
                )
            return
        print(qFormatLogMessage(mode, context, message), file=sys.stderr, flush=True)


def add_stop_signals(loop: asyncio.AbstractEventLoop, stop: Callable[[], None]) -> None:
    """``stop`` on SIGINT, SIGTERM and SIGHUP, run by the loop (not inside the handler)."""
    for number in STOP_SIGNALS:
        # Windows' loops have no signal handlers; Ctrl+C ends the app there as it always did.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, stop)


def close_down_fully(
    loop: asyncio.AbstractEventLoop,
    close_down: Callable[[], Awaitable[None]],
    *,
    limit_s: float = CLOSE_DOWN_LIMIT_S,
) -> bool:
    """Run ``close_down`` on ``loop`` (not running) to its end, however often Qt leaves its
    loop in between. Returns whether it finished within ``limit_s``; its errors are logged."""
    import asyncio

    finished = asyncio.ensure_future(_logged(close_down), loop=loop)
    # Not run_until_complete: after Qt's loop ends, qasync processes events once more with
    # no running asyncio loop, where coroutine steps fail with "no running event loop".
    finished.add_done_callback(lambda _: loop.stop())
    deadline = time.monotonic() + limit_s
    while not finished.done():
        if time.monotonic() > deadline:
            logger.error("the close-down did not finish within %.0f s; quitting anyway", limit_s)
            finished.cancel()
            return False
        started = time.monotonic()
        loop.run_forever()
        if not finished.done() and time.monotonic() - started < PASS_PAUSE_S:
            time.sleep(PASS_PAUSE_S)  # Qt left at once: the display is gone
    return True


async def _logged(close_down: Callable[[], Awaitable[None]]) -> None:
    try:
        await close_down()
    except Exception:  # a bug in one step must not hide the rest of the exit
        logger.exception("the close-down failed")
