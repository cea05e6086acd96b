"""What the desk's parts share: the journal, the lock over it, the notes being typed, the
calls the agent touched, and the one way observers are told.

The desk is split by what it does (:mod:`.desk_intake` takes the sources' events,
:mod:`.desk_wrap_up` what the agent does, :mod:`.desk_manual` the manual form); each part
gets this one object, so the lock, the drafts and the listeners stay one of each.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateListener
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.lifecycle import CallLifecycle
from hubcall_desktop.core.listeners import Listeners
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.outcomes import DEFAULT_LIST, OutcomeList
from hubcall_desktop.core.phone import PhoneNumber, parse_phone
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.service import HubSpotService
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.services.outcomes import OutcomeCatalog
from hubcall_desktop.services.tasks import BackgroundTasks
from hubcall_desktop.storage.async_journal import AsyncJournal

logger = logging.getLogger(__name__)


# fmt: off
NO_SUCH_CALL = Template("problem.no_such_call", "no such call in the journal")
# fmt: on


class DeskShared:
    """The state the desk's parts share (see the module doc); no behaviour of its own
    beyond reading a call, applying a draft and telling observers."""

    def __init__(
        self,
        journal: AsyncJournal,
        service: HubSpotService,
        settings: Settings,
        lifecycle: CallLifecycle,
        status: StatusKeeper,
        outbox: OutboxLoop,
        clock: Callable[[], datetime],
        outcomes: OutcomeCatalog | None,
    ) -> None:
        self.journal = journal
        self.service = service
        self.settings = settings
        self.lifecycle = lifecycle
        self.status = status
        self.outbox = outbox
        self.clock = clock
        self.outcomes = outcomes
        self.tasks = BackgroundTasks(
            "call-desk",  # pragma: no mutate
        )
        self.lock = asyncio.Lock()  # journal read-modify-write of one call at a time
        self.drafts: dict[str, str] = {}  # notes typed but not yet written
        self.edited: set[str] = set()  # calls the agent touched: never auto-logged
        self._listeners: Listeners[DeskUpdate] = Listeners("call desk")

    def add_listener(self, listener: UpdateListener) -> None:
        self._listeners.add(listener)

    def notify(self, update: DeskUpdate) -> None:
        """Tell every observer; one broken observer must not stop the desk."""
        self._listeners.notify(update)

    async def require(self, call_id: str) -> Call:
        call = await self.journal.get_call(call_id)
        if call is None:
            raise InputError("call", call_id, NO_SUCH_CALL())
        return call

    def apply_draft(self, call: Call) -> None:
        if call.external_call_id in self.drafts:
            call.notes = self.drafts[call.external_call_id]

    def own_number(self) -> PhoneNumber | None:
        """The agent's own line from the settings (read each time: Settings may change it)."""
        own = self.settings.own_number.strip()
        if not own:
            return None
        try:
            return parse_phone(own, self.settings.region, "own_number")
        except InputError as error:
            logger.warning("own number in the settings is unusable: %s", error.problem)
            return None

    def outcome_list(self) -> OutcomeList:
        """The active portal's call outcomes, for the windows to offer."""
        return self.outcomes.current if self.outcomes is not None else DEFAULT_LIST
