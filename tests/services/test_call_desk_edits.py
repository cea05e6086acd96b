"""What the agent does to a call on the desk: typed notes, edits, resend, discard, and calls
closed because their end never came. Real journal file, the real sandbox."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState, utc_now
from hubcall_desktop.core.desk_types import ManualLog, UpdateKind
from hubcall_desktop.core.errors import InputError, StorageError
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.outcomes import LEFT_VOICEMAIL
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.sandbox.seed import UNKNOWN_CALLER_NUMBER
from hubcall_desktop.services.runtime import DeskRuntime

from .desk_journal import event, open_desk, write_locked
from .test_call_desk import Recorder, _event, _ringing_without_to, recorder

__all__ = ["recorder"]  # shared with test_call_desk (runtime and sandbox: conftest)


async def _ended_call(runtime: DeskRuntime, recorder: Recorder, call_id: str = "sip-1") -> str:
    """A call that rang, was looked up (so no lookup write comes later) and ended."""
    ext_id = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id=call_id))
    await recorder.wait_for(ext_id, UpdateKind.MATCHES)
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, call_id=call_id, reason=EndReason.HUNG_UP)
    )
    return ext_id


async def _notes(runtime: DeskRuntime, call_id: str) -> str:
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None
    return stored.notes


async def test_notes_typed_after_the_lookup_are_written_when_the_desk_closes(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _ended_call(runtime, recorder)
    runtime.desk.save_notes_draft(call_id, "Wants a callback")
    await runtime.desk.close()  # before the pause in typing ran out
    assert await _notes(runtime, call_id) == "Wants a callback"
    changed = [u for u in recorder.updates if u.kind is UpdateKind.CHANGED]
    assert changed[-1].call.notes == "Wants a callback"


async def test_notes_saved_by_an_edit_are_not_overwritten_by_an_older_draft(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _ended_call(runtime, recorder)
    runtime.desk.save_notes_draft(call_id, "Wants a call")
    await runtime.desk.update_call(
        call_id, status=CallStatus.COMPLETED, notes="Wants a callback on Monday", title=""
    )
    await runtime.desk.close()
    assert await _notes(runtime, call_id) == "Wants a callback on Monday"


async def test_an_edit_waiting_for_the_desk_wins_over_the_draft_being_flushed(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    """The edit takes the desk first; the draft's flush then finds nothing left to write."""
    call_id = await _ended_call(runtime, recorder)
    runtime.desk.save_notes_draft(call_id, "draft")
    # asyncio runs tasks in order: the edit holds the desk before close() flushes.
    edit = asyncio.create_task(
        runtime.desk.update_call(call_id, status=None, notes="final", title="")
    )
    await asyncio.sleep(0)
    await runtime.desk.close()
    await edit
    assert await _notes(runtime, call_id) == "final"


async def test_an_edit_keeps_or_sets_the_status_and_tells_the_windows(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _ended_call(runtime, recorder)
    kept = await runtime.desk.update_call(call_id, status=None, notes="n1", title="t1")
    assert kept.final_status is CallStatus.MISSED  # suggested: it rang, nobody answered
    changed = await runtime.desk.update_call(
        call_id, status=CallStatus.BUSY, notes="n2", title="t2"
    )
    assert changed.final_status is CallStatus.BUSY
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None
    assert (stored.final_status, stored.notes, stored.title) == (CallStatus.BUSY, "n2", "t2")
    last = recorder.updates[-1]
    assert last.kind is UpdateKind.CHANGED and last.call.notes == "n2"


async def test_calls_the_agent_edited_or_typed_in_are_never_logged_for_them(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    runtime.desk.settings.auto_log_seconds = 1
    edited = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="e"))
    await runtime.desk.update_call(edited, status=None, notes="", title="Quote")
    typed = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="t"))
    runtime.desk.save_notes_draft(typed, "typing…")
    chosen = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="o"))
    await runtime.desk.set_outcome(chosen, LEFT_VOICEMAIL)
    undone = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="d"))
    for call_id in ("e", "t", "o", "d"):
        await runtime.desk.handle_event(
            _event(EventKind.ENDED, call_id=call_id, reason=EndReason.HUNG_UP)
        )
    # Discarded and taken back while its timer runs: the agent has touched it.
    await runtime.desk.discard(undone)
    await runtime.desk.undiscard(undone)
    other = await runtime.desk.handle_event(
        _event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER, call_id="u")
    )
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, UNKNOWN_CALLER_NUMBER, call_id="u", reason=EndReason.HUNG_UP)
    )
    # The untouched call's timer ran after the others.
    await recorder.wait_for(other, UpdateKind.SYNC, SyncState.LOGGED)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [other]


