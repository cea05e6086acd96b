"""Several baresips at once: events from all, commands to the one that has the call."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from hubcall_desktop.core.call import Call, CallSource
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import CallEvent
from hubcall_desktop.sources.baresip import Backoff, BaresipUnavailable
from hubcall_desktop.sources.baresip_pool import BaresipPool
from hubcall_desktop.sources.baresip_wire import BaresipEndpoint

from .fake_baresip import FakeBaresip, call_event

FAST = Backoff(initial=0.01, maximum=0.05)


@pytest.fixture
async def fakes() -> AsyncIterator[tuple[FakeBaresip, FakeBaresip]]:
    one, two = FakeBaresip(), FakeBaresip()
    await one.start()
    await two.start()
    yield one, two
    await one.stop()
    await two.stop()


async def test_two_softphones_one_source(fakes: tuple[FakeBaresip, FakeBaresip]) -> None:
    one, two = fakes
    events: asyncio.Queue[CallEvent] = asyncio.Queue()
    seen: list[dict[BaresipEndpoint, bool]] = []
    one_down = asyncio.Event()

    def on_connections(state: dict[BaresipEndpoint, bool]) -> None:
        seen.append(state)
        if state.get(one.endpoint) is False:
            one_down.set()

    async def on_event(event: CallEvent) -> None:
        await events.put(event)

    pool = BaresipPool(
        [one.endpoint, two.endpoint, one.endpoint],
        on_event,
        on_connections=on_connections,
        backoff=FAST,
    )
    assert len(pool.clients) == 2  # the same endpoint twice is one client
    pool.start()
    try:
        for client in pool.clients:
            await client.wait_connected()
        await one.connected.wait()
        await two.connected.wait()
        assert pool.connections() == {one.endpoint: True, two.endpoint: True}
        assert seen[-1] == pool.connections()
        await one.send(call_event("CALL_INCOMING", "on-one"))
        await two.send(call_event("CALL_INCOMING", "on-two", caller="+4989123456"))
        got = {(await asyncio.wait_for(events.get(), 10)).source_call_id for _ in range(2)}
        assert got == {"on-one", "on-two"}

        await pool.answer(Call(source=CallSource.BARESIP, source_call_id="on-two"))
        assert (await two.commands.get())["command"] == "accept"
        assert one.commands.empty()

        with pytest.raises(BaresipUnavailable):
            await pool.answer(Call(source=CallSource.BARESIP, source_call_id="nobody"))

        two.auto_answer = False
        hanging = asyncio.create_task(
            pool.hangup(Call(source=CallSource.BARESIP, source_call_id="on-two"))
        )
        command = await two.commands.get()
        await two.respond(command["token"], False, "no active call\n")
        with pytest.raises(UserError, match="no active call"):
            await hanging

        await one.stop()
        await asyncio.wait_for(one_down.wait(), 10)
        assert seen[-1] == {one.endpoint: False, two.endpoint: True}
        with pytest.raises(BaresipUnavailable):  # its calls went with it
            await pool.answer(Call(source=CallSource.BARESIP, source_call_id="on-one"))
    finally:
        await pool.stop()
