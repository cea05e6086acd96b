"""Missed calls are logged as MISSED by themselves, so no wrap-up waits for them."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.seed import UNKNOWN_CALLER_NUMBER
from hubcall_desktop.services.runtime import DeskRuntime
from tests.services.test_call_desk import Recorder, _event


@pytest.fixture
async def recorder(runtime: DeskRuntime) -> Recorder:
    rec = Recorder()
    runtime.desk.add_listener(rec)
    await runtime.desk.start()
    runtime.desk.settings.missed_auto_log_seconds = 1
    assert runtime.desk.settings.auto_log_seconds == 0  # only missed calls log by themselves
    return rec


def test_missed_calls_log_by_themselves_by_default() -> None:
    assert Settings().missed_auto_log_seconds > 0
    assert Settings().auto_log_seconds == 0


async def test_a_missed_call_is_logged_as_missed_once_and_others_wait(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    busy = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="b"))
    await runtime.desk.handle_event(_event(EventKind.ENDED, call_id="b", reason=EndReason.BUSY))
    talked = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="t"))
    await runtime.desk.handle_event(_event(EventKind.ANSWERED, call_id="t"))
    await runtime.desk.handle_event(_event(EventKind.ENDED, call_id="t", reason=EndReason.HUNG_UP))
    missed = await runtime.desk.handle_event(
        _event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER, call_id="m")
    )
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, UNKNOWN_CALLER_NUMBER, call_id="m", reason=EndReason.HUNG_UP)
    )
    await recorder.wait_for(missed, UpdateKind.SYNC, SyncState.LOGGED)
    [body] = sandbox.logged_calls()
    assert body["externalCallId"] == missed and body["finalCallStatus"] == "MISSED"
    for waiting in (busy, talked):  # rang before the missed one: their turn has passed
        stored = await runtime.journal.get_call(waiting)
        assert stored is not None and stored.sync_state is SyncState.LOCAL


async def test_a_missed_call_the_agent_touched_waits_for_them(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    touched = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="t"))
    await runtime.desk.handle_event(_event(EventKind.ENDED, call_id="t", reason=EndReason.HUNG_UP))
    runtime.desk.save_notes_draft(touched, "call back after lunch")
    other = await runtime.desk.handle_event(
        _event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER, call_id="u")
    )
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, UNKNOWN_CALLER_NUMBER, call_id="u", reason=EndReason.HUNG_UP)
    )
    await recorder.wait_for(other, UpdateKind.SYNC, SyncState.LOGGED)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [other]
    stored = await runtime.journal.get_call(touched)
    assert stored is not None and stored.sync_state is SyncState.LOCAL


async def test_with_missed_calls_off_they_wait_like_any_call(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    runtime.desk.settings.missed_auto_log_seconds = 0
    off = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="o"))
    await runtime.desk.handle_event(_event(EventKind.ENDED, call_id="o", reason=EndReason.HUNG_UP))
    await recorder.wait_for(off, UpdateKind.ENDED)  # its auto-log was decided then
    runtime.desk.settings.missed_auto_log_seconds = 1  # the next one is logged
    on = await runtime.desk.handle_event(
        _event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER, call_id="n")
    )
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, UNKNOWN_CALLER_NUMBER, call_id="n", reason=EndReason.HUNG_UP)
    )
    await recorder.wait_for(on, UpdateKind.SYNC, SyncState.LOGGED)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [on]
    stored = await runtime.journal.get_call(off)
    assert stored is not None and stored.sync_state is SyncState.LOCAL
