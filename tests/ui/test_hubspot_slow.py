"""HubSpot answers too slowly for a ringing call: the pop-up stops asking at the lookup's
deadline and says HubSpot is slow (the sandbox drips its answer one byte at a time, or
holds it back), in the UI's language; the call can still be logged."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.sandbox.faults import Fault
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, run

ANNA = 0
DEADLINE_S = 1.0
# A byte every 0.3 s: every read arrives well within httpx's read timeout, so only the
# overall deadline ends the lookup (the whole answer would take 30 s).
DRIP = Fault.odd_answer(body=b'{"results": []}' * 7, drip_seconds=0.3)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "de")
    yield
    install_translations(qapp, "en")


def _slow_ring(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, fault: Fault
) -> CallPopup:
    desk, sandbox = app.desk, app.boot.sandbox
    assert desk is not None and sandbox is not None
    desk.service.lookup_deadline_s = DEADLINE_S
    # Only the caller lookup is slow: the outcome list the app reads on connect is not.
    sandbox.faults.add(
        dataclasses.replace(fault, path=urlsplit(desk.service.inbound_call_url).path)
    )
    call_id = run(qtbot, loop, ring(desk, DEMO_CALLERS[ANNA]))
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


@pytest.mark.parametrize(
    "fault",
    [DRIP, Fault.latency_before(30)],
    ids=["dripping answer", "no answer"],
)
def test_the_pop_up_says_hubspot_is_slow_at_the_lookups_deadline(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController, fault: Fault
) -> None:
    popup = _slow_ring(qtbot, qloop, controller, fault)
    assert popup.info.text() == "Asking HubSpot who is calling…"
    qtbot.waitUntil(lambda: "Asking" not in popup.info.text(), timeout=WAIT_MS)
    assert popup.info.text() == "HubSpot is slow: no answer within 1 seconds."
    assert popup.matches.buttons == []

    # The call goes on and can be logged as usual once HubSpot answers again.
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    call_id = popup.call_id
    qtbot.mouseClick(popup.log_button, Qt.MouseButton.LeftButton)
    sandbox = controller.boot.sandbox
    assert sandbox is not None
    qtbot.waitUntil(lambda: len(sandbox.logged_calls()) == 1, timeout=WAIT_MS)
    desk = controller.desk
    assert desk is not None

    def state() -> SyncState | None:
        stored = run(qtbot, qloop, desk.journal.get_call(call_id))
        return stored.sync_state if stored is not None else None

    qtbot.waitUntil(lambda: state() is SyncState.LOGGED, timeout=WAIT_MS)


def test_hubspot_is_slow_in_german(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController, german: None
) -> None:
    popup = _slow_ring(qtbot, qloop, controller, DRIP)
    qtbot.waitUntil(lambda: "langsam" in popup.info.text(), timeout=WAIT_MS)
    assert popup.info.text() == "HubSpot ist langsam: keine Antwort innerhalb von 1 Sekunden."


def test_a_known_caller_keeps_the_earlier_match_and_stops_asking(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    first = run(qtbot, qloop, ring(desk, DEMO_CALLERS[ANNA]))  # HubSpot names her
    qtbot.waitUntil(lambda: len(controller.popups.popup(first).matches.buttons) == 1)  # type: ignore[union-attr]
    popup = _slow_ring(qtbot, qloop, controller, DRIP)
    # The journal's earlier match reaches the pop-up just after the ring is answered (the
    # desk announces a committed event after the source hears 202): wait for it.
    earlier = "From an earlier call; asking HubSpot…"
    qtbot.waitUntil(lambda: popup.info.text() == earlier, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "asking" not in popup.info.text(), timeout=WAIT_MS)
    assert popup.info.text() == "From an earlier call. HubSpot is slow: no answer within 1 seconds."
    assert (
        len(popup.matches.buttons) == 1
        and "Anna Schmidt" in popup.matches.buttons[0].accessibleName()
    )
