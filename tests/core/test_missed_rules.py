"""Which calls are missed, and which auto-log delay applies to them (Qt-free rules)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from hubcall_desktop.core.call import Call, Direction
from hubcall_desktop.core.lifecycle import auto_log_at, auto_log_delay, is_missed, should_auto_log
from hubcall_desktop.core.statuses import CallStatus

T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _call(**changes: object) -> Call:
    base = Call(ringing_at=T0, ended_at=T0 + timedelta(seconds=20), final_status=CallStatus.MISSED)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_call_that_rang_and_ended_unanswered_is_missed() -> None:
    assert is_missed(_call())
    assert not is_missed(_call(answered_at=T0 + timedelta(seconds=5)))
    assert not is_missed(_call(final_status=CallStatus.BUSY))  # the agent refused it
    assert not is_missed(_call(final_status=CallStatus.NO_ANSWER))  # forwarded elsewhere
    assert not is_missed(_call(final_status=None, ended_at=None))  # still ringing
    assert not is_missed(_call(direction=Direction.OUTBOUND))


def test_missed_calls_have_their_own_delay_and_the_shorter_one_wins() -> None:
    missed = _call()
    assert auto_log_delay(missed, 0, 10) == 10  # on by default, with auto-log for all off
    assert auto_log_delay(missed, 5, 10) == 5
    assert auto_log_delay(missed, 30, 10) == 10
    assert auto_log_delay(missed, 30, 0) == 30  # off for missed calls: as for all calls
    assert auto_log_delay(missed, 0, 0) == 0  # off


def test_other_calls_keep_the_delay_for_all_calls() -> None:
    busy = _call(final_status=CallStatus.BUSY)
    talked = _call(answered_at=T0, final_status=CallStatus.COMPLETED)
    for call in (busy, talked):
        assert auto_log_delay(call, 0, 10) == 0
        assert auto_log_delay(call, 30, 10) == 30


def test_a_missed_call_is_logged_after_its_delay_unless_touched_or_flagged() -> None:
    missed = _call()
    delay = auto_log_delay(missed, 0, 10)
    due = T0 + timedelta(seconds=30)
    assert auto_log_at(missed, delay) == due
    assert not should_auto_log(missed, delay, edited=False, now=due - timedelta(seconds=1))
    assert should_auto_log(missed, delay, edited=False, now=due)
    assert not should_auto_log(missed, delay, edited=True, now=due + timedelta(hours=1))
    flagged = _call(flagged="interrupted")  # a guess the agent confirms: never on their behalf
    assert not should_auto_log(flagged, auto_log_delay(flagged, 0, 10), edited=False, now=due)
