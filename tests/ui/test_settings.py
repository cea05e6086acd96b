"""Settings: values round-trip, persist to the file, test the connection, and say when no
keyring exists; do-not-disturb silences the pop-up but never the journal."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.sandbox.seed import DEMO_CALLERS, DEMO_TOKEN
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.demo import demo_settings, ring, start_sandbox
from hubcall_desktop.storage.settings import load_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

from .ui_helpers import WAIT_MS, make_controller, run


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    widget = SettingsDialog(demo_settings("DE"), autostart_supported=True)
    qtbot.addWidget(widget)
    return widget


def test_values_round_trip(dialog: SettingsDialog) -> None:
    collected = dialog.collect()
    assert collected == demo_settings("DE")


def test_edits_are_collected_and_checked(dialog: SettingsDialog) -> None:
    dialog.region.setCurrentIndex(dialog.region.findData("GB"))
    dialog.recipients.setText("12, 34")
    dialog.user_id.setText("99")
    dialog.dnd.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    new = dialog.collect()
    assert (new.region, new.recipient_user_ids, new.user_id, new.do_not_disturb, new.language) == (
        "GB",
        [12, 34],
        99,
        True,
        "de",
    )


@pytest.mark.parametrize(
    ("widget", "text", "named"),
    [
        ("hubspot.api_base", "ftp://example.com", "API base URL"),
        ("hubspot.api_base", "http://api.hubapi.com", "API base URL"),  # http only for loopback
        ("user_id", "abc", "HubSpot user id"),
        ("user_id", "0", "HubSpot user id"),
        ("recipients", "1, two", "default recipients"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(
    qtbot: QtBot, dialog: SettingsDialog, widget: str, text: str, named: str
) -> None:
    target: object = dialog
    for name in widget.split("."):
        target = getattr(target, name)
    target.setText(text)  # type: ignore[attr-defined]
    with qtbot.assertNotEmitted(dialog.save_requested):
        dialog._on_apply()
    assert dialog.error.text().startswith(named)


def test_no_autostart_says_so(qtbot: QtBot) -> None:
    widget = SettingsDialog(Settings(), autostart_supported=False)
    qtbot.addWidget(widget)
    assert not widget.start_at_login.isEnabled()


def _settings_file(app: AppController) -> dict[str, object]:
    path = app.paths.settings
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def test_ok_saves_to_the_file_and_applies_at_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    dialog = controller.dialogs.open_settings()
    dialog.region.setCurrentIndex(dialog.region.findData("US"))
    dialog.popup_enabled.setChecked(False)
    dialog.own_number.setText("+12125550199")
    dialog._on_ok()
    qtbot.waitUntil(lambda: _settings_file(controller).get("region") == "US", timeout=WAIT_MS)
    stored, warnings = load_settings(controller.paths.settings)
    assert warnings == []
    assert stored.popup_enabled is False and stored.own_number == "+12125550199"
    assert controller.settings.region == "US"
    assert controller.desk is not None and controller.desk.settings.popup_enabled is False


def test_test_connection_fills_portal_and_domain(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    controller.settings.portal_id, controller.settings.ui_domain = None, "app.hubspot.com"
    dialog = controller.dialogs.open_settings()
    assert dialog.hubspot.portal.text() == "not known yet"
    qtbot.mouseClick(dialog.hubspot.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Connected to portal" in dialog.hubspot.token_state.text(), timeout=WAIT_MS
    )
    assert (
        dialog.hubspot.token_state.text() == "Connected to portal 147258369 (app-eu1.hubspot.com)."
    )
    assert dialog.hubspot.portal.text() == "147258369"
    assert dialog.hubspot.ui_domain.text() == "app-eu1.hubspot.com"
    dialog._on_ok()
    qtbot.waitUntil(
        lambda: _settings_file(controller).get("portal_id") == 147258369, timeout=WAIT_MS
    )
    assert _settings_file(controller)["ui_domain"] == "app-eu1.hubspot.com"


def test_a_wrong_typed_token_is_reported(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    dialog = controller.dialogs.open_settings()
    dialog.hubspot.token.setText("pat-na1-wrong")
    qtbot.mouseClick(dialog.hubspot.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "token" in dialog.hubspot.token_state.text(), timeout=WAIT_MS)
    assert "Reconnect to HubSpot in Settings" in dialog.hubspot.token_state.text()
    assert "pat-na1-wrong" not in dialog.hubspot.token_state.text()


def test_no_keyring_backend_says_so_clearly(
    tmp_path: Path, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    sandbox = run(qtbot, qloop, start_sandbox())
    app = make_controller(tmp_path, demo=False, api_base=sandbox.base_url)
    with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
        app.start()
    try:
        store = AsyncSecretStore(SecretStore(backend=FailKeyring(), environ={}))
        app.boot.connection = ConnectionManager(
            store, MetadataFile(tmp_path / "oauth.json"), api_base=sandbox.base_url, environ={}
        )
        dialog = app.dialogs.open_settings()
        state = dialog.hubspot.state
        qtbot.waitUntil(lambda: "keyring" in state.text(), timeout=WAIT_MS)
        assert state.text().startswith("No keyring: No secure keyring is available")
        # HubSpot (the sandbox) accepts the token; keeping it fails.
        dialog.hubspot.token.setText(DEMO_TOKEN)
        dialog.hubspot.token_state.clear()
        qtbot.mouseClick(dialog.hubspot.save_token_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "keyring" in dialog.hubspot.token_state.text(), timeout=WAIT_MS)
        assert dialog.hubspot.token_state.text().startswith("No secure keyring is available")
        assert dialog.hubspot.token.text() == DEMO_TOKEN  # kept, so nothing typed is lost
        assert DEMO_TOKEN not in repr(_settings_file(app))
    finally:
        run(qtbot, qloop, app.close_down(), timeout=10_000)
        run(qtbot, qloop, sandbox.stop())


def test_do_not_disturb_silences_popups_but_journals(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    controller.set_do_not_disturb(True)
    assert controller.window.commands.dnd.isChecked()
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[0]))
    qtbot.waitUntil(lambda: controller.model.row_of(call_id) is not None, timeout=WAIT_MS)
    assert controller.popups.popup(call_id) is None
    assert controller.notifier.sent == 0
    assert run(qtbot, qloop, desk.journal.get_call(call_id)) is not None
    qtbot.waitUntil(
        lambda: _settings_file(controller).get("do_not_disturb") is True, timeout=WAIT_MS
    )
    controller.set_do_not_disturb(False)
    second = run(qtbot, qloop, ring(desk, DEMO_CALLERS[2]))
    assert controller.popups.popup(second) is not None
    qtbot.waitUntil(lambda: controller.notifier.sent == 1, timeout=WAIT_MS)
    assert controller.notifier.last_backend == "in-app"  # offscreen: no tray, no D-Bus here
    assert "Incoming call" in controller.window.statusBar().currentMessage()


def test_softphone_hookups_are_copied_not_shown(qtbot: QtBot, dialog: SettingsDialog) -> None:
    from PySide6.QtGui import QGuiApplication

    page = dialog.softphone
    assert page.copy_buttons == []
    secret_url = "http://127.0.0.1:47831/v1/events/ringing?token=s3cret&from={number}"
    page.set_templates([("Ringing (URL)", secret_url), ("curl", "curl ...")])
    assert [b.accessibleName() for b in page.copy_buttons] == ["Copy Ringing (URL)", "Copy curl"]
    qtbot.mouseClick(page.copy_buttons[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == secret_url
    assert "s3cret" not in "".join(w.text() for w in page.findChildren(QLabel))
    page.set_endpoints(["127.0.0.1:4444", "[::1]:4445"])
    page.port.setValue(48000)
    collected = dialog.collect()
    assert collected.baresip_endpoints == ["127.0.0.1:4444", "[::1]:4445"]
    assert collected.webhook_port == 48000


def test_missed_calls_and_call_back_are_set_in_the_calls_tab(dialog: SettingsDialog) -> None:
    assert dialog.missed_auto_log.value() == demo_settings("DE").missed_auto_log_seconds
    dialog.missed_auto_log.setValue(0)
    dialog.call_back_scheme.setCurrentIndex(dialog.call_back_scheme.findData("sip"))
    dialog.call_back_command.setText("  baresip-dial {number} ")
    new = dialog.collect()
    assert (new.missed_auto_log_seconds, new.call_back_scheme, new.call_back_command) == (
        0,
        "sip",
        "baresip-dial {number}",
    )
    dialog.load(new)
    assert dialog.call_back_scheme.currentData() == "sip"
    assert dialog.call_back_command.text() == "baresip-dial {number}"


def test_a_call_back_command_that_cannot_be_read_is_refused(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    dialog.call_back_command.setText('dial "{number}')  # an unbalanced quote
    with qtbot.assertNotEmitted(dialog.save_requested):
        dialog._on_apply()
    assert dialog.error.text().startswith("call back command: has an unclosed quote")
