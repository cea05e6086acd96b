"""A manual form given again for a call the journal knows (a resubmitted form, one naming
a call's id): one HubSpot has or one waiting in the outbox is refused, not queued twice
nor waited for; and the form shows the caller HubSpot matched only once HubSpot has the
call. Real journal file, real sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.sandbox import Fault, SandboxServer
from hubcall_desktop.storage.errors import AlreadyLogged, AlreadyQueued

from .desk_journal import event, manual_form
from .desk_parts import desk_over
from .test_call_desk import Recorder


async def test_a_form_for_a_call_hubspot_has_is_refused_as_logged_already(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox)
    try:
        await runtime.desk.start()
        first = await runtime.desk.log_manual(manual_form(), wait_s=10.0)
        assert first.delivered
        with pytest.raises(AlreadyLogged):
            await runtime.desk.log_manual(manual_form(first.call.external_call_id), wait_s=10.0)
    finally:
        await runtime.close()
    assert len(sandbox.logged_calls()) == 1


async def test_a_form_for_a_call_waiting_in_the_outbox_is_refused_as_queued_already(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox)  # not started
    try:
        first = await runtime.desk.log_manual(manual_form(), wait_s=0)
        assert first.verdict is Verdict.QUEUED
        with pytest.raises(AlreadyQueued):
            await runtime.desk.log_manual(manual_form(first.call.external_call_id), wait_s=0)
        assert await runtime.journal.pending_count() == 1
    finally:
        await runtime.close()


async def test_a_form_hubspot_has_not_taken_shows_no_caller_yet(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    # The call rang and was looked up (the journal holds its match); the form given again
    # for it meets a HubSpot failing for now: the form says queued, and names no caller,
    # as HubSpot named none in answer to this log.
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox)
    rec = Recorder()
    runtime.desk.add_listener(rec)
    try:
        await runtime.desk.start()
        call_id = await runtime.desk.handle_event(event(EventKind.RINGING))
        await rec.wait_for(call_id, UpdateKind.MATCHES)
        await runtime.desk.handle_event(event(EventKind.ENDED, reason=EndReason.HUNG_UP))
        known = await runtime.desk.get_call(call_id)
        assert known is not None and known.matches  # what the lookup found
        rec.updates.clear()
        sandbox.faults.add(Fault.status(503))
        result = await runtime.desk.log_manual(manual_form(call_id), wait_s=10.0)
    finally:
        await runtime.close()
    assert result.verdict is Verdict.QUEUED and result.error is not None
    assert result.matches == ()
    assert UpdateKind.MATCHES not in rec.kinds(call_id)
