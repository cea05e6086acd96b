"""Create a HubSpot contact for a caller HubSpot does not know, journaled first.

What the agent typed is checked (:class:`ContactDraft`), committed to the journal as a
pending contact write, then sent under the data dir's sender lock, like a call in the
outbox and with its retry rules (``outbox_sender``): transient failures wait 30 s, 1 min,
2 min ... (after the service's own tenacity retries), a missing token or scope waits for a
reconnect, a refusal is final. After HubSpot's 201 the call the contact was made for gets
the new contact as its first match, so the pop-up, the history and the next call from the
number (the journal's last match) show it, and HubSpot matches it when the call is logged.
A 409 (the e-mail address exists) is kept as a duplicate with the existing contact's id,
for a link to it.

What a draft needs and what an outcome holds: core.contacts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.contacts import (
    ContactDraft,
    ContactOutcome,
    ContactWrite,
    Result,
    WriteState,
)
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.matches import CONTACT_TYPE_ID, CallerMatch, ObjectCoordinates
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotError,
    HubSpotRateLimited,
    HubSpotScopeError,
)
from hubcall_desktop.hubspot.service import HubSpotService
from hubcall_desktop.services.outbox_sender import (
    DAILY_LIMIT_RETRY_S,
    LOCK_WAIT_S,
    RECONNECT_RETRY_S,
    TokensFor,
    next_retry_delay,
)
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.contact_writes import ContactWrites
from hubcall_desktop.storage.sender_lock import SenderBusy, SenderLock

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class ContactCreator:
    """Journals and sends contact creations; one sender per data dir (the outbox's lock)."""

    writes: ContactWrites
    journal: AsyncJournal
    service: HubSpotService
    portal_id: Callable[[], int | None] = lambda: None  # the active portal's (settings)
    clock: Callable[[], datetime] = utc_now
    tokens_for: TokensFor | None = None
    lock_wait_s: float = LOCK_WAIT_S
    # Told when a write is settled: a call waiting for its contact can be logged now.
    after_settled: Callable[[], Awaitable[None]] | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _sender_lock: SenderLock | None = None
    _known_portal_id: int | None = None

    @property
    def sender_lock(self) -> SenderLock:
        if self._sender_lock is None:
            self._sender_lock = SenderLock.beside(self.journal.path)
        return self._sender_lock

    async def create(
        self,
        draft: ContactDraft,
        region: str,
        *,
        external_call_id: str | None = None,
        portal: str | None = None,
    ) -> ContactOutcome:
        """Journal the contact, then send it. ``StorageError`` when the journal refuses;
        ``ValueError`` for a draft with problems (a bug: the form sends none)."""
        problems = draft.problems(region)
        if problems:
            raise ValueError(f"the draft has problems: {sorted(problems)}")
        write = await self.writes.add(
            draft.properties(region),
            self.clock(),
            external_call_id=external_call_id,
            portal=portal,
        )
        logger.info("contact write %d journaled", write.id)
        return await self.send(write)

    async def send(self, write: ContactWrite) -> ContactOutcome:
        try:
            async with self._lock, self.sender_lock.held(self.lock_wait_s):
                return await self._send(write)
        except SenderBusy:
            logger.info("contact write %d waits: another process is sending", write.id)
            return ContactOutcome(Result.QUEUED, write)

    async def recover_interrupted(self) -> list[ContactWrite]:
        async with self._lock, self.sender_lock.held(self.lock_wait_s):
            return await self.writes.recover_interrupted(self.clock())

    async def send_due(self, *, include_future: bool = False) -> list[ContactOutcome]:
        """Send what is due (or, for ``contact sync``, everything pending)."""
        horizon = self.clock() + (timedelta(days=36500) if include_future else timedelta())
        return [await self.send(write) for write in await self.writes.due(horizon)]

    async def run_forever(self, idle_s: float = 60.0) -> None:
        """Start-up recovery, then every ``idle_s`` whatever is due (queued writes)."""
        with contextlib.suppress(SenderBusy):
            recovered = await self.recover_interrupted()
            if recovered:
                logger.warning("%d contact writes were interrupted; sent again", len(recovered))
        while True:
            try:
                await self.send_due()
            except Exception:
                logger.exception("contact pass failed; trying again later")
            await asyncio.sleep(idle_s)

    async def _send(self, write: ContactWrite) -> ContactOutcome:
        current = await self.writes.get(write.id)  # again, under the lock
        if current is None or current.state is not WriteState.PENDING:
            logger.info("contact write %d is %s already", write.id, current and current.state)
            return self._settled(current or write)
        now = self.clock()
        write = await self.writes.move(write.id, WriteState.SENDING, now)
        tokens = None
        if self.tokens_for is not None and write.portal is not None:
            provider = self.tokens_for(write.portal)
            tokens = None if provider is self.service.tokens else provider
        try:
            made = await self.service.create_contact(write.properties, tokens=tokens)
        except HubSpotError as error:
            return await self._after_failure(write, error)
        except UserError as error:  # no usable token: waits for a reconnect
            later = self.clock() + timedelta(seconds=RECONNECT_RETRY_S)
            write = await self.writes.move(
                write.id,
                WriteState.PENDING,
                self.clock(),
                error=_json(error),
                next_attempt_at=later,
            )
            return ContactOutcome(Result.QUEUED, write, error=error)
        except BaseException:  # a bug or a cancel must not strand the entry in 'sending'
            await self.writes.move(
                write.id, WriteState.PENDING, self.clock(), error={"error": "interrupted"}
            )
            raise
        state = WriteState.DUPLICATE if made.existing else WriteState.CREATED
        write = await self.writes.move(write.id, state, self.clock(), contact_id=made.contact_id)
        match = await self._match(write)
        if state is WriteState.CREATED and match is not None:
            await self._remember(write, match)
        logger.info("contact write %d: %s (id %s)", write.id, state, made.contact_id)
        await self._tell_settled()
        return self._settled(write, match)

    def _settled(self, write: ContactWrite, match: CallerMatch | None = None) -> ContactOutcome:
        result = {
            WriteState.CREATED: Result.CREATED,
            WriteState.DUPLICATE: Result.DUPLICATE,
            WriteState.FAILED: Result.FAILED,
        }.get(write.state, Result.QUEUED)
        return ContactOutcome(result, write, match)

    async def _after_failure(self, write: ContactWrite, error: HubSpotError) -> ContactOutcome:
        now = self.clock()
        if isinstance(error, HubSpotRateLimited) and error.daily:
            later = now + timedelta(seconds=DAILY_LIMIT_RETRY_S)
        elif isinstance(error, HubSpotAuthError | HubSpotScopeError):
            later = now + timedelta(seconds=RECONNECT_RETRY_S)
        elif error.transient:
            later = now + timedelta(seconds=next_retry_delay(write.attempts + 1))
        else:
            failed = await self.writes.move(write.id, WriteState.FAILED, now, error=_json(error))
            logger.warning("HubSpot refused contact write %d: %s", write.id, error)
            await self._tell_settled()
            return ContactOutcome(Result.FAILED, failed, error=error)
        write = await self.writes.move(
            write.id, WriteState.PENDING, now, error=_json(error), next_attempt_at=later
        )
        logger.info("contact write %d stays queued: %s", write.id, error)
        return ContactOutcome(Result.QUEUED, write, error=error)

    async def _tell_settled(self) -> None:
        if self.after_settled is not None:
            try:
                await self.after_settled()
            except Exception:  # the contact is settled either way; the outbox looks later
                logger.exception("could not tell that a contact write is settled")

    async def _match(self, write: ContactWrite) -> CallerMatch | None:
        """The contact as a caller match (for the pop-up and its record link)."""
        if write.contact_id is None:
            return None
        portal_id = await self._portal_id()
        if portal_id is None:
            return None
        props = write.properties if write.state is WriteState.CREATED else {}
        return CallerMatch(
            kind="CONTACT",
            coordinates=ObjectCoordinates(write.contact_id, CONTACT_TYPE_ID, portal_id),
            first_name=props.get("firstname") or None,
            last_name=props.get("lastname") or None,
            email=props.get("email") or None,
        )

    async def _portal_id(self) -> int | None:
        known = self.portal_id() or self._known_portal_id
        if known is None:
            try:
                known = (await self.service.account_details()).portal_id
            except UserError as error:
                logger.warning("no portal id for the contact's link: %s", error)
                return None
            self._known_portal_id = known
        return known

    async def _remember(self, write: ContactWrite, match: CallerMatch) -> None:
        """The call gets the contact as its first match: the journal's last match for
        the number, the pop-up and the history show it."""
        if write.external_call_id is None:
            return
        call = await self.journal.get_call(write.external_call_id)
        if call is None:
            return
        others = [m for m in call.matches if m.coordinates != match.coordinates]
        call.matches = [match, *others]
        await self.journal.save_call(call)


def _json(error: UserError) -> dict[str, object]:
    if isinstance(error, HubSpotError):
        return error.to_json()
    return {"error": type(error).__name__, "sentence": error.user_message}
