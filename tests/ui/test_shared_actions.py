"""The main window's menus and the tray's menu hold the same QActions: a command runs the
same way from either, what one shows (disabled, ticked, the missed count) the other shows,
and the keyboard shortcuts work in the main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from hubcall_desktop.ui.desktop.tray import Tray
from hubcall_desktop.ui.presenters.controller import AppController

from .ui_helpers import WAIT_MS


@pytest.fixture
def tray(controller: AppController) -> Iterator[Tray]:
    """A tray menu on the app's actions (offscreen has no tray host; the menu is real)."""
    made = Tray(controller.window.commands, lambda: [], lambda: controller.context.region)
    made.rebuild_menu()
    yield made
    made.menu.deleteLater()


def _find(menu: QMenu, text: str) -> QAction:
    for action in menu.actions():
        if action.text() == text:
            return action
        if action.menu() is not None:
            try:
                return _find(action.menu(), text)
            except LookupError:
                pass
    raise LookupError(text)


def _window_menu(controller: AppController, text: str) -> QAction:
    for top in controller.window.menuBar().actions():
        try:
            return _find(top.menu(), text)
        except LookupError:
            pass
    raise LookupError(text)


@pytest.mark.parametrize(
    "text",
    ["&Log a call…", "Go to the call &pop-up", "&Missed calls…", "&Do not disturb",
     "&Settings…", "&Quit"],
)  # fmt: skip
def test_both_menus_hold_one_action_per_command(
    controller: AppController, tray: Tray, text: str
) -> None:
    assert _find(tray.menu, text) is _window_menu(controller, text)


def test_log_a_call_opens_the_one_form_from_either_menu(
    qtbot: QtBot, controller: AppController, tray: Tray
) -> None:
    _find(tray.menu, "&Log a call…").trigger()
    form = controller.dialogs.log_form
    assert form is not None and form.isVisible()
    form.close()
    _window_menu(controller, "&Log a call…").trigger()
    assert controller.dialogs.log_form is form and form.isVisible()


def test_do_not_disturb_from_the_tray_is_ticked_in_the_window(
    qtbot: QtBot, controller: AppController, tray: Tray
) -> None:
    _find(tray.menu, "&Do not disturb").trigger()
    assert controller.settings.do_not_disturb
    assert _window_menu(controller, "&Do not disturb").isChecked()
    _window_menu(controller, "&Do not disturb").trigger()
    assert not controller.settings.do_not_disturb
    tray.rebuild_menu()  # as it opens: built afresh from the same actions
    assert not _find(tray.menu, "&Do not disturb").isChecked()


def test_an_action_disabled_is_disabled_in_both_menus(
    controller: AppController, tray: Tray
) -> None:
    controller.window.commands.log_call.setEnabled(False)
    tray.rebuild_menu()
    assert not _find(tray.menu, "&Log a call…").isEnabled()
    assert not _window_menu(controller, "&Log a call…").isEnabled()


def test_the_missed_count_shows_in_both_menus(controller: AppController, tray: Tray) -> None:
    tray.set_missed(3)
    assert _find(tray.menu, "&Missed calls (3)…") is _window_menu(controller, "&Missed calls (3)…")


def test_a_demo_caller_rings_from_either_menu(
    qtbot: QtBot, controller: AppController, tray: Tray
) -> None:
    commands = controller.window.commands
    assert commands.simulate_calls, "demo mode offers its callers"
    label = commands.simulate_calls[1].text()
    with qtbot.waitSignal(commands.simulate, timeout=WAIT_MS) as blocker:
        _find(tray.menu, label).trigger()
    assert blocker.args == [1]
    with qtbot.waitSignal(commands.simulate, timeout=WAIT_MS) as blocker:
        _window_menu(controller, label).trigger()
    assert blocker.args == [1]


def test_keyboard_shortcuts_work_in_the_main_window(
    qtbot: QtBot, controller: AppController, tray: Tray
) -> None:
    window = controller.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_D, control | shift)
    assert controller.settings.do_not_disturb
    assert window.commands.dnd.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_L, control)
    form = controller.dialogs.log_form
    assert form is not None and form.isVisible()


def test_reconnect_from_the_status_bar_or_the_tray_opens_the_hubspot_settings(
    qtbot: QtBot, controller: AppController, tray: Tray
) -> None:
    commands = controller.window.commands
    tray.set_reconnect_needed(True)
    assert tray.menu.actions()[0] is commands.reconnect
    commands.settings.trigger()
    dialog = controller.dialogs.settings_dialog
    assert dialog is not None
    for reconnect in (controller.window.reconnect_button.click, commands.reconnect.trigger):
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)  # somewhere else
        dialog.close()
        reconnect()
        assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog._hubspot_tab
