"""A 401 is handled by the provider of the portal whose token HubSpot refused, through the
one path the service has (``TokenProvider.on_auth_error``), and each kind decides:
OAuth refreshes once, and a refused refresh is "reconnect needed"; a private-app token
is marked refused and the keyring is read again. Real sandbox, real HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.connection_types import ConnectionStatus
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import HubSpotAuthError
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import SecretStore, refresh_token_entry
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.tokens import KeyringToken
from tests.oauth_redirect import register_port

from ..sandbox.helpers import FakeClock
from .memory_keyring import MemoryKeyring

REVOKED = "pat-na1-00000000-dead-beef-0000-000000000000"  # a token the sandbox refuses


@pytest.fixture
def server_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def sandbox(server_clock: FakeClock) -> AsyncIterator[SandboxServer]:
    async with SandboxServer(clock=server_clock) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with build_client() as client:
        yield client


def statuses(sandbox: SandboxServer) -> list[int]:
    return [r.status for r in sandbox.requests if "/account-info/" in r.path]


async def oauth_refreshes(sandbox: SandboxServer) -> int:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as admin:
        counts = (await admin.get("/_sandbox/oauth")).json()["counts"]
    return int(counts.get("token:refresh_token", 0))


def manager_for(sandbox: SandboxServer, tmp_path: Path, store: SecretStore) -> ConnectionManager:
    return ConnectionManager(
        AsyncSecretStore(store),
        MetadataFile(tmp_path / "oauth.json"),
        api_base=sandbox.base_url,
        portal="main",
        client_id=SANDBOX_CLIENT_ID,
        clock=FakeClock(),  # never moves: the app believes its token is fresh
        environ={},
    )


# -- a private-app token ----------------------------------------------------------------


async def test_a_refused_private_token_is_marked_and_the_keyring_read_again(
    sandbox: SandboxServer, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ={})
    store.set_access_token(REVOKED, "main")
    manager = manager_for(sandbox, tmp_path, store)
    try:
        tokens = manager.active_tokens
        service = HubSpotService(http, tokens, base_url=sandbox.base_url, retry_policy=NO_RETRY)
        with pytest.raises(HubSpotAuthError):
            await service.account_details()
        keyring_token = tokens.provider
        assert isinstance(keyring_token, KeyringToken) and keyring_token.refused
        assert statuses(sandbox) == [401]  # the same token again: not sent twice

        store.set_access_token(DEMO_TOKEN, "main")  # the agent saves the right one
        assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
        assert not keyring_token.refused
        assert statuses(sandbox) == [401, 200]
    finally:
        await manager.aclose()


async def test_a_token_replaced_meanwhile_is_tried_once_more_in_the_same_request(
    sandbox: SandboxServer, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ={})
    store.set_access_token(REVOKED, "main")
    manager = manager_for(sandbox, tmp_path, store)
    try:
        tokens = manager.active_tokens
        assert (await tokens.access_token()).reveal() == REVOKED  # read and kept
        store.set_access_token(DEMO_TOKEN, "main")  # replaced by the command line
        service = HubSpotService(http, tokens, base_url=sandbox.base_url, retry_policy=NO_RETRY)
        assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
        assert statuses(sandbox) == [401, 200]
    finally:
        await manager.aclose()


async def test_a_static_token_is_marked_refused(
    sandbox: SandboxServer, http: httpx.AsyncClient
) -> None:
    token = StaticToken(Secret(REVOKED))
    service = HubSpotService(http, token, base_url=sandbox.base_url, retry_policy=NO_RETRY)
    with pytest.raises(HubSpotAuthError):
        await service.account_details()
    assert token.refused and statuses(sandbox) == [401]


# -- OAuth --------------------------------------------------------------------------------


@pytest.fixture
async def oauth_manager(sandbox: SandboxServer, tmp_path: Path) -> AsyncIterator[ConnectionManager]:
    manager = manager_for(sandbox, tmp_path, SecretStore(backend=MemoryKeyring(), environ={}))
    manager.redirect_port = await register_port(sandbox.base_url)
    await manager.connect_oauth(open_browser=consent_without_browser, timeout=10)
    yield manager
    await manager.aclose()


async def test_oauth_refreshes_once_after_a_401(
    sandbox: SandboxServer,
    http: httpx.AsyncClient,
    oauth_manager: ConnectionManager,
    server_clock: FakeClock,
) -> None:
    tokens = oauth_manager.active_tokens
    service = HubSpotService(http, tokens, base_url=sandbox.base_url, retry_policy=NO_RETRY)
    assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
    before = len(statuses(sandbox))  # the sign-in asked too
    server_clock.advance(1800)  # HubSpot's clock: expired; the app's: fresh
    assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
    assert isinstance(tokens.provider, OAuthTokenProvider)
    assert statuses(sandbox)[before:] == [401, 200]
    assert await oauth_refreshes(sandbox) == 1
    assert oauth_manager.snapshot.status is ConnectionStatus.CONNECTED


async def test_oauth_whose_refresh_is_refused_needs_a_reconnect(
    sandbox: SandboxServer,
    http: httpx.AsyncClient,
    oauth_manager: ConnectionManager,
    server_clock: FakeClock,
) -> None:
    tokens = oauth_manager.active_tokens
    service = HubSpotService(http, tokens, base_url=sandbox.base_url, retry_policy=NO_RETRY)
    assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
    before = len(statuses(sandbox))  # the sign-in asked too
    async with httpx.AsyncClient(base_url=sandbox.base_url) as admin:
        await admin.post("/_sandbox/oauth/revoke-all")  # the app was uninstalled
    server_clock.advance(1800)
    with pytest.raises(ReconnectNeeded):
        await service.account_details()
    assert statuses(sandbox)[before:] == [401]  # refused once; the refresh said no: no retry
    assert oauth_manager.snapshot.status is ConnectionStatus.RECONNECT_NEEDED
    with pytest.raises(ReconnectNeeded):  # and no more refreshes until the agent reconnects
        await service.account_details()
    assert statuses(sandbox)[before:] == [401] and await oauth_refreshes(sandbox) == 1


async def test_connecting_the_active_portal_reworks_its_provider(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ={})
    store.set_access_token(DEMO_TOKEN, "main")
    manager = manager_for(sandbox, tmp_path, store)
    manager.redirect_port = await register_port(sandbox.base_url)
    try:
        tokens = manager.active_tokens
        assert (await tokens.access_token()).reveal() == DEMO_TOKEN
        assert isinstance(tokens.provider, KeyringToken)
        await manager.connect_oauth(open_browser=consent_without_browser, timeout=10)
        assert (await tokens.access_token()).reveal() != DEMO_TOKEN
        assert isinstance(tokens.provider, OAuthTokenProvider)  # the service's provider too
    finally:
        await manager.aclose()


async def test_oauth_whose_refresh_token_the_keyring_lost_needs_a_reconnect(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ={})
    first = manager_for(sandbox, tmp_path, store)
    first.redirect_port = await register_port(sandbox.base_url)
    await first.connect_oauth(open_browser=consent_without_browser, timeout=10)
    await first.aclose()
    store.delete(refresh_token_entry("main"))  # oauth.json remains; the keyring lost it
    manager = manager_for(sandbox, tmp_path, store)  # the app starts again
    try:
        with pytest.raises(ReconnectNeeded):  # not "no token": OAuth wants a reconnect
            await manager.active_tokens.access_token()
        assert manager.snapshot.status is ConnectionStatus.RECONNECT_NEEDED
    finally:
        await manager.aclose()
