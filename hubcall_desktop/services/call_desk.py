"""The call desk: the one object the windows, the sources and the demo talk to.

It is made of parts, each in its own module: :mod:`.desk_intake` journals the sources'
events and tells observers, :mod:`.desk_wrap_up` carries out what the agent does with a
call, :mod:`.desk_manual` logs the manual form, and the outbox loop sends. The windows
use only the desk's methods (never its journal, outbox or status directly): what they
need to read (a call, its last refusal, recent calls) and what they report about the
connection goes through here, and every change comes back as a :class:`DeskUpdate`.
The journal is opened and closed by its owner (:class:`DeskRuntime`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from hubcall_desktop.core.call import Call, CallSource, utc_now
from hubcall_desktop.core.connection_types import AccountDetails
from hubcall_desktop.core.desk_types import (
    CallControl,
    DeskStatus,
    DeskUpdate,
    ManualLog,
    ManualResult,
    StatusListener,
    TokenState,
    UpdateKind,
    UpdateListener,
)
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import CallEvent
from hubcall_desktop.core.lifecycle import CallLifecycle
from hubcall_desktop.core.outcomes import DEFAULT_LIST, CallOutcome, OutcomeList
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.service import HubSpotService
from hubcall_desktop.services.desk_intake import EventIntake
from hubcall_desktop.services.desk_manual import MANUAL_WAIT_S, ManualLogging
from hubcall_desktop.services.desk_shared import DeskShared
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.desk_wrap_up import NOTES_DEBOUNCE_S, WrapUp
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.services.outbox_sender import TokensFor
from hubcall_desktop.services.outcomes import OutcomeCatalog
from hubcall_desktop.storage.async_journal import AsyncJournal

if TYPE_CHECKING:
    from hubcall_desktop.services.contact_create import ContactCreator

logger = logging.getLogger(__name__)


class CallDesk:
    """Journals call events, looks callers up, logs calls, tells observers."""

    def __init__(
        self,
        journal: AsyncJournal,
        service: HubSpotService,
        settings: Settings,
        *,
        lifecycle: CallLifecycle | None = None,
        outbox: OutboxLoop | None = None,
        clock: Callable[[], datetime] = utc_now,
        notes_debounce_s: float = NOTES_DEBOUNCE_S,
        tokens_for: TokensFor | None = None,
        outcomes: OutcomeCatalog | None = None,
    ) -> None:
        """``tokens_for`` gives the token provider of a call's portal, so the outbox logs
        each call in the portal it belongs to (see :class:`OutboxSender`). ``outcomes``
        is the portal's list of call outcomes (HubSpot's defaults without it)."""
        self.journal = journal
        self.service = service
        self.settings = settings
        self.lifecycle = lifecycle or CallLifecycle(clock=clock)
        self.status = StatusKeeper()
        self.outbox = outbox or OutboxLoop(
            journal, service, self.status, clock=clock, tokens_for=tokens_for
        )
        self.outcomes = outcomes
        self._shared = shared = DeskShared(
            journal, service, settings, self.lifecycle, self.status, self.outbox, clock, outcomes
        )
        self.outbox.on_outcome = self._after_send
        self._intake = EventIntake(
            shared, on_closed=lambda call: self._wrap_up.schedule_auto_log(call)
        )
        self._wrap_up = WrapUp(shared, self._intake, notes_debounce_s=notes_debounce_s)
        self._manual = ManualLogging(shared)
        self._controls: dict[CallSource, CallControl] = {}
        self._started = False

    # -- life ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Recover what a crash interrupted, end the calls the last run left open, start
        the outbox. Listeners hear of each such call as ENDED: the agent wraps it up."""
        if self._started:
            return
        self._started = True
        interrupted = await self.outbox.recover_interrupted()  # under the sender lock
        if interrupted:
            logger.warning(  # pragma: no mutate
                "%d log requests were interrupted; they are sent again",  # pragma: no mutate
                len(interrupted),  # pragma: no mutate
            )
        ended = await self._intake.end_interrupted_calls()
        tasks = self._shared.tasks
        tasks.start(
            self.outbox.run(),
            "outbox",  # pragma: no mutate
        )
        # The own number may have been set while the app was not running.
        tasks.start(
            self.fill_in_own_number(),
            "calls waiting for a number",  # pragma: no mutate
        )
        tasks.start(
            self._intake.expire_forever(),
            "expiry",  # pragma: no mutate
        )
        for call in ended:
            self._shared.notify(DeskUpdate(UpdateKind.ENDED, call))

    async def close(self) -> None:
        """Write pending notes, stop background work. The journal is closed by its owner."""
        await self._wrap_up.flush_drafts()
        await self._shared.tasks.cancel_all()

    # -- observers -------------------------------------------------------------------------

    def add_listener(self, listener: UpdateListener) -> None:
        self._shared.add_listener(listener)

    def add_status_listener(self, listener: StatusListener) -> None:
        self.status.add_listener(listener)

    def current_status(self) -> DeskStatus:
        return self.status.current

    async def _after_send(self, update: DeskUpdate) -> None:
        self._shared.notify(update)

    # -- events from the sources ------------------------------------------------------------

    async def handle_event(self, event: CallEvent) -> str:
        """Journal the event; returns the call id once committed (see :mod:`.desk_intake`)."""
        return await self._intake.handle_event(event)

    async def expire_overdue(self) -> None:
        """Close calls whose end never came (flagged, status UNKNOWN)."""
        await self._intake.expire_overdue()

    # -- what the agent does (see :mod:`.desk_wrap_up`) ---------------------------------------

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        self._wrap_up.save_notes_draft(call_id, notes)

    def mark_edited(self, call_id: str) -> None:
        """The agent changed something in the pop-up: never log this call on their behalf."""
        self._shared.edited.add(call_id)

    async def update_call(
        self, call_id: str, *, status: CallStatus | None, notes: str, title: str
    ) -> Call:
        return await self._wrap_up.update_call(call_id, status=status, notes=notes, title=title)

    async def set_outcome(self, call_id: str, outcome: CallOutcome | None) -> Call:
        return await self._wrap_up.set_outcome(call_id, outcome)

    async def log_call(self, call_id: str, status: CallStatus, notes: str, title: str = "") -> Call:
        return await self._wrap_up.log_call(call_id, status, notes, title)

    async def resend(self, call_id: str) -> Call:
        return await self._wrap_up.resend(call_id)

    async def discard(self, call_id: str) -> Call:
        return await self._wrap_up.discard(call_id)

    async def undiscard(self, call_id: str) -> Call:
        return await self._wrap_up.undiscard(call_id)

    async def set_called_number(self, call_id: str, text: str) -> Call:
        return await self._wrap_up.set_called_number(call_id, text)

    async def fill_in_own_number(self) -> list[Call]:
        return await self._wrap_up.fill_in_own_number()

    async def log_manual(
        self, request: ManualLog, *, wait_s: float = MANUAL_WAIT_S
    ) -> ManualResult:
        return await self._manual.log_manual(request, wait_s=wait_s)

    # -- what the windows read --------------------------------------------------------------

    async def get_call(self, call_id: str) -> Call | None:
        """The journal's copy of a call (``None``: no such call)."""
        return await self.journal.get_call(call_id)

    async def call_details(self, call_id: str) -> tuple[Call | None, str]:
        """The journal's copy of a call and the sentence of its last refusal ("" if none)."""
        call, entries = await asyncio.gather(
            self.journal.get_call(call_id), self.journal.outbox_entries(call_id)
        )
        error = entries[-1].last_error if entries else None
        sentence = str(error.get("sentence") or error.get("message") or "") if error else ""
        return call, sentence

    async def recent_calls(self, limit: int) -> list[Call]:
        """The newest ``limit`` calls of the journal, newest first."""
        return await self.journal.list_calls(limit=limit)

    # -- the connection, as the windows learn of it ------------------------------------------

    async def account_details(self) -> AccountDetails:
        """The account of the desk's own token, asked for the windows; the status bar
        hears how it went, as after any request to HubSpot. Raises UserError."""
        try:
            details = await self.service.account_details()
        except UserError as error:
            self.connection_failed(error)
            raise
        self.connection_worked()
        return details

    def connection_worked(self) -> None:
        """HubSpot answered a request the windows made (a test, a sign-in)."""
        self.status.after_success()

    def connection_failed(self, error: UserError) -> None:
        """A request the windows made failed: the status says what it means."""
        self.status.after_error(error)

    def token_state(self, state: TokenState, message: str = "") -> None:
        """What the connection manager says of the token (no keyring, reconnect, ...)."""
        self.status.set_token(state, message)

    def retry_outbox(self) -> None:
        """Send every queued call now, retries that were waiting included (a new token)."""
        self.outbox.retry_now()

    def contact_creator(self) -> ContactCreator:
        """The "Create contact" sender over this desk's journal and HubSpot service; a
        call held for its new contact is sent once that contact is settled."""
        from hubcall_desktop.services.contact_create import ContactCreator  # on first use
        from hubcall_desktop.storage.contact_writes import ContactWrites

        return ContactCreator(
            ContactWrites(self.journal),
            self.journal,
            self.service,
            portal_id=lambda: self.settings.portal_id,
            after_settled=functools.partial(self.outbox.queued, 0),  # a held call can go
        )

    # -- outcomes --------------------------------------------------------------------------

    def outcome_list(self) -> OutcomeList:
        """The active portal's call outcomes, for the windows to offer."""
        return self._shared.outcome_list()

    def listen_to_outcomes(self, listener: Callable[[OutcomeList], None]) -> None:
        """Tell ``listener`` each new outcome list (a refresh, another portal)."""
        if self.outcomes is not None:
            self.outcomes.listen(listener)

    def keep_outcomes_fresh(self) -> None:
        """Read the portal's outcomes when a day old, for as long as the desk runs (the
        cached list, or HubSpot's defaults, serve meanwhile)."""
        if self.outcomes is not None:
            self._shared.tasks.start(
                self.outcomes.keep_fresh(self.service.call_outcomes),
                "outcomes",  # pragma: no mutate
            )

    async def refresh_outcomes(self) -> OutcomeList:
        """A connection was made (or the portal switched): read its outcomes now."""
        if self.outcomes is None:
            return DEFAULT_LIST
        self.outcomes.switch_portal(self.settings.active_portal)
        return await self.outcomes.refresh(self.service.call_outcomes, force=True)

    # -- answering and hanging up (sources that can) ----------------------------------------

    def set_control(self, source: CallSource, control: CallControl | None) -> None:
        if control is None:
            self._controls.pop(source, None)
        else:
            self._controls[source] = control

    def can_control(self, call: Call) -> bool:
        return call.source in self._controls

    async def answer(self, call_id: str) -> None:
        call = await self._shared.require(call_id)
        await self._controls[call.source].answer(call)

    async def hangup(self, call_id: str) -> None:
        call = await self._shared.require(call_id)
        await self._controls[call.source].hangup(call)
