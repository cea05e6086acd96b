"""Builds the running desk: the journal, one HTTP client, the HubSpot service, the desk.

Used by the desktop app and the terminal demo alike, so both run the same code path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import httpx

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, TokenProvider, build_client
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.services.outbox_sender import TokensFor
from hubcall_desktop.services.outcomes import catalog_for
from hubcall_desktop.storage.async_journal import AsyncJournal

logger = logging.getLogger(__name__)

# A ringing call cannot wait for long retries: the pop-up already shows the journal's
# last match, and the outbox retries logging on its own schedule.
APP_RETRY = RetryPolicy(attempts=3, max_total_seconds=15.0, initial_wait=0.5, max_wait=4.0)


@dataclass(slots=True)
class DeskRuntime:
    desk: CallDesk
    journal: AsyncJournal
    client: httpx.AsyncClient

    async def close(self) -> None:
        """Stop the desk, then the client, then the journal (the last writes go first)."""
        try:
            await self.desk.close()
        finally:
            try:
                await self.client.aclose()
            finally:
                await self.journal.close()


async def open_runtime(
    journal_path: Path,
    settings: Settings,
    tokens: TokenProvider,
    *,
    api_base: str,
    api_version: str,
    retry_policy: RetryPolicy = APP_RETRY,
    transport: httpx.AsyncBaseTransport | None = None,
    tokens_for: TokensFor | None = None,
) -> DeskRuntime:
    """Open the journal and build the desk; ``start()`` it when the windows listen.

    ``tokens`` serve the active portal; ``tokens_for`` (e.g. ``ConnectionManager.tokens_for``)
    gives the provider for a queued call of another portal. Without it every call is
    sent with ``tokens``.
    """
    journal = await AsyncJournal.open(journal_path)
    client = build_client(transport)
    service = HubSpotService(
        client,
        tokens,
        base_url=api_base,
        api_version=api_version,
        pacer=RequestPacer(settings.rate_limit_per_10s),
        retry_policy=retry_policy,
    )
    outcomes = catalog_for(journal_path.parent, settings.active_portal)
    desk = CallDesk(journal, service, settings, tokens_for=tokens_for, outcomes=outcomes)
    return DeskRuntime(desk, journal, client)
