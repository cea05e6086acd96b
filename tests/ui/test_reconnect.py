"""HubSpot revokes the OAuth grant: the status bar, the tray and one notification say that
the agent must connect again; calls keep ringing and stay queued; reconnecting from the
status bar's "Reconnect…" sends them."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.desk_types import DeskStatus, TokenState
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.oauth import consent_without_browser
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.sandbox.server import SandboxServer
from hubcall_desktop.ui.desktop.tray import Tray, TrayState
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.main_window import MainWindow

from .ui_helpers import WAIT_MS, run, tooltip_text

RECONNECT_TITLE = "HubSpot needs you to connect again"


@pytest.fixture
def tray(oauth_app: AppController) -> Iterator[Tray]:
    made = Tray(oauth_app.window.commands, lambda: [], lambda: "DE")  # wired by the app
    oauth_app.tray = made
    yield made
    made.hide()
    made.menu.deleteLater()


@pytest.fixture
def notified(oauth_app: AppController, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the notifications sent (they still go out as usual)."""
    titles: list[str] = []
    send = oauth_app.notifier.notify

    def spy(title: str, *args: object, **kwargs: object) -> None:
        titles.append(title)
        send(title, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(oauth_app.notifier, "notify", spy)
    return titles


async def _revoke_everything(sandbox: SandboxServer) -> None:
    """The agent uninstalled the app in HubSpot: every token stops working."""
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        answer = await http.post("/_sandbox/oauth/revoke-all")
        answer.raise_for_status()


def _reconnect_needed(app: AppController) -> bool:
    desk = app.desk
    return desk is not None and desk.current_status().token is TokenState.RECONNECT


def test_reconnect_needed_is_shown_once_and_reconnecting_sends_the_queue(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    oauth_app: AppController,
    sandbox: SandboxServer,
    tray: Tray,
    notified: list[str],
) -> None:
    connection, desk, window = oauth_app.boot.connection, oauth_app.desk, oauth_app.window
    assert connection is not None and desk is not None
    run(qtbot, qloop, connection.connect_oauth(open_browser=consent_without_browser, timeout=10))
    assert window.reconnect_button.isHidden()
    run(qtbot, qloop, _revoke_everything(sandbox))

    first = run(qtbot, qloop, _ring(oauth_app, 0))
    # The look-up's token is refused (401), and so is the refresh that follows at once.
    qtbot.waitUntil(lambda: _reconnect_needed(oauth_app), timeout=WAIT_MS)
    # The ringing call is announced (a call logged before that is not announced any more).
    qtbot.waitUntil(lambda: notified.count("Incoming call") == 1, timeout=WAIT_MS)
    run(qtbot, qloop, desk.log_call(first, CallStatus.COMPLETED, "Call back on Friday."))
    qtbot.waitUntil(lambda: desk.current_status().pending == 1, timeout=WAIT_MS)
    assert window.token_label.text() == "Reconnect needed"
    assert not window.reconnect_button.isHidden()
    assert tray.state is TrayState.OFFLINE
    assert re.fullmatch(  # the English plural form may say "call" or "call(s)"
        r"HubCall Desktop: Not connected to HubSpot\n"
        r"HubSpot needs you to connect again; 1 call(\(s\))? queued",
        tray.tooltip(),
    ), tray.tooltip()
    tray.rebuild_menu()
    assert tray.menu.actions()[0].text() == "&Reconnect to HubSpot…"

    run(qtbot, qloop, _ring(oauth_app, 2))  # still needed: calls ring, nothing new is said
    qtbot.waitUntil(lambda: notified.count("Incoming call") == 2, timeout=WAIT_MS)
    assert notified.count(RECONNECT_TITLE) == 1
    assert sandbox.logged_calls() == []

    oauth_app.dialogs.open_settings().tabs.setCurrentIndex(2)
    qtbot.mouseClick(window.reconnect_button, Qt.MouseButton.LeftButton)
    dialog = oauth_app.dialogs.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.hubspot)
    page = dialog.hubspot
    qtbot.waitUntil(lambda: page.state.text().startswith("Reconnect needed: "), timeout=WAIT_MS)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.current_status().pending == 0, timeout=WAIT_MS)
    assert [body["externalCallId"] for body in sandbox.logged_calls()] == [first]
    assert window.token_label.text() == "Token OK"
    assert window.reconnect_button.isHidden()
    assert tray.state is TrayState.RINGING  # the second call still rings
    assert not tray.reconnect_needed and "connect again" not in tray.tooltip()

    # Needed again later: told again, once.
    run(qtbot, qloop, _revoke_everything(sandbox))
    run(qtbot, qloop, _ring(oauth_app, 0))  # refused, and the refresh too
    qtbot.waitUntil(lambda: notified.count(RECONNECT_TITLE) == 2, timeout=WAIT_MS)


async def _ring(app: AppController, caller: int) -> str:
    from hubcall_desktop.services.demo import ring

    desk = app.desk
    assert desk is not None
    return await ring(desk, DEMO_CALLERS[caller])


def test_the_status_bar_offers_to_reconnect(qtbot: QtBot) -> None:
    from hubcall_desktop.ui.models.history_model import HistoryModel

    window = MainWindow(HistoryModel("DE"))
    qtbot.addWidget(window)
    window.set_status(DeskStatus(TokenState.RECONNECT, True, 3, (), "Sign in again."))
    assert window.token_label.text() == "Reconnect needed"
    assert tooltip_text(window.token_label) == "Sign in again."
    assert not window.reconnect_button.isHidden()
    with qtbot.waitSignal(window.commands.reconnect.triggered, timeout=WAIT_MS):
        qtbot.mouseClick(window.reconnect_button, Qt.MouseButton.LeftButton)
    window.set_status(DeskStatus(TokenState.OK, True))
    assert window.reconnect_button.isHidden()
