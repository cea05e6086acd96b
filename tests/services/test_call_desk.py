"""The call desk against the real sandbox and a real journal: ring, look up, log, fail, resend."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.call import CallSource, SyncState, utc_now
from hubcall_desktop.core.desk_types import DeskStatus, DeskUpdate, TokenState, UpdateKind
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.sandbox.faults import Fault
from hubcall_desktop.sandbox.seed import NORDLICHT_SWITCHBOARD, UNKNOWN_CALLER_NUMBER
from hubcall_desktop.services.demo import start_sandbox
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.errors import AlreadyQueued

from .desk_parts import open_demo_runtime

ANNA = "+493055501234"
WAIT_S = 5.0


class Recorder:
    """Collects the desk's updates and lets a test await one."""

    def __init__(self) -> None:
        self.updates: list[DeskUpdate] = []
        self.statuses: list[DeskStatus] = []
        self._changed = asyncio.Event()

    def __call__(self, update: DeskUpdate) -> None:
        self.updates.append(update)
        self._changed.set()

    def on_status(self, status: DeskStatus) -> None:
        self.statuses.append(status)
        self._changed.set()

    def kinds(self, call_id: str) -> list[UpdateKind]:
        return [u.kind for u in self.updates if u.call.external_call_id == call_id]

    async def wait(self, predicate: Callable[[DeskUpdate], bool]) -> DeskUpdate:
        async with asyncio.timeout(WAIT_S):
            while True:
                for update in self.updates:
                    if predicate(update):
                        return update
                self._changed.clear()
                await self._changed.wait()

    async def wait_for(
        self, call_id: str, kind: UpdateKind, state: SyncState | None = None
    ) -> DeskUpdate:
        return await self.wait(
            lambda u: (
                u.call.external_call_id == call_id
                and u.kind is kind
                and (state is None or u.call.sync_state is state)
            )
        )


@pytest.fixture
async def recorder(runtime: DeskRuntime) -> Recorder:
    rec = Recorder()
    runtime.desk.add_listener(rec)
    runtime.desk.add_status_listener(rec.on_status)
    await runtime.desk.start()
    return rec


def _event(
    kind: EventKind, number: str = ANNA, call_id: str = "sip-1", reason: EndReason | None = None
) -> Any:
    return make_event(
        kind,
        CallSource.DEMO,
        source_call_id=call_id,
        raw_from=number,
        raw_to=DEMO_AGENT_NUMBER,
        at=utc_now(),
        reason=reason,
        region="DE",
    )


async def test_ringing_shows_at_once_is_recorded_before_the_answer_and_matches_follow(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    assert await runtime.journal.get_call(call_id) is not None
    found = await recorder.wait_for(call_id, UpdateKind.MATCHES)
    # The pop-up's update comes while the journal commits; the recorded one after it.
    assert recorder.kinds(call_id)[:3] == [
        UpdateKind.RINGING,
        UpdateKind.CHANGED,
        UpdateKind.MATCHES,
    ]
    ringing, recorded = [u for u in recorder.updates if u.call.external_call_id == call_id][:2]
    assert not ringing.recorded and recorded.recorded
    assert [m.display_name for m in found.matches] == ["Anna Schmidt"]
    assert found.fresh
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and [m.display_name for m in stored.matches] == ["Anna Schmidt"]
    lookup = sandbox.accepted_bodies()[0]
    assert lookup["finalCallStatus"] == "RINGING" and lookup["createEngagement"] is False
    assert recorder.statuses[-1].token is TokenState.OK and recorder.statuses[-1].reachable


async def test_second_call_shows_the_last_match_at_once(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    first = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="a"))
    await recorder.wait_for(first, UpdateKind.MATCHES)
    second = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="b"))
    # Once recorded, before HubSpot's answer: the first matches heard are the journal's.
    remembered = await recorder.wait_for(second, UpdateKind.MATCHES)
    assert recorder.kinds(second)[:2] == [UpdateKind.RINGING, UpdateKind.MATCHES]
    assert [m.display_name for m in remembered.matches] == ["Anna Schmidt"]
    assert not remembered.fresh and remembered.recorded


async def test_several_matches_come_most_likely_first(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING, NORDLICHT_SWITCHBOARD))
    found = await recorder.wait_for(call_id, UpdateKind.MATCHES)
    assert [m.kind for m in found.matches] == ["CONTACT", "CONTACT", "COMPANY"]


async def test_unknown_caller_gets_no_matches(runtime: DeskRuntime, recorder: Recorder) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER))
    found = await recorder.wait_for(call_id, UpdateKind.MATCHES)
    assert found.matches == ()


async def test_withheld_caller_is_journaled_but_never_asked_about(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING, "anonymous"))
    await runtime.desk.handle_event(_event(EventKind.ENDED, "anonymous", reason=EndReason.HUNG_UP))
    await recorder.wait_for(call_id, UpdateKind.ENDED)
    logged = await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
    assert logged.sync_state is SyncState.WITHHELD
    assert sandbox.requests == ()


