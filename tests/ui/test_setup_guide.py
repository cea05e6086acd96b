"""The first-start guide: when it opens by itself, what each step keeps, the test ring.

The app runs for real against the HubSpot sandbox (not demo mode) with its tokens in the
session's keyring; the guide's widgets are the real ones, driven by mouse and keys.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import CallSource, SyncState
from hubcall_desktop.core.connection_types import ConnectionSnapshot, ConnectionStatus
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_SECRET
from hubcall_desktop.sandbox.seed import DEMO_TOKEN
from hubcall_desktop.sandbox.server import SandboxServer
from hubcall_desktop.secrets.errors import ACCESS_TOKEN_ENV
from hubcall_desktop.secrets.store import SecretStore, access_token_entry
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.storage.settings import load_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.presenters.setup_guide import opens_at_start
from hubcall_desktop.ui.windows.setup_guide import (
    HUBSPOT_STEP,
    NUMBER_STEP,
    SOFTPHONE_STEP,
    SetupGuide,
    suggested_region,
)

from .ui_helpers import WAIT_MS, make_controller, run

Starter = Callable[..., AppController]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _first_start_settings() -> Settings:
    """A new install's settings: no own number, no portal learnt, the guide not done."""
    settings = demo_settings("DE")
    settings.own_number, settings.user_id, settings.portal_id = "", None, None
    settings.webhook_port = _free_port()
    return settings


@pytest.fixture
def start_app(
    tmp_path: Path,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxServer,
    secret_store: SecretStore,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Starter]:
    """Starts the real app against the sandbox, its secrets in ``secret_store``."""
    monkeypatch.setattr("hubcall_desktop.ui.startup.boot.SecretStore", lambda **_: secret_store)
    monkeypatch.delenv(ACCESS_TOKEN_ENV, raising=False)
    started: list[AppController] = []

    def start(
        settings: Settings | None = None,
        before: Callable[[AppController], object] | None = None,
        **options: object,
    ) -> AppController:
        values: dict[str, object] = {"demo": False, "api_base": sandbox.base_url}
        values.update(options)
        app = make_controller(tmp_path, settings or _first_start_settings(), **values)
        app.tray = None
        if before is not None:
            before(app)
        with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
            app.start()
        started.append(app)
        return app

    yield start
    for app in started:
        run(qtbot, qloop, app.close_down(), timeout=10_000)
        app.window.deleteLater()


def _guide(app: AppController) -> SetupGuide:
    guide = app.setup_guide.guide
    assert guide is not None
    return guide


def _wait_for_start_check(qtbot: QtBot, app: AppController) -> None:
    task = app.setup_guide.start_check
    if task is not None:
        qtbot.waitUntil(task.done, timeout=WAIT_MS)


def _settings_file(app: AppController) -> dict[str, object]:
    """The settings file as saved so far (none yet: empty)."""
    try:
        text = app.paths.settings.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data: dict[str, object] = json.loads(text)
    return data


def _texts(guide: SetupGuide) -> list[str]:
    shown = [label.text() for label in guide.findChildren(QLabel)]
    return shown + [edit.text() for edit in guide.findChildren(QLineEdit)]


# -- when it opens ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("demo", "done", "status", "opens"),
    [
        (False, False, ConnectionStatus.NOT_CONNECTED, True),
        (False, False, ConnectionStatus.NO_KEYRING, True),
        (False, True, ConnectionStatus.NOT_CONNECTED, False),  # finished or skipped
        (True, False, ConnectionStatus.NOT_CONNECTED, False),  # demo mode has its token
        (False, False, ConnectionStatus.CONNECTED, False),
        (False, False, ConnectionStatus.RECONNECT_NEEDED, False),  # Reconnect… says it
        (False, False, None, False),
    ],
)
def test_when_the_guide_opens_by_itself(
    demo: bool, done: bool, status: ConnectionStatus | None, opens: bool
) -> None:
    assert opens_at_start(demo=demo, done=done, status=status) is opens