async def test_resending_a_call_without_a_status_names_the_field(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    with pytest.raises(InputError) as refused:
        await runtime.desk.resend(call_id)
    assert refused.value.field == "status"
    assert refused.value.problem == "choose the call's status before logging it"


async def test_discard_tells_the_windows_and_drops_the_draft(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _ended_call(runtime, recorder)
    runtime.desk.save_notes_draft(call_id, "not for HubSpot")
    discarded = await runtime.desk.discard(call_id)
    assert discarded.notes == "not for HubSpot"
    last = recorder.updates[-1]
    assert last.kind is UpdateKind.SYNC and last.call.external_call_id == call_id
    assert last.call.sync_state is SyncState.DISCARDED
    seen = len(recorder.updates)
    await runtime.desk.close()
    assert len(recorder.updates) == seen  # the draft went with the discard: nothing to flush
    assert sandbox.logged_calls() == []


async def test_a_call_closed_for_want_of_an_end_keeps_what_the_journal_holds(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)
    await runtime.desk.update_call(call_id, status=None, notes="Asked for Otto", title="")
    later = utc_now() + timedelta(days=2)
    runtime.desk.lifecycle._clock = lambda: later  # the ring timeout has long passed
    await runtime.desk.expire_overdue()
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.final_status is CallStatus.UNKNOWN
    assert stored.notes == "Asked for Otto" and stored.matches  # not the desk's older copy


async def test_a_call_closed_for_want_of_an_end_is_closed_again_after_a_failed_write(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    """The desk remembers the call as closed only once the journal committed it."""
    path = tmp_path / "journal.sqlite3"
    runtime = await open_desk(path, sandbox)
    try:
        await runtime.desk.start()
        call_id = await runtime.desk.handle_event(event(EventKind.RINGING))
        later = utc_now() + timedelta(days=2)
        runtime.desk.lifecycle._clock = lambda: later
        with write_locked(path), pytest.raises(StorageError):
            await runtime.desk.expire_overdue()
        stored = await runtime.journal.get_call(call_id)
        assert stored is not None and stored.final_status is None
        await runtime.desk.expire_overdue()
        stored = await runtime.journal.get_call(call_id)
        assert stored is not None and stored.final_status is CallStatus.UNKNOWN
    finally:
        await runtime.close()


async def test_a_manual_call_shows_as_queued_before_hubspot_answers(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    request = ManualLog(
        from_text="030 55501234",
        to_text=DEMO_AGENT_NUMBER,
        status=CallStatus.COMPLETED,
        started_at=utc_now() - timedelta(minutes=5),
        duration_seconds=60,
        notes="Typed in afterwards",
        title="",
    )
    result = await runtime.desk.log_manual(request)
    assert result.delivered
    call_id = result.call.external_call_id
    first = next(u for u in recorder.updates if u.call.external_call_id == call_id)
    assert first.kind is UpdateKind.SYNC and first.call.sync_state is SyncState.PENDING
    assert first.call.notes == "Typed in afterwards"
    # HubSpot answered the log with the caller's records: the windows hear of them.
    assert result.matches and result.queued is False
    last = recorder.updates[-1]
    assert (last.kind, last.call.external_call_id, last.fresh) == (
        UpdateKind.MATCHES,
        call_id,
        True,
    )
    assert last.matches == result.matches


async def test_a_call_logged_on_the_agents_behalf_says_so_in_the_log(
    runtime: DeskRuntime, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    runtime.desk.settings.auto_log_seconds = 1
    with caplog.at_level(logging.INFO, "hubcall_desktop.services.desk_wrap_up"):
        call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
        await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.BUSY))
        await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    said = [r.getMessage() for r in caplog.records if r.name.endswith("desk_wrap_up")]
    assert f"logging call {call_id} on the agent's behalf after 1 s" in said


async def test_an_unusable_own_number_is_named_in_the_log(
    runtime: DeskRuntime, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    runtime.desk.settings.own_number = "204"
    with caplog.at_level(logging.WARNING, "hubcall_desktop.services.desk_shared"):
        call_id = await runtime.desk.handle_event(_ringing_without_to())
        await recorder.wait_for(call_id, UpdateKind.LOOKUP_FAILED)
    said = [r.getMessage() for r in caplog.records if r.name.endswith("desk_shared")]
    assert said == [
        "own number in the settings is unusable: an internal extension, not a public phone number"
    ]


async def test_logging_a_call_takes_its_notes_over_the_draft_and_no_title_is_empty(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _ended_call(runtime, recorder)
    runtime.desk.save_notes_draft(call_id, "Wants a call")
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "Wants a callback on Monday")
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    await runtime.desk.close()  # nothing typed is left to flush over the logged notes
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None
    assert (stored.notes, stored.title) == ("Wants a callback on Monday", "")
    [body] = sandbox.logged_calls()
    assert body["engagementProperties"]["hs_call_body"] == "Wants a callback on Monday"
