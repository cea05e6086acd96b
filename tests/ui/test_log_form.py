"""The manual log form: checked as you type, errors next to their fields, input kept on failure."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.desk_types import ManualLog, ManualResult
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.errors import REJECTED_CALL, ErrorDetails, HubSpotValidationError
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.log_form import LogCallForm

from .ui_helpers import WAIT_MS


@pytest.fixture
def form(qtbot: QtBot) -> LogCallForm:
    widget = LogCallForm(demo_settings("DE"))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_prefilled_from_settings(form: LogCallForm) -> None:
    assert form.to_field.text() == "+4930555012300"
    assert form.user_id.text() == "7"
    assert form.recipients.text() == "7"
    assert form.engagement.isChecked()
    assert form.status.status() is CallStatus.COMPLETED


@pytest.mark.parametrize(
    ("typed", "feedback"),
    [
        ("030 55501234", "+493055501234 · fixed line"),
        ("0151 55501234", "+4915155501234 · mobile"),
        ("+1 212 555 0143", "+12125550143 · fixed line or mobile"),
        ("12345", "an internal extension, not a public phone number"),
        ("hello", "not a phone number"),
        ("anonymous", "the caller's number is withheld"),
        ("+49 30 1", "not a valid phone number (read as DE)"),
    ],
)
def test_numbers_are_checked_as_you_type(
    qtbot: QtBot, form: LogCallForm, typed: str, feedback: str
) -> None:
    qtbot.keyClicks(form.from_field.edit, typed)
    assert form.from_field.feedback.text() == feedback


def test_bad_number_is_shown_next_to_its_field_and_nothing_is_lost(
    qtbot: QtBot, form: LogCallForm
) -> None:
    qtbot.keyClicks(form.from_field.edit, "not a number")
    form.notes.setPlainText("Important notes")
    form.title.setText("A title")
    with qtbot.assertNotEmitted(form.submitted):
        form.submit()
    assert form.error_text("from") == "not a phone number"
    assert form.error_text("to") == ""
    assert form.notes.toPlainText() == "Important notes" and form.title.text() == "A title"
    assert form.from_field.text() == "not a number"


def test_bad_user_id_and_recipients_are_shown_next_to_them(qtbot: QtBot, form: LogCallForm) -> None:
    form.recipients.setText("7, eight")
    form.user_id.setText("")
    form.extension.setText("12")
    form.to_field.set_text("")
    with qtbot.assertNotEmitted(form.submitted):
        form.submit()
    assert form.error_text("recipients") == "user ids are whole numbers, separated by commas"
    assert form.error_text("from") == "enter a phone number"  # every field at once
    assert form.error_text("to") == "enter a phone number"
    assert form.error_text("extension") == "" and form.error_text("user id") == ""
    assert form.submit_button.isEnabled()


def test_start_time_is_local_and_sent_as_utc(qtbot: QtBot, form: LogCallForm) -> None:
    local = QDateTime(QDate(2026, 11, 24), QTime(10, 30), QTimeZone.systemTimeZone())
    form.started.setDateTime(local)
    form.duration.setTime(QTime(1, 2, 3))
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    with qtbot.waitSignal(form.submitted, timeout=WAIT_MS) as blocker:
        form.submit()
    request = blocker.args[0]
    assert isinstance(request, ManualLog)
    assert request.started_at == datetime.fromtimestamp(local.toSecsSinceEpoch(), UTC)
    assert request.started_at.tzinfo is UTC
    assert request.duration_seconds == 3723
    assert request.recipient_user_ids == (7,)
    assert not form.submit_button.isEnabled()  # until the answer is back


def test_hubspot_refusal_marks_the_field_it_names_and_keeps_the_input(
    qtbot: QtBot, form: LogCallForm
) -> None:
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    form.notes.setPlainText("Kept")
    error = HubSpotValidationError(
        REJECTED_CALL("durationSeconds"),
        ErrorDetails(status_code=400, message="too long", fields=("durationSeconds",)),
    )
    call = Call(external_call_id="failed-1")
    form.show_result(
        ManualResult(call, Verdict.REFUSED, error=error, error_fields=("durationSeconds",)),
        "app.hubspot.com",
    )
    assert "the duration" in form.error_text("duration")
    assert form.error_text("from") == ""
    assert form.notes.toPlainText() == "Kept" and form.from_field.text() == "030 55501234"
    with qtbot.waitSignal(form.submitted, timeout=WAIT_MS) as blocker:
        form.submit()
    assert blocker.args[0].external_call_id == "failed-1"  # the resubmission fixes that call


def test_delivered_shows_matches_and_queued_says_so(qtbot: QtBot, form: LogCallForm) -> None:
    from hubcall_desktop.sandbox.seed import CONTACTS

    call = Call(external_call_id="ok-1")
    form.show_result(
        ManualResult(call, Verdict.SENT, matches=(CONTACTS[0].to_match(1),)), "app.hubspot.com"
    )
    assert form.message.text() == (
        "Logged in HubSpot; the form is ready for the next call. HubSpot matched:"
    )
    assert not form.matches.isHidden() and len(form.matches.buttons) == 1
    form.show_result(ManualResult(call, Verdict.QUEUED), "app.hubspot.com")
    assert "queued" in form.message.text()


@pytest.mark.parametrize("verdict", [Verdict.NO_TOKEN, Verdict.CONNECTION_REFUSED])
def test_a_call_waiting_for_the_connection_says_what_to_fix(
    qtbot: QtBot, form: LogCallForm, verdict: Verdict
) -> None:
    """Not "HubSpot has not answered yet": the agent must fix the token or the keyring,
    and the form says which (the verdict the CLI's log gives the same answer)."""
    form.from_field.edit.setText("030 55501234")
    form.show_result(
        ManualResult(Call(external_call_id="wait-1"), verdict, error=NoTokenError("default")),
        "app.hubspot.com",
    )
    text = form.message.text()
    assert text.startswith("No HubSpot access token is saved for portal 'default'.")
    assert text.endswith(
        "The call is queued and will be logged once that is fixed; the form is ready for the next call."
    )
    assert "not answered" not in text
    assert form.from_field.edit.text() == "", "queued: the form is for the next call"


def test_submitting_through_the_app_logs_to_the_sandbox(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    form = controller.dialogs.open_log_form()
    qtbot.waitActive(form)
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    form.status.set_status(CallStatus.NO_ANSWER)
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.message.text().startswith("Logged in HubSpot"), timeout=WAIT_MS)
    assert [b.accessibleName() for b in form.matches.buttons] == ["Open Anna Schmidt in HubSpot"]
    sandbox = controller.boot.sandbox
    assert sandbox is not None and [b["finalCallStatus"] for b in sandbox.logged_calls()] == [
        "NO_ANSWER"
    ]
    qtbot.waitUntil(lambda: controller.model.rowCount() == 1, timeout=WAIT_MS)


def test_what_only_the_desk_checks_is_shown_next_to_its_field(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    form = controller.dialogs.open_log_form()
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    form.started.setDateTime(
        QDateTime.currentDateTime().addSecs(3 * 3600)
    )  # only the desk checks this
    form.submit()
    qtbot.waitUntil(lambda: form.error_text("started") != "", timeout=WAIT_MS)
    assert form.error_text("started") == "is in the future"
    assert form.from_field.text() == "030 55501234" and form.submit_button.isEnabled()
