"""The log-a-call use case: the verdict HubSpot's answer means, the rule that a call given
again keeps what the journal knew of it, and a refused Log that keeps the agent's edits."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotScopeError,
    HubSpotServerError,
    HubSpotValidationError,
)
from hubcall_desktop.secrets.oauth_errors import OAuthUnreachable, ReconnectNeeded
from hubcall_desktop.services.log_call import LogVerdict, carry_over, queue_log, verdict_of
from hubcall_desktop.services.outbox_sender import SendOutcome
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.errors import AlreadyLogged, AlreadyQueued

from .test_call_desk import Recorder, _event


def _outcome(
    error: UserError | None, *, delivered: bool = False, permanent: bool = False
) -> SendOutcome:
    return SendOutcome(1, "c-1", delivered, error, permanent=permanent)


@pytest.mark.parametrize(
    ("outcome", "verdict"),
    [
        (_outcome(None, delivered=True), Verdict.SENT),
        (_outcome(None), Verdict.SENDING_ELSEWHERE),
        (_outcome(ReconnectNeeded("p1")), Verdict.CONNECTION_REFUSED),
        (_outcome(OAuthUnreachable("the token endpoint")), Verdict.QUEUED),
        (_outcome(UserError("the keyring is locked")), Verdict.NO_TOKEN),
        (_outcome(HubSpotValidationError("bad number"), permanent=True), Verdict.REFUSED),
        (_outcome(HubSpotAuthError("token refused")), Verdict.CONNECTION_REFUSED),
        (_outcome(HubSpotScopeError("missing scope")), Verdict.CONNECTION_REFUSED),
        (_outcome(HubSpotServerError("502")), Verdict.QUEUED),
    ],
    ids=[
        "sent",
        "no-answer",
        "reconnect",
        "oauth-unreachable",
        "no-token",
        "refused",
        "auth",
        "scope",
        "server",
    ],
)
def test_hubspots_answer_is_one_verdict(outcome: SendOutcome, verdict: Verdict) -> None:
    call = Call()
    found = verdict_of(call, outcome)
    assert found.verdict is verdict
    assert found.call is call  # the CLI and the form show the call the verdict is about
    assert found.error is outcome.error
    assert found.delivered is (verdict is Verdict.SENT)


def test_no_answer_at_all_means_another_process_is_sending_it() -> None:
    # The outbox hands back no outcome when another process (``sync``) took the call
    # between queuing and sending: it is on its way, not lost.
    call = Call()
    found = verdict_of(call, None)
    assert (found.verdict, found.call, found.error) == (Verdict.SENDING_ELSEWHERE, call, None)
    assert found.waits_in_outbox and not found.delivered


def test_only_a_refusal_for_good_and_a_delivery_leave_the_outbox() -> None:
    leaving = {v for v in Verdict if not LogVerdict(v, Call()).waits_in_outbox}
    assert leaving == {Verdict.SENT, Verdict.KEPT, Verdict.ALREADY_LOGGED, Verdict.REFUSED}


def test_a_call_given_again_keeps_its_portal_ring_time_and_matches() -> None:
    earlier = Call(portal="p-old", sync_state=SyncState.FAILED)
    earlier.ringing_at = earlier.created_at
    again = Call(external_call_id=earlier.external_call_id, portal="p-active")
    earlier.matches = [_match(7)]
    carry_over(again, earlier)
    assert (again.portal, again.ringing_at) == ("p-old", earlier.ringing_at)
    assert again.matches == [_match(7)]


def test_a_call_given_again_with_matches_of_its_own_keeps_them() -> None:
    earlier = Call(portal="p-old")
    earlier.matches = [_match(7)]
    again = Call(external_call_id=earlier.external_call_id)
    again.matches = [_match(9)]
    carry_over(again, earlier)
    assert again.matches == [_match(9)]


def _match(object_id: int) -> CallerMatch:
    return CallerMatch(
        kind="CONTACT",
        coordinates=ObjectCoordinates(object_id=object_id, object_type_id="0-1", portal_id=1),
    )


def test_a_new_call_or_one_journaled_without_a_portal_stays_in_the_active_portal() -> None:
    new = Call(portal="p-active")
    carry_over(new, None)
    assert new.portal == "p-active"
    carry_over(new, Call(external_call_id=new.external_call_id, portal=None))
    assert new.portal == "p-active"


async def test_a_log_refused_as_logged_already_keeps_the_agents_edits(
    runtime: DeskRuntime,
) -> None:
    desk = runtime.desk
    recorder = Recorder()
    desk.add_listener(recorder)
    await desk.start()
    call_id = await desk.handle_event(_event(EventKind.RINGING))
    await desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
    await desk.log_call(call_id, CallStatus.COMPLETED, "first")
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    with pytest.raises(AlreadyLogged):
        await desk.log_call(call_id, CallStatus.COMPLETED, "second thoughts")
    kept = await desk.get_call(call_id)
    assert kept is not None
    assert kept.notes == "second thoughts"
    assert kept.sync_state is SyncState.LOGGED


async def test_queueing_says_queued_then_queued_already_then_logged_already(
    runtime: DeskRuntime,
) -> None:
    # The verdicts the CLI's ``log`` maps to its exit codes, each about the call given.
    desk = runtime.desk
    recorder = Recorder()
    desk.add_listener(recorder)
    call_id = await desk.handle_event(_event(EventKind.RINGING))
    await desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
    call = await desk.get_call(call_id)
    assert call is not None
    call.final_status = CallStatus.COMPLETED
    queued = await queue_log(runtime.journal, call, create_engagement=True, given_again=False)
    assert (queued.verdict, queued.call, queued.error) == (Verdict.QUEUED, call, None)
    assert queued.entry is not None and queued.entry.external_call_id == call_id
    again = await queue_log(runtime.journal, call, create_engagement=True, given_again=True)
    assert (again.verdict, again.call) == (Verdict.ALREADY_QUEUED, call)
    assert isinstance(again.error, AlreadyQueued)
    await desk.start()  # the outbox sends it
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    logged = await queue_log(runtime.journal, call, create_engagement=True, given_again=True)
    assert (logged.verdict, logged.call) == (Verdict.ALREADY_LOGGED, call)
    assert isinstance(logged.error, AlreadyLogged)
