"""The call lifecycle: events in any order become calls with a final status."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from hubcall_desktop.core.call import Call, CallSource, SyncState
from hubcall_desktop.core.events import CallEvent, EndReason, EventKind, make_event
from hubcall_desktop.core.lifecycle import (
    INTERRUPTED_FLAG,
    NEVER_ENDED_FLAG,
    CallLifecycle,
    Outcome,
    auto_log_at,
    final_status_for,
    should_auto_log,
)
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus

T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
CALLER = "+4930123456"
OTHER = "+4989123456"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def ev(
    kind: EventKind,
    call_id: str | None = "c1",
    at: float = 0.0,
    *,
    caller: str = CALLER,
    reason: EndReason | None = None,
    source: CallSource = CallSource.WEBHOOK,
) -> CallEvent:
    return make_event(
        kind,
        source,
        source_call_id=call_id,
        raw_from=caller,
        raw_to="",
        at=T0 + timedelta(seconds=at),
        reason=reason,
        region="DE",
    )


def ring(call_id: str | None = "c1", at: float = 0.0, **kw: object) -> CallEvent:
    return ev(EventKind.RINGING, call_id, at, **kw)  # type: ignore[arg-type]


def answer(call_id: str | None = "c1", at: float = 0.0, **kw: object) -> CallEvent:
    return ev(EventKind.ANSWERED, call_id, at, **kw)  # type: ignore[arg-type]


def end(
    call_id: str | None = "c1",
    at: float = 0.0,
    reason: EndReason = EndReason.HUNG_UP,
    **kw: object,
) -> CallEvent:
    return ev(EventKind.ENDED, call_id, at, reason=reason, **kw)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def life(clock: Clock) -> CallLifecycle:
    return CallLifecycle(clock=clock)


def test_ringing_answered_ended_is_completed_with_duration_and_ring_time(
    life: CallLifecycle,
) -> None:
    first = life.apply(ring(at=0))
    assert first.outcome is Outcome.NEW_RINGING and first.is_new and first.changed
    call = first.call
    assert call.source is CallSource.WEBHOOK and call.source_call_id == "c1"
    assert call.from_number is not None and call.from_number.e164 == CALLER
    assert call.ringing_at == T0 and call.final_status is None
    second = life.apply(answer(at=7))
    assert second.outcome is Outcome.ANSWERED and not second.is_new
    third = life.apply(end(at=7 + 42))
    assert third.outcome is Outcome.ENDED and third.closed
    done = third.call
    assert done.final_status is CallStatus.COMPLETED
    assert done.duration == 42
    assert done.answered_at is not None and done.ringing_at is not None
    assert done.answered_at - done.ringing_at == timedelta(seconds=7)  # ring time kept
    assert done.external_call_id == call.external_call_id


@pytest.mark.parametrize(
    ("reason", "status"),
    [
        (EndReason.HUNG_UP, CallStatus.MISSED),
        (EndReason.UNKNOWN, CallStatus.MISSED),
        (EndReason.CANCELED, CallStatus.CANCELED),
        (EndReason.BUSY, CallStatus.BUSY),
        (EndReason.REJECTED, CallStatus.BUSY),
        (EndReason.FAILED, CallStatus.FAILED),
        (EndReason.NO_ANSWER, CallStatus.NO_ANSWER),
        (EndReason.FORWARDED, CallStatus.NO_ANSWER),
    ],
)
def test_unanswered_calls_end_as_the_reason_says(
    life: CallLifecycle, reason: EndReason, status: CallStatus
) -> None:
    life.apply(ring(at=0))
    done = life.apply(end(at=20, reason=reason)).call
    assert done.final_status is status
    assert done.duration == 0
    assert final_status_for(False, reason) is status


@pytest.mark.parametrize("reason", list(EndReason))
def test_answered_calls_are_completed_whatever_the_reason(
    life: CallLifecycle, reason: EndReason
) -> None:
    life.apply(ring())
    life.apply(answer(at=1))
    assert life.apply(end(at=5, reason=reason)).call.final_status is CallStatus.COMPLETED


def test_duplicates_change_nothing(life: CallLifecycle) -> None:
    life.apply(ring())
    assert life.apply(ring(at=1)).outcome is Outcome.DUPLICATE
    life.apply(answer(at=2))
    assert life.apply(answer(at=3)).outcome is Outcome.DUPLICATE
    ended = life.apply(end(at=4)).call
    again = life.apply(end(at=5, reason=EndReason.BUSY))
    assert again.outcome is Outcome.DUPLICATE and not again.changed
    assert again.call.final_status is CallStatus.COMPLETED
    assert again.call.ended_at == ended.ended_at


def test_ended_before_ringing_then_the_late_events_fill_in(life: CallLifecycle) -> None:
    first = life.apply(end(at=30))
    assert first.outcome is Outcome.NEW_ENDED and first.is_new and first.closed
    assert first.call.final_status is CallStatus.MISSED
    late_ring = life.apply(ring(at=0))
    assert late_ring.outcome is Outcome.UPDATED
    assert late_ring.call.ringing_at == T0
    late_answer = life.apply(answer(at=10))
    assert late_answer.outcome is Outcome.UPDATED
    assert late_answer.call.final_status is CallStatus.COMPLETED
    assert late_answer.call.duration == 20
    assert len(life.open_calls()) == 0


def test_an_answer_after_the_end_is_not_the_same_call(life: CallLifecycle) -> None:
    life.apply(ring())
    life.apply(end(at=10))
    assert life.apply(answer(at=11)).outcome is Outcome.DUPLICATE


def test_a_ringing_after_the_end_with_the_same_id_is_a_new_call(life: CallLifecycle) -> None:
    old = life.apply(ring()).call
    life.apply(end(at=10))
    again = life.apply(ring(at=60))
    assert again.outcome is Outcome.NEW_RINGING
    assert again.call.external_call_id != old.external_call_id
    # The id names the new call now: its end closes it, and the old call stays as it was.
    closed = life.apply(end(at=70, reason=EndReason.BUSY)).call
    assert closed.external_call_id == again.call.external_call_id
    assert closed.final_status is CallStatus.BUSY


def test_the_same_ringing_repeated_after_the_end_is_still_a_duplicate(
    life: CallLifecycle,
) -> None:
    life.apply(ring(at=0))
    life.apply(end(at=10))
    assert life.apply(ring(at=0)).outcome is Outcome.DUPLICATE  # a retry of the first ring
    assert life.apply(ring(at=5)).outcome is Outcome.DUPLICATE  # within the call's time


def test_a_ringing_with_a_known_id_from_another_caller_is_a_new_call(
    life: CallLifecycle,
) -> None:
    first = life.apply(ring(at=0)).call
    second = life.apply(ring(at=1, caller=OTHER))
    assert second.outcome is Outcome.NEW_RINGING
    assert second.call.external_call_id != first.external_call_id
    assert life.apply(ring(at=2, caller=OTHER)).outcome is Outcome.DUPLICATE


def test_a_reused_id_after_expiry_is_a_new_call(life: CallLifecycle, clock: Clock) -> None:
    old = life.apply(ring()).call
    clock.now = T0 + timedelta(hours=1)
    life.expire(old)
    assert life.apply(ring(at=3600)).outcome is Outcome.NEW_RINGING


def test_forgetting_the_old_call_keeps_the_new_call_of_a_reused_id(
    clock: Clock,
) -> None:
    life = CallLifecycle(clock=clock, memory=timedelta(minutes=30))
    life.apply(ring(at=0))
    life.apply(end(at=10))
    new = life.apply(ring(at=25 * 60)).call
    clock.now = T0 + timedelta(minutes=50)
    life.overdue()  # forgets the first call (closed 50 minutes ago)
    resolved = life.resolve(end(at=50 * 60))
    assert resolved is not None and resolved.external_call_id == new.external_call_id


def test_plan_remembers_nothing_until_commit(life: CallLifecycle) -> None:
    planned = life.plan(ring())
    assert planned.outcome is Outcome.NEW_RINGING
    assert life.resolve(ring()) is None and life.open_calls() == []
    # The journal write failed and the source retries: the retry is new again.
    retried = life.plan(ring())
    assert retried.outcome is Outcome.NEW_RINGING
    life.commit(retried)
    assert life.apply(ring(at=1)).outcome is Outcome.DUPLICATE
    ended = life.plan(end(at=5))
    assert ended.outcome is Outcome.ENDED and life.open_calls() != []
    life.commit(ended)
    assert life.open_calls() == []


def test_expire_without_commit_remembers_nothing(life: CallLifecycle, clock: Clock) -> None:
    life.apply(ring())
    clock.now = T0 + timedelta(hours=1)
    [overdue] = life.overdue()
    expired = life.expire(overdue, commit=False)
    assert expired.outcome is Outcome.EXPIRED and life.open_calls() != []
    life.commit(expired)
    assert life.open_calls() == []


def test_answered_for_an_unknown_call_starts_it(life: CallLifecycle) -> None:
    first = life.apply(answer(at=5))
    assert first.outcome is Outcome.NEW_ANSWERED and first.is_new
    assert first.call.ringing_at is None and first.call.answered_at == T0 + timedelta(seconds=5)
    assert first.call.start_time == first.call.answered_at
    done = life.apply(end(at=65)).call
    assert done.final_status is CallStatus.COMPLETED and done.duration == 60


def test_two_calls_ringing_at_once_stay_apart(life: CallLifecycle) -> None:
    a = life.apply(ring("a", 0)).call
    b = life.apply(ring("b", 1, caller=OTHER)).call
    assert a.external_call_id != b.external_call_id
    life.apply(answer("b", 2))
    missed = life.apply(end("a", 3)).call
    assert missed.final_status is CallStatus.MISSED
    assert [c.source_call_id for c in life.open_calls()] == ["b"]
    talked = life.apply(end("b", 9, caller=OTHER)).call
    assert talked.final_status is CallStatus.COMPLETED and talked.duration == 7


def test_the_same_id_from_two_sources_is_two_calls(life: CallLifecycle) -> None:
    web = life.apply(ring("x")).call
    cli = life.apply(ring("x", source=CallSource.CLI)).call
    assert web.external_call_id != cli.external_call_id


def test_answer_time_never_precedes_ring_time(life: CallLifecycle) -> None:
    life.apply(ring(at=10))
    answered = life.apply(answer(at=5)).call
    assert answered.answered_at == answered.ringing_at
    ended = life.apply(end(at=1)).call
    assert ended.ended_at == ended.answered_at and ended.duration == 0


def test_calls_without_ids_are_matched_by_number(life: CallLifecycle) -> None:
    first = life.apply(ring(None, 0)).call
    other = life.apply(ring(None, 1, caller=OTHER)).call
    assert first.external_call_id != other.external_call_id
    assert life.apply(ring(None, 2)).outcome is Outcome.DUPLICATE  # same caller, still ringing
    assert life.apply(answer(None, 3)).call.external_call_id == first.external_call_id
    done = life.apply(end(None, 13)).call
    assert done.external_call_id == first.external_call_id
    assert done.final_status is CallStatus.COMPLETED and done.duration == 10
    assert life.apply(end(None, 14)).outcome is Outcome.DUPLICATE  # a repeated end
    again = life.apply(ring(None, 600))
    assert again.outcome is Outcome.NEW_RINGING  # the same caller rings again later
    assert again.call.external_call_id != first.external_call_id


def test_an_id_less_end_long_after_a_closed_call_is_a_new_call(life: CallLifecycle) -> None:
    life.apply(ring(None, 0))
    life.apply(end(None, 5))
    late = life.apply(end(None, 5 + 3600))
    assert late.outcome is Outcome.NEW_ENDED


def test_an_id_less_late_ringing_joins_the_call_that_ended_first(life: CallLifecycle) -> None:
    first = life.apply(end(None, 30)).call
    late = life.apply(ring(None, 0))
    assert late.outcome is Outcome.UPDATED
    assert late.call.external_call_id == first.external_call_id


def test_withheld_callers_are_journaled_flagged_without_number(life: CallLifecycle) -> None:
    call = life.apply(ring(caller="anonymous")).call
    assert call.number_withheld and call.from_number is None and call.raw_from == "anonymous"
    assert not call.can_be_sent


def test_a_later_event_fills_in_a_missing_number(life: CallLifecycle) -> None:
    life.apply(answer(caller="204"))
    ended = life.apply(end(at=5, caller=CALLER)).call
    assert ended.from_number is not None and ended.from_number.e164 == CALLER


def test_own_number_is_the_default_to(clock: Clock) -> None:
    own = parse_phone("+4930901820")
    life = CallLifecycle(clock=clock, own_number=own)
    assert life.apply(ring()).call.to_number == own


def test_snapshots_are_never_changed_behind_the_holder(life: CallLifecycle) -> None:
    ringing = life.apply(ring()).call
    life.apply(answer(at=1))
    assert ringing.answered_at is None


def test_the_journal_copy_is_the_base_and_keeps_the_agents_notes(life: CallLifecycle) -> None:
    ringing = life.apply(ring()).call
    journal_copy = dataclasses.replace(ringing, notes="wants a callback")
    ended = life.apply(end(at=9), journal_copy).call
    assert ended.notes == "wants a callback" and ended.final_status is CallStatus.MISSED


def test_resuming_after_a_restart(clock: Clock) -> None:
    before = CallLifecycle(clock=clock)
    open_call = before.apply(ring()).call
    after = CallLifecycle(clock=clock)
    after.restore([open_call])
    assert after.resolve(answer()) == open_call
    answered = after.apply(answer(at=3))
    assert answered.outcome is Outcome.ANSWERED
    assert answered.call.external_call_id == open_call.external_call_id


def test_an_existing_call_from_the_journal_is_adopted(life: CallLifecycle) -> None:
    stored = Call(source=CallSource.WEBHOOK, source_call_id="old", raw_from=CALLER, ringing_at=T0)
    transition = life.apply(end("old", 4), stored)
    assert transition.outcome is Outcome.ENDED
    assert transition.call.external_call_id == stored.external_call_id
    assert life.apply(end("old", 5)).outcome is Outcome.DUPLICATE


def test_calls_that_never_end_expire_as_unknown_and_flagged(
    life: CallLifecycle, clock: Clock
) -> None:
    ringing_only = life.apply(ring("r", 0)).call
    talking = life.apply(answer("t", 0, caller=OTHER)).call
    clock.now = T0 + timedelta(minutes=9)
    assert life.overdue() == []
    assert life.expire(ringing_only).outcome is Outcome.DUPLICATE  # not due yet
    clock.now = T0 + timedelta(minutes=11)
    assert [c.source_call_id for c in life.overdue()] == ["r"]
    expired = life.expire(ringing_only)
    assert expired.outcome is Outcome.EXPIRED and expired.closed
    assert expired.call.final_status is CallStatus.UNKNOWN
    assert expired.call.flagged is not None and expired.call.flagged.startswith(NEVER_ENDED_FLAG)
    assert expired.call.duration is None  # not made up
    clock.now = T0 + timedelta(hours=4, seconds=1)
    assert [c.external_call_id for c in life.overdue()] == [talking.external_call_id]
    assert life.expire(talking).call.final_status is CallStatus.UNKNOWN
    assert life.open_calls() == []


def test_a_real_end_after_expiry_replaces_the_guess(life: CallLifecycle, clock: Clock) -> None:
    call = life.apply(answer()).call
    clock.now = T0 + timedelta(hours=5)
    life.expire(call)
    late = life.apply(end(at=4 * 3600 + 60))
    assert late.outcome is Outcome.UPDATED
    assert late.call.final_status is CallStatus.COMPLETED and late.call.flagged is None
    assert late.call.duration == 4 * 3600 + 60


def test_closed_calls_are_forgotten_after_the_memory_window(
    life: CallLifecycle, clock: Clock
) -> None:
    life.apply(ring())
    life.apply(end(at=1))
    clock.now = T0 + timedelta(minutes=30)
    life.overdue()
    assert life.resolve(end(at=2)) is not None
    clock.now = T0 + timedelta(hours=2)
    life.overdue()
    assert life.resolve(end(at=2)) is None


def test_timeouts_must_be_positive(clock: Clock) -> None:
    with pytest.raises(ValueError, match="positive"):
        CallLifecycle(clock=clock, ring_timeout=timedelta(0))


# -- auto-log -------------------------------------------------------------------------------


def closed_call(**changes: object) -> Call:
    base = Call(ringing_at=T0, ended_at=T0 + timedelta(seconds=30), final_status=CallStatus.MISSED)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_auto_log_deadline() -> None:
    call = closed_call()
    assert auto_log_at(call, 20) == T0 + timedelta(seconds=50)
    assert auto_log_at(call, 0) is None  # off
    assert auto_log_at(closed_call(final_status=None, ended_at=None), 20) is None  # open
    assert auto_log_at(closed_call(flagged="never ended"), 20) is None
    assert auto_log_at(closed_call(sync_state=SyncState.PENDING), 20) is None


def test_should_auto_log_only_untouched_calls_after_the_delay() -> None:
    call = closed_call()
    deadline = T0 + timedelta(seconds=50)
    assert not should_auto_log(call, 20, edited=False, now=deadline - timedelta(seconds=1))
    assert should_auto_log(call, 20, edited=False, now=deadline)
    assert not should_auto_log(call, 20, edited=True, now=deadline + timedelta(hours=1))
    assert not should_auto_log(call, 0, edited=False, now=deadline)


def test_calls_interrupted_by_a_restart_close_flagged_with_the_likeliest_status(
    life: CallLifecycle,
) -> None:
    rang = life.plan(ring("a")).call
    talked = life.apply(answer("b", 5)).call
    missed = life.interrupt(rang)
    completed = life.interrupt(talked)
    assert missed.outcome is Outcome.INTERRUPTED and missed.closed and missed.changed
    assert missed.call.final_status is CallStatus.MISSED
    assert completed.call.final_status is CallStatus.COMPLETED
    assert completed.call.duration is None and completed.call.ended_at is None
    assert missed.call.flagged == completed.call.flagged == INTERRUPTED_FLAG
    assert auto_log_at(missed.call, 5) is None  # the agent confirms it first
    assert life.interrupt(missed.call).outcome is Outcome.DUPLICATE  # closed already


def test_a_late_answer_after_an_interruption_means_the_call_was_talked(
    life: CallLifecycle,
) -> None:
    interrupted = life.interrupt(life.plan(ring()).call)
    life.commit(interrupted)
    late = life.apply(answer(at=3))
    assert late.outcome is Outcome.UPDATED and late.call.final_status is CallStatus.COMPLETED
    done = life.apply(end(at=63))
    assert done.call.final_status is CallStatus.COMPLETED and done.call.duration == 60
    assert done.call.flagged is None