def test_first_start_without_a_token_opens_the_guide(qtbot: QtBot, start_app: Starter) -> None:
    app = start_app()
    qtbot.waitUntil(lambda: app.setup_guide.guide is not None, timeout=WAIT_MS)
    guide = _guide(app)
    qtbot.waitExposed(guide)
    assert guide.currentId() == HUBSPOT_STEP
    assert not guide.hubspot.advanced.isVisible()  # Settings keeps the client id and API
    qtbot.waitUntil(lambda: app.window.token_label.text() == "No token", timeout=WAIT_MS)
    assert app.window.setup_button.isVisible()


def test_the_start_check_decides_on_the_boot_s_look_at_the_connection(
    qtbot: QtBot, start_app: Starter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One look at the keyring at start-up, the boot's; the guide does not ask again."""
    asked: list[str] = []
    refresh_state = ConnectionManager.refresh_state

    def counted(manager: ConnectionManager) -> Coroutine[Any, Any, ConnectionSnapshot]:
        asked.append(sys._getframe(1).f_code.co_name)  # who asks
        return refresh_state(manager)

    monkeypatch.setattr(ConnectionManager, "refresh_state", counted)
    app = start_app()
    qtbot.waitUntil(lambda: app.setup_guide.guide is not None, timeout=WAIT_MS)
    _wait_for_start_check(qtbot, app)
    assert "_open_if_first_start" not in asked
    assert asked.count("_check_connection") == 1
    first = app.context.boot.first_state
    assert first is not None and first.status is ConnectionStatus.NOT_CONNECTED


def test_skipping_means_it_is_not_asked_again(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start_app: Starter
) -> None:
    app = start_app()
    qtbot.waitUntil(lambda: app.setup_guide.guide is not None, timeout=WAIT_MS)
    guide = _guide(app)
    qtbot.waitExposed(guide)
    guide.next()  # skipped from the second step: Skip is on every step
    qtbot.mouseClick(guide.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not guide.isVisible()
    qtbot.waitUntil(lambda: _settings_file(app).get("setup_guide_done") is True, timeout=WAIT_MS)
    run(qtbot, qloop, app.close_down(), timeout=10_000)

    settings, warnings = load_settings(app.paths.settings)
    assert warnings == []
    again = start_app(settings)
    _wait_for_start_check(qtbot, again)
    qtbot.waitUntil(lambda: again.window.token_label.text() == "No token", timeout=WAIT_MS)
    assert again.setup_guide.guide is None  # still no token, and yet not asked again
    again.window.setup_button.click()  # the status bar's "Set up…" opens it all the same
    assert _guide(again).isVisible()


def test_not_opened_in_demo_mode_unless_asked(qtbot: QtBot, controller: AppController) -> None:
    _wait_for_start_check(qtbot, controller)
    assert controller.setup_guide.start_check is None
    assert controller.setup_guide.guide is None
    help_menu = next(a.menu() for a in controller.window.menuBar().actions() if a.text() == "&Help")
    guide_action = next(a for a in help_menu.actions() if a.text() == "Set-up &guide…")
    guide_action.trigger()
    guide = _guide(controller)
    assert guide.isVisible()
    qtbot.waitUntil(lambda: "demo sandbox" in guide.hubspot.state.text(), timeout=WAIT_MS)


def test_not_opened_when_a_token_is_saved(
    qtbot: QtBot, start_app: Starter, secret_store: SecretStore
) -> None:
    secret_store.set_access_token(DEMO_TOKEN)
    app = start_app()
    _wait_for_start_check(qtbot, app)
    assert app.setup_guide.guide is None
    assert not app.window.setup_button.isVisible()


# -- the steps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "system", "region"),
    [
        ({}, "de_DE", "DE"),  # a first start: the system's country
        ({}, "en_US", "US"),
        ({}, "C", "US"),  # no country known: the default stays
        ({"region": "GB"}, "de_DE", "GB"),  # chosen before: kept
        ({"own_number": "+4930901820"}, "fr_FR", "US"),  # set up before: kept
        ({"setup_guide_done": True}, "fr_FR", "US"),
    ],
)
def test_the_number_step_starts_at_the_likely_country(
    changes: dict[str, object], system: str, region: str
) -> None:
    settings = dataclasses.replace(Settings(), **changes)  # type: ignore[arg-type]
    assert suggested_region(settings, QLocale(system)) == region


def test_the_token_step_saves_to_the_keyring_and_hides_the_token(
    qtbot: QtBot, start_app: Starter, secret_store: SecretStore
) -> None:
    app = start_app()
    qtbot.waitUntil(lambda: app.setup_guide.guide is not None, timeout=WAIT_MS)
    guide = _guide(app)
    qtbot.waitUntil(lambda: app.window.token_label.text() == "No token", timeout=WAIT_MS)
    qtbot.keyClicks(guide.hubspot.token, DEMO_TOKEN)
    assert guide.hubspot.token.echoMode() is QLineEdit.EchoMode.Password
    qtbot.mouseClick(guide.hubspot.save_token_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: secret_store.get(access_token_entry()) is not None, timeout=WAIT_MS)
    assert secret_store.access_token().reveal() == DEMO_TOKEN
    qtbot.waitUntil(lambda: app.window.token_label.text() == "Token OK", timeout=WAIT_MS)
    assert not app.window.setup_button.isVisible()
    qtbot.waitUntil(lambda: "Connected" in guide.hubspot.state.text(), timeout=WAIT_MS)
    assert guide.currentId() == HUBSPOT_STEP  # Save token saves; Next moves on
    assert not any(DEMO_TOKEN in text for text in _texts(guide))
    # The account it learnt is saved at once (Settings saves it on OK).
    qtbot.waitUntil(lambda: _settings_file(app).get("portal_id") is not None, timeout=WAIT_MS)


def test_the_number_step_refuses_an_extension_and_keeps_a_number(
    qtbot: QtBot, start_app: Starter
) -> None:
    app = start_app()
    guide = app.setup_guide.open()
    guide.next()
    assert guide.currentId() == NUMBER_STEP
    step = guide.second
    next_button = guide.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()  # empty: the step can be skipped
    qtbot.keyClicks(step.number, "12")
    assert not next_button.isEnabled()
    assert "not a public phone number" in step.number_field.feedback.text()
    step.number.clear()
    qtbot.keyClicks(step.number, "030 1234567")
    assert next_button.isEnabled()
    assert step.number_field.feedback.text().startswith("+49301234567")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert guide.currentId() == SOFTPHONE_STEP
    assert app.settings.own_number == "+49301234567"
    qtbot.waitUntil(
        lambda: _settings_file(app).get("own_number") == "+49301234567", timeout=WAIT_MS
    )


def test_copy_puts_the_hookup_on_the_clipboard_and_says_what(
    qtbot: QtBot, start_app: Starter
) -> None:
    app = start_app(start_sources=True)  # the real webhook and its secret
    assert app.boot.sources is not None and app.boot.sources.webhook is not None
    guide = app.setup_guide.open()
    guide.next()
    guide.next()
    step = guide.third
    buttons = step.softphone.copy_buttons
    assert buttons, "the webhook runs: its hook-ups can be copied"
    assert buttons[0].accessibleName() == "Copy Ringing (URL)"
    assert not step.softphone.copied.isVisible()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    webhook = app.boot.sources.webhook.url
    assert copied.startswith(f"{webhook}/v1/events/ringing?token=")
    secret = copied.split("token=")[1].split("&")[0]
    shown = step.softphone.copied.text()
    assert shown == f"Copied: {webhook}/v1/events/ringing?token=…&from={{number}}"
    assert step.softphone.copied.isVisible()
    assert not any(secret in text for text in _texts(guide))


def test_the_test_ring_shows_the_real_popup_and_nothing_reaches_hubspot(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    start_app: Starter,
    secret_store: SecretStore,
    sandbox: SandboxServer,
) -> None:
    secret_store.set_access_token(DEMO_TOKEN)  # HubSpot is connected: still nothing goes
    app = start_app()
    desk = app.desk
    assert desk is not None
    guide = app.setup_guide.open()
    guide.next()
    guide.next()
    qtbot.mouseClick(guide.third.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(app.setup_guide.test_calls), timeout=WAIT_MS)
    call_id = app.setup_guide.test_calls[-1]
    popup = app.popups.popup(call_id)
    assert popup is not None
    qtbot.waitExposed(popup)  # mapped on the X server, not just built
    assert "Test call from HubCall Desktop" in popup.number.text()
    assert "Ringing" in guide.third.test_state.text()
    call = run(qtbot, qloop, desk.journal.get_call(call_id))
    assert call is not None and call.source is CallSource.DEMO and call.from_number is None

    # Answer and hang up in the pop-up, as with a real call: it ends and is discarded.
    qtbot.mouseClick(popup.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.hangup_button.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _answered(qtbot, qloop, app, call_id), timeout=WAIT_MS)
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is None, timeout=WAIT_MS)
    call = run(qtbot, qloop, desk.journal.get_call(call_id))
    assert call is not None
    assert call.sync_state is SyncState.DISCARDED
    assert call.final_status is CallStatus.COMPLETED

    # Even asked to log it (the history's Resend, say), the call cannot be queued.
    logged = run(qtbot, qloop, desk.log_call(call_id, CallStatus.COMPLETED, "", ""))
    assert logged.sync_state is SyncState.WITHHELD
    assert run(qtbot, qloop, desk.journal.outbox_entries(call_id)) == []
    assert not [r for r in sandbox.requests if r.is_inbound_call]
    assert app.notices.missed.unseen == 0


