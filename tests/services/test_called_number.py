"""A call that rang without the number that was called (the agent's own line not set yet)
waits for that number instead of being kept as "withheld" for good: the agent enters it,
or sets their own number, and the call is sent then. The real sandbox and a real journal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime

from .desk_parts import open_demo_runtime
from .test_call_desk import Recorder

# `hubcall-desktop notify ringing --from "+49 30 55501234"`, then `notify ended` (same --from)
ANNA_AS_TYPED = "+49 30 55501234"
ANNA = "+493055501234"
AGENT_LINE = "030 901820"  # region DE
AGENT_E164 = "+4930901820"


def _notify(kind: EventKind, number: str = ANNA_AS_TYPED) -> Any:
    """What `notify KIND --from NUMBER` hands the desk: no call id, no called number."""
    reason = EndReason.HUNG_UP if kind is EventKind.ENDED else None
    return make_event(
        kind,
        CallSource.CLI,
        source_call_id=None,
        raw_from=number,
        raw_to="",
        at=utc_now(),
        reason=reason,
        region="DE",
    )


async def _missed_call(
    runtime: DeskRuntime, recorder: Recorder, number: str = ANNA_AS_TYPED
) -> str:
    call_id = await runtime.desk.handle_event(_notify(EventKind.RINGING, number))
    await runtime.desk.handle_event(_notify(EventKind.ENDED, number))
    await recorder.wait_for(call_id, UpdateKind.ENDED)
    return call_id


@pytest.fixture
async def no_own_number(runtime: DeskRuntime) -> DeskRuntime:
    runtime.desk.settings.own_number = ""  # the demo settings have one: this agent has not
    return runtime


@pytest.fixture
async def recorder(no_own_number: DeskRuntime) -> Recorder:
    rec = Recorder()
    no_own_number.desk.add_listener(rec)
    await no_own_number.desk.start()
    return rec


async def test_a_known_caller_without_the_called_number_waits_for_it_and_is_sent_once_entered(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _missed_call(runtime, recorder)
    waiting = await runtime.desk.log_call(call_id, CallStatus.MISSED, "Rückruf morgen")
    assert waiting.sync_state is SyncState.NEEDS_NUMBER  # not WITHHELD: it can be fixed
    assert not waiting.number_withheld and waiting.needs_called_number
    assert sandbox.logged_calls() == []

    before = len(recorder.updates)
    await runtime.desk.set_called_number(call_id, AGENT_LINE)
    queued = recorder.updates[before]  # the windows hear it is on its way
    assert queued.kind is UpdateKind.SYNC and queued.call.sync_state is SyncState.PENDING
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    (body,) = sandbox.logged_calls()
    assert body["externalCallId"] == call_id
    assert body["fromNumber"]["e164Number"] == ANNA
    assert body["toNumber"]["e164Number"] == AGENT_E164
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.notes == "Rückruf morgen"
    assert stored.raw_to == AGENT_LINE and stored.final_status is CallStatus.MISSED


async def test_the_number_entered_while_it_rings_lets_hubspot_name_the_caller(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await runtime.desk.handle_event(_notify(EventKind.RINGING))
    await recorder.wait_for(call_id, UpdateKind.LOOKUP_FAILED)  # nobody to ask yet
    changed = await runtime.desk.set_called_number(call_id, AGENT_LINE)
    assert changed.sync_state is SyncState.LOCAL and not changed.needs_called_number
    found = await recorder.wait_for(call_id, UpdateKind.MATCHES)
    assert [m.display_name for m in found.matches] == ["Anna Schmidt"]
    assert sandbox.accepted_bodies()[-1]["toNumber"]["e164Number"] == AGENT_E164
    assert sandbox.logged_calls() == []  # the agent has not logged it: nothing is sent
    # The end that follows keeps the number the agent entered.
    await runtime.desk.handle_event(_notify(EventKind.ENDED))
    logged = await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
    assert logged.sync_state is SyncState.PENDING
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)


@pytest.mark.parametrize("typed", ["12", "", "anonymous", "not a number"])
async def test_a_number_that_is_not_one_is_refused_and_the_call_keeps_waiting(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer, typed: str
) -> None:
    call_id = await _missed_call(runtime, recorder)
    await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
    with pytest.raises(InputError) as refused:
        await runtime.desk.set_called_number(call_id, typed)
    assert refused.value.field == "to"
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.sync_state is SyncState.NEEDS_NUMBER
    assert stored.to_number is None and sandbox.logged_calls() == []


async def test_setting_the_own_number_sends_the_calls_waiting_for_it_and_no_others(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    first = await _missed_call(runtime, recorder)
    await runtime.desk.log_call(first, CallStatus.MISSED, "one")
    second = await _missed_call(runtime, recorder, "+44 20 7946 0018")
    await runtime.desk.log_call(second, CallStatus.MISSED, "two")
    withheld = await _missed_call(runtime, recorder, "anonymous")
    kept = await runtime.desk.log_call(withheld, CallStatus.MISSED, "")
    assert kept.sync_state is SyncState.WITHHELD  # a withheld caller stays withheld
    untouched = await _missed_call(runtime, recorder, "+1 212 555 0143")  # not logged yet
    assert await runtime.desk.fill_in_own_number() == []  # no own number: nothing to do

    runtime.desk.settings.own_number = AGENT_LINE
    changed = await runtime.desk.fill_in_own_number()
    assert {c.external_call_id for c in changed} == {first, second, untouched}
    for call_id in (first, second):
        await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    logged = {b["externalCallId"]: b for b in sandbox.logged_calls()}
    assert set(logged) == {first, second}
    assert {b["toNumber"]["e164Number"] for b in logged.values()} == {AGENT_E164}
    rest = await runtime.journal.get_call(untouched)
    assert rest is not None and rest.sync_state is SyncState.LOCAL  # the agent decides
    assert rest.to_number is not None and rest.to_number.e164 == AGENT_E164
    held = await runtime.journal.get_call(withheld)
    assert held is not None and held.sync_state is SyncState.WITHHELD


async def test_calls_waiting_for_the_number_are_sent_when_the_app_starts_with_one(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    before = await open_demo_runtime(tmp_path, sandbox.base_url)
    try:
        before.desk.settings.own_number = ""
        rec = Recorder()
        before.desk.add_listener(rec)
        await before.desk.start()
        call_id = await _missed_call(before, rec)
        await before.desk.log_call(call_id, CallStatus.MISSED, "")
    finally:
        await before.close()
    after = await open_demo_runtime(tmp_path, sandbox.base_url)  # own number set (demo settings)
    try:
        rec = Recorder()
        after.desk.add_listener(rec)
        await after.desk.start()
        await rec.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    finally:
        await after.close()
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [call_id]


async def test_a_waiting_call_can_be_discarded(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _missed_call(runtime, recorder)
    await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
    discarded = await runtime.desk.discard(call_id)
    assert discarded.sync_state is SyncState.DISCARDED
    runtime.desk.settings.own_number = AGENT_LINE
    await runtime.desk.fill_in_own_number()
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.sync_state is SyncState.DISCARDED
    assert sandbox.logged_calls() == []


async def test_a_call_that_has_its_number_is_left_as_it_is(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await _missed_call(runtime, recorder)
    await runtime.desk.set_called_number(call_id, AGENT_LINE)
    changed = recorder.updates[-1]  # not logged yet: a change, not a sync
    assert changed.kind is UpdateKind.CHANGED and changed.call.to_number is not None
    await recorder.wait_for(call_id, UpdateKind.MATCHES)  # HubSpot was asked who called
    before = len(recorder.updates)
    again = await runtime.desk.set_called_number(call_id, "+44 20 7946 0018")
    assert again.to_number is not None and again.to_number.e164 == AGENT_E164
    assert len(recorder.updates) == before  # nothing changed, nothing to tell


async def test_setting_the_own_number_queues_every_waiting_call_not_a_page_of_them(
    runtime: DeskRuntime,
) -> None:
    rang = utc_now() - timedelta(hours=1)
    waiting = [
        Call(
            raw_from=ANNA,
            from_number=parse_phone(ANNA, "DE", "from"),
            ringing_at=rang,
            ended_at=rang + timedelta(seconds=20),
            final_status=CallStatus.MISSED,
            sync_state=SyncState.NEEDS_NUMBER,
        )
        for _ in range(51)  # one more than the journal lists by default
    ]
    await runtime.journal.save_calls(waiting)
    runtime.desk.settings.own_number = AGENT_LINE
    changed = await runtime.desk.fill_in_own_number()
    assert len(changed) == 51
    assert {c.sync_state for c in changed} == {SyncState.PENDING}
