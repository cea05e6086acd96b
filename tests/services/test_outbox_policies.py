"""The delivery policy, each rule with a test that fails when the rule is broken: what
counts as delivered, how long a call waits after each kind of refusal, that HubSpot's
Retry-After is honoured, that the configured rate limit reaches the pacer, and that two
senders on one data dir never send the same entry. Real sandbox, real journal files."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.call import Call, CallSource, Direction
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import HubSpotScopeError
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import NO_RETRY, RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, DEMO_TOKEN, Fault, RatePolicy, SandboxServer
from hubcall_desktop.services.outbox_sender import (
    DAILY_LIMIT_RETRY_S,
    MAX_RETRY_S,
    RECONNECT_RETRY_S,
    OutboxSender,
    next_retry_delay,
)
from hubcall_desktop.services.runtime import open_runtime
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.outbox import OutboxState

# The senders' clock: a day ahead, so every entry a test queues (at the real time) is due
# however slowly the tests run, and the waits a refusal sets are exact.
NOW = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


@pytest.fixture
async def journal(tmp_path: Path) -> AsyncIterator[AsyncJournal]:
    opened = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    yield opened
    await opened.close()


@pytest.fixture
async def service(sandbox: SandboxServer) -> AsyncIterator[HubSpotService]:
    async with build_client() as client:
        yield _service(sandbox, client, NO_RETRY)


def _service(sandbox: SandboxServer, client: Any, policy: RetryPolicy, **kw: Any) -> HubSpotService:
    token = StaticToken(Secret(DEMO_TOKEN))
    return HubSpotService(client, token, base_url=sandbox.base_url, retry_policy=policy, **kw)


def finished_call(call_id: str = "policy-1") -> Call:
    call = Call(
        raw_from="+493055501234",
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone("+493055501234"),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        direction=Direction.INBOUND,
        source=CallSource.WEBHOOK,
        ringing_at=NOW - timedelta(minutes=2),
        ended_at=NOW - timedelta(minutes=1),
        final_status=CallStatus.COMPLETED,
    )
    call.external_call_id = call_id
    return call


async def _queue(journal: AsyncJournal, call_id: str = "policy-1") -> int:
    call = finished_call(call_id)
    entry = await journal.enqueue_log(call, build_log_body(call))
    return int(entry.id)


def _sender(journal: AsyncJournal, service: HubSpotService, **kw: Any) -> OutboxSender:
    return OutboxSender(journal, service, clock=lambda: NOW, **kw)


# -- what counts as delivered -----------------------------------------------------------


async def test_a_2xx_that_is_not_json_is_delivered_and_never_resent(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    entry_id = await _queue(journal)
    sandbox.faults.add(Fault.odd_answer(body=b"<html>Thanks!</html>"))
    report = await _sender(journal, service).send_due(include_future=True)
    assert (report.delivered, report.failed) == (1, 0)
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.DELIVERED
    assert (await _sender(journal, service).send_due(include_future=True)).delivered == 0
    assert len(sandbox.logged_calls()) == 1


async def test_a_3xx_is_never_delivered(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    entry_id = await _queue(journal)
    sandbox.faults.add(Fault.odd_answer(answer_status=302, body=b"{}"))
    report = await _sender(journal, service).send_due(include_future=True)
    assert report.delivered == 0
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is not OutboxState.DELIVERED
    assert sandbox.logged_calls() == []


# -- how long a call waits --------------------------------------------------------------


def test_retries_back_off_to_one_hour_at_most() -> None:
    assert MAX_RETRY_S == 3600.0
    assert next_retry_delay(1, rng=lambda: 0.5) == 30.0
    assert next_retry_delay(40, rng=lambda: 0.5) == 3600.0
    assert next_retry_delay(40, rng=lambda: 1.0) == pytest.approx(3600.0 * 1.2)


async def test_a_daily_429_is_not_retried_and_waits_for_the_daily_window(
    sandbox: SandboxServer, journal: AsyncJournal, sandbox_client: Any
) -> None:
    entry_id = await _queue(journal)
    sandbox.faults.add(Fault.status(429, policy=RatePolicy.DAILY, times=10))
    # A policy that would retry a ten-secondly 429 at once: the daily one must not be.
    eager = RetryPolicy(attempts=5, max_total_seconds=5, initial_wait=0.0, max_wait=0.0)
    report = await _sender(journal, _service(sandbox, sandbox_client, eager)).send_due()
    assert report.delivered == 0 and report.failed == 0
    assert sum(r.is_inbound_call for r in sandbox.requests) == 1
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.PENDING
    assert entry.next_attempt_at == NOW + timedelta(seconds=DAILY_LIMIT_RETRY_S)


async def test_a_ten_secondly_429_backs_off_normally(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    entry_id = await _queue(journal)
    sandbox.faults.add(Fault.status(429))
    await _sender(journal, service).send_due()
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.PENDING
    assert entry.next_attempt_at <= NOW + timedelta(seconds=30 * 1.2)


async def test_a_403_keeps_the_call_queued_for_a_reconnect(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    entry_id = await _queue(journal)
    sandbox.faults.add(Fault.status(403))
    report = await _sender(journal, service).send_due()
    assert [type(o.error) for o in report.outcomes] == [HubSpotScopeError]
    assert report.failed == 0
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.PENDING
    assert entry.next_attempt_at == NOW + timedelta(seconds=RECONNECT_RETRY_S)


# -- HubSpot's Retry-After --------------------------------------------------------------


class SteppedClock:
    """A monotonic clock that moves only by the sleeps taken on it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


