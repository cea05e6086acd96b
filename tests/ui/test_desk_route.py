"""One route from the desk to the windows: every update comes out of one signal, once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.presenters.desk_signals import DeskSignals

from .test_popup_notifications import ScreenBackend
from .ui_helpers import WAIT_MS


def test_every_kind_of_update_comes_out_of_the_one_signal_once(qtbot: QtBot) -> None:
    signals = DeskSignals()
    heard: list[DeskUpdate] = []
    signals.updated.connect(heard.append)
    updates = [DeskUpdate(kind, Call()) for kind in UpdateKind]
    for update in updates:
        signals.on_update(update)
    assert heard == updates


def test_the_desk_signals_are_the_route_and_the_status_only() -> None:
    meta = DeskSignals.staticMetaObject
    own = [
        bytes(meta.method(i).name().data()).decode()
        for i in range(meta.methodOffset(), meta.methodCount())
    ]
    assert sorted(own) == ["status_changed", "updated"]


def test_a_refused_log_reaches_the_notices_through_the_route(
    qtbot: QtBot, controller: AppController
) -> None:
    screen = ScreenBackend()
    controller.notifier._backends = [screen]
    call = Call(sync_state=SyncState.FAILED)
    controller.signals.on_update(DeskUpdate(UpdateKind.SYNC, call, error="HubSpot said no."))
    qtbot.waitUntil(lambda: bool(screen.ever), timeout=WAIT_MS)
    assert screen.ever[0][0] == "Could not log a call"
