"""The set-up guide's test ring: a call the agent can see ring, that HubSpot never hears of.

The test call goes the way a softphone's call goes (an event into the desk: journaled,
the real pop-up, the notification), so it shows that the pop-up works on this desktop.
It cannot reach the agent's CRM, by construction rather than by a flag someone must check:

* its caller is a name, not a phone number, so the call has no ``from_number``. The desk
  asks HubSpot about a caller only by number, and a call without one can never be queued
  (``Call.can_be_sent``: "Log call" keeps it here as withheld, as for a withheld caller);
* when it ends (the pop-up's Hang up, the guide closing, or nobody answering within
  :data:`GIVE_UP_S`) it is discarded: in the history under "Kept here only", never among
  the calls to wrap up, never a missed call (an unanswered test ends as cancelled).
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.services.played_calls import play_event
from hubcall_desktop.services.tasks import BackgroundTasks

logger = logging.getLogger(__name__)

GIVE_UP_S = 60.0  # an unanswered test call stops ringing by itself, as a caller would
TEST_ID_PREFIX = "setup-test-"  # the source's call id of every test call


def is_test_call(call: Call) -> bool:
    return call.source is CallSource.DEMO and (call.source_call_id or "").startswith(TEST_ID_PREFIX)


class TestRinger:
    """Rings test calls on ``desk``, answers and hangs them up (the pop-up's buttons),
    and discards each one once it has ended."""

    __test__ = False  # not a pytest class, despite the name

    def __init__(self, desk: CallDesk, give_up_s: float = GIVE_UP_S) -> None:
        self._desk = desk
        self._give_up_s = give_up_s
        self._open: dict[str, Call] = {}  # test calls not ended yet, by call id
        self._timers: dict[str, asyncio.TimerHandle] = {}  # their give-up times
        self._tasks = BackgroundTasks("test-ring")
        desk.add_listener(self._on_update)
        # The pop-up offers Answer and Hang up for sources with a control: demo calls
        # (demo mode's own) and the test calls, which share the source.
        desk.set_control(CallSource.DEMO, self)

    async def ring(self, caller: str) -> str:
        """A test call from ``caller`` (a name, never a number) starts ringing; returns
        its call id once journaled. Raises UserError if the journal refuses it."""
        event = make_event(
            EventKind.RINGING,
            CallSource.DEMO,
            source_call_id=f"{TEST_ID_PREFIX}{uuid.uuid4()}",
            raw_from=caller,
            raw_to="",
            at=utc_now(),
            region=self._desk.settings.region,
            lenient_numbers=True,  # a name stays a name: no number, nothing to send
        )
        if event.from_number is not None:  # a caller text that reads as a number
            raise ValueError("a test caller must not be a phone number")
        call_id = await self._desk.handle_event(event)
        call = await self._desk.journal.get_call(call_id)
        if call is not None and call.ended_at is None:
            self._open[call_id] = call
            self._timers[call_id] = asyncio.get_running_loop().call_later(
                self._give_up_s, lambda: self._tasks.start(self._give_up(call_id), "give up")
            )
        return call_id

    def ringing(self) -> list[str]:
        """The test calls still open (ringing or answered)."""
        return list(self._open)

    async def end_all(self) -> None:
        """End every open test call (the guide is closing); each is then discarded."""
        for call in list(self._open.values()):
            await self.hangup(call)

    def close(self) -> None:
        """The app is closing: no test call gives up later (a test still ringing is
        ended as cut off at the next start, like any call open at a stop, and then
        discarded by the set-up guide's presenter)."""
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()

    # -- the pop-up's Answer and Hang up (CallControl) ---------------------------------------

    async def answer(self, call: Call) -> None:
        await self._send(call, EventKind.ANSWERED, None)

    async def hangup(self, call: Call) -> None:
        current = await self._desk.journal.get_call(call.external_call_id) or call
        if current.ended_at is not None:
            return
        # Unanswered: a demo caller hangs up (a missed call, as demo mode shows them); a
        # test call is cancelled, so it never becomes a missed call to call back.
        cancelled = current.answered_at is None and is_test_call(current)
        reason = EndReason.CANCELED if cancelled else EndReason.HUNG_UP
        await self._send(current, EventKind.ENDED, reason)

    async def _send(self, call: Call, kind: EventKind, reason: EndReason | None) -> None:
        await play_event(self._desk, call, kind, reason, lenient_numbers=is_test_call(call))

    # -- ending ------------------------------------------------------------------------------

    async def _give_up(self, call_id: str) -> None:
        self._timers.pop(call_id, None)
        call = self._open.get(call_id)
        if call is not None:
            current = await self._desk.journal.get_call(call_id) or call
            if current.answered_at is None:  # a test the agent answered runs till Hang up
                await self.hangup(current)

    def _on_update(self, update: DeskUpdate) -> None:
        call = update.call
        if update.kind is not UpdateKind.ENDED or not is_test_call(call):
            return
        self._open.pop(call.external_call_id, None)
        timer = self._timers.pop(call.external_call_id, None)
        if timer is not None:
            timer.cancel()
        if call.sync_state is SyncState.LOCAL:
            self._tasks.start(discard_test_call(self._desk, call.external_call_id), "discard")


async def discard_test_call(desk: CallDesk, call_id: str) -> None:
    """An ended test call goes to "Kept here only"."""
    try:
        await desk.discard(call_id)
    except UserError as error:  # the journal failed: the call stays local, never sent
        logger.warning("test call %s not discarded: %s", call_id, error.user_message)
