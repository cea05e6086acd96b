"""A call that rang without the called number, the agent's own number not set: the pop-up
and the call window ask for the number (checked as it is typed), the history says the call
waits for it (not "Withheld"), and it is sent once the number is there. The whole app in
demo mode against the in-process sandbox."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.models.history_model import Column
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.text.i18n import install_translations, sync_label
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, make_controller, run

ANNA_AS_TYPED = "+49 30 55501234"  # `hubcall-desktop notify ringing --from "+49 30 55501234"`
AGENT_LINE = "030 901820"


@pytest.fixture
def controller(
    tmp_path: Path, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> Iterator[AppController]:
    """The demo app, but the agent has not entered their own number."""
    app = make_controller(tmp_path, dataclasses.replace(demo_settings("DE"), own_number=""))
    app.tray = None
    with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
        app.start()
    yield app
    run(qtbot, qloop, app.close_down(), timeout=10_000)
    app.window.deleteLater()


def _notify(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, kind: EventKind
) -> str:
    """What `notify ringing|ended --from "+49 30 55501234"` hands the app: no called number."""
    assert app.desk is not None
    event = make_event(
        kind,
        CallSource.CLI,
        source_call_id=None,
        raw_from=ANNA_AS_TYPED,
        raw_to="",
        at=utc_now(),
        reason=EndReason.HUNG_UP if kind is EventKind.ENDED else None,
        region="DE",
    )
    return run(qtbot, loop, app.desk.handle_event(event))


def _popup(qtbot: QtBot, app: AppController, call_id: str) -> CallPopup:
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


def _sync_text(app: AppController, call_id: str) -> str:
    row = app.model.row_of(call_id)
    return "" if row is None else str(app.model.index(row, Column.SYNC).data())


def _logged_to(app: AppController) -> list[str]:
    assert app.boot.sandbox is not None
    return [b["toNumber"]["e164Number"] for b in app.boot.sandbox.logged_calls()]


def test_the_popup_asks_for_the_number_and_then_names_the_caller(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    call_id = _notify(qtbot, qloop, controller, EventKind.RINGING)
    popup = _popup(qtbot, controller, call_id)
    field = popup.called_number
    assert field.isVisible() and field.phone.edit.isVisible()
    assert popup.matches.buttons == []  # HubSpot cannot be asked without the number

    qtbot.keyClicks(field.phone.edit, "12")  # checked as it is typed
    assert field.phone.in_error
    assert "not a public phone number" in field.phone.feedback.text()
    field.phone.edit.clear()
    qtbot.keyClicks(field.phone.edit, AGENT_LINE)
    assert not field.phone.in_error
    assert field.phone.feedback.text().startswith("+4930901820")

    qtbot.keyClick(field.phone.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(popup.matches.buttons) == 1, timeout=WAIT_MS)
    assert "Anna Schmidt" in popup.matches.buttons[0].accessibleName()
    assert not field.isVisible()  # it has the number now

    _notify(qtbot, qloop, controller, EventKind.ENDED)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    qtbot.keyClick(popup.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _sync_text(controller, call_id) == "Logged", timeout=WAIT_MS)
    assert _logged_to(controller) == ["+4930901820"]


def test_log_with_a_number_typed_in_the_popup_sends_it_with_that_number(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    call_id = _notify(qtbot, qloop, controller, EventKind.RINGING)
    _notify(qtbot, qloop, controller, EventKind.ENDED)
    popup = _popup(qtbot, controller, call_id)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    qtbot.keyClicks(popup.called_number.phone.edit, "030 9018")
    popup.called_number.phone.edit.setText("not a number")
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    assert controller.popups.popup(call_id) is popup  # not a number: the pop-up stays
    assert popup.called_number.phone.in_error

    popup.called_number.phone.edit.setText(AGENT_LINE)
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _sync_text(controller, call_id) == "Logged", timeout=WAIT_MS)
    assert _logged_to(controller) == ["+4930901820"]


def test_logged_without_the_number_it_waits_and_the_call_window_sends_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    call_id = _notify(qtbot, qloop, controller, EventKind.RINGING)
    _notify(qtbot, qloop, controller, EventKind.ENDED)
    popup = _popup(qtbot, controller, call_id)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)  # nothing typed
    qtbot.waitUntil(
        lambda: _sync_text(controller, call_id) == "Needs the called number", timeout=WAIT_MS
    )
    assert controller.popups.popup(call_id) is None
    assert _logged_to(controller) == []

    assert controller.desk is not None
    call = run(qtbot, qloop, controller.desk.journal.get_call(call_id))
    assert call is not None and call.sync_state is SyncState.NEEDS_NUMBER
    dialog = controller.dialogs.open_call(call)
    assert dialog.called_number.isVisible()
    assert "Needs the called number" in dialog.sync.text()
    assert dialog.log_button.isVisible() and not dialog.log_button.isEnabled()
    qtbot.keyClicks(dialog.called_number.phone.edit, "12")
    assert not dialog.log_button.isEnabled() and dialog.called_number.phone.in_error
    dialog.called_number.phone.edit.clear()
    qtbot.keyClicks(dialog.called_number.phone.edit, AGENT_LINE)
    assert dialog.log_button.isEnabled()
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _sync_text(controller, call_id) == "Logged", timeout=WAIT_MS)
    assert _logged_to(controller) == ["+4930901820"]
    qtbot.waitUntil(lambda: not dialog.called_number.isVisible(), timeout=WAIT_MS)


def test_setting_the_own_number_sends_the_call_that_waits_for_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    call_id = _notify(qtbot, qloop, controller, EventKind.RINGING)
    _notify(qtbot, qloop, controller, EventKind.ENDED)
    popup = _popup(qtbot, controller, call_id)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: _sync_text(controller, call_id) == "Needs the called number", timeout=WAIT_MS
    )
    dialog = controller.dialogs.open_settings()
    dialog.own_number.setText(AGENT_LINE)
    dialog._on_ok()
    qtbot.waitUntil(lambda: _sync_text(controller, call_id) == "Logged", timeout=WAIT_MS)
    assert _logged_to(controller) == ["+4930901820"]


def test_the_field_and_the_state_speak_german(qtbot: QtBot, qapp: QApplication) -> None:
    install_translations(qapp, "de")
    try:
        call = Call(raw_from=ANNA_AS_TYPED, from_number=parse_phone("+493055501234"))
        popup = CallPopup(call, "DE", "app.hubspot.com")
        qtbot.addWidget(popup)
        assert popup.called_number.isVisibleTo(popup)
        assert popup.called_number.label.text() == "Angerufene Nummer (Ihre &Leitung):"
        assert sync_label(SyncState.NEEDS_NUMBER) == "Braucht die angerufene Nummer"
        assert sync_label(SyncState.WITHHELD) == "Unterdrückt, nur hier"
    finally:
        install_translations(qapp, "en")
