"""Each call remembers its portal: an agency agent switches HubSpot portals while calls wait
in the outbox, and every call still goes to the account it belongs to. The real sandbox
(one token per portal, and it records whose token each log came with), a real journal,
the app's own wiring (ConnectionManager, its active provider, open_runtime)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.desk_types import DeskUpdate, ManualLog, TokenState, UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, Fault, SandboxServer
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import MetadataFile
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.services.runtime import DeskRuntime, open_runtime
from hubcall_desktop.services.tokens import KeyringToken, PortalTokens

from .memory_keyring import MemoryKeyring

ANNA = "+493055501234"
ACME, BETA = "acme", "beta"  # the agent's portal keys
TOKEN_ACME, TOKEN_BETA = "pat-acme-0001", "pat-beta-0002"
ACME_ID, BETA_ID = 900_000_001, 900_000_002  # their HubSpot account ids


@dataclass
class Agency:
    sandbox: SandboxServer
    store: SecretStore
    manager: ConnectionManager
    tokens: PortalTokens
    settings: Settings
    runtime: DeskRuntime
    updates: list[DeskUpdate]

    async def switch_to(self, portal: str) -> None:
        """What the settings' portal switch does: settings, then the manager (which works
        the app's provider out again)."""
        self.settings.active_portal = portal
        await self.manager.set_portal(portal)

    async def send(self) -> None:
        """One outbox pass over everything pending (the app's loop is not started, so
        nothing goes out before the test says so)."""
        await self.runtime.desk.outbox.one_pass(include_future=True)

    def logged_ids(self, portal_id: int | None = None) -> list[str]:
        return [body["externalCallId"] for body in self.sandbox.logged_calls(portal_id)]


@pytest.fixture
async def agency(tmp_path: Path) -> AsyncIterator[Agency]:
    async with SandboxServer(portal_tokens={TOKEN_ACME: ACME_ID, TOKEN_BETA: BETA_ID}) as sandbox:
        store = SecretStore(backend=MemoryKeyring(), environ={})
        manager = ConnectionManager(
            AsyncSecretStore(store),
            MetadataFile(tmp_path / "oauth.json"),
            api_base=sandbox.base_url,
            portal=BETA,
            environ={},
        )
        assert (await manager.connect_private_token(TOKEN_BETA)).portal_id == BETA_ID
        await manager.set_portal(ACME)
        assert (await manager.connect_private_token(TOKEN_ACME)).portal_id == ACME_ID
        settings = demo_settings("DE")
        settings.active_portal = ACME
        tokens = manager.active_tokens
        runtime = await open_runtime(
            tmp_path / "journal.sqlite3",
            settings,
            tokens,
            api_base=sandbox.base_url,
            api_version="v3",
            retry_policy=NO_RETRY,
            tokens_for=manager.tokens_for,
        )
        updates: list[DeskUpdate] = []
        runtime.desk.add_listener(updates.append)
        sandbox.reset()  # the connection checks above are not what the tests count
        try:
            yield Agency(sandbox, store, manager, tokens, settings, runtime, updates)
        finally:
            await runtime.close()
            await manager.aclose()


async def ring_and_log(agency: Agency, source_call_id: str) -> str:
    """A softphone call rings, is answered, ends; the agent logs it. Returns its id."""
    desk = agency.runtime.desk
    call_id = ""
    for kind in (EventKind.RINGING, EventKind.ANSWERED, EventKind.ENDED):
        event = make_event(
            kind,
            CallSource.DEMO,
            source_call_id=source_call_id,
            raw_from=ANNA,
            raw_to=DEMO_AGENT_NUMBER,
            at=utc_now(),
            reason=EndReason.HUNG_UP if kind is EventKind.ENDED else None,
            region="DE",
        )
        call_id = await desk.handle_event(event)
    await desk.log_call(call_id, CallStatus.COMPLETED, "Asked about the invoice")
    return call_id


async def log_manually(agency: Agency, resubmit: str | None = None) -> str:
    """The agent types a call in; it is queued (the form stops waiting at once)."""
    request = ManualLog(
        from_text=ANNA,
        to_text=DEMO_AGENT_NUMBER,
        status=CallStatus.COMPLETED,
        started_at=utc_now() - timedelta(minutes=5),
        duration_seconds=60,
        external_call_id=resubmit,
    )
    result = await agency.runtime.desk.log_manual(request, wait_s=0)
    assert result.queued and not result.delivered
    return result.call.external_call_id


async def portal_of(agency: Agency, call_id: str) -> str | None:
    call = await agency.runtime.journal.get_call(call_id)
    assert call is not None
    return call.portal


async def test_calls_queued_for_one_portal_go_out_with_its_token_after_a_switch(
    agency: Agency,
) -> None:
    journal = agency.runtime.journal
    rung = await ring_and_log(agency, "sip-acme-1")
    typed = await log_manually(agency)
    assert [await portal_of(agency, c) for c in (rung, typed)] == [ACME, ACME]

    await agency.switch_to(BETA)
    later = await log_manually(agency)
    assert await portal_of(agency, later) == BETA
    assert agency.logged_ids() == []  # all three still wait in the outbox

    await agency.send()
    assert sorted(agency.logged_ids(ACME_ID)) == sorted([rung, typed])
    assert agency.logged_ids(BETA_ID) == [later]
    assert await journal.pending_count() == 0
    for call_id in (rung, typed, later):
        call = await journal.get_call(call_id)
        assert call is not None and call.sync_state is SyncState.LOGGED
    # The call keeps its portal through every later save.
    assert [await portal_of(agency, c) for c in (rung, typed, later)] == [ACME, ACME, BETA]