@pytest.mark.parametrize(
    ("answered", "reason", "expected"),
    [
        (True, EndReason.HUNG_UP, CallStatus.COMPLETED),
        (False, EndReason.HUNG_UP, CallStatus.MISSED),
        (False, EndReason.BUSY, CallStatus.BUSY),
        (False, EndReason.CANCELED, CallStatus.CANCELED),
        (False, EndReason.NO_ANSWER, CallStatus.NO_ANSWER),
        (False, EndReason.FAILED, CallStatus.FAILED),
    ],
)
async def test_ended_call_suggests_the_status_from_what_happened(
    runtime: DeskRuntime,
    recorder: Recorder,
    answered: bool,
    reason: EndReason,
    expected: CallStatus,
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    if answered:
        await runtime.desk.handle_event(_event(EventKind.ANSWERED))
        await recorder.wait_for(call_id, UpdateKind.ANSWERED)
    await runtime.desk.handle_event(_event(EventKind.ENDED, reason=reason))
    ended = await recorder.wait_for(call_id, UpdateKind.ENDED)
    assert ended.call.final_status is expected


async def test_duplicate_event_changes_nothing(runtime: DeskRuntime, recorder: Recorder) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    again = await runtime.desk.handle_event(_event(EventKind.RINGING))
    assert again == call_id
    assert recorder.kinds(call_id).count(UpdateKind.RINGING) == 1


async def test_log_call_goes_pending_then_logged_with_notes(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await runtime.desk.answer(call_id)
    await runtime.desk.hangup(call_id)
    await recorder.wait_for(call_id, UpdateKind.ENDED)
    queued = await runtime.desk.log_call(
        call_id, CallStatus.COMPLETED, "Wants <b>a quote</b>\nsoon", "Quote"
    )
    assert queued.sync_state in (SyncState.PENDING, SyncState.SENDING, SyncState.LOGGED)
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    [body] = sandbox.logged_calls()
    assert body["externalCallId"] == call_id
    assert body["finalCallStatus"] == "COMPLETED"
    assert (
        body["engagementProperties"]["hs_call_body"] == "Wants &lt;b&gt;a quote&lt;/b&gt;<br>soon"
    )
    assert body["engagementProperties"]["hs_call_title"] == "Quote"
    assert body["userId"] == 7
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.sync_state is SyncState.LOGGED
    with pytest.raises(Exception, match="already logged"):
        await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "again")


async def test_notes_draft_reaches_the_journal_and_survives_the_end_event(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    runtime.desk.save_notes_draft(call_id, "Called about")
    runtime.desk.save_notes_draft(call_id, "Called about the invoice")
    saved = await recorder.wait(lambda u: u.kind is UpdateKind.CHANGED and bool(u.call.notes))
    assert saved.call.notes == "Called about the invoice"  # one write after the pause
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.notes == "Called about the invoice"
    runtime.desk.save_notes_draft(call_id, "Called about the invoice, twice")
    await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.notes == "Called about the invoice, twice"


async def test_discard_keeps_the_call_but_never_sends_it(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, UNKNOWN_CALLER_NUMBER, reason=EndReason.HUNG_UP)
    )
    discarded = await runtime.desk.discard(call_id)
    assert discarded.sync_state is SyncState.DISCARDED
    assert sandbox.logged_calls() == []


async def test_lookup_failure_is_reported_and_the_call_still_journaled(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(503))
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    failed = await recorder.wait_for(call_id, UpdateKind.LOOKUP_FAILED)
    assert "server error" in failed.error
    assert await runtime.journal.get_call(call_id) is not None


async def test_unreachable_hubspot_shows_in_the_status_and_logs_stay_queued(tmp_path: Path) -> None:
    dead = await start_sandbox()
    url = dead.base_url
    await dead.stop()  # nothing listens there any more
    runtime = await open_demo_runtime(tmp_path, url)
    rec = Recorder()
    runtime.desk.add_listener(rec)
    runtime.desk.add_status_listener(rec.on_status)
    try:
        await runtime.desk.start()
        call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
        await rec.wait_for(call_id, UpdateKind.LOOKUP_FAILED)
        assert rec.statuses[-1].reachable is False
        await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
        await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
        retry = await rec.wait(lambda u: u.kind is UpdateKind.SYNC and bool(u.error))
        assert retry.call.sync_state is SyncState.PENDING
        assert runtime.desk.current_status().pending == 1
        with pytest.raises(AlreadyQueued):
            await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
    finally:
        await runtime.close()


def _refusing_transport(field: str) -> tuple[httpx.MockTransport, list[dict[str, Any]]]:
    """Refuses the first log request with a 400 naming ``field``, accepts the rest."""
    seen: list[dict[str, Any]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        logs = [b for b in seen if b["createEngagement"]]
        if body["createEngagement"] and len(logs) == 1:
            return httpx.Response(
                400,
                json={
                    "status": "error",
                    "message": "Invalid input",
                    "correlationId": "3f1f9a4e-0000-4000-8000-000000000001",
                    "category": "VALIDATION_ERROR",
                    "errors": [{"message": "bad number", "in": field}],
                },
            )
        return httpx.Response(200, json={"callerIdMatches": []})

    return httpx.MockTransport(handle), seen


async def test_refused_log_fails_with_hubspots_message_and_resend_works(tmp_path: Path) -> None:
    transport, seen = _refusing_transport("toNumber")
    runtime = await open_demo_runtime(tmp_path, "http://127.0.0.1:9", transport)
    rec = Recorder()
    runtime.desk.add_listener(rec)
    try:
        await runtime.desk.start()
        call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
        await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
        await runtime.desk.log_call(call_id, CallStatus.MISSED, "first try")
        failed = await rec.wait_for(call_id, UpdateKind.SYNC, SyncState.FAILED)
        assert "toNumber" in failed.error and "correlation id" in failed.error
        assert failed.error_fields == ("toNumber",)
        await runtime.desk.update_call(
            call_id, status=CallStatus.MISSED, notes="second try", title=""
        )
        await runtime.desk.resend(call_id)
        await rec.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
        logs = [b for b in seen if b["createEngagement"]]
        assert [b["engagementProperties"].get("hs_call_body") for b in logs] == [
            "first try",
            "second try",
        ]
    finally:
        await runtime.close()


async def test_a_broken_listener_does_not_stop_the_others(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    def broken(update: DeskUpdate) -> None:
        raise RuntimeError("boom")

    runtime.desk.add_listener(broken)
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)


async def test_calls_whose_end_never_comes_are_closed_and_flagged(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    later = utc_now().replace(year=utc_now().year + 1)
    runtime.desk.lifecycle._clock = lambda: later  # the ring timeout has long passed
    await runtime.desk.expire_overdue()
    ended = await recorder.wait_for(call_id, UpdateKind.ENDED)
    assert ended.call.final_status is CallStatus.UNKNOWN and ended.call.flagged


async def test_unknown_call_ids_are_refused_with_a_sentence(
    runtime: DeskRuntime, recorder: Recorder
) -> None:
    with pytest.raises(InputError, match="no such call"):
        await runtime.desk.log_call("nope", CallStatus.COMPLETED, "")
    with pytest.raises(InputError):
        await runtime.desk.discard("nope")


async def test_untouched_calls_are_logged_on_the_agents_behalf_when_asked(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    runtime.desk.settings.auto_log_seconds = 1
    call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
    await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.BUSY))
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    [body] = sandbox.logged_calls()
    assert body["externalCallId"] == call_id and body["finalCallStatus"] == "BUSY"


async def test_a_call_the_agent_touched_is_never_logged_for_them(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    runtime.desk.settings.auto_log_seconds = 1
    touched = await runtime.desk.handle_event(_event(EventKind.RINGING, call_id="t"))
    runtime.desk.mark_edited(touched)
    await runtime.desk.handle_event(_event(EventKind.ENDED, call_id="t", reason=EndReason.HUNG_UP))
    other = await runtime.desk.handle_event(
        _event(EventKind.RINGING, UNKNOWN_CALLER_NUMBER, call_id="u")
    )
    await runtime.desk.handle_event(
        _event(EventKind.ENDED, UNKNOWN_CALLER_NUMBER, call_id="u", reason=EndReason.HUNG_UP)
    )
    await recorder.wait_for(
        other, UpdateKind.SYNC, SyncState.LOGGED
    )  # its timer ran after the first's
    stored = await runtime.journal.get_call(touched)
    assert stored is not None and stored.sync_state is SyncState.LOCAL
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == [other]


def _ringing_without_to(number: str = ANNA) -> Any:
    """What `notify ringing --from N` and many softphones send: no called number."""
    return make_event(
        EventKind.RINGING,
        CallSource.CLI,
        source_call_id="no-to-1",
        raw_from=number,
        raw_to="",
        at=utc_now(),
        region="DE",
    )


async def test_a_call_without_a_called_number_rings_on_the_agents_own_line(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    runtime.desk.settings.own_number = "030 901820"  # as typed in Settings, region DE
    call_id = await runtime.desk.handle_event(_ringing_without_to())
    found = await recorder.wait_for(call_id, UpdateKind.MATCHES)
    assert [m.display_name for m in found.matches] == ["Anna Schmidt"]
    lookup = sandbox.accepted_bodies()[-1]
    assert lookup["toNumber"]["e164Number"] == "+4930901820"
    call = await runtime.journal.get_call(call_id)
    assert call is not None and call.to_number is not None
    assert call.to_number.e164 == "+4930901820"


@pytest.mark.parametrize("own", ["", "   ", "204", "not a number"])
async def test_without_a_usable_own_number_the_agent_is_told_what_is_missing(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer, own: str
) -> None:
    runtime.desk.settings.own_number = own
    before = len(sandbox.accepted_bodies())
    call_id = await runtime.desk.handle_event(_ringing_without_to())
    failed = await recorder.wait_for(call_id, UpdateKind.LOOKUP_FAILED)
    assert "own number in Settings" in failed.error
    assert len(sandbox.accepted_bodies()) == before  # HubSpot was not asked half a question
    assert await runtime.journal.get_call(call_id) is not None  # journaled all the same
