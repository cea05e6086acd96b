"""HubSpot answers a refresh with a new refresh token (rotation): the old one stops
working, so the new one must reach the keyring; if the keyring refuses just then, the app
keeps working on the token in memory and saves it at the next renewal."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from keyring.errors import KeyringLocked

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.oauth import (
    consent_without_browser,
)
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES
from hubcall_desktop.secrets.oauth_errors import InvalidGrant
from hubcall_desktop.secrets.oauth_flow import authorize
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import SecretStore, refresh_token_entry

from ..sandbox.helpers import FakeClock
from .conftest import ScriptedKeyring

PORTAL = "147258369"
LIFETIME = 1800


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    """The usual sandbox, rotating refresh tokens (``client`` comes from conftest)."""
    async with SandboxServer() as server:
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            answer = await http.post("/_sandbox/oauth", json={"rotate_refresh_tokens": True})
            assert answer.json()["rotate_refresh_tokens"] is True
        yield server


@pytest.fixture
async def provider(
    client: HubSpotOAuthClient, memory_store: SecretStore, oauth_port: int
) -> tuple[OAuthTokenProvider, FakeClock]:
    clock = FakeClock()
    tokens = await authorize(
        client, DEFAULT_SCOPES, port=oauth_port, open_browser=consent_without_browser, timeout=10
    )
    made = OAuthTokenProvider(client, AsyncSecretStore(memory_store), PORTAL, clock=clock)
    await made.adopt(tokens)
    return made, clock


def saved(store: SecretStore) -> Secret | None:
    return store.get(refresh_token_entry(PORTAL))


async def test_a_rotated_refresh_token_replaces_the_old_one_in_the_keyring(
    provider: tuple[OAuthTokenProvider, FakeClock],
    memory_store: SecretStore,
    client: HubSpotOAuthClient,
) -> None:
    tokens, clock = provider
    first = saved(memory_store)
    assert first is not None
    clock.advance(LIFETIME)
    await tokens.access_token()
    second = saved(memory_store)
    assert second is not None and second != first
    with pytest.raises(InvalidGrant):  # HubSpot forgot the old one
        await client.refresh(first)


async def test_a_keyring_that_refuses_the_new_token_loses_nothing(
    provider: tuple[OAuthTokenProvider, FakeClock],
    memory_store: SecretStore,
    memory_keyring: ScriptedKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    tokens, clock = provider
    first = saved(memory_store)
    writable = memory_keyring.set_password

    def refuse(service: str, username: str, password: str) -> None:
        raise KeyringLocked("the collection was locked again")

    memory_keyring.set_password = refuse  # type: ignore[method-assign]  # reads still work
    clock.advance(LIFETIME)
    with caplog.at_level(logging.WARNING):
        working = await tokens.access_token()  # renewed; HubSpot rotated; keyring said no
    assert "could not be saved yet" in caplog.text
    clock.advance(LIFETIME)
    again = await tokens.access_token()  # the token in memory renews it again
    assert again != working
    memory_keyring.set_password = writable  # type: ignore[method-assign]
    assert saved(memory_store) == first  # still the old, dead one: nothing was written
    clock.advance(LIFETIME)
    await tokens.access_token()  # the keyring works again: saved now
    latest = saved(memory_store)
    assert latest is not None and latest != first
    for record in caplog.records:
        assert latest.reveal() not in record.getMessage()
