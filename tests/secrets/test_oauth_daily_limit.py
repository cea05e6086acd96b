"""HubSpot has no daily limit for OAuth apps: the sandbox sends an OAuth token neither the
daily-limit headers nor a daily 429, and the app works on without them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import HubSpotRateLimited
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer
from hubcall_desktop.sandbox.oauth import consent_without_browser
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES
from hubcall_desktop.secrets.oauth_flow import authorize
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import SecretStore

DAILY_LIMIT = 3
PRIVATE_APP = "pat-na1-private-app-on-the-same-portal"
DAILY_HEADERS = ("X-HubSpot-RateLimit-Daily", "X-HubSpot-RateLimit-Daily-Remaining")
TEN_SECONDLY = (
    "X-HubSpot-RateLimit-Max",
    "X-HubSpot-RateLimit-Remaining",
    "X-HubSpot-RateLimit-Interval-Milliseconds",
)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    """A portal whose private app has almost used up its day."""
    async with SandboxServer(daily_limit=DAILY_LIMIT, private_app_tokens=(PRIVATE_APP,)) as server:
        yield server


@pytest.fixture
async def oauth_token(client: HubSpotOAuthClient, oauth_port: int) -> Secret:
    tokens = await authorize(
        client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser, timeout=10
    )
    return tokens.access_token


async def _details(sandbox: SandboxServer, token: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        return await http.get(ACCOUNT_DETAILS_PATH, headers={"Authorization": f"Bearer {token}"})


async def test_an_oauth_token_gets_no_daily_headers_and_no_daily_429(
    sandbox: SandboxServer, oauth_token: Secret
) -> None:
    for _ in range(DAILY_LIMIT * 2):
        answer = await _details(sandbox, oauth_token.reveal())
        assert answer.status_code == 200, answer.text
        assert all(name in answer.headers for name in TEN_SECONDLY)
        assert not any(name in answer.headers for name in DAILY_HEADERS)
    demo = await _details(sandbox, DEMO_TOKEN)  # the sandbox's own OAuth token: likewise
    assert demo.status_code == 200
    assert not any(name in demo.headers for name in DAILY_HEADERS)
    # A private app's token on the same portal still has its whole day: OAuth requests
    # were not counted against it, and it is capped and told so.
    for left in range(DAILY_LIMIT - 1, -1, -1):
        answer = await _details(sandbox, PRIVATE_APP)
        assert answer.status_code == 200
        assert answer.headers["X-HubSpot-RateLimit-Daily-Remaining"] == str(left)
    refused = await _details(sandbox, PRIVATE_APP)
    assert refused.status_code == 429 and refused.json()["policyName"] == "DAILY"
    assert (await _details(sandbox, oauth_token.reveal())).status_code == 200


async def test_the_app_works_on_without_daily_headers(
    sandbox: SandboxServer, client: HubSpotOAuthClient, memory_store: SecretStore, oauth_port: int
) -> None:
    tokens = await authorize(
        client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser, timeout=10
    )
    provider = OAuthTokenProvider(client, AsyncSecretStore(memory_store), "default")
    await provider.adopt(tokens)
    async with build_client() as http:
        service = HubSpotService(http, provider, base_url=sandbox.base_url)
        for _ in range(DAILY_LIMIT * 2):
            await service.account_details()
        assert service.pacer.delay_needed() == 0  # nothing made it hold back
        private = HubSpotService(http, StaticToken(Secret(PRIVATE_APP)), base_url=sandbox.base_url)
        for _ in range(DAILY_LIMIT):
            await private.account_details()
        with pytest.raises(HubSpotRateLimited) as caught:
            await private.account_details()
    assert caught.value.daily
    answered = [r for r in sandbox.requests if r.path == ACCOUNT_DETAILS_PATH]
    assert len(answered) == DAILY_LIMIT * 3 + 1
