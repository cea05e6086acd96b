"""Missed calls: logged by themselves (pop-up closed), one grouped notification, the
view with the callers newest first, and the tray badge until they are seen."""

from __future__ import annotations

import asyncio

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.desktop.app_actions import AppActions
from hubcall_desktop.ui.desktop.tray import Tray
from hubcall_desktop.ui.presenters.controller import AppController

from .test_popup_notifications import _screen
from .ui_helpers import WAIT_MS, run


def _red_pixels(tray: Tray) -> int:
    image = tray.icon.icon().pixmap(64, 64).toImage()
    corner = [
        QColor(image.pixel(x, y))
        for x in range(image.width() // 2, image.width())
        for y in range(image.height() // 2, image.height())
    ]
    return sum(1 for c in corner if c.red() > 150 and c.green() < 80 and c.blue() < 80)


def test_the_tray_icon_shows_the_count_until_seen(qtbot: QtBot) -> None:
    tray = Tray(AppActions(), list, lambda: "DE")
    assert _red_pixels(tray) == 0
    tray.set_missed(5)
    assert _red_pixels(tray) > 100  # a badge, not a stray pixel
    assert "5 missed calls" in tray.tooltip()
    assert any("Missed calls (5)" in a.text().replace("&", "") for a in tray.menu.actions())
    tray.set_missed(0)
    assert _red_pixels(tray) == 0
    assert "missed" not in tray.tooltip()


def test_missed_calls_log_themselves_and_are_announced_once_together(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    screen = _screen(controller)
    controller.settings.missed_auto_log_seconds = 1
    desk = controller.desk
    assert desk is not None
    ids = [run(qtbot, qloop, ring(desk, caller)) for caller in DEMO_CALLERS[:3]]
    for call_id in ids:
        run(qtbot, qloop, desk.hangup(call_id))
    missed = controller.notices.missed
    qtbot.waitUntil(lambda: missed.unseen == 3, timeout=WAIT_MS)

    def logged() -> bool:
        calls = [run(qtbot, qloop, desk.journal.get_call(i)) for i in ids]
        return all(c is not None and c.sync_state is not SyncState.LOCAL for c in calls)

    qtbot.waitUntil(logged, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not controller.popups.visible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(screen.on_screen) == 1, timeout=WAIT_MS)
    [(title, body)] = screen.on_screen.values()
    assert title == "3 missed calls"
    assert body.startswith(DEMO_CALLERS[0].name if hasattr(DEMO_CALLERS[0], "name") else "")
    assert len(screen.ever) == 1  # one notification for the three
    missed.open_view()
    window = missed.window
    assert window is not None and window.isVisible()
    listed = [c.external_call_id for c in window.calls()]
    assert listed == list(reversed(ids))  # newest first
    assert missed.unseen == 0 and controller.settings.missed_seen_at
    qtbot.waitUntil(lambda: not screen.on_screen, timeout=WAIT_MS)  # seen: withdrawn


def test_the_main_windows_calls_menu_opens_the_missed_calls(
    qtbot: QtBot, controller: AppController
) -> None:
    calls_menu = next(
        a.menu() for a in controller.window.menuBar().actions() if a.text() == "&Calls"
    )
    [action] = [a for a in calls_menu.actions() if a.text() == "&Missed calls…"]
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    action.trigger()
    missed = controller.notices.missed
    qtbot.waitUntil(
        lambda: missed.window is not None and missed.window.isVisible(), timeout=WAIT_MS
    )


def test_a_missed_call_group_still_gathering_is_dropped_at_close_down(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[0]))
    controller.popups.close(call_id)  # its pop-up gone: the call is announced at once
    run(qtbot, qloop, desk.hangup(call_id))
    missed = controller.notices.missed
    qtbot.waitUntil(lambda: missed.pending == 1, timeout=WAIT_MS)  # within GROUP_MS
    run(qtbot, qloop, controller.close_down(), timeout=10_000)
    assert missed.pending == 0  # nothing left to say once the app has closed down
