"""The desk's announcements wait while events are being accepted (a burst is answered
first), never longer than their limit, run in the order they came, and one failing does
not stop the rest. Real asyncio; the announcements are recorded as they run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from hubcall_desktop.services.desk_announcer import Announcer
from hubcall_desktop.services.tasks import BackgroundTasks

LONG_S = 30.0  # a limit no test reaches
SETTLE_S = 0.05  # loop turns enough for a runnable announcement to have run


@pytest.fixture
async def tasks() -> AsyncIterator[BackgroundTasks]:
    owned = BackgroundTasks("test")
    yield owned
    await owned.cancel_all()


def _recording(seen: list[int], fail_on: int | None = None) -> Callable[[int], Awaitable[None]]:
    async def announce(item: int) -> None:
        if item == fail_on:
            raise RuntimeError("a listener broke")
        seen.append(item)

    return announce


async def test_announcements_wait_until_no_event_is_being_accepted(
    tasks: BackgroundTasks,
) -> None:
    seen: list[int] = []
    announcer: Announcer[int] = Announcer(_recording(seen), tasks, max_defer_s=LONG_S)
    with announcer.accepting():
        announcer.put(1)  # committed while another event is still being accepted
        with announcer.accepting():
            announcer.put(2)
        await asyncio.sleep(SETTLE_S)
        assert seen == []  # the burst is answered first
    await asyncio.sleep(SETTLE_S)
    assert seen == [1, 2]


async def test_an_announcement_waits_no_longer_than_its_limit(tasks: BackgroundTasks) -> None:
    seen: list[int] = []
    announcer: Announcer[int] = Announcer(_recording(seen), tasks, max_defer_s=0.1)
    with announcer.accepting():  # a stream of events that never pauses
        announcer.put(1)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.05)
        assert seen == [1]


async def test_announcements_run_in_order_and_a_failure_stops_none_of_the_others(
    tasks: BackgroundTasks, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[int] = []
    announcer: Announcer[int] = Announcer(_recording(seen, fail_on=3), tasks, max_defer_s=LONG_S)
    for item in range(1, 7):
        announcer.put(item)
    await asyncio.sleep(SETTLE_S)
    assert seen == [1, 2, 4, 5, 6]
    assert "announcing a committed call event failed" in caplog.text
    announcer.put(7)  # the worker had finished: a new one starts
    await asyncio.sleep(SETTLE_S)
    assert seen[-1] == 7 and announcer.waiting == 0
