"""The admin routes a test in another process uses: queue faults, read requests, reset."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, RatePolicy, SandboxServer
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH, INBOUND_CALL_PATH

MakeBody = Callable[..., dict[str, Any]]


@pytest.fixture
async def admin(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no bearer token: the admin routes do not ask for one."""
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        yield http


async def test_faults_queued_over_http_apply_to_the_next_requests(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    queued = await admin.post(
        "/_sandbox/faults",
        json=[
            {"kind": "status", "code": 429, "policy": "DAILY", "retry_after": 30},
            {"kind": "status", "code": 503, "times": 2, "path": ACCOUNT_DETAILS_PATH},
        ],
    )

    assert queued.status_code == 200
    assert [f["code"] for f in queued.json()["pending"]] == [429, 503]
    assert sandbox.faults.pending() == [
        Fault.status(429, policy=RatePolicy.DAILY, retry_after=30),
        Fault.status(503, times=2, path=ACCOUNT_DETAILS_PATH),
    ]
    statuses = [(await client.get(ACCOUNT_DETAILS_PATH)).status_code for _ in range(4)]
    assert statuses == [429, 503, 503, 200]
    assert (await admin.get("/_sandbox/faults")).json() == {"pending": []}


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "drop"},  # a list is required, even for one fault
        [{"kind": "status", "code": 418}],
        [{"kind": "drop"}, {"kind": "nope"}],  # all or nothing
    ],
)
async def test_bad_fault_lists_are_refused_and_nothing_is_queued(
    admin: httpx.AsyncClient, sandbox: SandboxServer, payload: object
) -> None:
    answer = await admin.post("/_sandbox/faults", json=payload)

    assert answer.status_code == 400
    assert answer.json()["error"]
    assert sandbox.faults.pending() == []


async def test_invalid_json_for_faults_is_refused(admin: httpx.AsyncClient) -> None:
    answer = await admin.post(
        "/_sandbox/faults", content=b"[{", headers={"Content-Type": "application/json"}
    )

    assert answer.status_code == 400


async def test_recorded_requests_can_be_read_over_http(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, make_body: MakeBody
) -> None:
    body = make_body()
    await client.post(INBOUND_CALL_PATH, json=body)

    records = (await admin.get("/_sandbox/requests")).json()["requests"]

    assert len(records) == 1
    (record,) = records
    assert record["method"] == "POST"
    assert record["path"] == INBOUND_CALL_PATH
    assert record["body"] == body
    assert record["status"] == 200
    assert record["accepted"] is True
    assert record["outcome"] == "answered"
    assert record["headers"]["authorization"] == "Bearer ***"
    assert DEMO_TOKEN not in str(records)


async def test_reset_over_http_forgets_everything(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    await client.get(ACCOUNT_DETAILS_PATH)
    await admin.post("/_sandbox/faults", json=[{"kind": "drop"}])

    answer = await admin.post("/_sandbox/reset")

    assert answer.status_code == 200
    assert sandbox.requests == ()
    assert sandbox.faults.pending() == []
    assert (await client.get(ACCOUNT_DETAILS_PATH)).headers["X-HubSpot-RateLimit-Remaining"] == "99"


async def test_admin_routes_are_not_rate_limited_nor_faulted(
    admin: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.drop(times=5))

    answers = [await admin.get("/_sandbox/requests") for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert "X-HubSpot-RateLimit-Max" not in answers[0].headers
    assert sandbox.faults.pending() == [Fault.drop(times=5)]
