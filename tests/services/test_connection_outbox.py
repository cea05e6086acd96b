"""A dead OAuth grant loses nothing: the log waits in the outbox and goes out after reconnecting."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.call import Call, CallSource, Direction
from hubcall_desktop.core.connection_types import ConnectionStatus
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.secrets.store import SecretStore, refresh_token_entry
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.outbox_sender import OutboxSender
from hubcall_desktop.storage.async_journal import AsyncJournal
from tests.oauth_redirect import register_port

from ..sandbox.helpers import FakeClock
from .memory_keyring import MemoryKeyring

START = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


def finished_call() -> Call:
    return Call(
        raw_from="+493055501234",
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone("+493055501234"),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        direction=Direction.INBOUND,
        source=CallSource.WEBHOOK,
        ringing_at=START,
        answered_at=START + timedelta(seconds=5),
        ended_at=START + timedelta(seconds=65),
        final_status=CallStatus.COMPLETED,
        created_at=START,
    )


async def test_reconnect_needed_keeps_the_call_then_sends_it(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    clock = FakeClock()
    store = SecretStore(backend=MemoryKeyring(), environ={})
    manager = ConnectionManager(
        AsyncSecretStore(store),
        MetadataFile(tmp_path / "oauth.json"),
        api_base=sandbox.base_url,
        client_id=SANDBOX_CLIENT_ID,
        redirect_port=await register_port(sandbox.base_url),
        clock=clock,
        environ={},
    )
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    try:
        await manager.connect_oauth(open_browser=consent_without_browser, timeout=10)
        old_refresh = store.get(refresh_token_entry())
        call = finished_call()
        await journal.enqueue_log(call, build_log_body(call))
        async with build_client() as http:
            sender = OutboxSender(
                journal,
                HubSpotService(http, manager.active_tokens, base_url=sandbox.base_url),
            )
            async with httpx.AsyncClient(base_url=sandbox.base_url) as admin:
                await admin.post("/_sandbox/oauth/revoke-all")
            clock.advance(3600)
            held = await sender.send_due()
            assert held.delivered == 0
            assert [type(o.error) for o in held.outcomes] == [ReconnectNeeded]
            assert manager.snapshot.status is ConnectionStatus.RECONNECT_NEEDED
            assert await journal.pending_count() == 1
            assert sandbox.logged_calls() == []

            await manager.connect_oauth(open_browser=consent_without_browser, timeout=10)
            sender = OutboxSender(
                journal,
                HubSpotService(http, manager.active_tokens, base_url=sandbox.base_url),
            )
            report = await sender.send_due(include_future=True)
        assert report.delivered == 1
        assert await journal.pending_count() == 0
        assert [b["externalCallId"] for b in sandbox.logged_calls()] == [call.external_call_id]
    finally:
        await journal.close()
        await manager.aclose()
    database = await asyncio.to_thread(
        lambda: b"".join(p.read_bytes() for p in tmp_path.glob("journal.sqlite3*"))
    )
    assert old_refresh is not None
    for value in (old_refresh, store.get(refresh_token_entry())):
        assert value is not None and value.reveal().encode() not in database
