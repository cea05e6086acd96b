"""The account details "Test connection" reads: every field the sandbox portal gives, and
an overall deadline, so a stalled HubSpot cannot keep Settings waiting. Real sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from hubcall_desktop.core.connection_types import AccountDetails
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot import service as service_module
from hubcall_desktop.hubspot.errors import HubSpotSlow
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH
from hubcall_desktop.sandbox.seed import ACCOUNT_UI_DOMAIN, SANDBOX_PORTAL_ID


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def service(sandbox: SandboxServer) -> AsyncIterator[HubSpotService]:
    client = service_module.build_client()
    yield HubSpotService(
        client, StaticToken(Secret(DEMO_TOKEN)), base_url=sandbox.base_url, retry_policy=NO_RETRY
    )
    await client.aclose()


async def test_the_account_details_carry_the_portal_its_domain_zone_hosting_and_type(
    service: HubSpotService,
) -> None:
    details = await service.account_details()
    assert isinstance(details, AccountDetails)
    assert details.portal_id == SANDBOX_PORTAL_ID
    assert details.ui_domain == ACCOUNT_UI_DOMAIN
    assert details.data_hosting_location == "eu1"
    assert details.account_type == "STANDARD"
    assert details.time_zone  # the sandbox's zone, or UTC without a tz database


async def test_account_details_that_never_come_end_at_their_deadline(
    sandbox: SandboxServer, service: HubSpotService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The answer would come after 5 s, well inside httpx's own timeouts: only the overall
    # deadline (shortened here from its 30 s) ends the wait.
    monkeypatch.setattr(service_module, "ACCOUNT_DEADLINE_S", 0.3)
    sandbox.faults.add(Fault.latency_before(5.0, path=ACCOUNT_DETAILS_PATH))
    with pytest.raises(HubSpotSlow):
        await service.account_details()
