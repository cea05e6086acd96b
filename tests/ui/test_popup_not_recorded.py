"""A ringing call pops up before the journal has it; when the journal then refuses it,
the pop-up says so (and why), the history does not list it, and the softphone's retry
lands in the same pop-up. The whole app (demo mode, offscreen); "another program" holding
the journal's write lock is a second SQLite connection."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import CallSource, utc_now
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.events import EventKind, make_event
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER
from hubcall_desktop.ui.presenters.controller import AppController

from .ui_helpers import WAIT_MS, run

LOCK_WAIT_MS = 20_000  # the journal waits 5 s for the lock before it gives up


def _ringing() -> object:
    return make_event(
        EventKind.RINGING,
        CallSource.DEMO,
        source_call_id="not-recorded-1",
        raw_from="+493055501234",
        raw_to=DEMO_AGENT_NUMBER,
        at=utc_now(),
        region="DE",
    )


def test_a_call_the_journal_refuses_says_so_in_its_popup_and_its_retry_is_recorded(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    other = sqlite3.connect(desk.journal.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError):
            run(qtbot, qloop, desk.handle_event(_ringing()), timeout=LOCK_WAIT_MS)  # type: ignore[arg-type]
    finally:
        other.execute("ROLLBACK")
        other.close()
    [popup] = controller.popups.visible()
    assert popup.info.text().startswith("This call could not be recorded")
    assert "locked" in popup.info.text()  # the journal's own reason follows
    assert controller.model.row_of(popup.call_id) is None  # not in the history

    call_id = run(qtbot, qloop, desk.handle_event(_ringing()))  # type: ignore[arg-type]
    assert call_id == popup.call_id  # the same pop-up follows the retry
    assert controller.popups.visible() == [popup]
    qtbot.waitUntil(lambda: controller.model.row_of(call_id) is not None, timeout=WAIT_MS)
