"""ConnectionManager.provider_for: any portal's token provider, not only the active one's.
Against the real sandbox (its OAuth too), with an in-memory keyring."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.connection_types import ConnectionStatus
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import HubSpotService, TokenProvider, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.connection import ConnectionManager
from tests.oauth_redirect import register_port

from ..sandbox.helpers import FakeClock
from .memory_keyring import MemoryKeyring

ACME, BETA = "acme", "beta"
ENV = {"HUBCALL_ACCESS_TOKEN": "pat-from-the-environment"}


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


class WallClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


MakeManager = Callable[..., ConnectionManager]


@pytest.fixture
async def make_manager(
    sandbox: SandboxServer, tmp_path: Path
) -> AsyncIterator[Callable[..., ConnectionManager]]:
    made: list[ConnectionManager] = []
    port = await register_port(sandbox.base_url)

    def make(store: SecretStore, portal: str = ACME, **kwargs: object) -> ConnectionManager:
        manager = ConnectionManager(
            AsyncSecretStore(store),
            MetadataFile(tmp_path / "oauth.json"),
            api_base=sandbox.base_url,
            portal=portal,
            client_id=SANDBOX_CLIENT_ID,
            redirect_port=port,
            **kwargs,  # type: ignore[arg-type]
        )
        made.append(manager)
        return manager

    yield make
    for manager in made:
        await manager.aclose()


async def account_portal(sandbox: SandboxServer, tokens: TokenProvider) -> int:
    async with build_client() as http:
        service = HubSpotService(http, tokens, base_url=sandbox.base_url)
        return (await service.account_details()).portal_id


async def test_the_environment_token_stands_for_the_active_portal_only(
    make_manager: MakeManager,
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ=ENV)
    manager = make_manager(store, environ=ENV)
    acme, beta = manager.provider_for(ACME), manager.provider_for(BETA)
    assert manager.provider_for(BETA) is beta  # one per portal, kept
    assert (await acme.access_token()).reveal() == ENV["HUBCALL_ACCESS_TOKEN"]
    with pytest.raises(NoTokenError, match="'beta'"):
        await beta.access_token()  # never another portal's calls with the environment's token
    store.set_access_token("pat-beta-0002", BETA)
    assert (await beta.access_token()).reveal() == "pat-beta-0002"

    await manager.set_portal(BETA)  # now beta is the active portal: the environment's
    assert (await beta.access_token()).reveal() == ENV["HUBCALL_ACCESS_TOKEN"]
    with pytest.raises(NoTokenError, match="'acme'"):
        await acme.access_token()


async def test_tokens_for_routes_each_portal(make_manager: MakeManager) -> None:
    manager = make_manager(SecretStore(backend=MemoryKeyring(), environ={}), environ={})
    tokens = manager.active_tokens
    assert manager.tokens_for(None) is tokens  # journaled before portals were remembered
    assert manager.tokens_for(ACME) is tokens  # the active portal
    assert manager.tokens_for(BETA) is manager.provider_for(BETA)
    assert "pat" not in repr(manager.provider_for(BETA))


async def test_another_oauth_portal_refreshes_and_fails_on_its_own(
    make_manager: MakeManager, sandbox: SandboxServer, tmp_path: Path
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ={})
    clock, wall = FakeClock(), WallClock()
    first = make_manager(store, environ={}, clock=clock, wall_clock=wall)
    await first.connect_oauth(open_browser=consent_without_browser, timeout=10)  # acme
    await first.set_portal(BETA)
    await first.connect_oauth(open_browser=consent_without_browser, timeout=10)
    await first.aclose()
    # The app starts again with beta active: acme's provider comes from oauth.json and
    # the refresh token in the keyring.
    manager = make_manager(store, BETA, environ={}, clock=clock, wall_clock=wall)
    assert (await manager.refresh_state()).status is ConnectionStatus.CONNECTED

    def expiry(portal: str) -> float:
        return json.loads((tmp_path / "oauth.json").read_text())["portals"][portal]["expires_at"]

    before = {ACME: expiry(ACME), BETA: expiry(BETA)}
    acme = manager.provider_for(ACME)
    assert await account_portal(sandbox, acme) == SANDBOX_PORTAL_ID
    assert isinstance(acme.provider, OAuthTokenProvider)
    clock.advance(3600)  # acme's access token is due for a refresh ...
    wall.now += 3600
    assert await account_portal(sandbox, acme) == SANDBOX_PORTAL_ID
    assert expiry(ACME) == before[ACME] + 3600  # ... which is written down for acme,
    assert expiry(BETA) == before[BETA]  # not for the active portal

    async with httpx.AsyncClient(base_url=sandbox.base_url) as admin:
        await admin.post("/_sandbox/oauth/revoke-all")
    clock.advance(3600)
    with pytest.raises(ReconnectNeeded, match="'acme'"):
        await acme.access_token()
    # acme's lost grant is acme's business: beta's status is not touched by it.
    assert manager.snapshot.portal == BETA
    assert manager.snapshot.status is ConnectionStatus.CONNECTED


async def test_connect_and_logout_rework_that_portals_provider(
    make_manager: MakeManager, sandbox: SandboxServer
) -> None:
    store = SecretStore(backend=MemoryKeyring(), environ={})
    manager = make_manager(store, environ={})
    await manager.connect_oauth(open_browser=consent_without_browser, timeout=10)  # acme
    acme = manager.provider_for(ACME)
    assert await acme.access_token()
    assert isinstance(acme.provider, OAuthTokenProvider)

    await manager.logout()
    with pytest.raises(NoTokenError, match="'acme'"):
        await acme.access_token()  # not the closed OAuth client's error

    await manager.connect_private_token(Secret(DEMO_TOKEN))
    assert (await acme.access_token()).reveal() == DEMO_TOKEN
    assert manager.provider_for(ACME) is acme