async def test_retry_after_is_honoured_before_the_next_attempt(
    sandbox: SandboxServer, journal: AsyncJournal, sandbox_client: Any
) -> None:
    await _queue(journal)
    sandbox.faults.add(Fault.status(429, retry_after=7))
    clock = SteppedClock()
    fast = RetryPolicy(attempts=3, max_total_seconds=30, initial_wait=0.01, max_wait=0.01)
    service = _service(
        sandbox,
        sandbox_client,
        fast,
        pacer=RequestPacer(clock=clock, sleep=clock.sleep),
        retry_sleep=clock.sleep,
    )
    report = await _sender(journal, service).send_due()
    assert report.delivered == 1
    # tenacity waits what HubSpot said, not its own 10 ms backoff; the pacer then has
    # nothing left to wait.
    assert clock.sleeps == [7.0]


async def test_retry_after_pauses_every_request_of_the_service(
    sandbox: SandboxServer, sandbox_client: Any
) -> None:
    sandbox.faults.add(Fault.status(429, retry_after=7))
    clock = SteppedClock()
    pacer = RequestPacer(clock=clock, sleep=clock.sleep)
    service = _service(sandbox, sandbox_client, NO_RETRY, pacer=pacer)
    with pytest.raises(Exception, match="rate limiting"):
        await service.send_log_body(build_log_body(finished_call()))
    assert pacer.delay_needed() == 7.0
    await service.send_log_body(build_log_body(finished_call("policy-2")))
    assert clock.sleeps == [7.0]


# -- the configured rate limit ----------------------------------------------------------


async def test_the_rate_limit_setting_reaches_the_apps_pacer(tmp_path: Path) -> None:
    settings = Settings(rate_limit_per_10s=7)
    runtime = await open_runtime(
        tmp_path / "journal.sqlite3",
        settings,
        StaticToken(Secret(DEMO_TOKEN)),
        api_base="http://127.0.0.1:9",
        api_version="v3",
    )
    try:
        assert runtime.desk.service.pacer.budget == 7
    finally:
        await runtime.close()


@pytest.fixture
async def sandbox_client() -> AsyncIterator[Any]:
    async with build_client() as client:
        yield client


# -- one sender per data dir ------------------------------------------------------------


async def test_two_senders_on_one_data_dir_never_send_an_entry_twice(
    sandbox: SandboxServer, tmp_path: Path, sandbox_client: Any
) -> None:
    """The app's pass is in flight when a ``sync`` (recovery, then a pass) starts on the
    same data dir: the sync waits for the lock and finds nothing left to send."""
    first = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    second = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    try:
        await _queue(first)
        sandbox.faults.add(Fault.latency_before(1.0))
        app = _sender(first, _service(sandbox, sandbox_client, NO_RETRY))
        sync = _sender(second, _service(sandbox, sandbox_client, NO_RETRY))
        in_flight = asyncio.create_task(app.send_due())
        await sandbox.wait_for(lambda rs: any(r.is_inbound_call for r in rs))
        synced = await sync.send_due(include_future=True, recover=True)
        sent = await in_flight
        assert (sent.delivered, synced.delivered, synced.recovered) == (1, 0, [])
        assert len(sandbox.logged_calls()) == 1
    finally:
        await first.close()
        await second.close()


async def test_an_entry_another_sender_delivered_is_not_sent_again(
    sandbox: SandboxServer, tmp_path: Path, sandbox_client: Any
) -> None:
    """``log`` queues its call before it takes the lock; the app may send it meanwhile."""
    first = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    second = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    try:
        entry_id = await _queue(first)
        stale = await first.get_entry(entry_id)
        assert stale is not None
        assert (
            await _sender(second, _service(sandbox, sandbox_client, NO_RETRY)).send_due()
        ).delivered == 1
        outcome = await _sender(first, _service(sandbox, sandbox_client, NO_RETRY)).send_entry(
            stale
        )
        assert outcome.delivered and outcome.skipped
        assert len(sandbox.logged_calls()) == 1
    finally:
        await first.close()
        await second.close()


async def test_an_entry_the_journal_does_not_hold_is_not_sent(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    """Each entry is read again before it goes out: one the journal has not got (another
    data dir's, say) is skipped, not sent."""
    held = await journal.get_entry(await _queue(journal))
    assert held is not None
    foreign = dataclasses.replace(held, id=held.id + 1)
    outcome = await _sender(journal, service).send_entry(foreign)
    assert outcome.skipped and not outcome.delivered
    assert (outcome.entry_id, outcome.external_call_id) == (foreign.id, held.external_call_id)
    assert sandbox.requests == ()
