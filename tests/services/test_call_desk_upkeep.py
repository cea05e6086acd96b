"""The desk's upkeep: notes drafts leave no timer behind, starting twice runs one outbox,
calls whose end never comes are closed by the periodic check (every one of them), call
controls can be taken away, and a resend sends the call as the journal has it (title
too). Real journal file, real sandbox."""

from __future__ import annotations

import asyncio
import gc
import weakref
from datetime import timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call, CallSource
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.events import EventKind
from hubcall_desktop.core.lifecycle import CallLifecycle
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services import desk_intake
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.journal import OutboxEntry

from .desk_journal import ANNA, OTTO, write_locked
from .desk_parts import Clock, desk_over, webhook_event
from .test_call_desk import Recorder

RING_TIMEOUT = timedelta(minutes=2)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


async def test_a_closed_desk_is_not_kept_alive_by_the_timers_of_its_notes_drafts(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    # A pause in typing an hour long: every timer is still pending when the desk closes.
    runtime = await desk_over(journal_path, sandbox, notes_debounce_s=3600.0)
    desk = runtime.desk
    try:
        call_id = await desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        desk.save_notes_draft(call_id, "Wants")
        desk.save_notes_draft(call_id, "Wants a quote")  # the first timer is dropped
    finally:
        await runtime.close()  # writes the draft once and drops its timer
    stored = await _stored(journal_path, sandbox, call_id)
    assert stored.notes == "Wants a quote"
    gone = weakref.ref(desk)
    del desk, runtime
    gc.collect()
    assert gone() is None, "a draft's timer still holds the closed desk"


async def test_notes_typed_in_a_burst_are_written_once_after_the_pause(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox, notes_debounce_s=0.05)
    recorder = Recorder()
    runtime.desk.add_listener(recorder)
    try:
        call_id = await runtime.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        await recorder.wait(lambda u: u.kind is UpdateKind.MATCHES and u.fresh)  # looked up
        before = len(recorder.updates)
        for typed in ("W", "Wa", "Wants a quote"):
            runtime.desk.save_notes_draft(call_id, typed)
        flushed = await recorder.wait(lambda u: u.call.notes == "Wants a quote")
    finally:
        await runtime.close()
    assert flushed.kind is UpdateKind.CHANGED
    assert [u.call.notes for u in recorder.updates[before:]] == ["Wants a quote"]


async def test_closing_while_a_notes_write_waits_for_a_busy_journal_keeps_the_notes(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox, busy_timeout=10.0, notes_debounce_s=0.01)
    desk = runtime.desk
    recorder = Recorder()
    desk.add_listener(recorder)
    try:
        call_id = await desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        await recorder.wait(lambda u: u.kind is UpdateKind.MATCHES and u.fresh)  # looked up
        with write_locked(journal_path):  # a backup tool holds the journal for a moment
            saving = asyncio.ensure_future(
                desk.update_call(call_id, status=None, notes="", title="Quote")
            )
            await asyncio.sleep(0.1)  # the save waits for the journal, holding the desk
            desk.save_notes_draft(call_id, "Wants a quote")
            await asyncio.sleep(0.2)  # the pause in typing is over: its write waits too
            closing = asyncio.ensure_future(desk.close())  # the agent quits meanwhile
            await asyncio.sleep(0.1)
        await saving
        await closing
    finally:
        await runtime.close()
    stored = await _stored(journal_path, sandbox, call_id)
    assert (stored.notes, stored.title) == ("Wants a quote", "Quote")
    written = [u for u in recorder.updates if u.call.notes == "Wants a quote"]
    assert [u.kind for u in written] == [UpdateKind.CHANGED]


async def test_starting_the_desk_twice_runs_one_outbox(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox)
    counting = _CountingOutbox(runtime)
    counting.on_outcome = runtime.desk.outbox.on_outcome
    runtime.desk.outbox = counting
    try:
        await runtime.desk.start()
        await runtime.desk.start()
        assert counting.recoveries == 1
    finally:
        await runtime.close()


async def test_the_periodic_check_closes_a_call_whose_end_never_came(
    journal_path: Path, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_intake, "EXPIRY_CHECK_S", 0.05)
    clock = Clock()
    lifecycle = CallLifecycle(clock=clock, ring_timeout=RING_TIMEOUT)
    runtime = await desk_over(journal_path, sandbox, lifecycle=lifecycle, clock=clock)
    recorder = Recorder()
    runtime.desk.add_listener(recorder)
    try:
        await runtime.desk.start()
        ringing = webhook_event(EventKind.RINGING, "sip-1", ANNA, at=clock.now)
        call_id = await runtime.desk.handle_event(ringing)
        clock.advance(RING_TIMEOUT.total_seconds() + 1)
        ended = await recorder.wait_for(call_id, UpdateKind.ENDED)
    finally:
        await runtime.close()
    assert ended.call.final_status is CallStatus.UNKNOWN
    assert ended.call.flagged


async def test_a_call_the_agent_already_closed_does_not_stop_the_others_expiring(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    clock = Clock()
    lifecycle = CallLifecycle(clock=clock, ring_timeout=RING_TIMEOUT)
    runtime = await desk_over(journal_path, sandbox, lifecycle=lifecycle, clock=clock)
    desk = runtime.desk
    try:
        first = await desk.handle_event(webhook_event(EventKind.RINGING, "a", ANNA, at=clock.now))
        second = await desk.handle_event(webhook_event(EventKind.RINGING, "b", OTTO, at=clock.now))
        # The agent wraps the first one up while it still rings (the softphone never ends it).
        await desk.update_call(first, status=CallStatus.BUSY, notes="", title="")
        clock.advance(RING_TIMEOUT.total_seconds() + 1)
        await desk.expire_overdue()
        kept, expired = [await runtime.journal.get_call(i) for i in (first, second)]
    finally:
        await runtime.close()
    assert kept is not None and kept.final_status is CallStatus.BUSY and not kept.flagged
    assert expired is not None and expired.final_status is CallStatus.UNKNOWN


async def test_a_source_that_can_no_longer_answer_calls_is_forgotten(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox)
    try:
        call_id = await runtime.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        call = await runtime.journal.get_call(call_id)
        assert call is not None and call.source is CallSource.WEBHOOK
        runtime.desk.set_control(CallSource.BARESIP, None)  # never had one: nothing to do
        runtime.desk.set_control(CallSource.WEBHOOK, _NoControl())
        assert runtime.desk.can_control(call)
        runtime.desk.set_control(CallSource.WEBHOOK, None)
        assert not runtime.desk.can_control(call)
    finally:
        await runtime.close()


async def test_a_resend_sends_the_call_as_the_journal_has_it_title_and_all(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox)
    desk = runtime.desk
    try:
        await desk.start()
        call_id = await desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        await desk.handle_event(webhook_event(EventKind.ENDED, "sip-1", ANNA))
        await desk.update_call(call_id, status=CallStatus.MISSED, notes="Back at 3", title="Q")
        resent = await desk.resend(call_id)
        assert (resent.notes, resent.title) == ("Back at 3", "Q")
        await sandbox.wait_for(lambda requests: len(sandbox.logged_calls()) == 1)
    finally:
        await runtime.close()
    properties = sandbox.logged_calls()[0]["engagementProperties"]
    assert properties["hs_call_title"] == "Q"
    assert "Back at 3" in properties["hs_call_body"]


async def _stored(path: Path, sandbox: SandboxServer, call_id: str) -> Call:
    """The call as a restart finds it."""
    again = await desk_over(path, sandbox)
    try:
        call = await again.journal.get_call(call_id)
    finally:
        await again.close()
    assert call is not None
    return call


class _NoControl:
    async def answer(self, call: Call) -> None:
        raise AssertionError("not asked to")

    async def hangup(self, call: Call) -> None:
        raise AssertionError("not asked to")


class _CountingOutbox(OutboxLoop):
    """The app's outbox loop, counting start-up recoveries."""

    def __init__(self, runtime: DeskRuntime) -> None:
        super().__init__(runtime.journal, runtime.desk.service, StatusKeeper())
        self.recoveries = 0

    async def recover_interrupted(self) -> list[OutboxEntry]:
        self.recoveries += 1
        return await super().recover_interrupted()
