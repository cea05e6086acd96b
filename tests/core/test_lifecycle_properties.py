"""Property-based: random event sequences never crash the lifecycle, and every call it
closes (or expires) has a final status consistent with what happened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubcall_desktop.core.call import Call, CallSource
from hubcall_desktop.core.events import CallEvent, EndReason, EventKind, make_event
from hubcall_desktop.core.lifecycle import CallLifecycle, Outcome
from hubcall_desktop.core.statuses import CallStatus

T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
CALLERS = ["+4930123456", "+4989123456", "anonymous", "204"]


@st.composite
def events(draw: st.DrawFn) -> CallEvent:
    kind = draw(st.sampled_from(list(EventKind)))
    return make_event(
        kind,
        draw(st.sampled_from([CallSource.WEBHOOK, CallSource.CLI])),
        source_call_id=draw(st.sampled_from([None, "a", "b", "c"])),
        raw_from=draw(st.sampled_from(CALLERS)),
        raw_to="",
        at=T0 + timedelta(seconds=draw(st.integers(0, 3 * 3600))),
        reason=draw(st.sampled_from(list(EndReason))) if kind is EventKind.ENDED else None,
        region="DE",
    )


def check_call(call: Call) -> None:
    moments = [m for m in (call.ringing_at, call.answered_at, call.ended_at) if m]
    assert moments, "a call always has the moment it was heard of"
    if call.ringing_at and call.answered_at:
        assert call.ringing_at <= call.answered_at
    if call.answered_at and call.ended_at:
        assert call.answered_at <= call.ended_at
    if call.ended_at is not None:
        assert call.final_status is not None, "an ended call always has a final status"
        assert (call.final_status is CallStatus.COMPLETED) == (call.answered_at is not None)
        assert call.duration is not None and call.duration >= 0
    if call.final_status is CallStatus.UNKNOWN:
        assert call.flagged


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), max_size=30))
def test_random_sequences_never_leave_a_call_without_a_final_status(
    sequence: list[CallEvent],
) -> None:
    now = [T0]
    life = CallLifecycle(clock=lambda: now[0])
    seen: dict[str, Call] = {}
    for event in sequence:
        transition = life.apply(event)
        assert transition.call is not None
        if transition.changed:
            check_call(transition.call)
            seen[transition.call.external_call_id] = transition.call
        if transition.closed:
            assert transition.call.final_status is not None
    # Time passes beyond every timeout: whatever never ended is closed too.
    now[0] = T0 + timedelta(days=1)
    for call in life.overdue():
        expired = life.expire(call)
        assert expired.outcome is Outcome.EXPIRED
        seen[call.external_call_id] = expired.call
    assert life.open_calls() == []
    for call in seen.values():
        check_call(call)
        assert call.final_status is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(events(), min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_keyed_calls_end_the_same_whatever_the_order(
    sequence: list[CallEvent], rnd: object
) -> None:
    """For sources with call ids, the final status of each call does not depend on the
    order its ringing, answered and ended events arrive in."""
    keyed = [e for e in sequence if e.source_call_id is not None]
    firsts: dict[tuple[CallSource, str, EventKind], CallEvent] = {}
    for event in keyed:
        assert event.source_call_id is not None
        firsts.setdefault((event.source, event.source_call_id, event.kind), event)
    chosen = list(firsts.values())
    if not chosen:
        return
    shuffled = chosen[:]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]

    def final(order: list[CallEvent]) -> dict[tuple[CallSource, str | None], CallStatus | None]:
        life = CallLifecycle(clock=lambda: T0)
        latest: dict[tuple[CallSource, str | None], CallStatus | None] = {}
        for event in order:
            call = life.apply(event).call
            latest[(call.source, call.source_call_id)] = call.final_status
        return latest

    def consistent(order: list[CallEvent]) -> bool:
        # Orders where an answer comes after its end describe another call; skip those.
        by_call: dict[tuple[CallSource, str | None], dict[EventKind, datetime]] = {}
        for e in order:
            by_call.setdefault((e.source, e.source_call_id), {})[e.kind] = e.at
        for times in by_call.values():
            ring, ans, end = (times.get(k) for k in EventKind)
            if ring and ((ans and ring > ans) or (end and ring > end)):
                return False
            if ans and end and ans > end:
                return False
        return True

    if consistent(chosen):
        assert final(chosen) == final(shuffled)
