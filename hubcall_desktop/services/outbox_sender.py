"""Sends what the outbox holds, once per call, and keeps the rest safe for later.

The journal commits a log request before it goes on the wire (``mark_sending``) and marks
it delivered only after HubSpot's 2xx. If the process dies between HubSpot accepting and
our commit, the entry is found ``sending`` at start-up and sent again: that window is the
one place a duplicate is possible (see README, "Delivery guarantees").

One sender per data dir, whoever it is (the app, ``sync``, ``log``): every pass runs
under the data dir's :class:`~hubcall_desktop.storage.sender_lock.SenderLock`, crash
recovery too, and every entry is read again under the lock before it goes out, so an
entry another process sent (or is sending) is never sent again.

Each call goes to the HubSpot portal it belongs to: with ``tokens_for`` given, an entry
is sent with the token of its call's portal, not the active one's, so switching portals
while calls wait cannot send them to the wrong account. A portal that is no longer
connected keeps its calls queued, with a sentence naming it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hubcall_desktop.core.call import Call, utc_now
from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.messages import Template
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotError,
    HubSpotRateLimited,
    HubSpotScopeError,
)
from hubcall_desktop.hubspot.service import HubSpotService, TokenProvider
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.contact_writes import ContactWrites
from hubcall_desktop.storage.journal import OutboxEntry
from hubcall_desktop.storage.outbox import OutboxState
from hubcall_desktop.storage.sender_lock import SenderLock

logger = logging.getLogger(__name__)

FIRST_RETRY_S = 30.0
MAX_RETRY_S = 3600.0
DAILY_LIMIT_RETRY_S = 3600.0
RECONNECT_RETRY_S = 300.0
# How long a pass waits for another process's pass to finish before giving up (the app
# then tries again at its next pass; ``sync`` and ``log`` say who is sending).
LOCK_WAIT_S = 10.0

# The token provider for a call's portal key; ``None`` (or the service's own provider)
# means the active portal's. See ``ConnectionManager.tokens_for``.
TokensFor = Callable[[str | None], TokenProvider | None]


# fmt: off
PORTAL_NOT_CONNECTED = Template("outbox.portal_not_connected", "This call belongs to HubSpot portal %1, which is not connected now; connect it again to send the call. It stays queued until then.")
# fmt: on


class PortalNotConnected(ConfigurationError):
    """A queued call's portal has no connection here (logged out, never connected, or
    HubSpot wants a reconnect); the call waits for it."""

    def __init__(self, portal: str) -> None:
        super().__init__(PORTAL_NOT_CONNECTED(repr(portal)))
        self.portal = portal


def next_retry_delay(attempts: int, rng: Callable[[], float] = random.random) -> float:
    """30 s, 1 min, 2 min, ... up to an hour, with ±20 % jitter so a backlog of calls
    queued together does not hit HubSpot in lockstep."""
    base = min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1))
    return float(base * (0.8 + 0.4 * rng()))


@dataclass(slots=True)
class SendOutcome:
    entry_id: int
    external_call_id: str
    delivered: bool
    error: UserError | None = None
    permanent: bool = False
    portal: str | None = None  # the call's portal when it is not the active one
    skipped: bool = False  # another sender had already settled or taken the entry
    call: Call | None = None  # the call as the journal holds it after a delivery, if read


@dataclass(slots=True)
class SyncReport:
    delivered: int = 0
    failed: int = 0
    still_pending: int = 0
    outcomes: list[SendOutcome] = field(default_factory=list)
    recovered: list[OutboxEntry] = field(default_factory=list)  # a crash left them sending

    def to_json(self) -> dict[str, Any]:
        return {
            "delivered": self.delivered,
            "failed": self.failed,
            "pending": self.still_pending,
            "errors": [
                {
                    "externalCallId": o.external_call_id,
                    **({"portal": o.portal} if o.portal is not None else {}),
                    **_error_json(o.error),
                }
                for o in self.outcomes
                if o.error is not None
            ],
        }


def _error_json(error: UserError) -> dict[str, Any]:
    if isinstance(error, HubSpotError):
        return error.to_json()
    return {"error": type(error).__name__, "sentence": error.user_message}


class OutboxSender:
    """Moves outbox entries to HubSpot; one entry is never sent by two tasks at once."""

    def __init__(
        self,
        journal: AsyncJournal,
        service: HubSpotService,
        *,
        clock: Callable[[], datetime] = utc_now,
        tokens_for: TokensFor | None = None,
        lock: SenderLock | None = None,
        lock_wait_s: float = LOCK_WAIT_S,
    ) -> None:
        self._journal = journal
        self._service = service
        self._clock = clock
        self._tokens_for = tokens_for
        self._lock = asyncio.Lock()  # this process's tasks, before the file lock
        self.sender_lock = lock or SenderLock.beside(journal.path)
        self.lock_wait_s = lock_wait_s

    @contextlib.asynccontextmanager
    async def _sending(self) -> AsyncIterator[None]:
        """This process's lock, then the data dir's; ``SenderBusy`` when another process
        holds it past ``lock_wait_s``."""
        async with self._lock, self.sender_lock.held(self.lock_wait_s):
            yield

    async def recover_interrupted(self) -> list[OutboxEntry]:
        """Entries a crash left ``sending`` go back to ``pending``. Under the lock: an
        entry another process is sending right now is not interrupted, it is in flight."""
        async with self._sending():
            return await self._journal.recover_interrupted()

    async def send_entry(self, entry: OutboxEntry) -> SendOutcome:
        async with self._sending():
            return await self._send(entry)

    async def send_due(self, *, include_future: bool = False, recover: bool = False) -> SyncReport:
        """Send every entry that is due (or all pending ones, for ``sync``); with
        ``recover``, first put back what a crash left ``sending`` (same lock hold)."""
        report = SyncReport()
        async with self._sending():
            if recover:
                report.recovered = await self._journal.recover_interrupted()
            horizon = self._clock() + (timedelta(days=36500) if include_future else timedelta())
            seen: set[int] = set()
            limit = 20
            while True:
                due = await self._journal.due_entries(horizon, limit)
                batch = [e for e in due if e.id not in seen]
                for entry in batch:
                    seen.add(entry.id)
                    outcome = await self._send(entry)
                    if outcome.skipped:
                        continue
                    report.outcomes.append(outcome)
                    if outcome.delivered:
                        report.delivered += 1
                    elif outcome.permanent:
                        report.failed += 1
                if not batch or len(due) < limit:
                    break  # that was all; a call queued meanwhile wakes the next pass
                limit = len(seen) + 20
        report.still_pending = await self._journal.pending_count()
        return report

    async def _send(self, entry: OutboxEntry) -> SendOutcome:
        # Read again under the lock: the entry in hand may be stale (``log`` queued it
        # before taking the lock, and the app's pass may have sent it meanwhile).
        current = await self._journal.get_entry(entry.id)
        if current is None or current.state is not OutboxState.PENDING:
            state = None if current is None else current.state
            logger.info(  # pragma: no mutate
                "call %s is %s already; not sent again",  # pragma: no mutate
                entry.external_call_id,  # pragma: no mutate
                state,  # pragma: no mutate
            )
            delivered = state is OutboxState.DELIVERED
            return SendOutcome(entry.id, entry.external_call_id, delivered, skipped=True)
        entry = current
        if await ContactWrites(self._journal).unsettled_for_call(entry.external_call_id):
            # HubSpot matches the caller when the call is logged: the contact being
            # created for this call goes first, and the call waits for a later pass.
            logger.info(  # pragma: no mutate
                "call %s waits for its new contact",  # pragma: no mutate
                entry.external_call_id,  # pragma: no mutate
            )
            return SendOutcome(entry.id, entry.external_call_id, False, skipped=True)
        await self._journal.mark_sending(entry.id)
        portal: str | None = None
        tokens: TokenProvider | None = None  # None: the service's own (the active portal's)
        try:
            portal = await self._portal_of(entry)
            tokens = self._provider_for(portal)
            matches = await self._service.send_log_body(entry.body, tokens=tokens)
        except HubSpotError as error:
            return await self._after_failure(entry, error, portal if tokens is not None else None)
        except UserError as error:
            # Not HubSpot's answer but ours: no usable token (reconnect needed, keyring
            # locked). The call waits in the outbox for the agent to fix the connection.
            no_token = isinstance(error, NoTokenError | ReconnectNeeded)
            if portal is not None and tokens is not None and no_token:
                error = PortalNotConnected(portal)
            await self._journal.mark_retry(
                entry.id,
                {"error": type(error).__name__, "sentence": error.user_message},
                self._clock() + timedelta(seconds=RECONNECT_RETRY_S),
            )
            logger.warning(  # pragma: no mutate
                "call %s stays queued: %s",  # pragma: no mutate
                entry.external_call_id,  # pragma: no mutate
                error,  # pragma: no mutate
            )
            foreign = portal if tokens is not None else None
            return SendOutcome(entry.id, entry.external_call_id, False, error, portal=foreign)
        except Exception as error:  # a bug must not strand the entry in 'sending'
            logger.exception(  # pragma: no mutate
                "unexpected error while sending call %s",  # pragma: no mutate
                entry.external_call_id,  # pragma: no mutate
            )
            await self._journal.mark_retry(
                entry.id, {"error": type(error).__name__}, self._later(entry.attempts + 1)
            )
            raise
        await self._journal.mark_delivered(entry.id)
        call = await self._remember_matches(entry.external_call_id, matches)
        logger.info("call %s logged in HubSpot", entry.external_call_id)  # pragma: no mutate
        foreign = portal if tokens is not None else None
        return SendOutcome(
            entry.id, entry.external_call_id, delivered=True, portal=foreign, call=call
        )

    async def _portal_of(self, entry: OutboxEntry) -> str | None:
        """The portal the entry's call belongs to; ``None`` for calls journaled before
        portals were remembered (they go with the active portal)."""
        if self._tokens_for is None:
            return None
        call = await self._journal.get_call(entry.external_call_id)
        return None if call is None else call.portal

    def _provider_for(self, portal: str | None) -> TokenProvider | None:
        """That portal's provider, or ``None`` when it is the active portal's."""
        if portal is None or self._tokens_for is None:
            return None
        tokens = self._tokens_for(portal)
        return None if tokens is None or tokens is self._service.tokens else tokens

    async def _remember_matches(
        self, external_call_id: str, matches: list[CallerMatch]
    ) -> Call | None:
        """A call logged without a lookup (manual, CLI) learns who it was from the answer.
        Returns the call as now journaled when it was read (``None``: not read)."""
        if not matches:
            return None
        call = await self._journal.get_call(external_call_id)
        if call is not None and not call.matches:
            call.matches = matches
            await self._journal.save_call(call)
        return call

    async def _after_failure(
        self, entry: OutboxEntry, error: HubSpotError, portal: str | None
    ) -> SendOutcome:
        attempts = entry.attempts + 1
        if isinstance(error, HubSpotRateLimited) and error.daily:
            when = self._clock() + timedelta(seconds=DAILY_LIMIT_RETRY_S)
        elif isinstance(error, HubSpotAuthError | HubSpotScopeError):
            # Not the call's fault: it waits for the agent to reconnect, then goes out.
            when = self._clock() + timedelta(seconds=RECONNECT_RETRY_S)
        elif error.transient:
            when = self._later(attempts)
        else:
            await self._journal.mark_failed(entry.id, error.to_json())
            logger.warning("HubSpot refused call %s: %s", entry.external_call_id, error)
            return SendOutcome(
                entry.id, entry.external_call_id, False, error, permanent=True, portal=portal
            )
        await self._journal.mark_retry(entry.id, error.to_json(), when)
        logger.info("call %s stays queued: %s", entry.external_call_id, error)
        return SendOutcome(entry.id, entry.external_call_id, False, error, portal=portal)

    def _later(self, attempts: int) -> datetime:
        return self._clock() + timedelta(seconds=next_retry_delay(attempts))
