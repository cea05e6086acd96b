"""Undoing a discard: the call gets back the state it had, the change is journaled, the
windows hear of it, and it is not logged behind the agent's back. Real journal file, the
real sandbox."""

from __future__ import annotations

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.events import EventKind

from .test_call_desk import ANNA, Recorder, recorder
from .test_call_desk_edits import _ended_call
from .test_called_number import _missed_call

__all__ = ["recorder"]  # shared with test_call_desk (runtime and sandbox: conftest)


async def test_undo_puts_a_wrap_up_back_as_it_was_and_journals_both_changes(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _ended_call(runtime, recorder)
    await runtime.desk.discard(call_id)
    restored = await runtime.desk.undiscard(call_id)
    assert restored.sync_state is SyncState.LOCAL
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.sync_state is SyncState.LOCAL
    changes = [
        (e.detail.get("from"), e.sync_state)
        for e in await runtime.journal.history(call_id)
        if e.event is EventKind.STATE
    ]
    assert changes[-2:] == [("local", SyncState.DISCARDED), ("discarded", SyncState.LOCAL)]
    last = recorder.updates[-1]
    assert last.kind is UpdateKind.SYNC and last.call.sync_state is SyncState.LOCAL
    assert sandbox.logged_calls() == []
    # Still the agent's to log, once, when they choose to.
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "after all")
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [call_id]


async def test_undo_restores_a_call_waiting_for_the_called_number(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    runtime.desk.settings.own_number = ""  # the demo settings have one: this agent has not
    call_id = await _missed_call(runtime, recorder)
    await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
    await runtime.desk.discard(call_id)
    restored = await runtime.desk.undiscard(call_id)
    assert restored.sync_state is SyncState.NEEDS_NUMBER


async def test_undo_of_a_call_that_is_not_discarded_changes_nothing(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _ended_call(runtime, recorder)
    before = len(await runtime.journal.history(call_id))
    again = await runtime.desk.undiscard(call_id)
    assert again.sync_state is SyncState.LOCAL
    assert len(await runtime.journal.history(call_id)) == before


async def test_undo_of_a_call_journaled_as_discarded_from_the_start_makes_it_local(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    """An imported call can be discarded when first saved: no earlier state to go back to."""
    call = Call(
        raw_from=ANNA,
        from_number=parse_phone(ANNA, "DE", "from"),
        final_status=CallStatus.COMPLETED,
        sync_state=SyncState.DISCARDED,
    )
    await runtime.journal.save_call(call)
    restored = await runtime.desk.undiscard(call.external_call_id)
    assert restored.sync_state is SyncState.LOCAL
