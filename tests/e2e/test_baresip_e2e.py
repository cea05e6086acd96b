"""End to end with a real softphone and a real caller: baresip announces calls that sipp
makes over loopback SIP; the baresip client turns them into lifecycle events.

They need the ``baresip`` and ``sipp`` binaries (Debian: baresip-core, sip-tester). Without
them they are skipped with the reason printed, except under CI, where that is a failure.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.events import CallEvent
from hubcall_desktop.core.lifecycle import CallLifecycle, Outcome, Transition
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sources.baresip import Backoff, BaresipClient
from hubcall_desktop.sources.baresip_wire import BaresipEndpoint

SIP_DIR = Path(__file__).resolve().parent / "sip"
if str(SIP_DIR) not in sys.path:
    sys.path.insert(0, str(SIP_DIR))

from sipharness import Baresip, on_ci, run_sipp, tools_missing  # noqa: E402

MISSING = tools_missing()
WHY = f"needs {' and '.join(MISSING)} (apt-get install baresip-core sip-tester)"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(bool(MISSING) and not on_ci(), reason=WHY),
]
CALLER = "+4930123456"
TALK_S = 2
WAIT_S = 30  # only a guard against a hang; nothing is timed


@pytest.fixture(autouse=True)
def _tools_present_under_ci() -> None:
    if MISSING:
        pytest.fail(f"{WHY}; CI is set, so their absence is a failure", pytrace=False)


@dataclass
class Desk:
    """What the app does with baresip's events, reduced to the lifecycle and a queue."""

    client: BaresipClient
    transitions: asyncio.Queue[Transition]
    connection: asyncio.Queue[bool]

    async def next(self, outcome: Outcome) -> Transition:
        transition = await asyncio.wait_for(self.transitions.get(), WAIT_S)
        assert transition.outcome is outcome, transition
        return transition


def _baresip(tmp_path: Path, answermode: str) -> Iterator[Baresip]:
    softphone = Baresip(tmp_path / f"baresip-{answermode}", answermode=answermode)
    softphone.start()
    try:
        yield softphone
    finally:
        softphone.stop()


@pytest.fixture
def baresip(tmp_path: Path) -> Iterator[Baresip]:
    yield from _baresip(tmp_path, "manual")


@pytest.fixture
def auto_baresip(tmp_path: Path) -> Iterator[Baresip]:
    yield from _baresip(tmp_path, "auto")


async def _desk(softphone: Baresip) -> AsyncIterator[Desk]:
    lifecycle = CallLifecycle()
    transitions: asyncio.Queue[Transition] = asyncio.Queue()
    connection: asyncio.Queue[bool] = asyncio.Queue()

    async def on_event(event: CallEvent) -> None:
        transition = lifecycle.apply(event)
        if transition.changed:
            await transitions.put(transition)

    client = BaresipClient(
        BaresipEndpoint("127.0.0.1", softphone.ctrl_port),
        on_event,
        on_connection=lambda _, up: connection.put_nowait(up),
        region="DE",
        backoff=Backoff(initial=0.02, maximum=0.2),
    )
    client.start()
    try:
        await asyncio.wait_for(client.wait_connected(), WAIT_S)
        assert await connection.get() is True
        yield Desk(client, transitions, connection)
    finally:
        await client.stop()


@pytest.fixture
async def desk(baresip: Baresip) -> AsyncIterator[Desk]:
    async for value in _desk(baresip):
        yield value


@pytest.fixture
async def auto_desk(auto_baresip: Baresip) -> AsyncIterator[Desk]:
    async for value in _desk(auto_baresip):
        yield value


async def test_an_answered_call_ends_completed_with_its_duration(
    desk: Desk, baresip: Baresip, tmp_path: Path
) -> None:
    sipp = asyncio.create_task(
        run_sipp(
            "answered.xml",
            baresip,
            tmp_path,
            pause_ms=TALK_S * 1000,
            call_id="e2e-answered@sipp.test",
        )
    )
    ringing = (await desk.next(Outcome.NEW_RINGING)).call
    assert ringing.source is CallSource.BARESIP
    assert ringing.source_call_id == "e2e-answered@sipp.test"
    assert ringing.from_number is not None and ringing.from_number.e164 == CALLER
    result = await desk.client.accept(ringing.source_call_id)
    assert result.ok, result
    await desk.next(Outcome.ANSWERED)
    ended = (await desk.next(Outcome.ENDED)).call
    assert ended.final_status is CallStatus.COMPLETED
    assert ended.answered_at is not None and ended.ended_at is not None
    talked = (ended.ended_at - ended.answered_at).total_seconds()
    assert abs(talked - TALK_S) <= 1.0, talked
    done = await sipp
    assert done.returncode == 0, done.output


async def test_a_caller_who_gives_up_while_ringing_is_missed(
    desk: Desk, baresip: Baresip, tmp_path: Path
) -> None:
    sipp = asyncio.create_task(
        run_sipp("cancel.xml", baresip, tmp_path, pause_ms=300, call_id="e2e-cancel@sipp.test")
    )
    ringing = (await desk.next(Outcome.NEW_RINGING)).call
    assert ringing.from_number is not None and ringing.from_number.e164 == CALLER
    ended = (await desk.next(Outcome.ENDED)).call
    assert ended.external_call_id == ringing.external_call_id
    assert ended.final_status is CallStatus.MISSED
    assert ended.answered_at is None and ended.duration == 0
    done = await sipp
    assert done.returncode == 0, done.output


async def test_the_client_reconnects_when_baresip_restarts(
    desk: Desk, baresip: Baresip, tmp_path: Path
) -> None:
    baresip.stop()
    assert await asyncio.wait_for(desk.connection.get(), WAIT_S) is False
    assert not desk.client.connected
    baresip.start()  # same config, same ports
    assert await asyncio.wait_for(desk.connection.get(), WAIT_S) is True
    sipp = asyncio.create_task(
        run_sipp("cancel.xml", baresip, tmp_path, pause_ms=300, call_id="e2e-restart@sipp.test")
    )
    ringing = (await desk.next(Outcome.NEW_RINGING)).call
    assert ringing.source_call_id == "e2e-restart@sipp.test"
    assert ringing.from_number is not None and ringing.from_number.e164 == CALLER
    assert (await desk.next(Outcome.ENDED)).call.final_status is CallStatus.MISSED
    assert (await sipp).returncode == 0


async def test_auto_answer_has_no_ringing_yet_the_call_is_caught(
    auto_desk: Desk, auto_baresip: Baresip, tmp_path: Path
) -> None:
    sipp = asyncio.create_task(
        run_sipp("answered.xml", auto_baresip, tmp_path, pause_ms=300, call_id="e2e-auto@sipp.test")
    )
    first = (await auto_desk.next(Outcome.NEW_ANSWERED)).call
    assert first.ringing_at is None
    assert first.from_number is not None and first.from_number.e164 == CALLER
    ended = (await auto_desk.next(Outcome.ENDED)).call
    assert ended.final_status is CallStatus.COMPLETED
    assert (await sipp).returncode == 0
