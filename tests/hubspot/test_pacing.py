"""Client-side pacing: a rolling window, tightened by HubSpot's headers. Fake clock, no sleeps."""

from __future__ import annotations

import asyncio

import pytest

from hubcall_desktop.hubspot.pacing import RequestPacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def make(budget: int = 3, window: float = 10.0) -> tuple[RequestPacer, FakeTime]:
    t = FakeTime()
    return RequestPacer(budget, window, clock=t.clock, sleep=t.sleep), t


async def test_budget_within_rolling_window() -> None:
    pacer, t = make(budget=3)
    for _ in range(3):
        await pacer.acquire()
    assert t.slept == []
    await pacer.acquire()  # the 4th waits for the 1st to leave the window
    assert t.slept == [pytest.approx(10.0)]


async def test_window_rolls_not_resets() -> None:
    pacer, t = make(budget=2)
    await pacer.acquire()
    t.now += 6
    await pacer.acquire()
    t.now += 5  # the first left the window, the second has not
    assert pacer.delay_needed() == 0
    await pacer.acquire()
    assert pacer.delay_needed() == pytest.approx(5.0)


async def test_a_burst_never_exceeds_budget() -> None:
    pacer, t = make(budget=100)
    sent: list[float] = []
    for _ in range(350):
        await pacer.acquire()
        sent.append(t.now)
    for i, moment in enumerate(sent):
        in_window = [s for s in sent[: i + 1] if s > moment - 10.0]
        assert len(in_window) <= 100


async def test_server_remaining_count_pauses() -> None:
    pacer, t = make(budget=100)
    pacer.observe(
        {"X-HubSpot-RateLimit-Remaining": "1", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}
    )
    assert pacer.delay_needed() == pytest.approx(10.0)
    await pacer.acquire()
    assert sum(t.slept) == pytest.approx(10.0)


async def test_server_max_lowers_budget_but_never_raises_it() -> None:
    pacer, _ = make(budget=100)
    pacer.observe({"X-HubSpot-RateLimit-Max": "50"})
    assert pacer.budget == 48
    pacer.observe({"X-HubSpot-RateLimit-Max": "250"})
    assert pacer.budget == 100


@pytest.mark.parametrize(
    "headers",
    [
        {"X-HubSpot-RateLimit-Max": "lots"},
        {"X-HubSpot-RateLimit-Remaining": ""},
        {"X-HubSpot-RateLimit-Interval-Milliseconds": "-5"},
        {"X-HubSpot-RateLimit-Max": "0"},
    ],
)
def test_garbage_headers_are_ignored(headers: dict[str, str]) -> None:
    pacer, _ = make(budget=100)
    pacer.observe(headers)
    assert pacer.budget == 100
    assert pacer.delay_needed() == 0


async def test_concurrent_callers_share_the_budget() -> None:
    pacer, t = make(budget=5)
    await asyncio.gather(*(pacer.acquire() for _ in range(12)))
    assert t.now - 1000.0 == pytest.approx(20.0)


def test_bad_configuration() -> None:
    with pytest.raises(ValueError, match="budget"):
        RequestPacer(0)
