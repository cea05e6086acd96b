"""The HubSpot service against the real sandbox server on loopback: bodies the strict
validator accepts on both paths, retries, pacing, error mapping. No mocks of httpx."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotRateLimited,
    HubSpotServerError,
    HubSpotUnreachable,
    HubSpotValidationError,
)
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import (
    DEMO_AGENT_NUMBER,
    DEMO_TOKEN,
    SANDBOX_PORTAL_ID,
    Fault,
    RatePolicy,
    SandboxServer,
)

FAST = RetryPolicy(attempts=4, max_total_seconds=5.0, initial_wait=0.01, max_wait=0.05)
ANNA = "+493055501234"


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer(expired_tokens=("expired-token",), rate_limit=100)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def clients() -> AsyncIterator[list[httpx.AsyncClient]]:
    """Every client a test builds is closed after it."""
    made: list[httpx.AsyncClient] = []
    yield made
    for client in made:
        await client.aclose()


@pytest.fixture
def make_service(clients: list[httpx.AsyncClient]) -> Any:
    def make(sandbox: SandboxServer, **kw: Any) -> HubSpotService:
        kw.setdefault("client", build_client())
        clients.append(kw["client"])
        return _service(sandbox, **kw)

    return make


def _service(
    sandbox: SandboxServer,
    *,
    version: str = "v3",
    token: str = DEMO_TOKEN,
    client: httpx.AsyncClient,
    pacer: RequestPacer | None = None,
    policy: RetryPolicy = FAST,
) -> HubSpotService:
    return HubSpotService(
        client,
        StaticToken(Secret(token)),
        base_url=sandbox.base_url,
        api_version=version,
        pacer=pacer,
        retry_policy=policy,
    )


def ringing_call(number: str = ANNA, **fields: Any) -> Call:
    call = Call(
        raw_from=number,
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone(number),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        ringing_at=datetime.now(UTC),
    )
    for key, value in fields.items():
        setattr(call, key, value)
    return call


@pytest.mark.parametrize("version", ["v3", "2026-03"])
async def test_lookup_finds_contact_on_both_paths(
    make_service: Any, sandbox: SandboxServer, version: str
) -> None:
    service = make_service(sandbox, version=version)
    matches = await service.lookup(ringing_call())
    assert [m.display_name for m in matches] == ["Anna Schmidt"]
    assert matches[0].coordinates.portal_id == SANDBOX_PORTAL_ID
    (request,) = sandbox.requests
    assert request.accepted
    assert request.path.endswith("inbound-call")
    assert ("2026-03" in request.path) == (version == "2026-03")
    assert request.body["finalCallStatus"] == "RINGING"
    assert request.body["createEngagement"] is False


async def test_shared_number_returns_company_and_both_contacts(
    make_service: Any, sandbox: SandboxServer
) -> None:
    matches = await make_service(sandbox).lookup(ringing_call("+49 40 55501000"))
    assert sorted(m.kind for m in matches) == ["COMPANY", "CONTACT", "CONTACT"]


async def test_unknown_caller_has_no_matches(make_service: Any, sandbox: SandboxServer) -> None:
    assert await make_service(sandbox).lookup(ringing_call("+1 617 555 0100")) == []


@pytest.mark.parametrize("version", ["v3", "2026-03"])
@pytest.mark.parametrize("status", list(CallStatus))
async def test_every_log_body_passes_the_strict_validator(
    make_service: Any, sandbox: SandboxServer, version: str, status: CallStatus
) -> None:
    start = datetime.now(UTC) - timedelta(minutes=5)
    call = ringing_call(
        ringing_at=start,
        answered_at=start + timedelta(seconds=3),
        ended_at=start + timedelta(seconds=93),
        final_status=status,
        notes="Wants a callback <tomorrow>\nabout order 7",
        title="Order 7",
        user_id=2**31 - 1,
        recipient_user_ids=[1, 2**31 - 1],
        from_number=parse_phone("+44 20 7946 0958 ext. 12"),
    )
    await make_service(sandbox, version=version).log(call)
    (logged,) = sandbox.logged_calls()
    assert logged["finalCallStatus"] == status.value
    assert logged["durationSeconds"] == 90
    assert logged["fromNumber"]["extension"] == "12"


async def test_transient_5xx_is_retried(make_service: Any, sandbox: SandboxServer) -> None:
    sandbox.faults.add(Fault.status(503, times=2))
    await make_service(sandbox).log(ringing_call(final_status=CallStatus.COMPLETED))
    assert [r.status for r in sandbox.requests] == [503, 503, 200]
    assert len(sandbox.logged_calls()) == 1


async def test_persistent_5xx_gives_up_with_a_transient_error(
    make_service: Any, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(500, times=10))
    with pytest.raises(HubSpotServerError) as info:
        await make_service(sandbox).lookup(ringing_call())
    assert info.value.transient
    assert len(sandbox.requests) == FAST.attempts


async def test_dropped_connection_is_retried(make_service: Any, sandbox: SandboxServer) -> None:
    sandbox.faults.add(Fault.drop())
    assert len(await make_service(sandbox).lookup(ringing_call())) == 1
    assert len(sandbox.requests) == 2


async def test_rate_limit_waits_for_retry_after(make_service: Any, sandbox: SandboxServer) -> None:
    sandbox.faults.add(Fault.status(429, retry_after=0))
    service = make_service(sandbox)
    assert len(await service.lookup(ringing_call())) == 1
    assert [r.status for r in sandbox.requests] == [429, 200]


async def test_daily_limit_is_not_retried_now(make_service: Any, sandbox: SandboxServer) -> None:
    sandbox.faults.add(Fault.status(429, policy=RatePolicy.DAILY, times=5))
    with pytest.raises(HubSpotRateLimited) as info:
        await make_service(sandbox).log(ringing_call(final_status=CallStatus.COMPLETED))
    assert info.value.daily
    assert len(sandbox.requests) == 1


async def test_expired_token_is_not_retried_and_says_reconnect(
    make_service: Any, sandbox: SandboxServer
) -> None:
    with pytest.raises(HubSpotAuthError, match="Reconnect") as info:
        await make_service(sandbox, token="expired-token").lookup(ringing_call())
    assert info.value.expired
    assert info.value.details.correlation_id
    assert len(sandbox.requests) == 1


async def test_validation_error_names_the_field_and_is_not_retried(
    make_service: Any, sandbox: SandboxServer
) -> None:
    from hubcall_desktop.hubspot.bodies import build_log_body

    body = build_log_body(ringing_call(final_status=CallStatus.COMPLETED))
    body["fromNumber"]["e164Number"] = "030 1234567"
    with pytest.raises(HubSpotValidationError, match="fromNumber") as info:
        await make_service(sandbox).send_log_body(body)
    assert info.value.details.correlation_id
    assert len(sandbox.requests) == 1


async def test_read_timeout_becomes_unreachable(
    make_service: Any, sandbox: SandboxServer, clients: list[httpx.AsyncClient]
) -> None:
    sandbox.faults.add(Fault.latency_before(1.0, times=5))
    client = build_client(timeout=httpx.Timeout(0.1))
    clients.append(client)
    policy = RetryPolicy(attempts=2, max_total_seconds=2, initial_wait=0.01, max_wait=0.01)
    with pytest.raises(HubSpotUnreachable, match="in time"):
        await make_service(sandbox, client=client, policy=policy).lookup(ringing_call())


async def test_server_down_is_unreachable(clients: list[httpx.AsyncClient]) -> None:
    down = SandboxServer()
    url = await down.start()
    await down.stop()
    client = build_client()
    clients.append(client)
    service = HubSpotService(
        client,
        StaticToken(Secret(DEMO_TOKEN)),
        base_url=url,
        retry_policy=RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.01),
    )
    with pytest.raises(HubSpotUnreachable, match="Could not reach"):
        await service.lookup(ringing_call())


async def test_a_burst_is_paced_and_never_earns_a_429(make_service: Any) -> None:
    server = SandboxServer(rate_limit=10, rate_window_ms=400)
    await server.start()
    try:
        service = make_service(server, pacer=RequestPacer(10, 0.4), policy=RetryPolicy(attempts=1))
        for _ in range(25):
            await service.lookup(ringing_call())
        assert [r.status for r in server.requests] == [200] * 25
    finally:
        await server.stop()


async def test_account_details(make_service: Any, sandbox: SandboxServer) -> None:
    details = await make_service(sandbox).account_details()
    assert details.portal_id == SANDBOX_PORTAL_ID
    assert details.ui_domain.endswith("hubspot.com")


async def test_token_never_in_logs_errors_or_reprs(
    make_service: Any, sandbox: SandboxServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_token = "pat-na1-ffffffff-0000-1111-2222-333333333333"
    service = make_service(sandbox, token=secret_token)
    with pytest.raises(HubSpotAuthError) as info:
        await service.lookup(ringing_call())
    texts = [
        caplog.text,
        str(info.value),
        repr(info.value),
        repr(service),
        repr(info.value.to_json()),
        repr(StaticToken(Secret(secret_token))),
    ]
    assert all(secret_token not in t for t in texts)
    # the sandbox's record of the request shows the header redacted, too
    assert secret_token not in repr(sandbox.requests[0].to_json())
