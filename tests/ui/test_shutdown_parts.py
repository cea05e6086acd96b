"""The parts of a clean exit that need no display: the lost-display watch on Qt's messages
and the stop signals (the end-to-end tests in tests/e2e/test_shutdown.py stop the real app)."""

from __future__ import annotations

import asyncio
import logging
import signal

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType

from hubcall_desktop.ui.startup.shutdown import (
    BROKEN_DISPLAY,
    STOP_SIGNALS,
    DisplayWatch,
    close_down_fully,
)


def test_the_broken_display_warning_is_said_once_and_other_messages_pass(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    watch = DisplayWatch()
    context = QMessageLogContext()
    with caplog.at_level(logging.WARNING, logger="hubcall_desktop.ui.startup.shutdown"):
        for _ in range(3):  # Qt repeats it on every pass of its loop
            watch.handle(QtMsgType.QtWarningMsg, context, f"{BROKEN_DISPLAY} (error 1).")
        watch.handle(QtMsgType.QtWarningMsg, context, "some other Qt warning")
    assert watch.lost
    said = [r.getMessage() for r in caplog.records if "display went away" in r.getMessage()]
    assert len(said) == 1
    err = capsys.readouterr().err
    assert "some other Qt warning" in err and BROKEN_DISPLAY not in err


def test_sighup_stops_the_app_like_sigterm_and_sigint() -> None:
    assert {signal.SIGINT, signal.SIGTERM, signal.SIGHUP} <= set(STOP_SIGNALS)


def test_a_close_down_that_fails_is_logged_and_the_exit_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken() -> None:
        raise ValueError("a bug in one step")

    loop = asyncio.new_event_loop()
    try:
        with caplog.at_level(logging.ERROR, logger="hubcall_desktop.ui.startup.shutdown"):
            assert close_down_fully(loop, broken)
    finally:
        loop.close()
    assert "the close-down failed" in caplog.text
