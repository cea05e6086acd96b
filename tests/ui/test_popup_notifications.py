"""The desktop notification never covers a pop-up and goes when its call moves on.

The notification daemon is played here by a backend that records what would be on screen
(the real one, dunst over D-Bus, is in tests/e2e/test_popup_notifications.py): a ringing
call whose pop-up is shown gets only the line in the main window; a call without a pop-up
(pop-ups off, or waiting for a place) gets a notification, withdrawn when the call is
answered or ends, or when its pop-up opens.
"""

from __future__ import annotations

import asyncio
import itertools

from pytestqt.qtbot import QtBot

from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.desktop.notifications import Click, InAppBackend
from hubcall_desktop.ui.presenters.call_notices import NAME_WAIT_MS
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.presenters.popup_stack import MAX_VISIBLE

from .ui_helpers import WAIT_MS, run

ANNA, UNKNOWN = 0, 2


class ScreenBackend:
    """What a notification daemon shows: notifications by id, until withdrawn."""

    name = "system"
    covers_screen = True

    def __init__(self) -> None:
        self.on_screen: dict[str, tuple[str, str]] = {}
        self.ever: list[tuple[str, str]] = []
        self._ids = itertools.count(1)

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> str:
        identifier = str(next(self._ids))
        self.on_screen[identifier] = (title, body)
        self.ever.append((title, body))
        return identifier

    async def withdraw(self, identifier: str) -> None:
        self.on_screen.pop(identifier, None)


def _screen(app: AppController) -> ScreenBackend:
    """The app's notifier with a daemon, then the line in the window as before."""
    screen = ScreenBackend()
    window = app.window
    in_app = InAppBackend(lambda t, b: window.statusBar().showMessage(f"{t}: {b}", 15_000))
    app.notifier._backends = [screen, in_app]
    return screen


def test_a_shown_popup_gets_no_notification_over_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    screen = _screen(controller)
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[ANNA]))
    popup = controller.popups.popup(call_id)
    assert popup is not None and popup.isVisible()
    qtbot.waitUntil(lambda: controller.notifier.sent == 1, timeout=WAIT_MS)
    assert controller.notifier.last_backend == "in-app"
    assert controller.window.statusBar().currentMessage() == "Incoming call: Anna Schmidt"
    assert screen.ever == []


def test_without_popups_the_notification_goes_when_the_call_is_answered(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    screen = _screen(controller)
    controller.settings.popup_enabled = False
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[ANNA]))
    qtbot.waitUntil(lambda: len(screen.on_screen) == 1, timeout=WAIT_MS)
    assert list(screen.on_screen.values()) == [("Incoming call", "Anna Schmidt")]
    run(qtbot, qloop, desk.answer(call_id))
    qtbot.waitUntil(lambda: not screen.on_screen, timeout=WAIT_MS)
    assert controller.notifier.withdrawn == 1


def test_the_notification_of_a_call_that_ends_unanswered_goes(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    screen = _screen(controller)
    controller.settings.popup_enabled = False
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[ANNA]))
    qtbot.waitUntil(lambda: len(screen.on_screen) == 1, timeout=WAIT_MS)
    run(qtbot, qloop, desk.hangup(call_id))
    qtbot.waitUntil(lambda: not screen.on_screen, timeout=WAIT_MS)


def test_a_waiting_calls_notification_goes_when_its_popup_opens(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    screen = _screen(controller)
    desk = controller.desk
    assert desk is not None
    shown = [run(qtbot, qloop, ring(desk, DEMO_CALLERS[UNKNOWN])) for _ in range(MAX_VISIBLE)]
    qtbot.waitUntil(lambda: controller.notifier.sent == MAX_VISIBLE, timeout=WAIT_MS)
    assert screen.ever == []  # each has its pop-up
    waiting = run(qtbot, qloop, ring(desk, DEMO_CALLERS[ANNA]))
    assert controller.popups.popup(waiting) is None
    qtbot.waitUntil(lambda: len(screen.on_screen) == 1, timeout=WAIT_MS)
    first = controller.popups.popup(shown[0])
    assert first is not None
    first.close()
    assert controller.popups.popup(waiting) is not None
    qtbot.waitUntil(lambda: not screen.on_screen, timeout=WAIT_MS)


def test_a_call_heard_ringing_twice_is_announced_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    """The desk tells of a new call at once and again once journaled: one notification."""
    screen = _screen(controller)
    controller.settings.popup_enabled = False
    desk = controller.desk
    assert desk is not None
    seen: list[DeskUpdate] = []
    desk.add_listener(lambda u: seen.append(u) if u.kind is UpdateKind.RINGING else None)
    run(qtbot, qloop, ring(desk, DEMO_CALLERS[ANNA]))
    qtbot.waitUntil(lambda: len(screen.ever) == 1, timeout=WAIT_MS)
    (early, *_rest) = seen
    controller.notices.on_ringing(early)  # heard again, e.g. the journaled word of it
    controller.notices.on_ringing(early)
    qtbot.wait(NAME_WAIT_MS + 500)  # past the wait for HubSpot's name
    assert [title for title, _ in screen.ever] == ["Incoming call"]
