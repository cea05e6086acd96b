"""A call waiting behind the visible pop-ups follows its call: it opens showing the latest
of its matches, a failed lookup, its end, its answer, and leaves the queue once logged."""

from __future__ import annotations

import asyncio

from pytestqt.qtbot import QtBot

from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.faults import Fault
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.presenters.popup_stack import MAX_VISIBLE
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .popup_screen_probe import painted_height
from .ui_helpers import WAIT_MS, run

ANNA, UNKNOWN = 0, 2


def _fill_the_corner(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController
) -> list[CallPopup]:
    """MAX_VISIBLE unknown callers on screen, their lookups done."""
    desk = app.desk
    assert desk is not None
    shown = []
    for _ in range(MAX_VISIBLE):
        call_id = run(qtbot, loop, ring(desk, DEMO_CALLERS[UNKNOWN]))
        popup = app.popups.popup(call_id)
        assert popup is not None
        shown.append(popup)
    for popup in shown:
        qtbot.waitUntil(lambda p=popup: "Unknown caller" in p.info.text(), timeout=WAIT_MS)
    return shown


def _wait_behind(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, kind: UpdateKind
) -> str:
    """Anna rings with no room left; returns her call id once ``kind`` reached her."""
    desk = app.desk
    assert desk is not None
    seen: list[DeskUpdate] = []
    app.signals.updated.connect(seen.append)
    call_id = run(qtbot, loop, ring(desk, DEMO_CALLERS[ANNA]))
    assert app.popups.popup(call_id) is None and app.popups.waiting == 1
    qtbot.waitUntil(
        lambda: any(u.kind is kind and u.call.external_call_id == call_id for u in seen),
        timeout=WAIT_MS,
    )
    return call_id


def _make_room(app: AppController, shown: list[CallPopup], call_id: str) -> CallPopup:
    shown[0].close()
    popup = app.popups.popup(call_id)
    assert popup is not None and popup.isVisible()
    assert app.popups.waiting == 0
    return popup


def _named(popup: CallPopup) -> bool:
    return bool(popup.matches.labels) and all(
        painted_height(label) >= label.fontMetrics().height() for label in popup.matches.labels[0]
    )


def test_it_opens_with_the_matches_that_came_while_it_waited(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    shown = _fill_the_corner(qtbot, qloop, controller)
    call_id = _wait_behind(qtbot, qloop, controller, UpdateKind.MATCHES)
    popup = _make_room(controller, shown, call_id)
    assert popup.matches.labels[0][0].text() == "Anna Schmidt"
    assert _named(popup)
    assert popup.info.text() == ""  # HubSpot answered: no "asking HubSpot…" left
    assert popup.stage is Stage.RINGING


def test_it_opens_saying_the_lookup_failed(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    shown = _fill_the_corner(qtbot, qloop, controller)
    sandbox = controller.boot.sandbox
    assert sandbox is not None
    sandbox.faults.add(Fault.status(403))
    call_id = _wait_behind(qtbot, qloop, controller, UpdateKind.LOOKUP_FAILED)
    popup = _make_room(controller, shown, call_id)
    assert popup.info.text().startswith("Could not ask HubSpot:")
    assert popup.matches.labels == []


def test_it_opens_answered_with_its_timer(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    shown = _fill_the_corner(qtbot, qloop, controller)
    call_id = _wait_behind(qtbot, qloop, controller, UpdateKind.MATCHES)
    desk = controller.desk
    assert desk is not None
    run(qtbot, qloop, desk.answer(call_id))
    popup = _make_room(controller, shown, call_id)
    assert popup.stage is Stage.TALKING and popup.notes.isVisible()
    assert popup.timer_label.text().startswith("Talking 0:0")
    assert _named(popup)


def test_it_opens_ended_ready_for_the_wrap_up(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    shown = _fill_the_corner(qtbot, qloop, controller)
    call_id = _wait_behind(qtbot, qloop, controller, UpdateKind.MATCHES)
    desk = controller.desk
    assert desk is not None
    run(qtbot, qloop, desk.hangup(call_id))
    qtbot.waitUntil(
        lambda: (
            (c := run(qtbot, qloop, desk.journal.get_call(call_id))) is not None
            and c.final_status is not None
        ),
        timeout=WAIT_MS,
    )
    popup = _make_room(controller, shown, call_id)
    assert popup.stage is Stage.ENDED
    assert popup.status_combo.status() is CallStatus.MISSED
    assert popup.log_button.isVisible() and popup.discard_button.isVisible()
    assert _named(popup)


def test_it_leaves_the_queue_once_logged_elsewhere(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    shown = _fill_the_corner(qtbot, qloop, controller)
    call_id = _wait_behind(qtbot, qloop, controller, UpdateKind.MATCHES)
    desk = controller.desk
    assert desk is not None
    run(qtbot, qloop, desk.hangup(call_id))
    run(qtbot, qloop, desk.log_call(call_id, CallStatus.MISSED, "Call back", ""))  # history
    qtbot.waitUntil(lambda: controller.popups.waiting == 0, timeout=WAIT_MS)
    shown[0].close()
    assert controller.popups.popup(call_id) is None
    assert len(controller.popups.visible()) == MAX_VISIBLE - 1
