"""Clock skew: the provider's clock says the access token is still good, the sandbox's says
it expired. HubSpot's 401 ``EXPIRED_AUTHENTICATION`` reaches the provider through
HubSpotService's ``on_auth_error`` hook; the service asks for the token again, gets a
refreshed one and sends the request once more, so the caller never sees the 401, and one
refresh serves twenty requests that met the expired token at once. Two fake clocks, no
sleeping."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from hubcall_desktop.hubspot.errors import HubSpotAuthError
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import (
    consent_without_browser,
)
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES
from hubcall_desktop.secrets.oauth_flow import authorize
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import SecretStore

from ..sandbox.helpers import FakeClock

PORTAL = "147258369"
CONCURRENT = 20


@pytest.fixture
def server_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app_clock() -> FakeClock:
    return FakeClock(start=50_000.0)  # another origin: only the two clocks' rates matter


@pytest.fixture
async def sandbox(server_clock: FakeClock) -> AsyncIterator[SandboxServer]:
    async with SandboxServer(clock=server_clock) as server:
        yield server


@pytest.fixture
async def provider(
    client: HubSpotOAuthClient, memory_store: SecretStore, app_clock: FakeClock, oauth_port: int
) -> tuple[OAuthTokenProvider, TokenSet]:
    tokens = await authorize(
        client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser, timeout=10
    )
    provider = OAuthTokenProvider(client, AsyncSecretStore(memory_store), PORTAL, clock=app_clock)
    await provider.adopt(tokens)
    return provider, tokens


@pytest.fixture
async def service(
    sandbox: SandboxServer, provider: tuple[OAuthTokenProvider, TokenSet]
) -> AsyncIterator[HubSpotService]:
    tokens = provider[0]
    async with build_client() as http:
        # NO_RETRY: no retries for transient errors; a 401 is sent again only with a new token.
        yield HubSpotService(
            http,
            tokens,
            base_url=sandbox.base_url,
            retry_policy=NO_RETRY,
        )


async def refreshes_at_the_sandbox(sandbox: SandboxServer) -> int:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        counts = (await http.get("/_sandbox/oauth")).json()["counts"]
    return int(counts.get("token:refresh_token", 0))


def refused(sandbox: SandboxServer) -> int:
    return len([r for r in sandbox.requests if r.status == 401])


async def test_skewed_clock_one_request_refreshes_once_and_succeeds(
    service: HubSpotService,
    provider: tuple[OAuthTokenProvider, TokenSet],
    sandbox: SandboxServer,
    server_clock: FakeClock,
) -> None:
    tokens, issued = provider
    server_clock.advance(issued.expires_in)  # the app's clock has not moved at all
    assert tokens.seconds_left() == issued.expires_in

    details = await service.account_details()

    assert details.portal_id == SANDBOX_PORTAL_ID
    assert refused(sandbox) == 1  # HubSpot did refuse the old token, once
    assert await refreshes_at_the_sandbox(sandbox) == 1 and tokens.refresh_count == 1
    assert await tokens.access_token() != issued.access_token


async def test_skewed_clock_twenty_concurrent_requests_cause_one_refresh(
    service: HubSpotService,
    provider: tuple[OAuthTokenProvider, TokenSet],
    sandbox: SandboxServer,
    server_clock: FakeClock,
) -> None:
    tokens, issued = provider
    assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
    server_clock.advance(issued.expires_in + 60)

    results = await asyncio.gather(*(service.account_details() for _ in range(CONCURRENT)))

    assert [details.portal_id for details in results] == [SANDBOX_PORTAL_ID] * CONCURRENT
    # Every request met the expired token once (none raced ahead with a new one), and the
    # late 401s did not throw away the token the first refresh had fetched.
    assert refused(sandbox) == CONCURRENT
    assert await refreshes_at_the_sandbox(sandbox) == 1
    assert tokens.refresh_count == 1


async def test_a_refreshed_token_refused_too_is_dropped_again(
    service: HubSpotService,
    provider: tuple[OAuthTokenProvider, TokenSet],
    sandbox: SandboxServer,
    server_clock: FakeClock,
) -> None:
    """The hook still works for the current token: no 401 is ignored for good."""
    tokens, issued = provider
    server_clock.advance(issued.expires_in)
    await service.account_details()
    server_clock.advance(issued.expires_in)  # the refreshed token expires too
    details = await service.account_details()
    assert details.portal_id == SANDBOX_PORTAL_ID
    assert refused(sandbox) == 2
    assert await refreshes_at_the_sandbox(sandbox) == 2 and tokens.refresh_count == 2


async def test_a_token_refused_for_good_is_not_sent_twice(
    sandbox: SandboxServer, memory_store: SecretStore
) -> None:
    """A private token HubSpot refuses: asking again gives the same token, so the request
    is not repeated and the caller gets HubSpot's 401."""
    store = AsyncSecretStore(memory_store)
    await store.set_access_token("pat-na1-11111111-2222-3333-4444-555555555555")
    from hubcall_desktop.services.tokens import KeyringToken

    tokens = KeyringToken(store)

    async with build_client() as http:
        service = HubSpotService(http, tokens, base_url=sandbox.base_url, retry_policy=NO_RETRY)
        with pytest.raises(HubSpotAuthError) as caught:
            await service.account_details()
    assert not caught.value.expired
    assert refused(sandbox) == 1
    assert tokens.refused  # the same token is in the keyring: it stays marked refused


async def test_the_provider_refreshes_ahead_on_its_own_clock(
    service: HubSpotService,
    provider: tuple[OAuthTokenProvider, TokenSet],
    sandbox: SandboxServer,
    server_clock: FakeClock,
    app_clock: FakeClock,
) -> None:
    """Without skew no request ever sees the 401: the refresh comes before the expiry."""
    tokens, issued = provider
    for _ in range(3):
        app_clock.advance(issued.expires_in - 150)  # inside the 180 s margin
        server_clock.advance(issued.expires_in - 150)
        assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
    assert not [r for r in sandbox.requests if r.status == 401]
    assert await refreshes_at_the_sandbox(sandbox) == 3 and tokens.refresh_count == 3