async def test_a_logged_out_portals_call_waits_with_a_sentence_then_goes_after_reconnecting(
    agency: Agency,
) -> None:
    journal = agency.runtime.journal
    call_id = await ring_and_log(agency, "sip-acme-2")
    await agency.manager.logout()  # the agent disconnects acme ...
    await agency.switch_to(BETA)  # ... and works for beta

    await agency.send()
    assert agency.logged_ids() == []
    call = await journal.get_call(call_id)
    assert call is not None and call.sync_state is SyncState.PENDING
    (entry,) = await journal.outbox_entries(call_id)
    assert entry.state.value == "pending"
    sentence = entry.last_error["sentence"] if entry.last_error else ""
    assert "portal 'acme'" in sentence and "connect it again" in sentence
    sync = [u for u in agency.updates if u.kind is UpdateKind.SYNC and u.error]
    assert sync[-1].call.external_call_id == call_id and sync[-1].error == sentence
    # Beta's own connection is fine: the status bar must not say its token is missing.
    assert agency.runtime.desk.current_status().token is not TokenState.MISSING

    # A beta call goes out meanwhile; the acme call keeps waiting.
    beta_call = await log_manually(agency)
    await agency.send()
    assert agency.logged_ids(BETA_ID) == [beta_call]
    assert await journal.pending_count() == 1

    await agency.switch_to(ACME)  # reconnect acme in the settings, then back to beta
    await agency.manager.connect_private_token(TOKEN_ACME)
    await agency.switch_to(BETA)
    await agency.send()
    assert agency.logged_ids(ACME_ID) == [call_id]
    assert agency.logged_ids(BETA_ID) == [beta_call]
    assert await journal.pending_count() == 0


async def test_a_refused_manual_call_resubmitted_later_stays_in_its_portal(
    agency: Agency,
) -> None:
    journal = agency.runtime.journal
    call_id = await log_manually(agency)
    (entry,) = await journal.outbox_entries(call_id)  # HubSpot refused it (a 400, say)
    await journal.mark_sending(entry.id)
    await journal.mark_failed(entry.id, {"status": 400, "message": "bad notes"})
    call = await journal.get_call(call_id)
    assert call is not None and call.sync_state is SyncState.FAILED

    await agency.switch_to(BETA)
    assert await log_manually(agency, resubmit=call_id) == call_id  # the form sends it again
    assert await portal_of(agency, call_id) == ACME
    await agency.send()
    assert agency.logged_ids(ACME_ID) == [call_id]
    assert agency.logged_ids(BETA_ID) == []


async def test_calls_journaled_before_portals_go_with_the_active_portal(agency: Agency) -> None:
    journal = agency.runtime.journal
    old = Call(
        raw_from=ANNA,
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone(ANNA),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        source=CallSource.WEBHOOK,
        started_at=utc_now() - timedelta(days=1),
        duration_seconds=30,
        final_status=CallStatus.COMPLETED,
    )
    assert old.portal is None  # as a call from a journal of schema version 1
    await journal.enqueue_log(old, build_log_body(old))
    await agency.switch_to(BETA)
    await agency.send()
    assert agency.logged_ids(BETA_ID) == [old.external_call_id]
    assert agency.logged_ids(ACME_ID) == []
    assert await portal_of(agency, old.external_call_id) is None


async def test_a_refused_token_of_another_portal_is_read_again_not_the_active_ones(
    agency: Agency,
) -> None:
    call_id = await ring_and_log(agency, "sip-acme-3")
    await agency.switch_to(BETA)
    heard: list[object] = []
    forward = agency.tokens.on_auth_error

    async def active_hook(error: object) -> None:  # the hook the service has for beta
        heard.append(error)
        await forward(error)

    agency.tokens.on_auth_error = active_hook  # type: ignore[method-assign]
    # acme's token was replaced elsewhere (e.g. the command line) by one HubSpot refuses.
    agency.store.set_access_token("pat-acme-revoked", ACME)
    await agency.send()
    (entry,) = await agency.runtime.journal.outbox_entries(call_id)
    assert entry.last_error is not None and entry.last_error["status"] == 401
    assert entry.state.value == "pending"
    assert heard == []  # beta's token was not the one refused
    acme = agency.manager.provider_for(ACME).provider
    assert isinstance(acme, KeyringToken) and acme.refused  # acme's own provider heard it

    # The agent pastes the right token again: acme's provider forgot the refused one,
    # so the next pass reads the keyring again (a kept token would be refused again).
    agency.store.set_access_token(TOKEN_ACME, ACME)
    await agency.send()
    assert agency.logged_ids(ACME_ID) == [call_id]
    assert heard == [] and not acme.refused


async def test_hubspot_out_of_reach_for_another_portals_call_is_shown(agency: Agency) -> None:
    """Another portal's token says nothing about the active connection, but HubSpot being
    out of reach concerns every portal: the status says so."""
    call_id = await ring_and_log(agency, "sip-acme-4")
    async with asyncio.timeout(5):  # the caller's lookup went first: the fault hits the log
        await agency.sandbox.wait_for(lambda requests: len(requests) >= 1)
    await agency.switch_to(BETA)
    agency.sandbox.faults.add(Fault.drop())
    await agency.send()
    assert agency.runtime.desk.current_status().reachable is False
    (entry,) = await agency.runtime.journal.outbox_entries(call_id)
    assert entry.state.value == "pending"
