"""Several portals in one sandbox: each token belongs to a portal, and the request log says
whose token each request carried."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH

from .helpers import VALID_BODY

INBOUND = "/crm/v3/extensions/calling/inbound-call"
AGENCY_TOKEN = "pat-agency-client-b"
AGENCY_PORTAL = 900_000_002


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(portal_tokens={Secret(AGENCY_TOKEN): AGENCY_PORTAL}) as server:
        yield server


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_each_token_is_its_portals_and_the_log_says_whose(sandbox: SandboxServer) -> None:
    body_a = copy.deepcopy(VALID_BODY)
    body_b = {**copy.deepcopy(VALID_BODY), "externalCallId": "call-for-b"}
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10) as http:
        home = await http.get(ACCOUNT_DETAILS_PATH, headers=bearer(DEMO_TOKEN))
        agency = await http.get(ACCOUNT_DETAILS_PATH, headers=bearer(AGENCY_TOKEN))
        assert (
            await http.post(INBOUND, json=body_a, headers=bearer(DEMO_TOKEN))
        ).status_code == 200
        assert (
            await http.post(INBOUND, json=body_b, headers=bearer(AGENCY_TOKEN))
        ).status_code == 200
        refused = await http.post(INBOUND, json=body_b, headers=bearer("pat-unknown"))
    assert home.json()["portalId"] == SANDBOX_PORTAL_ID
    assert agency.json()["portalId"] == AGENCY_PORTAL
    assert refused.status_code == 401

    assert [r.portal_id for r in sandbox.requests] == [
        SANDBOX_PORTAL_ID,
        AGENCY_PORTAL,
        SANDBOX_PORTAL_ID,
        AGENCY_PORTAL,
        None,  # refused: no portal's token
    ]
    assert sandbox.logged_calls(SANDBOX_PORTAL_ID) == [body_a]
    assert sandbox.logged_calls(AGENCY_PORTAL) == [body_b]
    assert sandbox.logged_calls() == [body_a, body_b]
    for record in sandbox.requests:
        assert AGENCY_TOKEN not in str(record.to_json()) and AGENCY_TOKEN not in repr(record)
    assert sandbox.requests[1].to_json()["portal_id"] == AGENCY_PORTAL
