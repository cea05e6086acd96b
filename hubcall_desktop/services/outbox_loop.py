"""Runs the outbox sender in the app and tells the desk how each call's log went.

:class:`~hubcall_desktop.services.outbox_sender.OutboxSender` sends; this loop decides
when (a call was queued, the token was replaced, or every ``idle_check_s``), turns each
outcome into a :class:`DeskUpdate` for the windows, keeps the pending count, and lets the
manual form wait for the answer to the one call it submitted. Only this loop sends in the
app, and each pass holds the data dir's sender lock, so neither another task nor another
process (``sync``, ``log``, a second app on the same data dir) sends an entry twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.hubspot.errors import HubSpotError, HubSpotUnreachable
from hubcall_desktop.hubspot.service import HubSpotService
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_sender import OutboxSender, SendOutcome, TokensFor
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.journal import OutboxEntry
from hubcall_desktop.storage.sender_lock import SenderBusy

logger = logging.getLogger(__name__)

IDLE_CHECK_S = 30.0
# The app does not wait long for another process's pass (a ``sync`` from a script): it
# tries again this much later, so its own calls are not held up behind a long wait.
APP_LOCK_WAIT_S = 1.0
BUSY_RETRY_S = 2.0

OutcomeHandler = Callable[[DeskUpdate], Awaitable[None]]


class OutboxLoop:
    def __init__(
        self,
        journal: AsyncJournal,
        service: HubSpotService,
        status: StatusKeeper,
        *,
        clock: Callable[[], datetime] = utc_now,
        idle_check_s: float = IDLE_CHECK_S,
        tokens_for: TokensFor | None = None,
    ) -> None:
        self._journal = journal
        self.sender = OutboxSender(
            journal, service, clock=clock, tokens_for=tokens_for, lock_wait_s=APP_LOCK_WAIT_S
        )
        self._status = status
        self._idle_check_s = idle_check_s
        self._wake = asyncio.Event()
        self._everything = False  # next pass sends future retries too (token replaced)
        self._recover = False  # next pass first recovers entries a crash left 'sending'
        self._waiters: dict[str, list[asyncio.Future[SendOutcome]]] = {}
        self.on_outcome: OutcomeHandler | None = None

    async def run(self) -> None:
        """Send what is due, then sleep until woken or ``idle_check_s`` passed; forever."""
        await self.refresh_pending()
        while True:
            self._wake.clear()
            everything, self._everything = self._everything, False
            busy = not await self.one_pass(include_future=everything)
            if busy:
                self._everything = self._everything or everything
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation
            # that arrives as the event is set, and the loop would then never stop.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(BUSY_RETRY_S if busy else self._idle_check_s):
                    await self._wake.wait()

    async def recover_interrupted(self) -> list[OutboxEntry]:
        """At start-up: entries a crash left ``sending`` go back to ``pending``, under the
        sender lock. While another process holds it, its ``sending`` entries are in
        flight, not interrupted: the recovery waits for a later pass."""
        try:
            return await self.sender.recover_interrupted()
        except SenderBusy:
            logger.info(  # pragma: no mutate
                "another process is sending the outbox; recovery waits for it"  # pragma: no mutate
            )
            self._recover = True
            return []

    async def one_pass(self, *, include_future: bool = False) -> bool:
        """One pass; ``False`` when another process held the sender lock (try soon)."""
        try:
            report = await self.sender.send_due(
                include_future=include_future, recover=self._recover
            )
        except SenderBusy:
            logger.info(  # pragma: no mutate
                "another process is sending the outbox; trying again shortly"  # pragma: no mutate
            )
            self._recover = True  # it may stop before it is done: recover what it left
            await self.refresh_pending()
            return False
        except UserError as error:  # no token, keyring locked: the entries wait
            logger.warning("outbox pass stopped: %s", error.user_message)  # pragma: no mutate
            self._status.after_error(error)
            self._fail_waiters(error)
        except Exception:
            logger.exception("outbox pass failed; trying again later")  # pragma: no mutate
        else:
            self._recover = False
            if report.recovered:
                logger.warning(  # pragma: no mutate
                    "%d log requests were interrupted; they are sent again",  # pragma: no mutate
                    len(report.recovered),  # pragma: no mutate
                )
            for outcome in report.outcomes:
                await self._settle(outcome)
            self._status.set_pending(report.still_pending)  # counted at the pass's end
            return True
        await self.refresh_pending()
        return True

    async def queued(self, added: int = 1) -> None:
        """``added`` calls were queued (0: one waiting can go now): count them, send now.
        Counted here, not asked of the journal: the pass this wakes counts again."""
        if added:
            self._status.set_pending(self._status.current.pending + added)
        self._wake.set()

    def retry_now(self) -> None:
        """Send everything pending now, waiting retries too (the token was replaced)."""
        self._everything = True
        self._wake.set()

    async def refresh_pending(self) -> None:
        self._status.set_pending(await self._journal.pending_count())

    def expect(self, call_id: str) -> asyncio.Future[SendOutcome]:
        """A future for the next outcome of ``call_id``'s log request."""
        future: asyncio.Future[SendOutcome] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(call_id, []).append(future)
        return future

    def forget(self, call_id: str, future: asyncio.Future[SendOutcome]) -> None:
        waiters = self._waiters.get(call_id, [])
        if future in waiters:
            waiters.remove(future)
        if not waiters:
            self._waiters.pop(call_id, None)

    async def _settle(self, outcome: SendOutcome) -> None:
        if outcome.portal is not None:
            # Another portal's token says nothing about the active connection; only
            # whether HubSpot can be reached at all concerns every portal.
            if isinstance(outcome.error, HubSpotUnreachable):
                self._status.after_error(outcome.error)
        elif outcome.delivered:
            self._status.after_success()
        elif outcome.error is not None:
            self._status.after_error(outcome.error)
        for future in self._waiters.pop(outcome.external_call_id, []):
            if not future.done():
                future.set_result(outcome)
        if self.on_outcome is None:
            return
        call = outcome.call or await self._journal.get_call(outcome.external_call_id)
        if call is None:
            return
        error = outcome.error
        await self.on_outcome(
            DeskUpdate(
                UpdateKind.SYNC,
                call,
                error=error.user_message if error is not None else "",
                error_fields=error.details.fields if isinstance(error, HubSpotError) else (),
            )
        )

    def _fail_waiters(self, error: UserError) -> None:
        waiters, self._waiters = self._waiters, {}
        for futures in waiters.values():
            for future in futures:
                if not future.done():
                    future.set_exception(error)
