"""The call outcome in the pop-up, the call window and the manual form, in the whole demo app
against its sandbox: the outcome that fits is pre-selected, the portal's own outcomes are
offered, the agent's choice is journaled at once and is what HubSpot gets."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.outcomes import BUSY, CONNECTED, DEFAULT_LIST, LEFT_VOICEMAIL, NO_ANSWER
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.outcomes import PORTAL_OUTCOME
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import demo_settings, ring
from hubcall_desktop.ui.models.history_columns import Column
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.widgets.outcome_combo import OUTCOME_CHOICES, OutcomeCombo
from hubcall_desktop.ui.windows.log_form import LogCallForm
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, run

OWN_LABEL, OWN_GUID = PORTAL_OUTCOME[0], PORTAL_OUTCOME[1]


@pytest.fixture(autouse=True)
def _fresh_choices() -> Iterator[None]:
    """The combos' shared list starts as HubSpot's defaults and forgets the desk after."""
    OUTCOME_CHOICES.set_outcomes(DEFAULT_LIST)
    OUTCOME_CHOICES.chooser = None
    yield
    OUTCOME_CHOICES.set_outcomes(DEFAULT_LIST)
    OUTCOME_CHOICES.chooser = None


def labels(combo: OutcomeCombo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def pick(combo: OutcomeCombo, label: str) -> None:
    """Choose an entry as the agent does: the list's current entry, then activated."""
    index = combo.findText(label)
    assert index >= 0, labels(combo)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def ended_popup(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, *, answer: bool
) -> CallPopup:
    assert app.desk is not None
    call_id = run(qtbot, loop, ring(app.desk, DEMO_CALLERS[0]))
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    if answer:
        qtbot.mouseClick(popup.answer_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    return popup


def journaled_outcome(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, call_id: str
) -> object:
    assert app.runtime is not None
    call = run(qtbot, loop, app.runtime.journal.get_call(call_id))
    assert call is not None
    return call.outcome


def test_the_popup_suggests_connected_offers_the_portals_list_and_logs_the_choice(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = ended_popup(qtbot, qloop, controller, answer=True)
    combo = popup.outcome_combo
    assert combo.isVisible() and combo.accessibleName() == "Call outcome"
    assert combo.outcome() == CONNECTED and combo.currentText() == "Connected"
    # The demo portal's list was read at start: its own outcome is offered as it names it.
    qtbot.waitUntil(lambda: OWN_LABEL in labels(combo), timeout=WAIT_MS)
    assert labels(combo)[0] == "No outcome"
    pick(combo, OWN_LABEL)
    call_id = popup.call_id
    qtbot.waitUntil(
        lambda: (
            getattr(journaled_outcome(qtbot, qloop, controller, call_id), "guid", None) == OWN_GUID
        ),
        timeout=WAIT_MS,
    )
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    sandbox = controller.boot.sandbox
    assert sandbox is not None
    qtbot.waitUntil(lambda: len(sandbox.logged_calls()) == 1, timeout=WAIT_MS)
    body = sandbox.logged_calls()[0]
    assert body["engagementProperties"]["hs_call_disposition"] == OWN_GUID
    model = controller.model  # the history shows it
    qtbot.waitUntil(lambda: model.row_of(call_id) is not None, timeout=WAIT_MS)
    row = model.row_of(call_id)
    assert row is not None
    qtbot.waitUntil(lambda: model.index(row, Column.OUTCOME).data() == OWN_LABEL, timeout=WAIT_MS)
    assert model.headerData(Column.OUTCOME, Qt.Orientation.Horizontal) == "Outcome"


def test_a_missed_call_suggests_no_answer_and_a_new_status_moves_it_until_chosen(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = ended_popup(qtbot, qloop, controller, answer=False)
    combo = popup.outcome_combo
    assert combo.outcome() == NO_ANSWER
    status = popup.status_combo
    index = status.findData(CallStatus.BUSY.value)
    status.setCurrentIndex(index)
    status.activated.emit(index)
    assert combo.outcome() == BUSY
    call_id = popup.call_id
    qtbot.waitUntil(
        lambda: journaled_outcome(qtbot, qloop, controller, call_id) == BUSY, timeout=WAIT_MS
    )
    pick(combo, "Left voicemail")
    index = status.findData(CallStatus.COMPLETED.value)
    status.setCurrentIndex(index)
    status.activated.emit(index)
    assert combo.outcome() == LEFT_VOICEMAIL  # the agent's choice stays
    qtbot.waitUntil(
        lambda: journaled_outcome(qtbot, qloop, controller, call_id) == LEFT_VOICEMAIL,
        timeout=WAIT_MS,
    )


def test_the_call_window_shows_and_changes_the_journaled_outcome(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = ended_popup(qtbot, qloop, controller, answer=True)
    call_id = popup.call_id
    assert controller.runtime is not None
    call = run(qtbot, qloop, controller.runtime.journal.get_call(call_id))
    assert call is not None
    dialog = controller.dialogs.open_call(call)
    combo = dialog.outcome
    assert combo.isEnabled() and combo.outcome() == CONNECTED
    pick(combo, "No outcome")
    qtbot.waitUntil(
        lambda: journaled_outcome(qtbot, qloop, controller, call_id) is None, timeout=WAIT_MS
    )
    pick(combo, "Wrong number")
    qtbot.waitUntil(
        lambda: (
            getattr(journaled_outcome(qtbot, qloop, controller, call_id), "label", None)
            == "Wrong number"
        ),
        timeout=WAIT_MS,
    )
    dialog.close()


def test_the_form_preselects_from_its_status_and_sends_the_choice(qtbot: QtBot) -> None:
    form = LogCallForm(demo_settings("DE"))
    qtbot.addWidget(form)
    form.show()
    assert form.status.status() is CallStatus.COMPLETED
    assert form.outcome.outcome() == CONNECTED
    form.status.set_status(CallStatus.MISSED)
    assert form.outcome.outcome() == NO_ANSWER
    qtbot.keyClicks(form.from_field.edit, "030 55501234")
    assert form.build_request().outcome == NO_ANSWER
    pick(form.outcome, "Left voicemail")
    form.status.set_status(CallStatus.BUSY)
    assert form.build_request().outcome == LEFT_VOICEMAIL
    form.reset()  # a new call: no choice yet
    assert form.outcome.outcome() == BUSY


def test_a_stored_outcome_missing_from_the_list_is_still_shown(qtbot: QtBot) -> None:
    from hubcall_desktop.core.call import Call
    from hubcall_desktop.core.outcomes import CallOutcome

    combo = OutcomeCombo()
    qtbot.addWidget(combo)
    retired = CallOutcome("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Retired outcome")
    combo.show_for(Call(outcome=retired))
    assert combo.currentText() == "Retired outcome" and combo.outcome() == retired
    OUTCOME_CHOICES.set_outcomes(DEFAULT_LIST)  # a new list keeps what the call has
    assert combo.outcome() == retired


def test_hubspots_refusal_of_an_outcome_names_the_outcome() -> None:
    from hubcall_desktop.hubspot.errors import error_from_response
    from hubcall_desktop.ui.text.messages import message_text

    body = {
        "status": "error",
        "category": "VALIDATION_ERROR",
        "correlationId": "4a0c3c59-9c55-4b9a-8d0e-6c3b2f1e0a11",
        "message": "Invalid input",
        "errors": [{"message": "not allowed", "in": "engagementProperties.hs_call_disposition"}],
    }
    error = error_from_response(400, body, None)
    shown = message_text(error.user_message)
    assert "the outcome" in shown and "notes" not in shown, shown


def test_the_defaults_are_german_in_german_and_a_portals_list_is_shown_as_given(
    qtbot: QtBot, qapp: object
) -> None:
    from datetime import UTC, datetime

    from hubcall_desktop.core.outcomes import OutcomeList
    from hubcall_desktop.ui.text.i18n import install_translations

    install_translations(qapp, "de")  # type: ignore[arg-type]
    try:
        combo = OutcomeCombo()
        qtbot.addWidget(combo)
        assert labels(combo) == [
            "Kein Ergebnis",
            "Besetzt",
            "Verbunden",
            "Live-Nachricht hinterlassen",
            "Voicemail hinterlassen",
            "Keine Antwort",
            "Falsche Nummer",
        ]
        portal = OutcomeList((CONNECTED, LEFT_VOICEMAIL), datetime.now(UTC))
        OUTCOME_CHOICES.set_outcomes(portal)  # HubSpot's words, in the portal's language
        assert labels(combo) == ["Kein Ergebnis", "Connected", "Left voicemail"]
    finally:
        install_translations(qapp, "en")  # type: ignore[arg-type]
