"""The settings an agent can act on: the own number checked as typed and refused when it is
no public number; the dialog stays on a small screen however many messages it shows; an old
error goes when the state changes; the API address shown is the one in use."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.connection_types import (
    ConnectionKind,
    ConnectionSnapshot,
    ConnectionStatus,
)
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

from .ui_helpers import WAIT_MS

LONG = (
    "Die Anmeldung ist fehlgeschlagen, weil HubSpot nicht erreichbar war. Prüfen Sie, ob "
    "dieser Computer online ist, und versuchen Sie es erneut; die Anrufe bleiben in der "
    "Warteschlange, bis die Verbindung wieder steht. "
)


def _dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(demo_settings("DE"), autostart_supported=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_own_number_is_checked_as_typed_and_an_extension_is_refused(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.own_number.clear()
    qtbot.keyClicks(dialog.own_number, "12")
    feedback = dialog.own_number_field.feedback
    assert feedback.text() == "an internal extension, not a public phone number"
    assert feedback.styleSheet() == ERROR_STYLE
    dialog.show_hubspot_tab()
    with qtbot.assertNotEmitted(dialog.save_requested):
        assert dialog._on_apply() is False
    assert dialog.error.isVisible() and "12" in dialog.error.text()
    assert dialog.tabs.currentIndex() == 1  # Calls: the agent is shown where
    assert dialog.focusWidget() is dialog.own_number
    dialog.own_number.clear()
    qtbot.keyClicks(dialog.own_number, "030 5550 1234")
    assert feedback.text().startswith("+49305550") and feedback.styleSheet() == ""
    with qtbot.waitSignal(dialog.save_requested, timeout=WAIT_MS) as saved:
        assert dialog._on_apply()
    assert saved.args[0].own_number == "030 5550 1234"
    dialog.own_number.clear()  # no own number is allowed: each call then asks for it
    assert dialog.collect().own_number == ""


def _inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def _on_screen(widget: QWidget, dialog: SettingsDialog) -> QRect:
    top_left = widget.mapTo(dialog, QPoint(0, 0))
    return QRect(top_left, widget.size())


def test_many_messages_never_push_ok_off_the_screen(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    screen = dialog.screen().availableGeometry()
    page = dialog.hubspot
    for round_ in range(12):
        page.show_oauth_message(LONG * (round_ + 1))
        page.show_token_state(LONG * 2, ok=False)
        page.show_scope_warning(LONG)
        page.show_state_error(LONG)
        dialog.show_error(LONG * 2)
        qtbot.wait(1)  # the dialog fits itself once the new text is laid out
    qtbot.waitUntil(lambda: dialog.minimumHeight() > 0, timeout=WAIT_MS)
    assert dialog.height() <= screen.height()
    assert _inside(dialog.geometry(), screen)
    ok = dialog.buttons.buttons()[0]
    assert _inside(_on_screen(ok, dialog), dialog.rect())
    # What does not fit scrolls: the last message is reachable.
    scroller = dialog.tabs.currentWidget()
    assert scroller.verticalScrollBar().maximum() > 0  # type: ignore[attr-defined]


def test_an_old_sign_in_error_goes_when_the_state_changes(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    page = dialog.hubspot
    page.show_connection(ConnectionSnapshot("default"))
    page.show_oauth_message("HubSpot did not grant access (access_denied).")
    page.show_token_state("The HubSpot access token was not accepted.", ok=False)
    page.show_connection(ConnectionSnapshot("default"))  # the same state: the error stays
    assert page.oauth_message.isVisible()
    connected = ConnectionSnapshot(
        "default", ConnectionKind.PRIVATE_APP, ConnectionStatus.CONNECTED
    )
    page.show_connection(connected)
    assert page.state.text() == "Connected with a private app token."
    assert not page.oauth_message.isVisible() and page.oauth_message.text() == ""
    assert not page.token_state.isVisible()


def test_the_api_address_shown_is_the_one_in_use(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    dialog = controller.dialogs.open_settings()
    sandbox = controller.boot.sandbox
    assert sandbox is not None
    field = dialog.hubspot.api_base
    assert field.text() == sandbox.base_url and field.isReadOnly()
    assert "https://api.hubapi.com" in dialog.hubspot.api_base_note.text()
    assert dialog.collect().api_base == "https://api.hubapi.com"  # the stored one is kept
