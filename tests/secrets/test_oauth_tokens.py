"""OAuthTokenProvider against the real sandbox: refresh ahead of expiry, single flight,
a revoked refresh token, and no secret in logs, errors or reprs."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.oauth import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    consent_without_browser,
)
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES, OAuthEndpoints
from hubcall_desktop.secrets.oauth_errors import InvalidGrant, ReconnectNeeded
from hubcall_desktop.secrets.oauth_flow import authorize
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider, refresh_margin
from hubcall_desktop.secrets.store import SecretStore, refresh_token_entry

from ..sandbox.helpers import FakeClock

PORTAL = "147258369"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def login(
    client: HubSpotOAuthClient, memory_store: SecretStore, clock: FakeClock, oauth_port: int
) -> tuple[OAuthTokenProvider, TokenSet]:
    tokens = await authorize(
        client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser, timeout=10
    )
    provider = OAuthTokenProvider(client, AsyncSecretStore(memory_store), PORTAL, clock=clock)
    await provider.adopt(tokens)
    return provider, tokens


def refreshes(sandbox: SandboxServer) -> int:
    return sum(
        1
        for r in sandbox.requests
        if r.path.endswith("/token") and "grant_type=refresh_token" in str(r.body)
    )


async def test_margin_is_at_most_five_minutes_or_a_tenth() -> None:
    assert refresh_margin(1800) == 180
    assert refresh_margin(7200) == 300
    assert refresh_margin(60) == 6
    assert refresh_margin(-5) == 0


async def test_refresh_token_is_kept_in_the_keyring_only(
    login: tuple[OAuthTokenProvider, TokenSet], memory_store: SecretStore
) -> None:
    provider, tokens = login
    assert memory_store.get(refresh_token_entry(PORTAL)) == tokens.refresh_token
    assert tokens.access_token.reveal() not in repr(provider)


async def test_refreshes_ahead_of_expiry_and_not_before(
    login: tuple[OAuthTokenProvider, TokenSet], sandbox: SandboxServer, clock: FakeClock
) -> None:
    provider, tokens = login
    assert await provider.access_token() == tokens.access_token
    clock.advance(1800 - 180 - 1)  # one second before the margin
    assert await provider.access_token() == tokens.access_token
    assert refreshes(sandbox) == 0
    clock.advance(1)
    fresh = await provider.access_token()
    assert fresh != tokens.access_token
    assert refreshes(sandbox) == 1
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        answer = await http.get(
            "/account-info/v3/details", headers={"Authorization": f"Bearer {fresh.reveal()}"}
        )
    assert answer.status_code == 200


async def test_short_expiry_from_the_sandbox_is_followed(
    sandbox: SandboxServer,
    client: HubSpotOAuthClient,
    memory_store: SecretStore,
    clock: FakeClock,
    oauth_port: int,
) -> None:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        assert (await http.post("/_sandbox/oauth", json={"expires_in": 60})).status_code == 200
        assert (await http.post("/_sandbox/oauth", json={"expires_in": 0})).status_code == 400
    tokens = await authorize(
        client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser
    )
    assert tokens.expires_in == 60
    provider = OAuthTokenProvider(client, AsyncSecretStore(memory_store), PORTAL, clock=clock)
    await provider.adopt(tokens)
    clock.advance(54)
    assert await provider.access_token() != tokens.access_token
    assert refreshes(sandbox) == 1


async def test_twenty_concurrent_callers_cause_one_refresh(
    login: tuple[OAuthTokenProvider, TokenSet], sandbox: SandboxServer, clock: FakeClock
) -> None:
    provider, tokens = login
    clock.advance(1800)
    got = await asyncio.gather(*(provider.access_token() for _ in range(20)))
    assert len(set(got)) == 1 and got[0] != tokens.access_token
    assert refreshes(sandbox) == 1
    assert provider.refresh_count == 1


async def test_revoked_refresh_token_means_reconnect_needed(
    login: tuple[OAuthTokenProvider, TokenSet],
    sandbox: SandboxServer,
    clock: FakeClock,
    memory_store: SecretStore,
) -> None:
    provider, tokens = login
    flips: list[bool] = []
    provider.add_listener(flips.append)
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        await http.post("/_sandbox/oauth/revoke-all")
    clock.advance(1800)
    with pytest.raises(ReconnectNeeded) as caught:
        await provider.access_token()
    assert flips == [True] and provider.reconnect_needed
    assert "connect again" in str(caught.value)
    # No second request to HubSpot while reconnect is needed, and all callers hear it.
    before = refreshes(sandbox)
    results = await asyncio.gather(
        *(provider.access_token() for _ in range(5)), return_exceptions=True
    )
    assert all(isinstance(r, ReconnectNeeded) for r in results)
    assert refreshes(sandbox) == before
    for text in (str(caught.value), repr(caught.value), repr(provider)):
        assert tokens.refresh_token is not None
        assert tokens.refresh_token.reveal() not in text
        assert tokens.access_token.reveal() not in text


async def test_invalid_grant_carries_hubspot_status(
    client: HubSpotOAuthClient, sandbox: SandboxServer
) -> None:
    with pytest.raises(InvalidGrant) as caught:
        await client.refresh(Secret("sbx-rt-made-up-token"))
    assert caught.value.status == "BAD_REFRESH_TOKEN"
    assert caught.value.error == "invalid_grant"
    assert "sbx-rt-made-up-token" not in str(caught.value) + repr(caught.value)


async def test_missing_refresh_token_means_reconnect_needed(
    client: HubSpotOAuthClient, memory_store: SecretStore
) -> None:
    provider = OAuthTokenProvider(client, AsyncSecretStore(memory_store), PORTAL)
    with pytest.raises(ReconnectNeeded):
        await provider.access_token()
    assert provider.reconnect_needed


async def test_a_401_makes_the_next_call_refresh(
    login: tuple[OAuthTokenProvider, TokenSet], sandbox: SandboxServer
) -> None:
    provider, tokens = login
    await provider.on_auth_error(object())
    assert await provider.access_token() != tokens.access_token
    assert refreshes(sandbox) == 1


@pytest.mark.parametrize("legacy", [False, True])
async def test_revoke_then_refresh_fails(
    sandbox: SandboxServer, memory_store: SecretStore, legacy: bool, oauth_port: int
) -> None:
    endpoints = OAuthEndpoints.for_api_base(sandbox.base_url, legacy=legacy)
    async with HubSpotOAuthClient(endpoints, SANDBOX_CLIENT_ID) as client:
        tokens = await authorize(
            client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser
        )
        assert tokens.refresh_token is not None
        await client.revoke(tokens.refresh_token)
        await client.revoke(tokens.refresh_token)  # twice is fine
        with pytest.raises(InvalidGrant):
            await client.refresh(tokens.refresh_token)
        info = await client.introspect(tokens.access_token)
    assert info.active is False


async def test_no_secret_in_debug_logs(
    sandbox: SandboxServer,
    memory_store: SecretStore,
    caplog: pytest.LogCaptureFixture,
    oauth_port: int,
) -> None:
    caplog.set_level(logging.DEBUG)
    clock = FakeClock()
    seen: list[str] = []
    for legacy in (False, True):
        endpoints = OAuthEndpoints.for_api_base(sandbox.base_url, legacy=legacy)
        async with HubSpotOAuthClient(
            endpoints, SANDBOX_CLIENT_ID, Secret(SANDBOX_CLIENT_SECRET)
        ) as client:
            tokens = await authorize(
                client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser
            )
            provider = OAuthTokenProvider(
                client, AsyncSecretStore(memory_store), PORTAL, clock=clock
            )
            await provider.adopt(tokens)
            clock.advance(3600)
            fresh = await provider.access_token()
            await client.introspect(fresh)
            assert tokens.refresh_token is not None
            await client.revoke(tokens.refresh_token)
            seen += [tokens.access_token.reveal(), tokens.refresh_token.reveal(), fresh.reveal()]
    assert any("httpx" in r.name for r in caplog.records), "the request log was not captured"
    # The app's side only: the sandbox's own access log plays HubSpot's server logs.
    ours = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''}"
        for r in caplog.records
        if not r.name.startswith(("aiohttp.access", "hubcall_desktop.sandbox"))
    )
    for value in [*seen, SANDBOX_CLIENT_SECRET]:
        assert value not in ours