def _answered(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, app: AppController, call_id: str
) -> bool:
    assert app.desk is not None
    call = run(qtbot, qloop, app.desk.journal.get_call(call_id))
    return call is not None and call.answered_at is not None


def test_closing_the_guide_ends_a_test_still_ringing_without_a_missed_call(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start_app: Starter
) -> None:
    app = start_app()
    desk = app.desk
    assert desk is not None
    guide = app.setup_guide.open()
    guide.next()
    guide.next()
    guide.third.test_button.click()
    qtbot.waitUntil(lambda: bool(app.setup_guide.test_calls), timeout=WAIT_MS)
    call_id = app.setup_guide.test_calls[-1]
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    guide.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is None, timeout=WAIT_MS)
    call = run(qtbot, qloop, desk.journal.get_call(call_id))
    assert call is not None
    assert (call.sync_state, call.final_status) == (SyncState.DISCARDED, CallStatus.CANCELED)
    assert app.notices.missed.unseen == 0


def test_do_not_disturb_says_why_no_popup_shows(qtbot: QtBot, start_app: Starter) -> None:
    app = start_app()
    app.set_do_not_disturb(True)
    guide = app.setup_guide.open()
    guide.next()
    guide.next()
    guide.third.test_button.click()
    assert "Do not disturb is on" in guide.third.test_state.text()
    assert app.setup_guide.test_calls == []


