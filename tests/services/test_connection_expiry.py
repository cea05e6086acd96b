"""The app's own wiring meets an access token the sandbox says expired while the app's
clock says it is good (clock skew): the active portal's provider passes the 401 on to
its OAuth provider, and every one of twenty concurrent requests goes again with the
token of exactly one refresh at the sandbox, so none of their callers sees the 401."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.connection import ConnectionManager
from tests.oauth_redirect import register_port

from ..sandbox.helpers import FakeClock
from .memory_keyring import MemoryKeyring

CONCURRENT = 20


@pytest.fixture
def server_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def sandbox(server_clock: FakeClock) -> AsyncIterator[SandboxServer]:
    async with SandboxServer(clock=server_clock) as server:
        yield server


@pytest.fixture
async def manager(sandbox: SandboxServer, tmp_path: Path) -> AsyncIterator[ConnectionManager]:
    connection = ConnectionManager(
        AsyncSecretStore(SecretStore(backend=MemoryKeyring(), environ={})),
        MetadataFile(tmp_path / "oauth.json"),
        api_base=sandbox.base_url,
        portal="main",
        client_id=SANDBOX_CLIENT_ID,
        redirect_port=await register_port(sandbox.base_url),
        clock=FakeClock(),  # never moves: the app believes its token is fresh
        environ={},
    )
    await connection.connect_oauth(open_browser=consent_without_browser, timeout=10)
    yield connection
    await connection.aclose()


async def sandbox_counts(sandbox: SandboxServer) -> dict[str, int]:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        counts: dict[str, int] = (await http.get("/_sandbox/oauth")).json()["counts"]
    return counts


async def test_twenty_requests_meet_an_expired_token_and_one_refresh_follows(
    manager: ConnectionManager, sandbox: SandboxServer, server_clock: FakeClock
) -> None:
    tokens = manager.active_tokens  # what the desktop app hands the service
    async with build_client() as http:
        service = HubSpotService(http, tokens, base_url=sandbox.base_url, retry_policy=NO_RETRY)
        assert (await service.account_details()).portal_id == SANDBOX_PORTAL_ID
        server_clock.advance(1800)

        details = await asyncio.gather(*(service.account_details() for _ in range(CONCURRENT)))

    # None of the twenty callers saw the 401: each request went again with the one
    # refreshed token.
    assert [d.portal_id for d in details] == [SANDBOX_PORTAL_ID] * CONCURRENT
    assert (await sandbox_counts(sandbox)).get("token:refresh_token") == 1
    assert [r.status for r in sandbox.requests if r.status == 401] == [401] * CONCURRENT
