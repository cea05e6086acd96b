"""One Log click in a real pop-up, counted at the journal's thread: the desk, the outbox
and every window that hears of it (history, tray, notices) together."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.popup import Stage
from tests.services.test_log_round_trips import LOG_ROUND_TRIPS, Counter

from .test_popup_flow import ANNA, _ring
from .ui_helpers import WAIT_MS, run


def test_a_log_click_costs_the_same_round_trips_as_the_desks_log(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring(qtbot, qloop, controller, ANNA)
    qtbot.waitUntil(lambda: len(popup.matches.buttons) == 1, timeout=WAIT_MS)
    qtbot.mouseClick(popup.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    runtime = controller.context.runtime
    assert runtime is not None
    call_id = popup.call_id
    logged: list[DeskUpdate] = []
    controller.signals.updated.connect(
        lambda u: (
            logged.append(u)
            if u.kind is UpdateKind.SYNC and u.call.sync_state is SyncState.LOGGED
            else None
        )
    )
    # A pass the outbox may still be making (woken at start-up) ends first, so only the
    # Log's own work is counted.
    run(qtbot, qloop, runtime.desk.outbox.one_pass())
    counter = Counter(runtime.journal)
    counter.counting = True
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(logged), timeout=WAIT_MS)
    counter.counting = False
    print(f"\nround trips for one Log click: {len(counter.names)} {counter.names}")
    assert logged[0].call.external_call_id == call_id
    assert counter.names == LOG_ROUND_TRIPS
