"""The pop-up for keyboard users, with the main window hidden (the app in the tray): every
button shows a focus ring when it has the focus, and every action has a shortcut in the
pop-up itself."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, run

ANNA = 0
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def _popup(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController) -> CallPopup:
    """Anna's pop-up, active, the main window hidden."""
    app.window.hide()
    assert app.desk is not None
    call_id = run(qtbot, loop, ring(app.desk, DEMO_CALLERS[ANNA]))
    popup = app.popups.popup(call_id)
    assert popup is not None
    qtbot.waitUntil(lambda: len(popup.matches.buttons) == 1, timeout=WAIT_MS)
    popup.activateWindow()
    qtbot.waitUntil(popup.isActiveWindow, timeout=WAIT_MS)
    return popup


def _assert_focus_rings(qtbot: QtBot, popup: CallPopup) -> None:
    buttons = [b for b in popup.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons
    for button in buttons:
        (popup.notes if popup.notes.isVisible() else popup).setFocus()
        plain = button.grab().toImage()
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus, timeout=WAIT_MS)
        assert button.grab().toImage() != plain, f"no focus ring on {button.text()!r}"


def test_every_button_shows_a_focus_ring(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _popup(qtbot, qloop, controller)
    _assert_focus_rings(qtbot, popup)  # Answer, Hang up, Open in HubSpot, close
    qtbot.keyClick(popup, Qt.Key.Key_H, ALT)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    _assert_focus_rings(qtbot, popup)  # Discard, Log call, Open in HubSpot, close


def test_answer_hang_up_and_discard_by_shortcut(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _popup(qtbot, qloop, controller)
    qtbot.keyClick(popup, Qt.Key.Key_A, ALT)  # &Answer
    qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    qtbot.keyClick(popup.notes, Qt.Key.Key_H, ALT)  # &Hang up, from the notes
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    call_id = popup.call_id
    qtbot.keyClick(popup.notes, Qt.Key.Key_D, CTRL)  # Discard
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is None, timeout=WAIT_MS)
    assert controller.boot.sandbox is not None
    assert controller.boot.sandbox.logged_calls() == []


def test_log_by_shortcut(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _popup(qtbot, qloop, controller)
    qtbot.keyClick(popup, Qt.Key.Key_H, ALT)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    qtbot.keyClick(popup.status_combo, Qt.Key.Key_Return, CTRL)  # Log call, from anywhere
    sandbox = controller.boot.sandbox
    assert sandbox is not None
    qtbot.waitUntil(lambda: len(sandbox.logged_calls()) == 1, timeout=WAIT_MS)


def test_open_in_hubspot_and_close_by_shortcut(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _popup(qtbot, qloop, controller)
    controller.popups.open_requested.disconnect(controller.open_url)  # no browser in tests
    with qtbot.waitSignal(popup.open_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(popup, Qt.Key.Key_O, CTRL)
    assert opened.args == [popup.matches.urls[0]]
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
