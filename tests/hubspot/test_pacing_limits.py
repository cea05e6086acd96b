"""The pacer's edges: when a request leaves the rolling window, how HubSpot's headers
tighten the budget and the window (and how far they may), when a nearly used-up count
pauses, and the documented ceilings. Fake clock, no sleeps."""

from __future__ import annotations

import pytest

from hubcall_desktop.hubspot import pacing
from hubcall_desktop.hubspot.pacing import RequestPacer

from .test_pacing import FakeTime


def _pacer(budget: int = 100, window: float = 10.0) -> tuple[RequestPacer, FakeTime]:
    t = FakeTime()
    return RequestPacer(budget, window, clock=t.clock, sleep=t.sleep), t


def test_the_documented_defaults_and_ceilings() -> None:
    assert (pacing.DEFAULT_BUDGET, pacing.DEFAULT_WINDOW_S, pacing.RESERVE) == (100, 10.0, 2)
    assert (pacing.MAX_WINDOW_S, pacing.MAX_SERVER_WAIT_S) == (10.0, 60.0)
    assert RequestPacer().budget == 100


async def test_a_request_leaves_the_window_exactly_window_seconds_later() -> None:
    pacer, t = _pacer(budget=1, window=10.0)
    await pacer.acquire()
    t.now += 9.5
    assert pacer.delay_needed() == pytest.approx(0.5)
    t.now += 0.5
    assert pacer.delay_needed() == 0


async def test_the_budget_is_full_at_exactly_budget_requests() -> None:
    pacer, t = _pacer(budget=2, window=10.0)
    await pacer.acquire()
    assert pacer.delay_needed() == 0
    await pacer.acquire()
    assert pacer.delay_needed() == pytest.approx(10.0)
    assert t.slept == []


async def test_the_default_window_is_ten_seconds() -> None:
    t = FakeTime()
    pacer = RequestPacer(1, clock=t.clock, sleep=t.sleep)
    await pacer.acquire()
    assert pacer.delay_needed() == pytest.approx(10.0)


def test_the_budget_keeps_a_reserve_below_hubspots_maximum() -> None:
    pacer, _ = _pacer(budget=100)
    pacer.observe({"X-HubSpot-RateLimit-Max": " 10 "})
    assert pacer.budget == 8
    pacer.observe({"X-HubSpot-RateLimit-Max": "3"})
    assert pacer.budget == 1
    pacer.observe({"X-HubSpot-RateLimit-Max": "1"})
    assert pacer.budget == 1  # never below one request


async def test_a_longer_server_window_widens_ours_up_to_the_ceiling() -> None:
    pacer, _ = _pacer(budget=1, window=2.0)
    pacer.observe({"X-HubSpot-RateLimit-Interval-Milliseconds": "5000"})
    await pacer.acquire()
    assert pacer.delay_needed() == pytest.approx(5.0)
    pacer.observe({"X-HubSpot-RateLimit-Interval-Milliseconds": "86400000"})
    assert pacer.delay_needed() == pytest.approx(10.0)


async def test_a_shorter_server_window_never_narrows_ours() -> None:
    pacer, _ = _pacer(budget=1, window=10.0)
    pacer.observe({"X-HubSpot-RateLimit-Interval-Milliseconds": "1000"})
    await pacer.acquire()
    assert pacer.delay_needed() == pytest.approx(10.0)


@pytest.mark.parametrize(("remaining", "pauses"), [("0", True), ("2", True), ("3", False)])
def test_a_nearly_used_up_count_pauses_one_window(remaining: str, pauses: bool) -> None:
    pacer, _ = _pacer(window=10.0)
    pacer.observe({"X-HubSpot-RateLimit-Remaining": remaining})
    assert pacer.delay_needed() == (pytest.approx(10.0) if pauses else 0)


def test_a_429s_own_count_leaves_the_pause_to_retry_after() -> None:
    pacer, _ = _pacer(window=10.0)
    pacer.observe({"X-HubSpot-RateLimit-Remaining": "0"}, rate_limited=True)
    assert pacer.delay_needed() == 0


def test_a_pause_never_shortens_a_longer_one() -> None:
    pacer, t = _pacer()
    pacer.pause(30.0)
    pacer.pause(5.0)
    assert pacer.delay_needed() == pytest.approx(30.0)
    t.now += 30.0
    assert pacer.delay_needed() == 0
    pacer.pause(pacing.MAX_SERVER_WAIT_S + 1)
    assert pacer.delay_needed() == pacing.MAX_SERVER_WAIT_S


async def test_acquire_waits_out_a_pause_then_takes_its_slot() -> None:
    pacer, t = _pacer(budget=5)
    pacer.pause(4.0)
    await pacer.acquire()
    assert t.slept == [pytest.approx(4.0)]
    pacer.observe({"X-HubSpot-RateLimit-Max": "3"})  # budget 1: the slot taken is counted
    assert pacer.delay_needed() == pytest.approx(10.0)


@pytest.mark.parametrize(("budget", "window"), [(0, 10.0), (-1, 10.0), (1, 0.0), (1, -2.0)])
def test_a_pacer_that_could_never_send_is_refused(budget: int, window: float) -> None:
    with pytest.raises(ValueError, match="budget must be >= 1 and window > 0"):
        RequestPacer(budget, window)


def test_the_smallest_pacer_is_allowed() -> None:
    assert RequestPacer(1, 0.001).budget == 1


def test_a_short_or_zero_pause_is_taken_as_given() -> None:
    pacer, _ = _pacer()
    pacer.pause(0.0)
    assert pacer.delay_needed() == 0
    pacer.pause(0.25)
    assert pacer.delay_needed() == pytest.approx(0.25)
