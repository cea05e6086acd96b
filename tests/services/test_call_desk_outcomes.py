"""The call's outcome on the desk: suggested from what happened when the call ends, changed
by the agent, kept in the journal through a restart and a resend, sent to the real sandbox
as the portal's GUID; the portal's own outcomes are read on connect."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import ManualLog, UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.outcomes import (
    BUSY,
    CONNECTED,
    LEFT_VOICEMAIL,
    NO_ANSWER,
    CallOutcome,
)
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.sandbox.outcomes import DISPOSITION_PATH, PORTAL_OUTCOME
from hubcall_desktop.services.runtime import DeskRuntime

from .desk_parts import open_demo_runtime
from .test_call_desk import WAIT_S, Recorder, _event, recorder

__all__ = ["recorder"]  # shared with test_call_desk (runtime and sandbox: conftest)

OWN = CallOutcome(PORTAL_OUTCOME[1], PORTAL_OUTCOME[0])


def disposition(body: dict[str, object]) -> object:
    props = body["engagementProperties"]
    assert isinstance(props, dict)
    return props.get("hs_call_disposition")


async def _ended(
    runtime: DeskRuntime, recorder: Recorder, *, answered: bool, reason: EndReason
) -> str:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)
    if answered:
        await runtime.desk.handle_event(_event(EventKind.ANSWERED))
        await recorder.wait_for(call_id, UpdateKind.ANSWERED)
    await runtime.desk.handle_event(_event(EventKind.ENDED, reason=reason))
    await recorder.wait_for(call_id, UpdateKind.ENDED)
    return call_id


@pytest.mark.parametrize(
    ("answered", "reason", "expected"),
    [
        (True, EndReason.HUNG_UP, CONNECTED),
        (False, EndReason.HUNG_UP, NO_ANSWER),  # missed
        (False, EndReason.NO_ANSWER, NO_ANSWER),
        (False, EndReason.BUSY, BUSY),
        (False, EndReason.FAILED, None),
    ],
)
async def test_an_ended_call_gets_the_outcome_that_fits_and_it_is_journaled(
    runtime: DeskRuntime,
    recorder: Recorder,
    answered: bool,
    reason: EndReason,
    expected: CallOutcome | None,
) -> None:
    call_id = await _ended(runtime, recorder, answered=answered, reason=reason)
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.outcome == expected


async def test_no_outcome_while_the_call_rings(runtime: DeskRuntime, recorder: Recorder) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.outcome is None


async def test_the_agents_choice_survives_a_restart_and_goes_with_the_log(
    tmp_path: Path, sandbox: SandboxServer, runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _ended(runtime, recorder, answered=True, reason=EndReason.HUNG_UP)
    chosen = await runtime.desk.set_outcome(call_id, LEFT_VOICEMAIL)
    assert chosen.outcome == LEFT_VOICEMAIL
    await runtime.close()

    again = await open_demo_runtime(tmp_path, sandbox.base_url)
    try:
        rec = Recorder()
        again.desk.add_listener(rec)
        await again.desk.start()
        stored = await again.journal.get_call(call_id)
        assert stored is not None and stored.outcome == LEFT_VOICEMAIL
        await again.desk.log_call(call_id, CallStatus.COMPLETED, "")
        await rec.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    finally:
        await again.close()
    (body,) = sandbox.logged_calls()
    assert disposition(body) == LEFT_VOICEMAIL.guid


async def test_an_outcome_the_portal_refuses_fails_and_a_resend_carries_the_new_choice(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _ended(runtime, recorder, answered=False, reason=EndReason.BUSY)
    retired = CallOutcome("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Retired outcome")
    await runtime.desk.set_outcome(call_id, retired)
    await runtime.desk.log_call(call_id, CallStatus.BUSY, "")
    failed = await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.FAILED)
    assert failed.call.outcome == retired
    assert sandbox.logged_calls() == []
    await runtime.desk.set_outcome(call_id, BUSY)
    await runtime.desk.resend(call_id)
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    (body,) = sandbox.logged_calls()
    assert disposition(body) == BUSY.guid


async def test_clearing_the_outcome_sends_none(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _ended(runtime, recorder, answered=True, reason=EndReason.HUNG_UP)
    await runtime.desk.set_outcome(call_id, None)
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "")
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    (body,) = sandbox.logged_calls()
    assert disposition(body) is None


async def test_on_connect_the_portals_own_outcomes_are_read_and_cached(
    tmp_path: Path, runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    assert OWN not in runtime.desk.outcome_list().outcomes  # HubSpot's defaults so far
    fresh = await runtime.desk.refresh_outcomes()
    assert OWN in fresh.outcomes and runtime.desk.outcome_list() == fresh
    assert [r.path for r in sandbox.requests] == [DISPOSITION_PATH]
    assert (tmp_path / "call_outcomes.json").is_file()
    call_id = await _ended(runtime, recorder, answered=True, reason=EndReason.HUNG_UP)
    await runtime.desk.set_outcome(call_id, OWN)
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "")
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    assert disposition(sandbox.logged_calls()[0]) == OWN.guid


async def test_a_manual_log_sends_the_outcome_chosen_in_the_form(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    request = ManualLog(
        from_text="030 55501234",
        to_text=DEMO_AGENT_NUMBER,
        status=CallStatus.COMPLETED,
        started_at=datetime.now(UTC) - timedelta(minutes=5),
        duration_seconds=60,
        outcome=OWN,
    )
    result = await runtime.desk.log_manual(request)
    assert result.delivered
    assert disposition(sandbox.logged_calls()[0]) == OWN.guid
    stored = await runtime.journal.get_call(result.call.external_call_id)
    assert stored is not None and stored.outcome == OWN


async def test_on_connect_the_list_is_read_again_even_when_the_cached_one_is_fresh(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    await runtime.desk.refresh_outcomes()
    await runtime.desk.refresh_outcomes()  # a day has not passed: a new connection reads it
    assert [r.path for r in sandbox.requests] == [DISPOSITION_PATH, DISPOSITION_PATH]


async def test_outcomes_read_after_a_portal_switch_are_kept_as_the_new_portals(
    tmp_path: Path, runtime: DeskRuntime, recorder: Recorder
) -> None:
    await runtime.desk.refresh_outcomes()
    runtime.desk.settings.active_portal = "second"
    await runtime.desk.refresh_outcomes()
    assert runtime.desk.outcomes is not None and runtime.desk.outcomes.portal == "second"
    cached = json.loads((tmp_path / "call_outcomes.json").read_text(encoding="utf-8"))
    assert set(cached["portals"]) == {"default", "second"}


async def test_choosing_an_outcome_tells_the_windows(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _ended(runtime, recorder, answered=True, reason=EndReason.HUNG_UP)
    await runtime.desk.set_outcome(call_id, LEFT_VOICEMAIL)
    last = recorder.updates[-1]
    assert last.kind is UpdateKind.CHANGED and last.call.outcome == LEFT_VOICEMAIL


async def test_while_the_desk_runs_it_reads_the_portals_outcomes_once_they_are_stale(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    assert runtime.desk.outcomes is not None
    read = asyncio.Event()
    runtime.desk.outcomes.listen(lambda _outcomes: read.set())
    runtime.desk.keep_outcomes_fresh()  # never read yet: stale from the start
    async with asyncio.timeout(WAIT_S):
        await read.wait()
    assert OWN in runtime.desk.outcome_list().outcomes


async def test_an_outcome_chosen_while_the_call_rings_is_kept_when_it_ends(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await runtime.desk.set_outcome(call_id, LEFT_VOICEMAIL)
    await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
    ended = await recorder.wait_for(call_id, UpdateKind.ENDED)
    assert ended.call.outcome == LEFT_VOICEMAIL  # not the No answer a missed call gets


async def test_the_windows_hear_each_new_outcome_list(runtime: DeskRuntime) -> None:
    heard: list[object] = []
    runtime.desk.listen_to_outcomes(heard.append)
    fresh = await runtime.desk.refresh_outcomes()
    assert OWN in fresh.outcomes and heard == [fresh]
