"""The pop-up from ringing to logged, against the sandbox: matches, answer, hang-up, notes, log."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.models.history_model import Column
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, run

ANNA, SWITCHBOARD, UNKNOWN, WITHHELD = range(4)


def _ring(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, caller: int
) -> CallPopup:
    assert app.desk is not None
    call_id = run(qtbot, loop, ring(app.desk, DEMO_CALLERS[caller]))
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


def test_known_caller_rings_is_answered_hung_up_and_logged(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, ANNA)
    assert popup.isVisible()
    assert popup.number.text() == "030 55501234"
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    qtbot.waitUntil(lambda: len(popup.matches.buttons) == 1, timeout=WAIT_MS)
    assert "Anna Schmidt" in popup.matches.buttons[0].accessibleName()
    assert popup.matches.urls[0].startswith(
        "https://app-eu1.hubspot.com/contacts/147258369/record/0-1/"
    )
    assert popup.answer_button.isVisible()

    qtbot.mouseClick(popup.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    assert popup.timer_label.text().startswith("Talking 0:0")
    assert popup.notes.isVisible() and not popup.log_button.isVisible()

    qtbot.keyClicks(popup.notes, "Wants a quote")
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    assert popup.status_combo.status() is CallStatus.COMPLETED
    assert popup.log_button.isVisible() and popup.discard_button.isVisible()
    assert popup.notes.toPlainText() == "Wants a quote"
    popup.title_edit.setText("Quote")

    call_id = popup.call_id
    qtbot.keyClick(
        popup.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )  # = Log call
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is None, timeout=WAIT_MS)
    model = controller.model
    qtbot.waitUntil(lambda: _sync_text(controller, call_id) == "Logged", timeout=WAIT_MS)
    boot_sandbox = controller.boot.sandbox
    assert boot_sandbox is not None
    [body] = boot_sandbox.logged_calls()
    assert body["externalCallId"] == call_id
    assert body["engagementProperties"]["hs_call_body"] == "Wants a quote"
    assert body["engagementProperties"]["hs_call_title"] == "Quote"
    row = model.row_of(call_id)
    assert row is not None
    assert model.index(row, Column.NAME).data() == "Anna Schmidt"
    assert model.index(row, Column.STATUS).data() == "Completed"


def _sync_text(app: AppController, call_id: str) -> str:
    row = app.model.row_of(call_id)
    return "" if row is None else str(app.model.index(row, Column.SYNC).data())


def test_unknown_caller_says_so(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, UNKNOWN)
    qtbot.waitUntil(lambda: "Unknown caller" in popup.info.text(), timeout=WAIT_MS)
    assert popup.matches.buttons == []
    assert popup.number.text() == "+1 617-555-0100"


def test_several_matches_are_listed_most_likely_first(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, SWITCHBOARD)
    qtbot.waitUntil(lambda: len(popup.matches.buttons) == 3, timeout=WAIT_MS)
    names = [b.accessibleName() for b in popup.matches.buttons]
    assert "Nordlicht Logistik GmbH" in names[-1]


def test_second_call_shows_the_journals_last_match_at_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    first = _ring(qtbot, qloop, controller, ANNA)
    qtbot.waitUntil(lambda: len(first.matches.buttons) == 1, timeout=WAIT_MS)
    assert controller.desk is not None
    second_id = run(qtbot, qloop, ring(controller.desk, DEMO_CALLERS[ANNA]))
    second = controller.popups.popup(second_id)
    assert second is not None  # shown in the same turn as the ring
    # The journal's memory of the caller follows with the journaled word of the call,
    # before HubSpot's own answer (the pop-up says it is from an earlier call).
    qtbot.waitUntil(lambda: len(second.matches.buttons) == 1, timeout=WAIT_MS)
    assert second.info.text() in ("From an earlier call; asking HubSpot…", "")


def test_missed_call_is_preselected_and_discard_keeps_it_local(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, UNKNOWN)
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    assert popup.status_combo.status() is CallStatus.MISSED
    call_id = popup.call_id
    qtbot.keyClick(popup, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _sync_text(controller, call_id) == "Discarded", timeout=WAIT_MS)
    assert controller.popups.popup(call_id) is None
    assert controller.boot.sandbox is not None and controller.boot.sandbox.logged_calls() == []


def test_withheld_caller_pops_up_without_asking_hubspot(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, WITHHELD)
    assert popup.number.text() == "Withheld number"
    sandbox = controller.boot.sandbox
    assert sandbox is not None
    assert [r for r in sandbox.requests if r.is_inbound_call] == []


def test_notes_typed_in_the_popup_reach_the_journal(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, ANNA)
    qtbot.mouseClick(popup.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.notes.isVisible(), timeout=WAIT_MS)
    qtbot.keyClicks(popup.notes, "Crash-proof note")
    desk = controller.desk
    assert desk is not None

    def stored_notes() -> str:
        call = run(qtbot, qloop, desk.journal.get_call(popup.call_id))
        return call.notes if call else ""

    qtbot.waitUntil(lambda: stored_notes() == "Crash-proof note", timeout=WAIT_MS)


def test_log_failure_before_queueing_reopens_the_popup_with_the_reason(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, ANNA)
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    call_id = popup.call_id
    popup.notes.setPlainText("x" * 70_000)  # longer than HubSpot takes
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (p := controller.popups.popup(call_id)) is not None and "notes" in p.info.text(),
        timeout=WAIT_MS,
    )
    again = controller.popups.popup(call_id)
    assert again is not None and len(again.notes.toPlainText()) == 70_000
    assert _sync_text(controller, call_id) == "Not logged"


def test_a_burst_shows_three_popups_and_the_rest_wait_their_turn(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    ids = [run(qtbot, qloop, ring(desk, DEMO_CALLERS[i % 3])) for i in range(5)]
    popups = controller.popups
    assert [popups.popup(i) is not None for i in ids] == [True, True, True, False, False]
    assert len(popups.visible()) == 3 and popups.waiting == 2
    qtbot.waitUntil(
        lambda: popups.waiting == 2 and len(popups._waiting[ids[3]].matches) == 1, timeout=WAIT_MS
    )
    popups.popup(ids[0]).close()  # type: ignore[union-attr]
    fourth = popups.popup(ids[3])
    assert fourth is not None and fourth.isVisible()
    assert len(fourth.matches.buttons) == 1  # the matches that came while it waited
    assert popups.waiting == 1
