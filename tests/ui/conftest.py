"""Qt tests on a qasync loop: the app's coroutines run while pytest-qt waits for signals.

The loop is created ``already_running`` for each test (pytest-qt runs Qt's event loop in
``waitUntil``/``waitSignal``). It is never ``stop()``-ed: that would call
``QApplication.exit()`` and every later wait would stop processing events. Teardown
cancels what is left, waits for it to end, then detaches and closes the loop.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from hubcall_desktop.sandbox.server import SandboxServer
from hubcall_desktop.secrets.errors import ACCESS_TOKEN_ENV
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.demo import demo_settings, start_sandbox
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.text.i18n import install_translations
from tests.conftest import SESSION_ENV
from tests.oauth_redirect import register_port

from ..services.memory_keyring import MemoryKeyring
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


@pytest.fixture
def secret_store() -> Iterator[SecretStore]:
    """The real Secret Service in the test session (its own service name), else in memory."""
    if os.environ.get(SESSION_ENV) != "1":
        yield SecretStore(backend=MemoryKeyring(), environ={})
        return
    service = f"hubcall-desktop-test-{uuid.uuid4().hex[:12]}"
    yield SecretStore(service, environ={})
    subprocess.run(["secret-tool", "clear", "service", service], check=False, timeout=20)


@pytest.fixture
def sandbox(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[SandboxServer]:
    server = run(qtbot, qloop, start_sandbox())
    yield server
    run(qtbot, qloop, server.stop())


@pytest.fixture
def browser_urls() -> list[str]:
    """The sign-in addresses the app asked a browser to open."""
    return []


@pytest.fixture
def oauth_app(
    tmp_path: Path,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    browser_urls: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[AppController]:
    """The whole app against the sandbox (not demo mode): its connection manager keeps
    secrets in ``secret_store``, and its "browser" follows the sign-in address itself."""
    monkeypatch.setattr("hubcall_desktop.ui.startup.boot.SecretStore", lambda **_: secret_store)
    monkeypatch.delenv(ACCESS_TOKEN_ENV, raising=False)
    settings = demo_settings("DE")
    settings.user_id, settings.oauth_client_id = None, SANDBOX_CLIENT_ID
    settings.setup_guide_done = True  # these tests connect from Settings, not the guide
    settings.oauth_redirect_port = run(qtbot, qloop, register_port(sandbox.base_url))
    app = make_controller(tmp_path, settings, demo=False, api_base=sandbox.base_url)
    app.tray = None

    async def follow(url: str) -> None:
        browser_urls.append(url)
        await consent_without_browser(url)

    app.dialogs.settings.open_browser = follow
    with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
        app.start()
    yield app
    run(qtbot, qloop, app.close_down(), timeout=10_000)
    app.window.deleteLater()
