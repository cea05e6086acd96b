"""The settings' Connection section against the sandbox: connect with OAuth (the browser
played by a client that follows the sign-in address), cancel while waiting, log out,
switch portals, demo mode; and never a secret in any text the window shows."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.connection_types import (
    ConnectionKind,
    ConnectionSnapshot,
    ConnectionStatus,
)
from hubcall_desktop.core.desk_types import TokenState
from hubcall_desktop.core.oauth import OAuthMetadata
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_SECRET, SANDBOX_USER, SANDBOX_USER_ID
from hubcall_desktop.sandbox.seed import SANDBOX_PORTAL_ID
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.secrets.store import (
    OAUTH_CLIENT_SECRET,
    SecretStore,
    access_token_entry,
    refresh_token_entry,
)
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.widgets.hubspot_page import HubSpotPage
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

from .ui_helpers import WAIT_MS, run

UI_DOMAIN = "app-eu1.hubspot.com"


def _settings_file(app: AppController) -> dict[str, object]:
    path = app.paths.settings
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def _connection(app: AppController) -> ConnectionManager:
    connection = app.boot.connection
    assert connection is not None
    return connection


def widget_texts(root: QWidget) -> str:
    """Every text a person could see or a screen reader could read, in all children."""
    parts: list[str] = []
    for widget in (root, *root.findChildren(QWidget)):
        for name in ("text", "title", "toolTip", "placeholderText", "windowTitle", "currentText"):
            getter = getattr(widget, name, None)
            value = getter() if callable(getter) else None
            if isinstance(value, str):
                parts.append(value)
        parts.append(widget.accessibleName())
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
    return "\n".join(parts)


def _connect(qtbot: QtBot, app: AppController) -> SettingsDialog:
    dialog = app.dialogs.open_settings()
    page = dialog.hubspot
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Signed in as" in page.oauth_message.text(), timeout=WAIT_MS)
    return dialog


async def _accepts(port: int) -> bool:
    try:
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True


def test_connect_with_oauth_from_the_settings(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    oauth_app: AppController,
    secret_store: SecretStore,
    browser_urls: list[str],
) -> None:
    dialog = oauth_app.dialogs.open_settings()
    page = dialog.hubspot
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    assert not page.logout_button.isEnabled()
    assert dialog.user_id.text() == ""
    page.client_secret.setText(SANDBOX_CLIENT_SECRET)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Signed in as" in page.oauth_message.text(), timeout=WAIT_MS)

    assert len(browser_urls) == 1 and "/oauth/authorize?" in browser_urls[0]
    assert page.oauth_message.text() == (
        f"Signed in as {SANDBOX_USER} to portal {SANDBOX_PORTAL_ID}."
    )
    assert page.state.text() == (
        f"Connected with OAuth as {SANDBOX_USER} (portal {SANDBOX_PORTAL_ID}), scopes: oauth, "
        "crm.objects.contacts.write. The access token is renewed automatically."
    )
    assert page.scope_warning.text() == ""
    assert page.logout_button.isEnabled() and page.cancel_button.isHidden()
    assert secret_store.get(refresh_token_entry()) is not None
    assert secret_store.get(OAUTH_CLIENT_SECRET) == Secret(SANDBOX_CLIENT_SECRET)
    assert page.client_secret.text() == ""
    # Who signed in is applied at once and saved: the account, and the agent's user id.
    assert page.portal.text() == str(SANDBOX_PORTAL_ID) and page.ui_domain.text() == UI_DOMAIN
    assert dialog.user_id.text() == str(SANDBOX_USER_ID)
    qtbot.waitUntil(lambda: _settings_file(oauth_app).get("user_id") == SANDBOX_USER_ID)
    saved = _settings_file(oauth_app)
    assert (saved["portal_id"], saved["ui_domain"]) == (SANDBOX_PORTAL_ID, UI_DOMAIN)
    assert saved["oauth_client_id"] == "hubcall-sandbox-client"
    # The app's own requests now carry the OAuth token.
    desk = oauth_app.desk
    assert desk is not None
    details = run(qtbot, qloop, desk.service.account_details())
    assert details.portal_id == SANDBOX_PORTAL_ID
    # OK keeps what the connection set (the dialog's copy followed it).
    dialog._on_ok()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert oauth_app.settings.portal_id == SANDBOX_PORTAL_ID
    assert oauth_app.settings.user_id == SANDBOX_USER_ID


def test_no_secret_shows_in_any_text_of_the_window(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    oauth_app: AppController,
    secret_store: SecretStore,
) -> None:
    dialog = oauth_app.dialogs.open_settings()
    dialog.hubspot.client_secret.setText(SANDBOX_CLIENT_SECRET)
    _connect(qtbot, oauth_app)
    access = run(qtbot, qloop, _connection(oauth_app).active_tokens.access_token())
    refresh = secret_store.get(refresh_token_entry())
    assert refresh is not None
    texts = widget_texts(dialog)
    assert "agent@example.com" in texts  # the walk does read the texts
    for secret in (access.reveal(), refresh.reveal(), SANDBOX_CLIENT_SECRET):
        assert secret not in texts
    assert SANDBOX_CLIENT_SECRET not in json.dumps(_settings_file(oauth_app))


def test_cancel_while_waiting_closes_the_listener(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    oauth_app: AppController,
    secret_store: SecretStore,
) -> None:
    opened: list[str] = []

    async def never_signs_in(url: str) -> None:
        opened.append(url)

    presenter = oauth_app.dialogs.settings
    presenter.open_browser = never_signs_in
    page = oauth_app.dialogs.open_settings().hubspot
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    assert page.oauth_message.text() == "Waiting for you to sign in in the browser…"
    assert page.cancel_button.isVisible() and not page.connect_button.isEnabled()
    redirect = parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]
    port = urlsplit(redirect).port
    assert port is not None and run(qtbot, qloop, _accepts(port))  # listening while waiting

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    task = presenter.connect_task
    assert task is not None
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert task.cancelled()
    assert page.oauth_message.text() == "Sign-in cancelled; nothing was changed."
    assert not run(qtbot, qloop, _accepts(port))
    assert page.connect_button.isEnabled() and page.cancel_button.isHidden()
    assert secret_store.get(refresh_token_entry()) is None
    assert page.state.text() == "Not connected."


def test_a_failed_sign_in_says_why_next_to_the_buttons(
    qtbot: QtBot, oauth_app: AppController, browser_urls: list[str]
) -> None:
    page = oauth_app.dialogs.open_settings().hubspot
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    page.client_id.clear()
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "client id" in page.oauth_message.text(), timeout=WAIT_MS)
    assert page.oauth_message.text().startswith("No OAuth client id is configured.")
    assert browser_urls == []  # nothing was opened
    assert page.connect_button.isEnabled() and page.cancel_button.isHidden()
    assert page.state.text() == "Not connected."  # unchanged


def test_a_broken_browser_never_leaves_the_window_waiting(
    qtbot: QtBot, oauth_app: AppController, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(url: str) -> None:
        raise RuntimeError("no display")

    oauth_app.dialogs.settings.open_browser = broken
    page = oauth_app.dialogs.open_settings().hubspot
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "unexpectedly" in page.oauth_message.text(), timeout=WAIT_MS)
    assert page.connect_button.isEnabled() and page.cancel_button.isHidden()
    assert "the OAuth sign-in failed" in caplog.text


def test_log_out_deletes_the_secrets(
    qtbot: QtBot, oauth_app: AppController, secret_store: SecretStore
) -> None:
    dialog = _connect(qtbot, oauth_app)
    page = dialog.hubspot
    qtbot.mouseClick(page.logout_button, Qt.MouseButton.LeftButton)
    box = oauth_app.dialogs.settings.logout_box
    assert box is not None and box.isVisible()
    assert "Log out of portal default?" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    assert page.oauth_message.text() == (
        "Logged out: the secrets of portal default were deleted from the keyring."
    )
    for entry in (refresh_token_entry(), access_token_entry(), OAUTH_CLIENT_SECRET):
        assert secret_store.get(entry) is None
    assert not page.logout_button.isEnabled()
    desk = oauth_app.desk
    assert desk is not None and desk.current_status().token is TokenState.MISSING


def test_log_out_can_be_called_off(
    qtbot: QtBot, oauth_app: AppController, secret_store: SecretStore
) -> None:
    page = _connect(qtbot, oauth_app).hubspot
    qtbot.mouseClick(page.logout_button, Qt.MouseButton.LeftButton)
    box = oauth_app.dialogs.settings.logout_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert secret_store.get(refresh_token_entry()) is not None
    assert page.state.text().startswith("Connected with OAuth")


def test_switching_portals(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, oauth_app: AppController
) -> None:
    page = _connect(qtbot, oauth_app).hubspot
    desk = oauth_app.desk
    assert desk is not None
    field = page.portal_choice.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, "berlin-office")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    assert _connection(oauth_app).portal == "berlin-office"
    assert oauth_app.settings.active_portal == "berlin-office"
    assert oauth_app.settings.portal_id is None  # another account: not known yet
    assert page.portal.text() == "not known yet"
    qtbot.waitUntil(lambda: page.portal_choice.count() == 2, timeout=WAIT_MS)
    assert [page.portal_choice.itemText(i) for i in range(2)] == ["default", "berlin-office"]
    qtbot.waitUntil(
        lambda: _settings_file(oauth_app).get("portals") == ["berlin-office"], timeout=WAIT_MS
    )
    assert _settings_file(oauth_app)["active_portal"] == "berlin-office"
    # The app's token followed the portal: this one has none.
    with pytest.raises(NoTokenError):
        run(qtbot, qloop, desk.service.account_details())
    assert desk.current_status().token is TokenState.MISSING

    page.portal_choice.setCurrentIndex(0)
    page.portal_choice.activated.emit(0)  # picked from the list
    qtbot.waitUntil(lambda: page.state.text().startswith("Connected with OAuth"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: oauth_app.settings.portal_id == SANDBOX_PORTAL_ID, timeout=WAIT_MS)
    assert page.portal.text() == str(SANDBOX_PORTAL_ID)
    assert run(qtbot, qloop, desk.service.account_details()).portal_id == SANDBOX_PORTAL_ID


def test_a_bad_portal_name_is_refused(qtbot: QtBot, oauth_app: AppController) -> None:
    dialog = oauth_app.dialogs.open_settings()
    page = dialog.hubspot
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    field = page.portal_choice.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, "two words")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.state.text() == (
        "portal: must not contain spaces or control characters (got 'two words')"
    )
    assert dialog.isVisible()  # Enter chose (or refused) a portal; it did not press OK
    assert _connection(oauth_app).portal == "default"
    with qtbot.assertNotEmitted(dialog.save_requested):
        dialog._on_apply()
    assert dialog.error.text().startswith("portal")
    assert oauth_app.settings.active_portal == "default"


def test_demo_mode_has_no_connection_to_change(qtbot: QtBot, controller: AppController) -> None:
    page = controller.dialogs.open_settings().hubspot
    assert not page.connect_button.isEnabled()
    assert not page.logout_button.isEnabled()
    assert not page.portal_choice.isEnabled()
    assert "Demo mode" in page.oauth_message.text()


def test_a_missing_scope_is_shown_prominently(qtbot: QtBot) -> None:
    page = HubSpotPage()
    qtbot.addWidget(page)
    meta = OAuthMetadata("default", hub_id=SANDBOX_PORTAL_ID, user=SANDBOX_USER, scopes=["oauth"])
    page.show_connection(
        ConnectionSnapshot("default", ConnectionKind.OAUTH, ConnectionStatus.CONNECTED, oauth=meta)
    )
    assert "crm.objects.contacts.write" in page.scope_warning.text()
    assert not page.scope_warning.isHidden()
    assert "font-weight: bold" in page.scope_warning.styleSheet()


@pytest.mark.parametrize(
    ("snapshot", "expected"),
    [
        (
            ConnectionSnapshot("default", ConnectionKind.PRIVATE_APP, ConnectionStatus.CONNECTED),
            "Connected with a private app token.",
        ),
        (
            ConnectionSnapshot(
                "default", ConnectionKind.OAUTH, ConnectionStatus.RECONNECT_NEEDED, "Gone."
            ),
            "Reconnect needed: Gone.",
        ),
        (
            ConnectionSnapshot("default", status=ConnectionStatus.NO_KEYRING, message="None."),
            "No keyring: None.",
        ),
        (ConnectionSnapshot("default"), "Not connected."),
    ],
)
def test_the_state_line_says_the_state(
    qtbot: QtBot, snapshot: ConnectionSnapshot, expected: str
) -> None:
    dialog = SettingsDialog(demo_settings("DE"), autostart_supported=True)
    qtbot.addWidget(dialog)
    dialog.hubspot.show_connection(snapshot)
    assert dialog.hubspot.state.text() == expected
    can_log_out = snapshot.kind is not ConnectionKind.NONE
    assert dialog.hubspot.logout_button.isEnabled() is can_log_out
