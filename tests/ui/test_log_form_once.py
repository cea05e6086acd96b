"""One submission, one call: after HubSpot has the call the form says so and starts a new
one (fields cleared, focus on the first); pressing "Log call" again logs nothing twice."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.desk_types import ManualResult
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.log_form import LogCallForm

from .ui_helpers import WAIT_MS


def test_log_call_pressed_twice_logs_the_call_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    form = controller.dialogs.open_log_form()
    qtbot.waitActive(form)
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    form.notes.setPlainText("Asked for a quote")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)  # while in flight
    qtbot.waitUntil(lambda: form.message.text().startswith("Logged in HubSpot"), timeout=WAIT_MS)
    assert "ready for the next call" in form.message.text()
    # A new call: nothing of the logged one is left to be sent again.
    assert form.from_field.text() == "" and form.notes.toPlainText() == ""
    assert form.to_field.text() == controller.settings.own_number  # prefilled again
    assert QApplication.focusWidget() is form.from_field.edit
    assert form.submit_button.isEnabled() and not form.in_flight
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)  # pressed again
    assert form.error_text("from") == "enter a phone number"
    sandbox = controller.boot.sandbox
    assert sandbox is not None and len(sandbox.logged_calls()) == 1
    qtbot.waitUntil(lambda: controller.model.rowCount() == 1, timeout=WAIT_MS)


def test_the_form_takes_no_second_submission_until_answered(qtbot: QtBot) -> None:
    form = LogCallForm(demo_settings("DE"))
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    sent: list[object] = []
    form.submitted.connect(sent.append)
    form.submit()
    form.submit_button.setEnabled(True)  # e.g. re-enabled by a stray repaint of state
    form.submit()
    assert len(sent) == 1 and form.in_flight
    form.show_result(ManualResult(Call(), Verdict.QUEUED), "app.hubspot.com")
    assert not form.in_flight and form.from_field.text() == ""
    assert "queued" in form.message.text() and "ready for the next call" in form.message.text()
