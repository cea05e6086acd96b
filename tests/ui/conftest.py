"""Qt tests on a qasync loop: the app's coroutines run while pytest-qt waits for signals.

The loop is created ``already_running`` for each test (pytest-qt runs Qt's event loop in
``waitUntil``/``waitSignal``). It is never ``stop()``-ed: that would call
``QApplication.exit()`` and every later wait would stop processing events. Teardown
cancels what is left, waits for it to end, then detaches and closes the loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.ui.controller import AppController
from hubcall_desktop.ui.i18n import install_translations

from .ui_helpers import WAIT_MS, make_controller, run


@pytest.fixture(scope="session", autouse=True)
def _english(qapp: QApplication) -> None:
    """The app's own English file (plural forms), as the app installs it."""
    install_translations(qapp, "en")


@pytest.fixture
def qloop(qapp: QApplication, qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=WAIT_MS)
    asyncio.events._set_running_loop(None)
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]  # not stop(): see above
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def controller(
    tmp_path: Path, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> Iterator[AppController]:
    """The whole app in demo mode (sandbox in-process), booted, with no tray and no D-Bus."""
    app = make_controller(tmp_path)
    app.tray = None  # offscreen has no tray anyway; be explicit
    with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
        app.start()
    yield app
    run(qtbot, qloop, app.close_down(), timeout=10_000)
    app.window.deleteLater()
