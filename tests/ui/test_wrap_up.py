"""Calls the last stop cut off ask for a wrap-up when the app starts again: the app runs
(demo desk, in-process sandbox, a real journal file), stops with calls still ringing or
talking, and starts again on the same data folder."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import demo_settings, ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.presenters.popup_stack import MAX_VISIBLE
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .ui_helpers import WAIT_MS, make_controller, run

ANNA, SWITCHBOARD, UNKNOWN = range(3)
CUT_OFF = "HubCall Desktop stopped during this call"

Started = Callable[..., AppController]


@pytest.fixture
def start(tmp_path: Path, qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Started]:
    """Starts the app on ``tmp_path``'s data folder; closes every run still open at the end."""
    running: list[AppController] = []

    def started(settings: Settings | None = None) -> AppController:
        app = make_controller(tmp_path, settings or demo_settings("DE"))
        app.tray = None
        with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
            app.start()
        running.append(app)
        return app

    yield started
    for app in running:
        run(qtbot, qloop, app.close_down(), timeout=10_000)
        app.window.deleteLater()


def _stop(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController) -> None:
    """The app stops as on a quit (journal closed), with its calls still open."""
    run(qtbot, loop, app.close_down(), timeout=10_000)


def _left_open(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    start: Started,
    callers: list[int],
    answered: tuple[int, ...] = (),
) -> list[str]:
    """A first run rings ``callers`` (answering those at ``answered`` positions), then stops."""
    first = start()
    desk = first.desk
    assert desk is not None
    ids = [run(qtbot, loop, ring(desk, DEMO_CALLERS[c])) for c in callers]
    for n in answered:
        run(qtbot, loop, desk.answer(ids[n]))
    _stop(qtbot, loop, first)
    return ids


def _popup(qtbot: QtBot, app: AppController, call_id: str) -> CallPopup:
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


def _stored(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, call_id: str) -> Any:
    assert app.desk is not None
    return run(qtbot, loop, app.desk.journal.get_call(call_id))


def test_calls_cut_off_by_a_stop_ask_for_a_wrap_up_and_log_sends_one(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start: Started
) -> None:
    rang, talked = _left_open(qtbot, qloop, start, [ANNA, SWITCHBOARD], answered=(1,))
    app = start()
    missed_popup = _popup(qtbot, app, rang)
    talked_popup = _popup(qtbot, app, talked)
    for popup, status in ((missed_popup, CallStatus.MISSED), (talked_popup, CallStatus.COMPLETED)):
        assert popup.isVisible() and popup.stage is Stage.ENDED
        assert popup.status_combo.status() is status
        assert popup.headline.text().startswith("Call cut off")
        assert popup.windowTitle() == "Call cut off"
        assert CUT_OFF in popup.info.text()
        assert popup.log_button.isVisible() and popup.discard_button.isVisible()
        assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert talked_popup.timer_label.text() == ""  # its duration is not known: none is made up
    assert "cut off" in app.window.statusBar().currentMessage()
    sandbox = app.boot.sandbox
    assert sandbox is not None and sandbox.logged_calls() == []  # nothing logged unasked

    qtbot.keyClicks(talked_popup.notes, "Cut off mid-sentence")
    qtbot.mouseClick(talked_popup.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sandbox.logged_calls()) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: _stored(qtbot, qloop, app, talked).sync_state is SyncState.LOGGED, timeout=WAIT_MS
    )
    [body] = sandbox.logged_calls()
    assert body["externalCallId"] == talked
    assert body["finalCallStatus"] == "COMPLETED"
    assert "durationSeconds" not in body
    assert body["engagementProperties"]["hs_call_body"] == "Cut off mid-sentence"

    qtbot.mouseClick(missed_popup.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: _stored(qtbot, qloop, app, rang).sync_state is SyncState.DISCARDED,
        timeout=WAIT_MS,
    )
    assert app.popups.popup(rang) is None and len(sandbox.logged_calls()) == 1


def test_a_clean_start_asks_nothing(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start: Started
) -> None:
    first = start()
    assert first.desk is not None
    call_id = run(qtbot, qloop, ring(first.desk, DEMO_CALLERS[ANNA]))
    first.popups.close(call_id)  # the agent closed it while it rang
    run(qtbot, qloop, first.desk.hangup(call_id))  # ended before the stop: nothing to ask
    qtbot.wait(100)
    assert first.popups.popup(call_id) is None  # an ordinary end brings no pop-up back
    _stop(qtbot, qloop, first)
    app = start()
    qtbot.wait(100)  # the turn of the loop in which a wrap-up would be asked
    assert app.popups.visible() == [] and app.popups.waiting == 0


def test_many_cut_off_calls_take_turns_in_the_pop_up_queue(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start: Started
) -> None:
    ids = _left_open(qtbot, qloop, start, [ANNA, SWITCHBOARD, UNKNOWN, ANNA, UNKNOWN])
    app = start()
    popups = app.popups
    qtbot.waitUntil(lambda: len(popups.visible()) == MAX_VISIBLE, timeout=WAIT_MS)
    assert popups.waiting == len(ids) - MAX_VISIBLE
    shown = [i for i in ids if popups.popup(i) is not None]
    qtbot.mouseClick(popups.popup(shown[0]).discard_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: popups.waiting == len(ids) - MAX_VISIBLE - 1, timeout=WAIT_MS)
    newcomer = next(i for i in ids if i not in shown and popups.popup(i) is not None)
    popup = popups.popup(newcomer)
    assert popup is not None and popup.isVisible() and CUT_OFF in popup.info.text()
    assert popup.status_combo.status() is CallStatus.MISSED


@pytest.mark.parametrize("where", ["toggle", "settings"])
def test_do_not_disturb_holds_the_wrap_ups_until_it_ends(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, start: Started, where: str
) -> None:
    held, logged_meanwhile = _left_open(qtbot, qloop, start, [ANNA, UNKNOWN])
    quiet = demo_settings("DE")
    quiet.do_not_disturb = True
    app = start(quiet)
    qtbot.waitUntil(lambda: "cut off" in app.window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert app.popups.visible() == [] and app.popups.waiting == 0
    assert app.desk is not None  # decided from the history meanwhile: no longer asked
    run(qtbot, qloop, app.desk.discard(logged_meanwhile))

    if where == "toggle":  # the tray's or the main window's switch
        app.set_do_not_disturb(False)
    else:
        dialog = app.dialogs.open_settings()
        dialog.dnd.setChecked(False)
        dialog._on_ok()
    popup = _popup(qtbot, app, held)
    assert popup.stage is Stage.ENDED and CUT_OFF in popup.info.text()
    qtbot.wait(100)
    assert app.popups.popup(logged_meanwhile) is None


def test_with_pop_ups_off_one_notification_opens_them(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    start: Started,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _left_open(qtbot, qloop, start, [ANNA, SWITCHBOARD])
    said: list[tuple[str, str, Callable[[], None]]] = []
    monkeypatch.setattr(
        "hubcall_desktop.ui.desktop.notifications.Notifier.notify",
        lambda _self, title, body, on_click=None, **_: said.append((title, body, on_click)),
    )
    no_popups = demo_settings("DE")
    no_popups.popup_enabled = False
    app = start(no_popups)
    qtbot.waitUntil(lambda: len(said) == 1, timeout=WAIT_MS)
    title, body, click = said[0]
    assert "cut off" in title and body.startswith("2 calls need a status")
    assert app.popups.visible() == []
    click()  # the agent clicks the notification
    for call_id in ids:
        assert _popup(qtbot, app, call_id).stage is Stage.ENDED
