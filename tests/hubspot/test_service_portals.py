"""One service, several portals: a log body sent with a given portal's token provider, and
a 401 told to the provider whose token was refused. Against the real sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import HubSpotAuthError
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer

ANNA = "+493055501234"
OTHER_TOKEN, OTHER_PORTAL = "pat-other-portal", 900_000_002


class CountingToken:
    """A provider that counts how often it is asked and hears of 401s."""

    def __init__(self, token: str) -> None:
        self.token = Secret(token)
        self.asked = 0
        self.refused: list[object] = []

    async def access_token(self) -> Secret:
        self.asked += 1
        return self.token

    async def on_auth_error(self, error: object) -> None:
        self.refused.append(error)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(portal_tokens={OTHER_TOKEN: OTHER_PORTAL}) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with build_client() as client:
        yield client


def log_body(call_id: str) -> dict[str, Any]:
    started = datetime.now(UTC) - timedelta(minutes=3)
    call = Call(
        external_call_id=call_id,
        raw_from=ANNA,
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone(ANNA),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        started_at=started,
        duration_seconds=42,
        final_status=CallStatus.COMPLETED,
    )
    return build_log_body(call)


async def test_a_log_goes_with_the_given_portals_token(
    sandbox: SandboxServer, http: httpx.AsyncClient
) -> None:
    default, other = CountingToken(DEMO_TOKEN), CountingToken(OTHER_TOKEN)
    service = HubSpotService(http, default, base_url=sandbox.base_url, retry_policy=NO_RETRY)
    matches = await service.send_log_body(log_body("for-other"), tokens=other)
    await service.send_log_body(log_body("for-default"))
    await service.send_log_body(log_body("for-default-too"), tokens=default)
    assert [m.display_name for m in matches] == ["Anna Schmidt"]
    assert (default.asked, other.asked) == (2, 1)
    assert [b["externalCallId"] for b in sandbox.logged_calls(OTHER_PORTAL)] == ["for-other"]
    assert [b["externalCallId"] for b in sandbox.logged_calls(SANDBOX_PORTAL_ID)] == [
        "for-default",
        "for-default-too",
    ]


async def test_a_401_is_told_to_the_provider_whose_token_was_refused(
    sandbox: SandboxServer, http: httpx.AsyncClient
) -> None:
    default, stale = CountingToken(DEMO_TOKEN), CountingToken("pat-other-revoked")
    service = HubSpotService(http, default, base_url=sandbox.base_url, retry_policy=NO_RETRY)
    with pytest.raises(HubSpotAuthError) as refused:
        await service.send_log_body(log_body("stale"), tokens=stale)
    assert stale.refused == [refused.value]
    assert default.refused == []  # the active portal keeps its token

    # The default provider hears of its own 401, through the same path.
    default.token = Secret("pat-default-revoked")
    with pytest.raises(HubSpotAuthError) as second:
        await service.send_log_body(log_body("default"))
    assert default.refused == [second.value] and stale.refused == [refused.value]

    # A static token is marked refused; the others hear nothing of it.
    static = StaticToken(Secret("pat-nope"))
    with pytest.raises(HubSpotAuthError):
        await service.send_log_body(log_body("static"), tokens=static)
    assert static.refused and len(default.refused) == 1 and len(stale.refused) == 1
    assert sandbox.logged_calls() == []
