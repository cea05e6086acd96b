"""ConnectionManager against the real sandbox, with an in-memory keyring or, in the test
session (HUBCALL_TEST_SESSION=1), the real Secret Service."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.connection_types import (
    ConnectionKind,
    ConnectionSnapshot,
    ConnectionStatus,
)
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import HubSpotAuthError
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_USER,
    SANDBOX_USER_ID,
    consent_without_browser,
)
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.oauth_errors import NoClientId, ReconnectNeeded
from hubcall_desktop.secrets.store import (
    OAUTH_CLIENT_SECRET,
    SecretStore,
    access_token_entry,
    refresh_token_entry,
)
from hubcall_desktop.services.connection import ConnectionManager
from tests.conftest import require_real_session
from tests.oauth_redirect import register_port

from ..sandbox.helpers import FakeClock
from .memory_keyring import MemoryKeyring

PORTAL = "main"


@pytest.fixture(params=["memory", "secret-service"])
def store(request: pytest.FixtureRequest) -> Iterator[SecretStore]:
    if request.param == "memory":
        yield SecretStore(backend=MemoryKeyring(), environ={})
        return
    require_real_session()
    service = f"hubcall-desktop-test-{uuid.uuid4().hex[:12]}"
    yield SecretStore(service, environ={})
    subprocess.run(["secret-tool", "clear", "service", service], check=False, timeout=20)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def manager(
    store: SecretStore, sandbox: SandboxServer, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[ConnectionManager]:
    connection = ConnectionManager(
        AsyncSecretStore(store),
        MetadataFile(tmp_path / "oauth.json"),
        api_base=sandbox.base_url,
        portal=PORTAL,
        client_id=SANDBOX_CLIENT_ID,
        redirect_port=await register_port(sandbox.base_url),
        clock=clock,
        environ={},
    )
    yield connection
    await connection.aclose()


async def connect(manager: ConnectionManager, **kwargs: object) -> object:
    return await manager.connect_oauth(open_browser=consent_without_browser, timeout=10, **kwargs)  # type: ignore[arg-type]


def stored_values(store: SecretStore) -> dict[str, str]:
    names = [access_token_entry(PORTAL), refresh_token_entry(PORTAL), OAUTH_CLIENT_SECRET]
    return {n: v.reveal() for n in names if (v := store.get(n)) is not None}


async def test_starts_not_connected(manager: ConnectionManager) -> None:
    snapshot = await manager.refresh_state()
    assert snapshot.kind is ConnectionKind.NONE
    assert snapshot.status is ConnectionStatus.NOT_CONNECTED


async def test_oauth_connect_fills_who_am_i(
    manager: ConnectionManager, store: SecretStore, tmp_path: Path
) -> None:
    await manager.set_client_secret(SANDBOX_CLIENT_SECRET)
    seen: list[ConnectionSnapshot] = []
    manager.add_listener(seen.append)
    me = await connect(manager)
    assert me.portal_id == SANDBOX_PORTAL_ID  # type: ignore[attr-defined]
    assert me.user_id == SANDBOX_USER_ID and me.scope_warning is None  # type: ignore[attr-defined]
    assert seen[-1].kind is ConnectionKind.OAUTH
    assert seen[-1].status is ConnectionStatus.CONNECTED
    # Who signed in reaches the listeners, and what they were sent before stays as sent.
    assert seen[-1].oauth is not None and seen[-1].oauth.user == SANDBOX_USER
    assert seen[-2].oauth is not None and seen[-2].oauth.user == ""
    meta = json.loads((tmp_path / "oauth.json").read_text())["portals"][PORTAL]
    assert meta["hub_id"] == SANDBOX_PORTAL_ID and meta["user_id"] == SANDBOX_USER_ID
    assert "crm.objects.contacts.write" in meta["scopes"]
    text = (tmp_path / "oauth.json").read_text()
    for value in stored_values(store).values():
        assert value not in text


async def test_missing_scope_is_named(manager: ConnectionManager) -> None:
    me = await connect(manager, scopes=("oauth", "crm.objects.contacts.read"))
    warning = me.scope_warning  # type: ignore[attr-defined]
    assert warning is not None and "crm.objects.contacts.write" in warning


async def test_no_client_id_says_what_to_do(manager: ConnectionManager) -> None:
    with pytest.raises(NoClientId, match="client id"):
        await manager.connect_oauth(client_id=" ", open_browser=consent_without_browser)
    manager.client_id = ""
    with pytest.raises(NoClientId):
        await manager.connect_oauth(open_browser=consent_without_browser)


async def test_provider_serves_hubspot_and_refreshes_once(
    manager: ConnectionManager, sandbox: SandboxServer, clock: FakeClock
) -> None:
    await connect(manager)
    async with build_client() as http:
        service = HubSpotService(
            http,
            manager.active_tokens,
            base_url=sandbox.base_url,
        )
        clock.advance(1800)
        details = await asyncio.gather(*(service.account_details() for _ in range(20)))
    assert {d.portal_id for d in details} == {SANDBOX_PORTAL_ID}
    refreshes = [r for r in sandbox.requests if "grant_type=refresh_token" in str(r.body)]
    assert len(refreshes) == 1


async def test_revoked_grant_needs_reconnect_then_reconnect_recovers(
    manager: ConnectionManager, sandbox: SandboxServer, clock: FakeClock
) -> None:
    await connect(manager)
    seen: list[ConnectionStatus] = []
    manager.add_listener(lambda s: seen.append(s.status))
    provider = manager.active_tokens
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        await http.post("/_sandbox/oauth/revoke-all")
    clock.advance(1800)
    with pytest.raises(ReconnectNeeded):
        await provider.access_token()
    assert manager.snapshot.status is ConnectionStatus.RECONNECT_NEEDED
    assert (await manager.refresh_state()).status is ConnectionStatus.RECONNECT_NEEDED
    await connect(manager)
    assert manager.snapshot.status is ConnectionStatus.CONNECTED
    assert seen[0] is ConnectionStatus.RECONNECT_NEEDED and seen[-1] is ConnectionStatus.CONNECTED
    assert await manager.active_tokens.access_token()


async def test_logout_revokes_and_deletes_every_secret(
    manager: ConnectionManager, store: SecretStore, sandbox: SandboxServer, tmp_path: Path
) -> None:
    await manager.set_client_secret(SANDBOX_CLIENT_SECRET)
    await connect(manager)
    refresh = store.get(refresh_token_entry(PORTAL))
    assert refresh is not None
    warnings = await manager.logout()
    assert warnings == []
    assert stored_values(store) == {}
    assert (await manager.refresh_state()).status is ConnectionStatus.NOT_CONNECTED
    assert json.loads((tmp_path / "oauth.json").read_text())["portals"] == {}
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        answer = await http.post(
            "/oauth/2026-03/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": refresh.reveal(),
                "client_id": SANDBOX_CLIENT_ID,
            },
        )
    assert answer.json()["status"] == "BAD_REFRESH_TOKEN"


async def test_logout_deletes_secrets_even_when_hubspot_is_unreachable(
    manager: ConnectionManager, store: SecretStore, sandbox: SandboxServer
) -> None:
    await connect(manager)
    await sandbox.stop()
    warnings = await manager.logout()
    assert len(warnings) == 1 and "could not" in warnings[0]
    assert stored_values(store) == {}


async def test_private_token_connects_and_replaces_oauth(
    manager: ConnectionManager, store: SecretStore
) -> None:
    await connect(manager)
    me = await manager.connect_private_token(Secret(DEMO_TOKEN))
    assert me.portal_id == SANDBOX_PORTAL_ID
    assert manager.snapshot.kind is ConnectionKind.PRIVATE_APP
    assert set(stored_values(store)) == {access_token_entry(PORTAL)}
    assert await manager.active_tokens.access_token() == Secret(DEMO_TOKEN)


async def test_bad_private_token_is_not_stored(
    manager: ConnectionManager, store: SecretStore
) -> None:
    with pytest.raises(HubSpotAuthError) as caught:
        await manager.connect_private_token("not-a-token-the-sandbox-knows")
    assert "not-a-token-the-sandbox-knows" not in str(caught.value) + repr(caught.value)
    assert stored_values(store) == {}


async def test_environment_token_wins(
    store: SecretStore, sandbox: SandboxServer, tmp_path: Path
) -> None:
    manager = ConnectionManager(
        AsyncSecretStore(store),
        MetadataFile(tmp_path / "oauth.json"),
        api_base=sandbox.base_url,
        environ={"HUBCALL_ACCESS_TOKEN": DEMO_TOKEN},
    )
    assert (await manager.refresh_state()).kind is ConnectionKind.ENVIRONMENT


async def test_portals_are_separate(manager: ConnectionManager, store: SecretStore) -> None:
    await connect(manager)
    other = await manager.set_portal("second")
    assert other.kind is ConnectionKind.NONE
    back = await manager.set_portal(PORTAL)
    assert back.kind is ConnectionKind.OAUTH


async def test_no_secret_in_debug_logs_or_reprs(
    manager: ConnectionManager,
    store: SecretStore,
    caplog: pytest.LogCaptureFixture,
    clock: FakeClock,
) -> None:
    caplog.set_level(logging.DEBUG)
    await manager.set_client_secret(SANDBOX_CLIENT_SECRET)
    await connect(manager)
    clock.advance(3600)
    token = await manager.active_tokens.access_token()
    values = [*stored_values(store).values(), token.reveal()]
    await manager.logout()
    ours = "\n".join(
        r.getMessage() for r in caplog.records if not r.name.startswith("aiohttp.access")
    )
    reprs = repr(manager) + repr(manager.snapshot) + repr(manager.active_tokens)
    for value in values:
        assert value not in ours and value not in reprs


async def test_no_keyring_is_a_status_not_a_crash(sandbox: SandboxServer, tmp_path: Path) -> None:
    from keyring.backends import fail

    manager = ConnectionManager(
        AsyncSecretStore(SecretStore(backend=fail.Keyring(), environ={})),
        MetadataFile(tmp_path / "oauth.json"),
        api_base=sandbox.base_url,
        environ={},
    )
    snapshot = await manager.refresh_state()
    assert snapshot.status is ConnectionStatus.NO_KEYRING
    assert "keyring" in snapshot.message
