"""Every fault kind, injected into real requests over loopback, and the fault queue's rules."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable, Sequence
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.api_versions import VERSIONS
from hubcall_desktop.sandbox import (
    DEMO_TOKEN,
    Fault,
    FaultKind,
    FaultPlan,
    Outcome,
    RatePolicy,
    RecordedRequest,
    SandboxServer,
)
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH, INBOUND_CALL_PATH

from .helpers import PRIVATE_APP_TOKEN

MakeBody = Callable[..., dict[str, Any]]
LONG = 30.0  # never waited out: the request is cancelled or the server stopped first
SHORT = 0.03


def _last(
    outcome: Outcome, *, accepted: bool | None = None
) -> Callable[[Sequence[RecordedRequest]], bool]:
    def predicate(requests: Sequence[RecordedRequest]) -> bool:
        return (
            bool(requests)
            and requests[-1].outcome is outcome
            and (accepted is None or requests[-1].accepted is accepted)
        )

    return predicate


async def _wait(
    sandbox: SandboxServer, predicate: Callable[[Sequence[RecordedRequest]], bool]
) -> tuple[RecordedRequest, ...]:
    async with asyncio.timeout(5):
        return await sandbox.wait_for(predicate)


async def test_a_client_that_gives_up_during_latency_before_is_never_accepted(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    sandbox.faults.add(Fault.latency_before(LONG))
    pending = asyncio.create_task(client.post(INBOUND_CALL_PATH, json=make_body()))

    # Still in progress once recorded: without the latency it would have been answered at once.
    await _wait(sandbox, _last(Outcome.IN_PROGRESS))
    pending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await pending
    (record,) = await _wait(sandbox, _last(Outcome.CLIENT_GONE))

    assert record.accepted is False
    assert record.status is None
    assert sandbox.accepted_bodies() == []


async def test_a_short_latency_before_still_answers(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    sandbox.faults.add(Fault.latency_before(SHORT))

    answer = await client.post(INBOUND_CALL_PATH, json=make_body())

    assert answer.status_code == 200
    assert len(sandbox.accepted_bodies()) == 1
    assert sandbox.faults.pending() == []


async def test_latency_after_is_the_accepted_but_answer_lost_window(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    body = make_body(createEngagement=True)
    sandbox.faults.add(Fault.latency_after(LONG))
    pending = asyncio.create_task(client.post(INBOUND_CALL_PATH, json=body))

    await _wait(sandbox, _last(Outcome.IN_PROGRESS, accepted=True))
    assert not pending.done()
    assert sandbox.logged_calls() == [body]  # HubSpot has it, the client does not know yet
    pending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await pending
    (record,) = await _wait(sandbox, _last(Outcome.CLIENT_GONE))

    assert record.accepted is True
    assert record.status is None
    assert sandbox.logged_calls() == [body]


async def test_a_short_latency_after_still_answers(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    sandbox.faults.add(Fault.latency_after(SHORT))

    answer = await client.post(INBOUND_CALL_PATH, json=make_body())

    assert answer.status_code == 200
    assert sandbox.requests[-1].outcome is Outcome.ANSWERED


@pytest.mark.parametrize(("after_accept", "accepted"), [(False, False), (True, True)])
async def test_a_dropped_connection_gets_no_answer(
    client: httpx.AsyncClient,
    sandbox: SandboxServer,
    make_body: MakeBody,
    after_accept: bool,
    accepted: bool,
) -> None:
    sandbox.faults.add(Fault.drop(after_accept=after_accept))

    with pytest.raises(httpx.RemoteProtocolError):
        await client.post(INBOUND_CALL_PATH, json=make_body())
    (record,) = sandbox.requests

    assert record.outcome is Outcome.DROPPED
    assert record.status is None
    assert record.accepted is accepted
    assert len(sandbox.accepted_bodies()) == int(accepted)
    # The sandbox itself is fine: the next request is answered on a new connection.
    assert (await client.post(INBOUND_CALL_PATH, json=make_body())).status_code == 200


@pytest.mark.parametrize(
    ("policy", "message", "exhausted_header"),
    [
        (
            RatePolicy.TEN_SECONDLY_ROLLING,
            "You have reached your ten_secondly_rolling limit.",
            "X-HubSpot-RateLimit-Remaining",
        ),
        (
            RatePolicy.DAILY,
            "You have reached your daily limit.",
            "X-HubSpot-RateLimit-Daily-Remaining",
        ),
    ],
)
async def test_an_injected_429_looks_like_hubspots(
    client: httpx.AsyncClient,
    sandbox: SandboxServer,
    make_body: MakeBody,
    policy: RatePolicy,
    message: str,
    exhausted_header: str,
) -> None:
    sandbox.faults.add(Fault.status(429, policy=policy, retry_after=3))
    # Only a private app has a daily cap to run out of (and its headers to say so).
    token = PRIVATE_APP_TOKEN if policy is RatePolicy.DAILY else DEMO_TOKEN

    answer = await client.post(
        VERSIONS["2026-09"].path, json=make_body(), headers={"Authorization": f"Bearer {token}"}
    )

    assert answer.status_code == 429
    body = answer.json()
    assert body == {
        "status": "error",
        "message": message,
        "errorType": "RATE_LIMIT",
        "correlationId": body["correlationId"],
        "policyName": policy.value,
        "category": "RATE_LIMITS",
    }
    assert answer.headers["Retry-After"] == "3"
    assert answer.headers[exhausted_header] == "0"
    assert sandbox.accepted_bodies() == []


async def test_a_429_without_retry_after_has_no_such_header(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(429))

    answer = await client.get(ACCOUNT_DETAILS_PATH)

    assert answer.status_code == 429
    assert "Retry-After" not in answer.headers
    assert answer.json()["policyName"] == "TEN_SECONDLY_ROLLING"


@pytest.mark.parametrize(
    ("code", "category"),
    [
        (401, "EXPIRED_AUTHENTICATION"),
        (403, "MISSING_SCOPES"),
        (500, "INTERNAL_ERROR"),
        (502, "SERVICE_UNAVAILABLE"),
        (503, "SERVICE_UNAVAILABLE"),
        (504, "SERVICE_UNAVAILABLE"),
    ],
)
async def test_injected_error_statuses_answer_in_hubspots_shape(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody, code: int, category: str
) -> None:
    sandbox.faults.add(Fault.status(code))

    answer = await client.post(INBOUND_CALL_PATH, json=make_body())

    assert answer.status_code == code
    body = answer.json()
    assert body["status"] == "error"
    assert body["category"] == category
    assert body["correlationId"]
    assert "Retry-After" not in answer.headers
    assert answer.headers["X-HubSpot-RateLimit-Max"] == "100"
    assert sandbox.accepted_bodies() == []
    assert sandbox.requests[-1].status == code


async def test_a_503_can_carry_retry_after(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(503, retry_after=0))

    answer = await client.get(ACCOUNT_DETAILS_PATH)

    assert answer.headers["Retry-After"] == "0"


async def test_a_fault_applies_times_times_then_the_sandbox_answers_normally(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(503, times=2))

    first = await client.get(ACCOUNT_DETAILS_PATH)
    assert sandbox.faults.pending() == [Fault.status(503, times=1)]
    second = await client.get(ACCOUNT_DETAILS_PATH)
    third = await client.get(ACCOUNT_DETAILS_PATH)

    assert [first.status_code, second.status_code, third.status_code] == [503, 503, 200]
    assert sandbox.faults.pending() == []
    # Injected failures never reached HubSpot's limiter: only the 200 counted.
    assert third.headers["X-HubSpot-RateLimit-Remaining"] == "99"


async def test_faults_are_used_in_the_order_they_were_queued(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(503), Fault.status(500))

    statuses = [(await client.get(ACCOUNT_DETAILS_PATH)).status_code for _ in range(3)]

    assert statuses == [503, 500, 200]


async def test_a_fault_with_a_path_waits_for_a_request_to_that_path(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    sandbox.faults.add(Fault.status(500, path=INBOUND_CALL_PATH))

    details = await client.get(ACCOUNT_DETAILS_PATH)
    call = await client.post(INBOUND_CALL_PATH, json=make_body())

    assert (details.status_code, call.status_code) == (200, 500)


async def test_a_status_fault_wins_over_a_missing_token(sandbox: SandboxServer) -> None:
    sandbox.faults.add(Fault.status(503))
    async with httpx.AsyncClient(base_url=sandbox.base_url) as anonymous:
        answer = await anonymous.get(ACCOUNT_DETAILS_PATH)

    assert answer.status_code == 503  # the outage is in front of HubSpot's auth


async def test_stopping_the_server_ends_requests_stuck_in_latency(make_body: MakeBody) -> None:
    server = SandboxServer()
    await server.start()
    server.faults.add(Fault.latency_before(LONG))
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        pending = asyncio.create_task(http.get(ACCOUNT_DETAILS_PATH))
        await _wait(server, _last(Outcome.IN_PROGRESS))

        await server.stop()

        with pytest.raises(httpx.TransportError):
            await pending
    assert server.requests[-1].outcome is Outcome.CLIENT_GONE


@pytest.mark.parametrize(
    "build",
    [
        lambda: Fault.status(503, times=0),
        lambda: Fault.status(503, times=-1),
        lambda: Fault.status(404),
        lambda: Fault.status(200),
        lambda: Fault.status(503, retry_after=-1),
        lambda: Fault.latency_before(-0.1),
        lambda: Fault.latency_after(math.nan),
        lambda: Fault.latency_after(math.inf),
        lambda: Fault.drop(path="crm/v3"),
        lambda: Fault(FaultKind.DROP, code=500),
        lambda: Fault(FaultKind.STATUS),
    ],
)
def test_impossible_faults_are_refused(build: Callable[[], Fault]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        build()


@pytest.mark.parametrize(
    "fault",
    [
        Fault.latency_before(1.5, times=2),
        Fault.latency_after(0.25, path=INBOUND_CALL_PATH),
        Fault.status(429, policy=RatePolicy.DAILY, retry_after=60),
        Fault.status(503, times=3),
        Fault.drop(after_accept=True),
        Fault.drop(),
    ],
)
def test_faults_survive_a_trip_through_json(fault: Fault) -> None:
    assert Fault.from_json(fault.to_json()) == fault


@pytest.mark.parametrize(
    "spec",
    [
        [],
        "status",
        {"kind": "explode"},
        {"kind": "status"},
        {"kind": "status", "code": "503"},
        {"kind": "status", "code": 503, "times": True},
        {"kind": "status", "code": 503, "times": 1.5},
        {"kind": "status", "code": 429, "policy": "HOURLY"},
        {"kind": "drop", "after_accept": 1},
        {"kind": "latency_before", "seconds": "2"},
        {"kind": "latency_before", "seconds": 2, "colour": "red"},
    ],
)
def test_bad_fault_specs_are_refused(spec: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        Fault.from_json(spec)


def test_the_plan_hands_out_one_fault_per_request() -> None:
    plan = FaultPlan()
    plan.add(Fault.status(500, path="/a"), Fault.drop(times=2))

    taken = [plan.take("/b"), plan.take("/a"), plan.take("/a"), plan.take("/a")]

    assert taken == [Fault.drop(), Fault.status(500, path="/a"), Fault.drop(), None]
    assert len(plan) == 0
