"""HubSpot cannot stall the app: server-given waits are clamped, every request has an
overall deadline, answers are read with a size cap (a gzip bomb too), and a 2xx is a
success whatever its body while a 3xx never is. Against the real sandbox server."""

from __future__ import annotations

import json
import resource
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.answers import MAX_ANSWER_BYTES
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import (
    HubSpotProtocolError,
    HubSpotRateLimited,
    HubSpotSlow,
    HubSpotUnreachable,
    HubSpotValidationError,
)
from hubcall_desktop.hubspot.pacing import MAX_SERVER_WAIT_S, MAX_WINDOW_S, RequestPacer
from hubcall_desktop.hubspot.retrying import NO_RETRY, RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer

from .test_service_sandbox import ringing_call

MATCHES = json.dumps({"callerIdMatches": []}).encode()


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    made = build_client()
    yield made
    await made.aclose()


def _service(sandbox: SandboxServer, client: httpx.AsyncClient, **kw: Any) -> HubSpotService:
    kw.setdefault("retry_policy", NO_RETRY)
    return HubSpotService(client, StaticToken(Secret(DEMO_TOKEN)), base_url=sandbox.base_url, **kw)


def _log_body() -> dict[str, Any]:
    return build_log_body(ringing_call(final_status=CallStatus.COMPLETED))


# -- server-given waits -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["inf", "1e12", "86400", "Fri, 01 Jan 2100 00:00:00 GMT", "-5", "nan", "soon"]
)
async def test_any_retry_after_pauses_at_most_the_ceiling(
    sandbox: SandboxServer, client: httpx.AsyncClient, value: str
) -> None:
    sandbox.faults.add(Fault.status(429).with_headers({"Retry-After": value}))
    service = _service(sandbox, client)
    with pytest.raises(HubSpotRateLimited) as caught:
        await service.lookup(ringing_call())
    assert caught.value.retry_after is None or 0 <= caught.value.retry_after <= MAX_SERVER_WAIT_S
    assert 0 <= service.pacer.delay_needed() <= MAX_SERVER_WAIT_S


async def test_a_huge_rate_limit_interval_on_a_200_is_not_believed(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(
        Fault.extra_headers(
            {
                "X-HubSpot-RateLimit-Interval-Milliseconds": "999999999999",
                "X-HubSpot-RateLimit-Remaining": "0",
            }
        )
    )
    service = _service(sandbox, client)
    await service.lookup(ringing_call())  # a 200 that says "nothing left for ages"
    assert 0 < service.pacer.delay_needed() <= MAX_WINDOW_S


def test_the_pacer_clamps_every_pause() -> None:
    now = [100.0]
    pacer = RequestPacer(clock=lambda: now[0])
    pacer.pause(float("inf"))
    assert pacer.delay_needed() == MAX_SERVER_WAIT_S
    pacer.pause(float("nan"))
    pacer.pause(-10)
    assert pacer.delay_needed() == MAX_SERVER_WAIT_S
    now[0] += MAX_SERVER_WAIT_S
    assert pacer.delay_needed() == 0


# -- overall deadlines ------------------------------------------------------------------


async def test_a_dripping_answer_ends_at_the_lookup_deadline(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    # One byte every 0.3 s: each read arrives well within httpx's read timeout, so only
    # an overall deadline ends it.
    sandbox.faults.add(Fault.odd_answer(body=MATCHES, drip_seconds=0.3))
    service = _service(sandbox, client, lookup_deadline_s=1.0)
    with pytest.raises(HubSpotSlow) as caught:
        await service.lookup(ringing_call())
    # A lookup is not queued: the sentence promises no later sending.
    assert caught.value.user_message == "HubSpot is slow: no answer within 1 seconds."
    assert isinstance(caught.value, HubSpotUnreachable)  # transient: a log stays queued


async def test_retries_and_server_waits_count_against_the_log_deadline(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(Fault.status(503, times=100))
    policy = RetryPolicy(attempts=100, max_total_seconds=600, initial_wait=0.2, max_wait=0.2)
    service = _service(sandbox, client, retry_policy=policy, log_deadline_s=1.0)
    with pytest.raises(HubSpotSlow) as caught:
        await service.send_log_body(_log_body())
    assert caught.value.user_message == (
        "HubSpot is slow: no answer within 1 seconds. The call stays queued and is sent later."
    )


# -- answer sizes -----------------------------------------------------------------------


async def test_a_huge_lookup_answer_is_refused_without_reading_it_all(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(Fault.odd_answer(body=b" ", size=64 * MAX_ANSWER_BYTES))
    with pytest.raises(HubSpotProtocolError, match="larger than 1024 KiB"):
        await _service(sandbox, client).lookup(ringing_call())


async def test_a_gzip_bomb_stops_at_the_cap(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    # 768 MiB of spaces, a few hundred KiB on the wire. Read whole, it would raise the
    # peak RSS by at least that much; capped, the peak barely moves.
    bomb = 768 * 1024 * 1024
    sandbox.faults.add(Fault.odd_answer(body=b" ", size=bomb, gzip=True))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    with pytest.raises(HubSpotProtocolError, match="larger than"):
        await _service(sandbox, client).lookup(ringing_call())
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    assert grown < 64 * 1024 * 1024


async def test_a_small_gzip_answer_is_read(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(Fault.odd_answer(body=MATCHES, gzip=True))
    assert await _service(sandbox, client).lookup(ringing_call()) == []


# -- what counts as delivered -----------------------------------------------------------


@pytest.mark.parametrize(
    "fault",
    [
        Fault.odd_answer(body=b"<html>OK</html>"),
        Fault.odd_answer(body=b"{", gzip=True),
        Fault.odd_answer(body=b" ", size=4 * MAX_ANSWER_BYTES),
        Fault.odd_answer(answer_status=204),
    ],
    ids=["html", "cut-json-gzip", "huge", "204-empty"],
)
async def test_a_2xx_log_is_delivered_whatever_its_body(
    sandbox: SandboxServer, client: httpx.AsyncClient, fault: Fault
) -> None:
    sandbox.faults.add(fault)
    assert await _service(sandbox, client).send_log_body(_log_body()) == []
    assert len(sandbox.logged_calls()) == 1


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_3xx_log_is_never_a_success(
    sandbox: SandboxServer, client: httpx.AsyncClient, status: int
) -> None:
    sandbox.faults.add(Fault.odd_answer(answer_status=status, body=MATCHES))
    with pytest.raises(HubSpotValidationError):
        await _service(sandbox, client).send_log_body(_log_body())
    assert sandbox.logged_calls() == []
