"""The status list after a call ends: the statuses of an ended call first, the others
(Connecting, Ringing, Queued…) behind "More…", which the keyboard reaches like the mouse.
The pop-up, the call window and the manual form share the list."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.widgets.status_combo import StatusCombo
from hubcall_desktop.ui.windows.popup import Stage

from .ui_helpers import WAIT_MS, run

ENDED = ["Completed", "Missed", "No answer", "Busy", "Failed", "Canceled", "Unknown"]
NOT_ENDED = ["Connecting", "Ringing", "Queued", "In progress", "On hold", "Calling CRM user"]


def _texts(combo: StatusCombo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_an_ended_calls_popup_offers_ended_statuses_first(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[2]))
    popup = controller.popups.popup(call_id)
    assert popup is not None
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    texts = _texts(popup.status_combo)
    assert texts == [*ENDED, "More…"]
    assert popup.status_combo.status() is CallStatus.MISSED


def test_more_is_reached_and_opened_with_the_keyboard(qtbot: QtBot) -> None:
    combo = StatusCombo()
    qtbot.addWidget(combo)
    combo.show()
    combo.setFocus()
    for _ in ENDED:  # from Completed down to "More…", the list closed
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.expanded
    qtbot.waitUntil(combo.view().isVisible, timeout=WAIT_MS)  # the list opened by itself
    assert combo.status() is CallStatus.UNKNOWN  # "More…" is not a status
    texts = _texts(combo)
    assert texts[: len(ENDED)] == ENDED and texts[len(ENDED)] == ""  # the separator
    assert texts[len(ENDED) + 1 :] == NOT_ENDED
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)  # over the separator
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.status() is CallStatus.CONNECTING


def test_a_status_behind_more_is_shown_when_set(qtbot: QtBot) -> None:
    """The call window showing a call logged as "In progress"."""
    combo = StatusCombo()
    qtbot.addWidget(combo)
    assert not combo.expanded
    combo.set_status(CallStatus.IN_PROGRESS)
    assert combo.expanded and combo.currentText() == "In progress"
    assert combo.status() is CallStatus.IN_PROGRESS
    combo.set_status(CallStatus.BUSY)
    assert combo.status() is CallStatus.BUSY and combo.currentText() == "Busy"


def test_the_call_window_has_the_same_list(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[2]))
    call = run(qtbot, qloop, desk.journal.get_call(call_id))
    assert call is not None
    dialog = controller.dialogs.open_call(call)
    assert _texts(dialog.status) == [*ENDED, "More…"]


def test_every_status_is_offered_once(qtbot: QtBot) -> None:
    combo = StatusCombo()
    qtbot.addWidget(combo)
    combo.expand()
    offered = [combo.itemData(i) for i in range(combo.count()) if combo.itemText(i)]
    assert sorted(offered) == sorted(s.value for s in CallStatus)
