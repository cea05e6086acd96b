"""At start-up, in the background once the window is up, the app asks HubSpot whether it
takes the token, so the status bar tells the truth before the first call rings."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.desk_types import TokenState
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from hubcall_desktop.sandbox.seed import DEMO_TOKEN
from hubcall_desktop.sandbox.server import SandboxServer
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import ACCESS_TOKEN_ENV
from hubcall_desktop.secrets.oauth_config import METADATA_FILE, MetadataFile
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.presenters.controller import AppController
from tests.oauth_redirect import register_port

from .ui_helpers import WAIT_MS, make_controller, run, tooltip_text


@pytest.fixture
def start_app(
    tmp_path: Path,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[list[AppController]]:
    """Starts the app (not demo mode) against the sandbox, with ``secret_store`` as the
    keyring; the test saves a token there first, or not."""
    monkeypatch.setattr("hubcall_desktop.ui.startup.boot.SecretStore", lambda **_: secret_store)
    monkeypatch.delenv(ACCESS_TOKEN_ENV, raising=False)
    started: list[AppController] = []
    yield started
    for app in started:
        run(qtbot, qloop, app.close_down(), timeout=10_000)
        app.window.deleteLater()


def _start(
    qtbot: QtBot,
    tmp_path: Path,
    base_url: str,
    started: list[AppController],
    account: tuple[int, str] | None = None,
) -> AppController:
    settings = demo_settings("DE")
    settings.portal_id = None  # as on a first start: the check learns it
    if account is not None:  # learnt before (Settings, a sign-in)
        settings.portal_id, settings.ui_domain = account
    settings.oauth_client_id = SANDBOX_CLIENT_ID
    app = make_controller(tmp_path, settings, demo=False, api_base=base_url)
    app.tray = None
    started.append(app)
    with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
        app.start()
    return app


def test_a_working_token_shows_as_ok_before_any_call(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    start_app: list[AppController],
) -> None:
    secret_store.set_access_token(DEMO_TOKEN)
    app = _start(qtbot, tmp_path, sandbox.base_url, start_app)
    window = app.window
    qtbot.waitUntil(lambda: window.token_label.text() == "Token OK", timeout=WAIT_MS)
    assert window.hubspot_label.text() == "HubSpot reachable"
    assert app.settings.portal_id is not None and app.settings.ui_domain  # for record links
    assert sandbox.accepted_bodies() == []  # no call was made up to find out


def test_an_account_learnt_before_is_kept_by_the_start_check(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    start_app: list[AppController],
) -> None:
    secret_store.set_access_token(DEMO_TOKEN)
    known = (4242, "app-eu1.hubspot.com")  # not the sandbox's
    app = _start(qtbot, tmp_path, sandbox.base_url, start_app, account=known)
    qtbot.waitUntil(lambda: app.window.token_label.text() == "Token OK", timeout=WAIT_MS)
    assert (app.settings.portal_id, app.settings.ui_domain) == known


def test_a_refused_token_shows_as_refused(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    start_app: list[AppController],
) -> None:
    secret_store.set_access_token("pat-na1-00000000-0000-0000-0000-000000000000")
    app = _start(qtbot, tmp_path, sandbox.base_url, start_app)
    qtbot.waitUntil(lambda: app.window.token_label.text() == "Token refused", timeout=WAIT_MS)
    desk = app.desk
    assert desk is not None and desk.current_status().token is TokenState.REFUSED
    assert "HubSpot" in tooltip_text(app.window.token_label)


def test_no_connection_says_so_without_asking_hubspot(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer, start_app: list[AppController]
) -> None:
    app = _start(qtbot, tmp_path, sandbox.base_url, start_app)
    qtbot.waitUntil(lambda: app.window.token_label.text() == "No token", timeout=WAIT_MS)
    assert app.window.hubspot_label.text() == "HubSpot: not contacted yet"


def test_an_oauth_connection_without_the_call_scope_is_flagged_at_start(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    start_app: list[AppController],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Connected, but HubSpot would refuse every look-up: said before any call rings."""
    (tmp_path / "data").mkdir()
    earlier = ConnectionManager(  # an earlier session connected with too few scopes
        AsyncSecretStore(secret_store),
        MetadataFile(tmp_path / "data" / METADATA_FILE),
        api_base=sandbox.base_url,
        client_id=SANDBOX_CLIENT_ID,
        redirect_port=run(qtbot, qloop, register_port(sandbox.base_url)),
        environ={},
    )
    run(
        qtbot,
        qloop,
        earlier.connect_oauth(scopes=("oauth",), open_browser=consent_without_browser, timeout=10),
    )
    run(qtbot, qloop, earlier.aclose())
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "hubcall_desktop.ui.desktop.notifications.Notifier.notify",
        lambda _self, title, body, *_args, **_kwargs: told.append((title, body)),
    )
    app = _start(qtbot, tmp_path, sandbox.base_url, start_app)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert told[0][0] == "HubSpot connection lacks a scope"
    assert "crm.objects.contacts.write" in told[0][1]
    assert "crm.objects.contacts.write" in app.window.statusBar().currentMessage()


def test_a_locked_keyring_at_start_is_said_in_the_status_bar(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    start_app: list[AppController],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from keyring.errors import KeyringLocked

    from ..services.memory_keyring import MemoryKeyring

    class Locked(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("the login keyring is locked")

    locked = SecretStore(backend=Locked(), environ={})
    monkeypatch.setattr("hubcall_desktop.ui.startup.boot.SecretStore", lambda **_: locked)
    app = _start(qtbot, tmp_path, sandbox.base_url, start_app)
    qtbot.waitUntil(lambda: app.window.token_label.text() == "No token", timeout=WAIT_MS)
    assert "keyring is locked" in tooltip_text(app.window.token_label)
    assert app.window.isVisible()
