"""A call waiting for a pop-up place follows the call: once it is logged or discarded
elsewhere, it never opens as a pop-up that has nothing left to do (and cannot close)."""

from __future__ import annotations

import asyncio

from pytestqt.qtbot import QtBot

from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.presenters.popup_stack import MAX_VISIBLE

from .ui_helpers import WAIT_MS, run


def test_a_waiting_call_settled_elsewhere_leaves_the_queue(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    ids = [run(qtbot, qloop, ring(desk, DEMO_CALLERS[i % 3])) for i in range(MAX_VISIBLE + 1)]
    popups = controller.popups
    waiting_id = ids[-1]
    assert popups.popup(waiting_id) is None and popups.waiting == 1

    run(qtbot, qloop, desk.discard(waiting_id))  # e.g. from the history, or the CLI
    qtbot.waitUntil(lambda: popups.waiting == 0, timeout=WAIT_MS)

    popups.popup(ids[0]).close()  # type: ignore[union-attr]
    assert popups.popup(waiting_id) is None
    assert len(popups.visible()) == MAX_VISIBLE - 1
