"""What the desk finds at start-up: calls the last run left open end as interrupted and ask
for a wrap-up; a log request cut off mid-send goes out once; listeners are all told."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import DeskStatus, UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.lifecycle import INTERRUPTED_FLAG, auto_log_at
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.storage.outbox import OutboxState

from .desk_journal import ANNA, OTTO, event, open_desk
from .test_call_desk import Recorder


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


async def test_calls_open_when_the_app_stopped_end_as_interrupted_and_ask_for_a_wrap_up(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    first = await open_desk(journal_path, sandbox)
    try:
        ringing = await first.desk.handle_event(event(EventKind.RINGING, "sip-1"))
        talking = await first.desk.handle_event(event(EventKind.RINGING, "sip-2", OTTO))
        await first.desk.handle_event(event(EventKind.ANSWERED, "sip-2", OTTO))
        done = await first.desk.handle_event(event(EventKind.RINGING, "sip-3", ANNA))
        ended = event(EventKind.ENDED, "sip-3", reason=EndReason.HUNG_UP)
        await first.desk.handle_event(ended)
    finally:
        await first.close()  # the app stops with two calls still open

    again = await open_desk(journal_path, sandbox)
    recorder = Recorder()
    again.desk.add_listener(recorder)
    try:
        await again.desk.start()
        missed = await recorder.wait_for(ringing, UpdateKind.ENDED)
        talked = await recorder.wait_for(talking, UpdateKind.ENDED)
        assert recorder.kinds(done) == []  # closed before: nothing to ask
        assert missed.call.final_status is CallStatus.MISSED
        assert talked.call.final_status is CallStatus.COMPLETED
        assert talked.call.duration is None  # not made up
        for call_id in (ringing, talking):
            stored = await again.journal.get_call(call_id)
            assert stored is not None and stored.flagged == INTERRUPTED_FLAG
            assert stored.sync_state is SyncState.LOCAL  # waits for the agent
            assert auto_log_at(stored, 5) is None  # never logged on the agent's behalf
        assert await again.journal.open_calls() == []
        assert await again.journal.pending_count() == 0
        # The real end, arriving late, replaces the guess.
        late = event(EventKind.ENDED, "sip-1", reason=EndReason.BUSY)
        assert await again.desk.handle_event(late) == ringing
        fixed = await again.journal.get_call(ringing)
        assert fixed is not None and fixed.final_status is CallStatus.BUSY
        assert fixed.flagged is None
    finally:
        await again.close()


async def test_a_log_cut_off_mid_send_goes_out_once_after_a_restart(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    first = await open_desk(journal_path, sandbox)
    try:
        call_id = await first.desk.handle_event(event(EventKind.RINGING))
        ended = event(EventKind.ENDED, reason=EndReason.HUNG_UP)
        await first.desk.handle_event(ended)
        call = await first.journal.get_call(call_id)
        assert call is not None
        entry = await first.journal.enqueue_log(call, build_log_body(call, create_engagement=True))
        await first.journal.mark_sending(entry.id)  # ... and the app died on the wire
    finally:
        await first.close()

    again = await open_desk(journal_path, sandbox)
    recorder = Recorder()
    again.desk.add_listener(recorder)
    try:
        await again.desk.start()
        await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
        delivered = await again.journal.get_entry(entry.id)
        assert delivered is not None and delivered.state is OutboxState.DELIVERED
        assert [b["externalCallId"] for b in sandbox.logged_calls()] == [call_id]
    finally:
        await again.close()


async def test_a_broken_listener_registered_first_does_not_stop_the_others(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await open_desk(journal_path, sandbox)
    statuses: list[DeskStatus] = []

    def broken(update: object) -> None:
        raise RuntimeError("a broken observer")

    runtime.desk.add_listener(broken)
    runtime.desk.add_status_listener(broken)
    recorder = Recorder()
    runtime.desk.add_listener(recorder)
    runtime.desk.add_status_listener(statuses.append)
    try:
        await runtime.desk.start()
        call_id = await runtime.desk.handle_event(event(EventKind.RINGING))
        assert recorder.kinds(call_id)[:1] == [UpdateKind.RINGING]
        await recorder.wait_for(call_id, UpdateKind.MATCHES)  # the lookup's status change too
        assert statuses and statuses[-1].reachable is True
    finally:
        await runtime.close()
