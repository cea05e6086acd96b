"""The app around the calls: no-tray fallback, quitting with a queue, the status bar, the tray
menu, notification fallbacks, one instance per data folder, the call dialog."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskStatus, TokenState
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.desktop import notifications
from hubcall_desktop.ui.desktop.app_actions import AppActions
from hubcall_desktop.ui.desktop.notifications import Notifier
from hubcall_desktop.ui.desktop.tray import Tray, TrayState
from hubcall_desktop.ui.models.history_model import Column
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.main_window import MainWindow

from .ui_helpers import WAIT_MS, run, tooltip_text


def test_without_a_tray_the_app_says_so_and_closing_quits(
    qtbot: QtBot, controller: AppController
) -> None:
    assert controller.tray is None
    assert not controller.window.hide_on_close
    assert "No system tray" in controller.window.statusBar().currentMessage()
    window = MainWindow(controller.model)
    qtbot.addWidget(window)
    window.hide_on_close = False
    with qtbot.waitSignal(window.commands.quit.triggered, timeout=WAIT_MS):
        window.close()
    window.hide_on_close = True
    window.show()
    with qtbot.assertNotEmitted(window.commands.quit.triggered):
        window.close()
    assert not window.isVisible()  # hidden to the tray, not quit


def test_quitting_with_pending_logs_says_how_many_stay_queued(
    qtbot: QtBot, controller: AppController
) -> None:
    assert controller.desk is not None
    controller.desk.status.set_pending(2)
    controller.request_quit()
    box = controller.quit_box
    assert box.isVisible()
    assert box.text().startswith("2 calls are still waiting to be logged. They stay queued")
    box.reject()
    controller.request_quit()  # Cancel did not start quitting: asked again, it asks again
    assert controller.quit_box is not box and controller.quit_box.isVisible()
    controller.quit_box.reject()


def test_status_bar_shows_the_connection_state(qtbot: QtBot) -> None:
    from hubcall_desktop.ui.models.history_model import HistoryModel

    window = MainWindow(HistoryModel())
    qtbot.addWidget(window)
    window.set_status(DeskStatus())
    assert window.token_label.text() == "Token: not checked yet"
    assert window.hubspot_label.text() == "HubSpot: not contacted yet"
    assert window.sources_label.text() == "No call source listening"
    window.set_status(
        DeskStatus(TokenState.REFUSED, False, 3, ("webhook 127.0.0.1:47831",), "The token expired.")
    )
    assert window.token_label.text() == "Token refused"
    assert window.hubspot_label.text() == "HubSpot unreachable"
    assert window.pending_label.text() == "3 pending"
    assert window.sources_label.text() == "Listening: webhook 127.0.0.1:47831"
    assert tooltip_text(window.token_label) == "The token expired."


def _call(name: str) -> Call:
    match = CallerMatch("COMPANY", ObjectCoordinates(1, "0-2", 1), name=name)
    return Call(from_number=parse_phone("+442079460500"), raw_from="+442079460500", matches=[match])


@pytest.fixture
def tray(qtbot: QtBot) -> Iterator[Tray]:
    calls = [_call("Thames & Pike Ltd")]
    commands = AppActions(["Known contact", "Withheld"])
    commands.set_dnd(True)
    made = Tray(commands, lambda: calls, lambda: "GB")
    yield made
    made.hide()
    made.menu.deleteLater()


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_tray_menu_is_built_from_the_state(tray: Tray) -> None:
    tray.rebuild_menu()
    texts = _texts(tray.menu)
    assert texts[:3] == ["Show &window", "Go to the call &pop-up", "&Log a call…"]
    assert "Simulate &incoming call" in texts
    dnd = next(a for a in tray.menu.actions() if a.text() == "&Do not disturb")
    assert dnd.isCheckable() and dnd.isChecked()
    assert any(t.endswith("Thames && Pike Ltd") for t in texts)  # "&" is not a mnemonic
    assert texts[-2:] == ["&Settings…", "&Quit"]


def test_tray_menu_actions_emit_their_signals(qtbot: QtBot, tray: Tray) -> None:
    tray.rebuild_menu()
    actions = {a.text(): a for a in tray.menu.actions()}
    with qtbot.waitSignal(tray.commands.log_call.triggered, timeout=WAIT_MS):
        actions["&Log a call…"].trigger()
    with qtbot.waitSignal(tray.commands.dnd.toggled, timeout=WAIT_MS) as blocker:
        actions["&Do not disturb"].trigger()
    assert blocker.args == [False]
    demo = actions["Simulate &incoming call"].menu()
    with qtbot.waitSignal(tray.commands.simulate, timeout=WAIT_MS) as blocker:
        demo.actions()[1].trigger()
    assert blocker.args == [1]


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (TrayState.IDLE, "Ready"),
        (TrayState.RINGING, "Ringing"),
        (TrayState.OFFLINE, "Not connected to HubSpot"),
        (TrayState.DND, "Do not disturb"),
    ],
)
def test_tray_tooltip_says_the_state_in_words(tray: Tray, state: TrayState, words: str) -> None:
    tray.set_state(state, "detail line")
    assert tray.tooltip() == f"HubCall Desktop: {words}\ndetail line"
    assert tray.state is state


async def _never(*_args: object) -> bool:
    return False


def test_notifications_fall_back_and_remember_what_failed(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notifications.SystemBackend, "send", _never)  # no daemon answers
    shown: list[tuple[str, str]] = []
    notifier = Notifier(lambda: None, lambda title, body: shown.append((title, body)))
    assert run(qtbot, qloop, notifier.send("Incoming call", "Anna Schmidt")) == "in-app"
    assert run(qtbot, qloop, notifier.send("Incoming call", "James Carter")) == "in-app"
    assert shown == [("Incoming call", "Anna Schmidt"), ("Incoming call", "James Carter")]
    assert notifier.sent == 2


def test_double_click_opens_the_call_and_resend_logs_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[2]))
    run(qtbot, qloop, desk.hangup(call_id))
    controller.popups.close_all()
    qtbot.waitUntil(lambda: controller.model.row_of(call_id) == 0, timeout=WAIT_MS)
    table = controller.window.table
    table.selectRow(0)
    assert controller.window.selected_call_id() == call_id
    rect = table.visualRect(controller.model.index(0, Column.NUMBER))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: call_id in controller.dialogs.call_dialogs, timeout=WAIT_MS)
    dialog = controller.dialogs.call_dialogs[call_id]
    assert dialog.isVisible() and dialog.log_button.isVisible()
    dialog.status.set_status(CallStatus.MISSED)
    dialog.notes.setPlainText("Call back tomorrow")
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sync.text().startswith("Logged"), timeout=WAIT_MS)
    assert not dialog.notes.isEnabled() and not dialog.log_button.isVisible()
    stored = run(qtbot, qloop, desk.journal.get_call(call_id))
    assert stored is not None and stored.sync_state is SyncState.LOGGED
    assert stored.notes == "Call back tomorrow" and stored.final_status is CallStatus.MISSED