# -- keyboard only ---------------------------------------------------------------------------


def _focus(guide: SetupGuide) -> object:
    return guide.focusWidget()


def test_keyboard_only_from_token_to_test_ring_to_finish(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start_app: Starter, secret_store: SecretStore
) -> None:
    app = start_app()
    qtbot.waitUntil(lambda: app.setup_guide.guide is not None, timeout=WAIT_MS)
    guide = _guide(app)
    qtbot.waitExposed(guide)
    # Step 1: the token field has the keys; Enter saves the token, then moves on.
    qtbot.waitUntil(lambda: _focus(guide) is guide.hubspot.token, timeout=WAIT_MS)
    qtbot.keyClicks(guide.hubspot.token, DEMO_TOKEN)
    qtbot.keyClick(guide.hubspot.token, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: guide.currentId() == NUMBER_STEP, timeout=WAIT_MS)
    assert secret_store.access_token().reveal() == DEMO_TOKEN
    # Step 2: the number field has the keys; Enter is Next (not with "12").
    number = guide.second.number
    qtbot.waitUntil(lambda: _focus(guide) is number, timeout=WAIT_MS)
    qtbot.keyClicks(number, "12")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    assert guide.currentId() == NUMBER_STEP
    qtbot.keyClick(number, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(number, "030 1234567")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    assert guide.currentId() == SOFTPHONE_STEP
    # Step 3: Test ring has the keys; Space rings, Enter finishes.
    test_button = guide.third.test_button
    qtbot.waitUntil(lambda: _focus(guide) is test_button, timeout=WAIT_MS)
    qtbot.keyClick(test_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(app.setup_guide.test_calls), timeout=WAIT_MS)
    call_id = app.setup_guide.test_calls[-1]
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    target = guide.focusWidget() or guide
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert not guide.isVisible()
    assert guide.result() == QWizard.DialogCode.Accepted
    qtbot.waitUntil(lambda: _settings_file(app).get("setup_guide_done") is True, timeout=WAIT_MS)
    assert _settings_file(app).get("own_number") == "+49301234567"
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is None, timeout=WAIT_MS)
    assert QApplication.activeModalWidget() is None


