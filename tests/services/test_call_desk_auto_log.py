"""Logging on the agent's behalf when timers wake early, as Qt's coarse timers do under qasync
(measured: asyncio.sleep(1) returned after 0.96-1.0 s, early in 40 of 50 tries), when the
source's end time lies ahead, and when the timer looks at the very moment the call is due."""

from __future__ import annotations

import asyncio
import types
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.call import SyncState, utc_now
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services import desk_wrap_up
from hubcall_desktop.services.runtime import DeskRuntime
from tests.services.desk_journal import ANNA
from tests.services.desk_parts import Clock, desk_over, webhook_event
from tests.services.test_call_desk import Recorder, _event


class _EarlyTimers(types.ModuleType):
    """asyncio as the desk's wrap-up part sees it, with every sleep of a second or more ending 5 % early."""

    def __init__(self) -> None:
        super().__init__("asyncio")

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result: Any = None) -> Any:
        return await asyncio.sleep(delay * 0.95 if delay >= 1 else delay, result)


async def test_a_timer_that_wakes_early_still_logs_the_call(
    runtime: DeskRuntime, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_wrap_up, "asyncio", _EarlyTimers())
    recorder = Recorder()
    runtime.desk.add_listener(recorder)
    await runtime.desk.start()
    runtime.desk.settings.auto_log_seconds = 1
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.BUSY))
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [call_id]


async def test_an_end_time_that_lies_ahead_is_waited_for_and_the_call_then_logged(
    runtime: DeskRuntime, sandbox: SandboxServer
) -> None:
    """The source's clock runs ahead: the first timer finds the call not due yet."""
    recorder = Recorder()
    runtime.desk.add_listener(recorder)
    await runtime.desk.start()
    runtime.desk.settings.auto_log_seconds = 1
    call_id = await runtime.desk.handle_event(webhook_event(EventKind.RINGING, "w-1", ANNA))
    ahead = utc_now() + timedelta(seconds=1)
    end = webhook_event(EventKind.ENDED, "w-1", ANNA, at=ahead, reason=EndReason.BUSY)
    await runtime.desk.handle_event(end)
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [call_id]


async def test_a_call_due_at_the_very_moment_the_timer_looks_is_logged(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    clock = Clock()  # the desk's now moves only when told: exactly the deadline below
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox, clock=clock)
    try:
        recorder = Recorder()
        runtime.desk.add_listener(recorder)
        await runtime.desk.start()
        runtime.desk.settings.auto_log_seconds = 1
        ring = webhook_event(EventKind.RINGING, "m-1", ANNA, at=clock.now)
        call_id = await runtime.desk.handle_event(ring)
        end = webhook_event(EventKind.ENDED, "m-1", ANNA, at=clock.now, reason=EndReason.BUSY)
        await runtime.desk.handle_event(end)
        clock.advance(1)
        # Queued on the agent's behalf (the outbox, on the same still clock, waits).
        await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.PENDING)
    finally:
        await runtime.close()
