"""Work the UI starts while the app is closing (a connection's outcome list, a last
event's notice) is cancelled before the desk and its HubSpot client close, instead of
failing against them with a traceback in the log."""

from __future__ import annotations

import asyncio
import logging

import pytest
from pytestqt.qtbot import QtBot

from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.presenters.controller import AppController

from .conftest import run


def test_work_started_while_closing_is_cancelled_before_the_desk_closes(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    caplog: pytest.LogCaptureFixture,
) -> None:
    desk = controller.desk
    assert desk is not None
    reached = []
    closed = asyncio.Event()  # set once the close-down is over
    started: list[asyncio.Task[None]] = []

    async def late_work() -> None:
        await closed.wait()  # still running when the desk closes
        reached.append(True)
        await desk.service.call_outcomes()

    class ClosingSources:
        async def stop(self) -> None:  # as a listener would, mid-close
            started.append(tasks.start(late_work(), "late work"))

    async def close_then_let_go() -> None:
        await controller.close_down()
        closed.set()
        await asyncio.gather(*started, return_exceptions=True)  # ended, whichever way

    controller.boot.sources = ClosingSources()  # type: ignore[assignment]
    with caplog.at_level(logging.ERROR):
        run(qtbot, qloop, close_then_let_go(), timeout=10_000)
    assert len(started) == 1 and started[0].cancelled()
    assert reached == []
    assert "late work" not in caplog.text
