"""What the agent does with a call after (or while) it rings: notes, outcome, the number
that was called, Log, discard and its undo; and logging on their behalf when they do not.

Every method that changes a call returns it as the journal now holds it, and tells the
observers once, so nobody reads it back.
"""

from __future__ import annotations

import asyncio
import logging

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import InputError, UserError
from hubcall_desktop.core.lifecycle import auto_log_at, auto_log_delay, should_auto_log
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.core.manual_log import check_number
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import PhoneNumber
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.services.desk_intake import EventIntake
from hubcall_desktop.services.desk_shared import DeskShared
from hubcall_desktop.services.log_call import queue_log

logger = logging.getLogger(__name__)

NOTES_DEBOUNCE_S = 0.4  # a pause in typing this long writes the notes to the journal
# Added to a re-check's sleep so a timer that fires early still lands past the deadline.
AUTO_LOG_SLACK_S = 0.05
# States a call can be discarded from: HubSpot has not got it, nor is it about to.
_DISCARDABLE = (SyncState.LOCAL, SyncState.FAILED, SyncState.WITHHELD, SyncState.NEEDS_NUMBER)


# fmt: off
CHOOSE_STATUS = Template("problem.choose_status", "choose the call's status before logging it")
# fmt: on


class WrapUp:
    """The agent's edits and Log for calls the journal holds."""

    def __init__(self, shared: DeskShared, intake: EventIntake, *, notes_debounce_s: float) -> None:
        self._s = shared
        self._intake = intake  # looks a caller up once the called number is known
        self._notes_debounce_s = notes_debounce_s
        self._draft_timers: dict[str, asyncio.TimerHandle] = {}

    # -- notes and edits -------------------------------------------------------------------

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        """Keep what the agent types; written to the journal after a pause in typing."""
        s = self._s
        s.drafts[call_id] = notes
        s.edited.add(call_id)
        timer = self._draft_timers.pop(call_id, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self._draft_timers[call_id] = loop.call_later(
            self._notes_debounce_s,
            lambda: s.tasks.start(
                self.flush_draft(call_id),
                f"notes {call_id}",  # pragma: no mutate
            ),
        )

    async def flush_drafts(self) -> None:
        for call_id in list(self._s.drafts):
            await self.flush_draft(call_id)

    async def flush_draft(self, call_id: str) -> None:
        s = self._s
        timer = self._draft_timers.pop(call_id, None)
        if timer is not None:
            timer.cancel()
        if call_id not in s.drafts:
            return
        async with s.lock:
            call = await s.journal.get_call(call_id)
            notes = s.drafts.pop(call_id, None)
            if call is None or notes is None:
                return
            if call.notes != notes:  # another save may have carried the draft already
                call.notes = notes
                await s.journal.save_call(call)
        s.notify(DeskUpdate(UpdateKind.CHANGED, call))

    async def update_call(
        self, call_id: str, *, status: CallStatus | None, notes: str, title: str
    ) -> Call:
        """Save the agent's edits without logging."""
        s = self._s
        s.edited.add(call_id)
        async with s.lock:
            call = await s.require(call_id)
            s.drafts.pop(call_id, None)
            call.final_status = status or call.final_status
            call.notes, call.title = notes, title
            await s.journal.save_call(call)
        s.notify(DeskUpdate(UpdateKind.CHANGED, call))
        return call

    async def set_outcome(self, call_id: str, outcome: CallOutcome | None) -> Call:
        """The agent chose the call's outcome (``None``: none); kept in the journal at
        once, so it survives a restart and goes with the log or a resend."""
        s = self._s
        s.edited.add(call_id)
        async with s.lock:
            call = await s.require(call_id)
            s.apply_draft(call)
            call.outcome = outcome
            await s.journal.save_call(call)
        s.notify(DeskUpdate(UpdateKind.CHANGED, call))
        return call

    # -- Log -------------------------------------------------------------------------------

    async def log_call(self, call_id: str, status: CallStatus, notes: str, title: str = "") -> Call:
        """Queue the call for logging and return at once; the outbox sends it.

        Raises :class:`InputError` (naming the field) or an outbox refusal; the call is
        then unchanged in the journal except for the edits, which are kept.
        """
        s = self._s
        s.edited.add(call_id)
        async with s.lock:
            call = await s.require(call_id)
            s.drafts.pop(call_id, None)
            call.final_status, call.notes, call.title = status, notes, title
            queued = call.can_be_sent
            if queued:
                await self._enqueue(call)  # the edits are saved with the request
            else:
                # Withheld for good, or waiting for the number that was called.
                call.sync_state = call.unsendable_state
                await s.journal.save_call(call)
        s.notify(DeskUpdate(UpdateKind.SYNC, call))
        if queued:
            await s.outbox.queued()
        return call

    async def _enqueue(self, call: Call) -> None:
        """Queue ``call``'s log request with the call's edits in one transaction (see
        :func:`queue_log`); ``call`` then is what the journal holds. Refused (logged or
        queued already, a value the journal cannot store), the edits are saved all the
        same and the refusal raised."""
        journal = self._s.journal
        try:
            verdict = await queue_log(journal, call, create_engagement=True, given_again=False)
        except Exception:
            await journal.save_call(call)
            raise
        if verdict.verdict is not Verdict.QUEUED and verdict.error is not None:
            await journal.save_call(call)
            raise verdict.error

    async def resend(self, call_id: str) -> Call:
        """Queue a failed (or never sent) call again, as it now stands in the journal."""
        call = await self._s.require(call_id)
        if call.final_status is None:
            raise InputError("status", None, CHOOSE_STATUS())
        return await self.log_call(call_id, call.final_status, call.notes, call.title)

    # -- the number that was called --------------------------------------------------------

    async def set_called_number(self, call_id: str, text: str) -> Call:
        """The agent entered the number that was called (their own line) for a call that
        lacked it: the caller is looked up, and a call waiting for the number is queued.

        Raises :class:`InputError` (field ``to``) for text that is not a public number. A
        call that no longer lacks the number (Settings filled it in) is left as it is.
        """
        number = check_number(text, self._s.settings.region, "to")
        return await self._fill_called_number(call_id, number, text.strip())

    async def fill_in_own_number(self) -> list[Call]:
        """The agent's own number is set (in Settings, or before this start): it becomes
        the called number of the calls waiting for one, which are then queued, and of the
        recent calls still lacking one (their pop-ups). That is the number the app would
        have given them had it been set when they rang. Returns the calls changed."""
        s = self._s
        own = s.own_number()
        if own is None:
            return []
        waiting = await s.journal.list_calls(limit=100_000, sync_states=[SyncState.NEEDS_NUMBER])
        recent = [c for c in s.lifecycle.recent_calls() if c.needs_called_number]
        ids = dict.fromkeys(c.external_call_id for c in [*waiting, *recent])
        changed: list[Call] = []
        for call_id in ids:
            try:
                changed.append(await self._fill_called_number(call_id, own, own.e164))
            except UserError as error:  # e.g. notes too long: it stays for the agent to fix
                logger.warning(  # pragma: no mutate
                    "call %s not queued with the own number: %s",  # pragma: no mutate
                    call_id,  # pragma: no mutate
                    error,  # pragma: no mutate
                )
        if changed:
            logger.info(  # pragma: no mutate
                "own number filled in for %d calls that lacked it",  # pragma: no mutate
                len(changed),  # pragma: no mutate
            )
        return changed

    async def _fill_called_number(self, call_id: str, number: PhoneNumber, raw: str) -> Call:
        s = self._s
        queued = False
        async with s.lock:
            call = await s.require(call_id)
            waiting = call.sync_state is SyncState.NEEDS_NUMBER
            if not call.needs_called_number and not (waiting and call.can_be_sent):
                return call
            s.apply_draft(call)
            if call.needs_called_number:
                call.to_number, call.raw_to = number, raw
            if waiting:
                call.sync_state = SyncState.LOCAL
            await s.journal.save_call(call)  # the number is kept even if refused below
            if waiting and call.final_status is not None:
                await self._enqueue(call)
                queued = True
        s.notify(DeskUpdate(UpdateKind.SYNC if waiting else UpdateKind.CHANGED, call))
        if queued:  # HubSpot names the caller in its answer to the log
            await s.outbox.queued()
        else:  # HubSpot can be asked who called now
            self._intake.start_lookup(call)
        return call

    # -- discard ---------------------------------------------------------------------------

    async def discard(self, call_id: str) -> Call:
        """The agent does not want this call in HubSpot; it stays in the journal."""
        s = self._s
        async with s.lock:
            call = await s.require(call_id)
            s.apply_draft(call)
            s.drafts.pop(call_id, None)
            if call.sync_state in _DISCARDABLE:
                call.sync_state = SyncState.DISCARDED
            await s.journal.save_call(call)
            call = await s.require(call_id)  # the journal keeps a state the outbox owns
        s.notify(DeskUpdate(UpdateKind.SYNC, call))
        return call

    async def undiscard(self, call_id: str) -> Call:
        """Undo :meth:`discard`: the call gets back the state it had before (the journal's
        record of the change says which), journaled as a change like any other. The agent
        touched the call, so it is theirs to wrap up: never logged on their behalf."""
        s = self._s
        s.edited.add(call_id)
        async with s.lock:
            call = await s.require(call_id)
            if call.sync_state is SyncState.DISCARDED:
                call.sync_state = await self._state_before_discard(call_id)
                await s.journal.save_call(call)
                call = await s.require(call_id)  # as the journal decided it
        s.notify(DeskUpdate(UpdateKind.SYNC, call))
        return call

    async def _state_before_discard(self, call_id: str) -> SyncState:
        for event in reversed(await self._s.journal.history(call_id)):
            if event.sync_state is SyncState.DISCARDED and "from" in event.detail:
                previous = SyncState(event.detail["from"])
                return previous if previous in _DISCARDABLE else SyncState.LOCAL
        return SyncState.LOCAL  # discarded when first saved (an import): keep it here

    # -- on the agent's behalf -------------------------------------------------------------

    def schedule_auto_log(self, call: Call) -> None:
        s = self._s
        settings = s.settings
        delay = auto_log_delay(call, settings.auto_log_seconds, settings.missed_auto_log_seconds)
        if auto_log_at(call, delay) is not None:
            s.tasks.start(
                self._auto_log(call.external_call_id, delay),
                "auto-log",  # pragma: no mutate
            )

    async def _auto_log(self, call_id: str, delay: int) -> None:
        s = self._s
        await asyncio.sleep(delay)
        while True:
            call = await s.journal.get_call(call_id)
            if call is None or call.final_status is None:
                return
            due = auto_log_at(call, delay)
            if due is None:
                return
            # Not due yet: Qt's coarse timers (under qasync) wake a sleeper up to 5 % early,
            # and a source's end time may lie a little ahead. Sleep the rest, then look again.
            left = (due - s.clock()).total_seconds()
            if left <= 0:
                break
            await asyncio.sleep(min(left, float(delay)) + AUTO_LOG_SLACK_S)
        edited = call_id in s.edited
        if should_auto_log(call, delay, edited=edited, now=s.clock()):
            logger.info("logging call %s on the agent's behalf after %d s", call_id, delay)
            await self.log_call(call_id, call.final_status, call.notes, call.title)