def test_a_settings_window_opened_before_does_not_undo_a_skip(
    qtbot: QtBot, start_app: Starter
) -> None:
    app = start_app()
    dialog = app.dialogs.open_settings()  # its copy of the settings predates the skip
    guide = app.setup_guide.open()
    guide.reject()
    assert app.settings.setup_guide_done
    dialog._on_ok()
    assert app.settings.setup_guide_done
    qtbot.waitUntil(lambda: _settings_file(app).get("setup_guide_done") is True, timeout=WAIT_MS)


def test_a_test_call_cut_off_by_a_stop_is_discarded_not_wrapped_up(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start_app: Starter
) -> None:
    first = start_app()
    _wait_for_start_check(qtbot, first)  # it opened the guide: no second opening later
    guide = first.setup_guide.open()
    guide.next()
    guide.next()
    guide.third.test_button.click()
    qtbot.waitUntil(lambda: bool(first.setup_guide.test_calls), timeout=WAIT_MS)
    call_id = first.setup_guide.test_calls[-1]
    qtbot.waitUntil(lambda: first.popups.popup(call_id) is not None, timeout=WAIT_MS)
    first.context.quitting.emit()  # the app quits while it rings: the guide closes, unfinished
    run(qtbot, qloop, first.close_down(), timeout=10_000)
    assert not guide.isVisible()
    assert not first.settings.setup_guide_done  # quitting is not skipping

    opened: list[str] = []
    settings, _warnings = load_settings(first.paths.settings)
    again = start_app(settings, before=lambda app: app.popups.opened.connect(opened.append))
    desk = again.desk
    assert desk is not None
    qtbot.waitUntil(
        lambda: _sync_state(qtbot, qloop, again, call_id) is SyncState.DISCARDED,
        timeout=WAIT_MS,
    )
    call = run(qtbot, qloop, desk.journal.get_call(call_id))
    assert call is not None and call.flagged  # ended by the start, as any call cut off
    assert opened == []  # no "Call cut off" pop-up asks about it
    assert again.notices.missed.unseen == 0


def _sync_state(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, app: AppController, call_id: str
) -> SyncState | None:
    assert app.desk is not None
    call = run(qtbot, qloop, app.desk.journal.get_call(call_id))
    return call.sync_state if call is not None else None


def test_connect_with_oauth_from_the_guide(
    qtbot: QtBot, oauth_app: AppController, browser_urls: list[str]
) -> None:
    """The guide's HubSpot step signs in through the Settings' presenter, its answers on
    its own page."""
    page = oauth_app.setup_guide.open().hubspot
    qtbot.waitUntil(lambda: page.state.text() == "Not connected.", timeout=WAIT_MS)
    page.client_secret.setText(SANDBOX_CLIENT_SECRET)  # in Settings' advanced part
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Signed in as" in page.oauth_message.text(), timeout=WAIT_MS)
    assert len(browser_urls) == 1
    assert page.state.text().startswith("Connected with OAuth as")
    assert oauth_app.dialogs.settings_dialog is None  # the guide alone was asked
    qtbot.waitUntil(lambda: oauth_app.window.token_label.text() == "Token OK", timeout=WAIT_MS)
    assert not oauth_app.window.setup_button.isVisible()
