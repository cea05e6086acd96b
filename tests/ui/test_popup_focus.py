"""Where the keyboard goes in a pop-up: after a click on Answer or Hang up it is in the
notes, so the next space is a space and not "Hang up" or "Discard"; Enter clicks the
focused button; no destructive button is ever the default."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, run

ANNA = 0


def _active_popup(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController) -> CallPopup:
    """Anna's pop-up, made the active window, as the agent's first click on it does."""
    assert app.desk is not None
    call_id = run(qtbot, loop, ring(app.desk, DEMO_CALLERS[ANNA]))
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    popup.activateWindow()
    qtbot.waitUntil(popup.isActiveWindow, timeout=WAIT_MS)
    return popup


def _focus() -> object:
    return QApplication.focusWidget()


def test_after_a_click_on_answer_then_hang_up_the_keyboard_is_in_the_notes(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _active_popup(qtbot, qloop, controller)
    qtbot.mouseClick(popup.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    assert _focus() is popup.notes

    qtbot.keyClicks(_focus(), "Wants a quote")  # what the agent types goes where it looks
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    assert popup.notes.toPlainText() == "Wants a quote "
    assert popup.stage is Stage.TALKING  # the space did not hang up

    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    assert _focus() is popup.notes  # not Discard, the next button in line
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    assert popup.notes.toPlainText() == "Wants a quote  "
    assert controller.popups.popup(popup.call_id) is popup  # the space discarded nothing


def test_a_call_answered_elsewhere_gives_the_notes_the_keyboard(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    """Answered on the softphone while the pop-up had the keyboard (on Answer)."""
    popup = _active_popup(qtbot, qloop, controller)
    popup.answer_button.setFocus()
    desk = controller.desk
    assert desk is not None
    run(qtbot, qloop, desk.answer(popup.call_id))
    qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    assert _focus() is popup.notes


def test_enter_clicks_the_focused_button(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _active_popup(qtbot, qloop, controller)
    popup.answer_button.setFocus()
    qtbot.keyClick(popup.answer_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: popup.stage is Stage.TALKING, timeout=WAIT_MS)
    popup.hangup_button.setFocus()  # chosen on purpose (Tab), so Enter may hang up
    qtbot.keyClick(popup.hangup_button, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    call_id = popup.call_id
    popup.log_button.setFocus()
    qtbot.keyClick(popup.log_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is None, timeout=WAIT_MS)


@pytest.mark.parametrize("name", ["hangup_button", "discard_button"])
def test_no_destructive_button_is_the_default(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController, name: str
) -> None:
    popup = _active_popup(qtbot, qloop, controller)
    defaults = [b for b in popup.findChildren(QPushButton) if b.isDefault()]
    assert defaults == [popup.log_button]
    button: QPushButton = getattr(popup, name)
    assert not button.isDefault()
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    assert _focus() is not button and not button.isDefault()
