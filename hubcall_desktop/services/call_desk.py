"""The call desk: the Qt-free heart the windows observe.

It owns the call lifecycle, the journal, the HubSpot service and the outbox. A new call
is shown at once (an update with ``recorded=False``: the pop-up appears while the journal
commits), and everything else follows the journal: the lifecycle remembers an event, the
history hears of it, the caller is looked up and the source is answered only once the
journal committed it. If the commit fails, the source's call is refused and observers
hear NOT_RECORDED. Events of different calls are committed together (see
:class:`AsyncJournal`); the events of one call are applied one after the other.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState, utc_now
from hubcall_desktop.core.desk_types import (
    CallControl,
    DeskStatus,
    DeskUpdate,
    ManualLog,
    ManualResult,
    StatusListener,
    UpdateKind,
    UpdateListener,
)
from hubcall_desktop.core.errors import InputError, StorageError, UserError
from hubcall_desktop.core.events import CallEvent, EventKind
from hubcall_desktop.core.lifecycle import (
    CallLifecycle,
    Outcome,
    Transition,
    auto_log_at,
    auto_log_delay,
    should_auto_log,
)
from hubcall_desktop.core.manual_log import SubmissionGuard, build_manual_call, check_number
from hubcall_desktop.core.matches import CallerMatch, sort_by_likelihood
from hubcall_desktop.core.outcomes import DEFAULT_LIST, CallOutcome, OutcomeList
from hubcall_desktop.core.phone import PhoneNumber, parse_phone
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import HubSpotError
from hubcall_desktop.hubspot.service import HubSpotService
from hubcall_desktop.services.desk_announcer import Announcer
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.services.outbox_sender import TokensFor
from hubcall_desktop.services.outcomes import OutcomeCatalog
from hubcall_desktop.services.tasks import BackgroundTasks
from hubcall_desktop.storage.async_journal import AsyncJournal

logger = logging.getLogger(__name__)

NOTES_DEBOUNCE_S = 0.4  # a pause in typing this long writes the notes to the journal
EXPIRY_CHECK_S = 30.0
MANUAL_WAIT_S = 20.0  # the form waits this long for HubSpot before saying "queued"
NO_OWN_NUMBER = (
    "HubSpot needs the number that was called: enter your own number in Settings (Calls), "
    "or let the softphone send it."
)


# Added to a re-check's sleep so a timer that fires early still lands past the deadline.
AUTO_LOG_SLACK_S = 0.05
MAX_UNRECORDED = 100  # refused new calls whose id a retry reuses (oldest forgotten first)
_EventKey = tuple[CallSource, str | None]  # an event's call: its source and the source's id
# A committed event to announce, and (new calls) the journal's last match being read.
_Recorded = tuple[Transition, asyncio.Future[list[CallerMatch]] | None]
# States a call can be discarded from: HubSpot has not got it, nor is it about to.
_DISCARDABLE = (SyncState.LOCAL, SyncState.FAILED, SyncState.WITHHELD, SyncState.NEEDS_NUMBER)


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
        self._clock = clock
        self.lifecycle = lifecycle or CallLifecycle(clock=clock)
        self._listeners: list[UpdateListener] = []
        self.status = StatusKeeper()
        self.outbox = outbox or OutboxLoop(
            journal, service, self.status, clock=clock, tokens_for=tokens_for
        )
        self.outbox.on_outcome = self._after_send
        self._tasks = BackgroundTasks(
            "call-desk",  # pragma: no mutate
        )
        self._announcer: Announcer[_Recorded] = Announcer(self._announce, self._tasks)
        self._lock = asyncio.Lock()  # journal read-modify-write of one call at a time
        # Events whose commit is awaited, by (source, source's call id): the next event of
        # that call waits for it. Done when the lifecycle has taken (or refused) it.
        self._committing: dict[_EventKey, asyncio.Future[None]] = {}
        # New calls the journal refused, by the same key: a retry gets the same call id.
        self._unrecorded: dict[_EventKey, str] = {}
        self._drafts: dict[str, str] = {}  # notes typed but not yet written
        self._draft_timers: dict[str, asyncio.TimerHandle] = {}
        self._edited: set[str] = set()  # calls the agent touched: never auto-logged
        self._submissions = SubmissionGuard()  # manual forms being logged
        self._controls: dict[CallSource, CallControl] = {}
        self._notes_debounce_s = notes_debounce_s
        self._started = False
        self.outcomes = outcomes

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
        ended = await self._end_interrupted_calls()
        self._tasks.start(
            self.outbox.run(),
            "outbox",  # pragma: no mutate
        )
        # The own number may have been set while the app was not running.
        self._tasks.start(
            self.fill_in_own_number(),
            "calls waiting for a number",  # pragma: no mutate
        )
        self._tasks.start(
            self._expire_forever(),
            "expiry",  # pragma: no mutate
        )
        for call in ended:
            self._notify(DeskUpdate(UpdateKind.ENDED, call))

    async def _end_interrupted_calls(self) -> list[Call]:
        """Calls still open in the journal were cut off by the app stopping: close them
        (flagged, see :meth:`CallLifecycle.interrupt`) in one transaction, and remember
        them so a late real end still replaces the guess."""
        transitions = [self.lifecycle.interrupt(c) for c in await self.journal.open_calls()]
        if not transitions:
            return []
        async with self._lock:
            await self.journal.save_calls([t.call for t in transitions])
        for transition in transitions:
            self.lifecycle.commit(transition)
        logger.warning(  # pragma: no mutate
            "%d calls were open when the app stopped; ended as interrupted",  # pragma: no mutate
            len(transitions),  # pragma: no mutate
        )
        return [t.call for t in transitions]

    async def close(self) -> None:
        """Write pending notes, stop background work. The journal is closed by its owner."""
        for call_id in list(self._drafts):
            await self._flush_draft(call_id)
        await self._tasks.cancel_all()

    # -- observers -------------------------------------------------------------------------

    def add_listener(self, listener: UpdateListener) -> None:
        self._listeners.append(listener)

    def add_status_listener(self, listener: StatusListener) -> None:
        self.status.add_listener(listener)

    def _notify(self, update: DeskUpdate) -> None:
        for listener in list(self._listeners):
            try:
                listener(update)
            except Exception:  # one broken observer must not stop the desk
                logger.exception(  # pragma: no mutate
                    "a call desk listener failed on %s",  # pragma: no mutate
                    update.kind,  # pragma: no mutate
                )

    # -- events ----------------------------------------------------------------------------

    async def handle_event(self, event: CallEvent) -> str:
        """Journal the event; returns the call id once the journal committed it.

        A new call's pop-up is told at once (RINGING, ``recorded=False``), before the
        commit; the rest (the recorded update, the caller lookup, answered, ended) follows
        the commit, shortly after this returns (see :mod:`.desk_announcer`). The lifecycle
        remembers the change only once the journal committed it: after a failed write (a
        ``StorageError``, which the webhook answers with 503) observers of a call shown at
        once hear NOT_RECORDED, and the source's retry is applied afresh (with the same
        call id), not taken for a duplicate of an event never stored. The failure is also
        shown in the status, until a write works again.
        """
        try:
            with self._announcer.accepting():
                return await self._handle_event(event)
        except StorageError as error:
            self.status.journal_failed(error)
            raise

    async def _handle_event(self, event: CallEvent) -> str:
        key = (event.source, event.source_call_id)
        await self._claim(key)
        try:
            existing = await self._journal_copy(event)
            transition = self.lifecycle.plan(event, existing)
            call = transition.call
            if not transition.changed:
                self.lifecycle.commit(transition)
                return call.external_call_id
            if transition.is_new:
                self._stamp_defaults(call)
                # A call refused before keeps its id, so its pop-up follows the retry.
                call.external_call_id = self._unrecorded.pop(key, call.external_call_id)
            self._apply_draft(call)
            self._suggest_outcome(call)
            # Queued now, under the lock: saves reach the journal in the order planned.
            saved = self.journal.save_call_soon(call)
            committed = self._committing[key] = asyncio.get_running_loop().create_future()
        finally:
            self._lock.release()
        reading: asyncio.Future[list[CallerMatch]] | None = None
        try:
            if transition.is_new:  # shown while the journal commits: one frame, not a sync
                self._notify(DeskUpdate(UpdateKind.RINGING, call, recorded=False))
                # Read meanwhile, on the journal's thread right after the commit.
                reading = asyncio.ensure_future(self._cached_matches(call))
            await self._recorded(key, transition, saved)
        except BaseException:
            if reading is not None:
                reading.cancel()
            raise
        finally:
            del self._committing[key]
            committed.set_result(None)
        self.status.journal_ok()
        # The source is answered now; the windows hear of the change right after (see
        # desk_announcer: a burst is not answered at the pace the windows are redrawn).
        self._announcer.put((transition, reading))
        return call.external_call_id

    async def _announce(self, item: _Recorded) -> None:
        """Tell observers what a committed event changed; start the lookup of a new call."""
        transition, reading = item
        call = transition.call
        if reading is not None:
            try:
                cached = await reading
            except Exception:  # the pop-up shows the call anyway; HubSpot is asked next
                logger.exception(  # pragma: no mutate
                    "could not read the last match of call %s",  # pragma: no mutate
                    call.external_call_id,  # pragma: no mutate
                )
                cached = []
            self._tasks.start(
                self._lookup(call),
                f"lookup {call.external_call_id}",  # pragma: no mutate
            )
            if cached:
                self._notify(DeskUpdate(UpdateKind.MATCHES, call, tuple(cached)))
            else:
                self._notify(DeskUpdate(UpdateKind.CHANGED, call))
            if transition.outcome is Outcome.NEW_ANSWERED:
                self._notify(DeskUpdate(UpdateKind.ANSWERED, call))
        elif transition.outcome is Outcome.ANSWERED:
            self._notify(DeskUpdate(UpdateKind.ANSWERED, call))
        else:
            self._notify(DeskUpdate(UpdateKind.CHANGED, call))
        if transition.closed:
            self._notify(DeskUpdate(UpdateKind.ENDED, call))
            self._schedule_auto_log(call)

    async def _claim(self, key: _EventKey) -> None:
        """Take the desk's lock once no earlier event of the same call is still being
        committed (so each event of a call sees the one before it in the lifecycle)."""
        while True:
            await self._lock.acquire()
            earlier = self._committing.get(key)
            if earlier is None:
                return
            self._lock.release()
            await asyncio.wait([earlier])

    async def _recorded(
        self, key: _EventKey, transition: Transition, saved: asyncio.Future[None]
    ) -> None:
        """Wait for the journal's commit; then the lifecycle remembers the change. If it
        failed, observers of a call shown at once hear that it is not recorded."""
        call = transition.call
        try:
            await asyncio.shield(saved)
        except Exception as error:
            if transition.is_new:
                self._unrecorded[key] = call.external_call_id
                while len(self._unrecorded) > MAX_UNRECORDED:
                    del self._unrecorded[next(iter(self._unrecorded))]
                sentence = error.user_message if isinstance(error, UserError) else str(error)
                self._notify(
                    DeskUpdate(UpdateKind.NOT_RECORDED, call, error=sentence, recorded=False)
                )
            raise
        self.lifecycle.commit(transition)

    async def _journal_copy(self, event: CallEvent) -> Call | None:
        """The journal's copy (it carries the agent's notes) of the call the event is about."""
        known = self.lifecycle.resolve(event)
        if known is not None:
            return await self.journal.get_call(known.external_call_id) or known
        # A ringing call unknown here is new: the open calls were restored at start-up.
        if event.source_call_id is not None and event.kind is not EventKind.RINGING:
            found = await self.journal.find_by_source(event.source, event.source_call_id)
            # Only an open call continues: sources reuse ids across restarts.
            if found is not None and found.final_status is None:
                return found
        return None

    def _stamp_defaults(self, call: Call) -> None:
        """A new call belongs to the active portal, for good: switching portals later does
        not move it (the outbox sends it with its own portal's token)."""
        call.user_id = call.user_id or self.settings.user_id
        call.recipient_user_ids = call.recipient_user_ids or list(self.settings.recipient_user_ids)
        call.portal_id = call.portal_id or self.settings.portal_id
        call.portal = call.portal or self.settings.active_portal
        if call.to_number is None and call.direction is Direction.INBOUND:
            call.to_number = self._own_number()  # the source did not say which line rang

    def _own_number(self) -> PhoneNumber | None:
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

    def _suggest_outcome(self, call: Call) -> None:
        """A call that just ended gets the outcome that fits what happened (answered →
        Connected, missed → No answer, busy → Busy) unless one was chosen; the agent can
        change it before it is logged."""
        if call.outcome is None and call.final_status is not None:
            call.outcome = self.outcome_list().suggest(call.final_status)

    def keep_outcomes_fresh(self) -> None:
        """Read the portal's outcomes when a day old, for as long as the desk runs (the
        cached list, or HubSpot's defaults, serve meanwhile)."""
        if self.outcomes is not None:
            self._tasks.start(
                self.outcomes.keep_fresh(self.service.call_outcomes),
                "outcomes",  # pragma: no mutate
            )

    async def refresh_outcomes(self) -> OutcomeList:
        """A connection was made (or the portal switched): read its outcomes now."""
        if self.outcomes is None:
            return DEFAULT_LIST
        self.outcomes.switch_portal(self.settings.active_portal)
        return await self.outcomes.refresh(self.service.call_outcomes, force=True)

    async def set_outcome(self, call_id: str, outcome: CallOutcome | None) -> Call:
        """The agent chose the call's outcome (``None``: none); kept in the journal at
        once, so it survives a restart and goes with the log or a resend."""
        self._edited.add(call_id)
        async with self._lock:
            call = await self._require(call_id)
            self._apply_draft(call)
            call.outcome = outcome
            await self.journal.save_call(call)
        self._notify(DeskUpdate(UpdateKind.CHANGED, call))
        return call

    async def _cached_matches(self, call: Call) -> list[CallerMatch]:
        if call.from_number is None:
            return []
        return sort_by_likelihood(await self.journal.last_matches_for(call.from_number.e164))

    async def _lookup(self, call: Call) -> None:
        if call.from_number is not None and call.to_number is None:
            # HubSpot needs both numbers: say what is missing instead of staying silent.
            self._notify(DeskUpdate(UpdateKind.LOOKUP_FAILED, call, error=NO_OWN_NUMBER))
            return
        if not call.can_be_sent:
            return  # withheld or internal: HubSpot cannot be asked without a number
        try:
            matches = sort_by_likelihood(await self.service.lookup(call))
        except UserError as error:
            self.status.after_error(error)
            self._notify(DeskUpdate(UpdateKind.LOOKUP_FAILED, call, error=error.user_message))
            return
        self.status.after_success()
        async with self._lock:
            current = await self.journal.get_call(call.external_call_id) or call
            current.matches = matches
            self._apply_draft(current)
            await self.journal.save_call(current)
        self._notify(DeskUpdate(UpdateKind.MATCHES, current, tuple(matches), fresh=True))

    # -- what the agent does ---------------------------------------------------------------

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        """Keep what the agent types; written to the journal after a pause in typing."""
        self._drafts[call_id] = notes
        self._edited.add(call_id)
        timer = self._draft_timers.pop(call_id, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self._draft_timers[call_id] = loop.call_later(
            self._notes_debounce_s,
            lambda: self._tasks.start(
                self._flush_draft(call_id),
                f"notes {call_id}",  # pragma: no mutate
            ),
        )

    def mark_edited(self, call_id: str) -> None:
        """The agent changed something in the pop-up: never log this call on their behalf."""
        self._edited.add(call_id)

    def _apply_draft(self, call: Call) -> None:
        if call.external_call_id in self._drafts:
            call.notes = self._drafts[call.external_call_id]

    async def _flush_draft(self, call_id: str) -> None:
        timer = self._draft_timers.pop(call_id, None)
        if timer is not None:
            timer.cancel()
        if call_id not in self._drafts:
            return
        async with self._lock:
            call = await self.journal.get_call(call_id)
            notes = self._drafts.pop(call_id, None)
            if call is None or notes is None:
                return
            if call.notes != notes:  # another save may have carried the draft already
                call.notes = notes
                await self.journal.save_call(call)
        self._notify(DeskUpdate(UpdateKind.CHANGED, call))

    async def update_call(
        self, call_id: str, *, status: CallStatus | None, notes: str, title: str
    ) -> Call:
        """Save the agent's edits without logging."""
        self._edited.add(call_id)
        async with self._lock:
            call = await self._require(call_id)
            self._drafts.pop(call_id, None)
            call.final_status = status or call.final_status
            call.notes, call.title = notes, title
            await self.journal.save_call(call)
        self._notify(DeskUpdate(UpdateKind.CHANGED, call))
        return call

    async def log_call(self, call_id: str, status: CallStatus, notes: str, title: str = "") -> Call:
        """Queue the call for logging and return at once; the outbox sends it.

        Raises :class:`InputError` (naming the field) or an outbox refusal; the call is
        then unchanged in the journal except for the edits, which are kept.
        """
        self._edited.add(call_id)
        async with self._lock:
            call = await self._require(call_id)
            self._drafts.pop(call_id, None)
            call.final_status, call.notes, call.title = status, notes, title
            if not call.can_be_sent:
                # Withheld for good, or waiting for the number that was called.
                call.sync_state = call.unsendable_state
                await self.journal.save_call(call)
                queued = False
            else:
                await self.journal.save_call(call)  # the edits are kept even if refused below
                body = build_log_body(call, create_engagement=True)
                await self.journal.enqueue_log(call, body)
                call = await self._require(call_id)
                queued = True
        self._notify(DeskUpdate(UpdateKind.SYNC, call))
        if queued:
            await self.outbox.queued()
        return call

    async def set_called_number(self, call_id: str, text: str) -> Call:
        """The agent entered the number that was called (their own line) for a call that
        lacked it: the caller is looked up, and a call waiting for the number is queued.

        Raises :class:`InputError` (field ``to``) for text that is not a public number. A
        call that no longer lacks the number (Settings filled it in) is left as it is.
        """
        number = check_number(text, self.settings.region, "to")
        return await self._fill_called_number(call_id, number, text.strip())

    async def fill_in_own_number(self) -> list[Call]:
        """The agent's own number is set (in Settings, or before this start): it becomes
        the called number of the calls waiting for one, which are then queued, and of the
        recent calls still lacking one (their pop-ups). That is the number the app would
        have given them had it been set when they rang. Returns the calls changed."""
        own = self._own_number()
        if own is None:
            return []
        waiting = await self.journal.list_calls(limit=100_000, sync_states=[SyncState.NEEDS_NUMBER])
        recent = [c for c in self.lifecycle.recent_calls() if c.needs_called_number]
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
        queued = False
        async with self._lock:
            call = await self._require(call_id)
            waiting = call.sync_state is SyncState.NEEDS_NUMBER
            if not call.needs_called_number and not (waiting and call.can_be_sent):
                return call
            self._apply_draft(call)
            if call.needs_called_number:
                call.to_number, call.raw_to = number, raw
            if waiting:
                call.sync_state = SyncState.LOCAL
            await self.journal.save_call(call)  # the number is kept even if refused below
            if waiting and call.final_status is not None:
                body = build_log_body(call, create_engagement=True)
                await self.journal.enqueue_log(call, body)
                call = await self._require(call_id)
                queued = True
        self._notify(DeskUpdate(UpdateKind.SYNC if waiting else UpdateKind.CHANGED, call))
        if queued:  # HubSpot names the caller in its answer to the log
            await self.outbox.queued()
        else:  # HubSpot can be asked who called now
            self._tasks.start(
                self._lookup(call),
                f"lookup {call_id}",  # pragma: no mutate
            )
        return call

    async def log_manual(
        self, request: ManualLog, *, wait_s: float = MANUAL_WAIT_S
    ) -> ManualResult:
        """:meth:`_log_manual`, once: the same form submitted again while it is being
        logged raises :class:`AlreadySubmitting` instead of becoming a second call."""
        with self._submissions.claim(request):
            return await self._log_manual(request, wait_s=wait_s)

    async def _log_manual(
        self, request: ManualLog, *, wait_s: float = MANUAL_WAIT_S
    ) -> ManualResult:
        """Journal and log a call the agent typed in, and wait (up to ``wait_s``) for
        HubSpot's answer. Raises :class:`InputError` naming the form field for bad input;
        HubSpot's refusal comes back in the result (the call stays in the journal)."""
        call = build_manual_call(
            request, self.settings.region, self._clock(), portal=self.settings.active_portal
        )
        body = build_log_body(call, create_engagement=request.create_engagement)
        call_id = call.external_call_id
        # Expect the outcome before queueing: the outbox may send it before we look again.
        outcome_future = self.outbox.expect(call_id)
        try:
            async with self._lock:
                # A resubmitted call stays in the portal it was first logged for.
                earlier = await self.journal.get_call(call_id) if request.external_call_id else None
                if earlier is not None and earlier.portal is not None:
                    call.portal = earlier.portal
                await self.journal.enqueue_log(call, body)
                call = await self._require(call_id)
        except BaseException:
            self.outbox.forget(call_id, outcome_future)
            raise
        self._edited.add(call_id)
        self._notify(DeskUpdate(UpdateKind.SYNC, call))
        await self.outbox.queued()
        try:
            async with asyncio.timeout(wait_s):
                outcome = await asyncio.shield(outcome_future)
        except TimeoutError:
            self.outbox.forget(call_id, outcome_future)
            return ManualResult(await self._require(call_id), delivered=False, queued=True)
        # The sender keeps the matches HubSpot answered the log with on the call.
        final = await self._require(call_id)
        matches = sort_by_likelihood(final.matches) if outcome.delivered else []
        if matches:
            self._notify(DeskUpdate(UpdateKind.MATCHES, final, tuple(matches), fresh=True))
        error = outcome.error
        return ManualResult(
            final,
            delivered=outcome.delivered,
            matches=tuple(matches),
            error=error,
            queued=not outcome.delivered and not outcome.permanent,
            error_fields=error.details.fields if isinstance(error, HubSpotError) else (),
        )

    async def resend(self, call_id: str) -> Call:
        """Queue a failed (or never sent) call again, as it now stands in the journal."""
        call = await self._require(call_id)
        if call.final_status is None:
            raise InputError("status", None, "choose the call's status before logging it")
        return await self.log_call(call_id, call.final_status, call.notes, call.title)

    async def discard(self, call_id: str) -> Call:
        """The agent does not want this call in HubSpot; it stays in the journal."""
        async with self._lock:
            call = await self._require(call_id)
            self._apply_draft(call)
            self._drafts.pop(call_id, None)
            if call.sync_state in _DISCARDABLE:
                call.sync_state = SyncState.DISCARDED
            await self.journal.save_call(call)
            call = await self._require(call_id)
        self._notify(DeskUpdate(UpdateKind.SYNC, call))
        return call

    async def undiscard(self, call_id: str) -> Call:
        """Undo :meth:`discard`: the call gets back the state it had before (the journal's
        record of the change says which), journaled as a change like any other. The agent
        touched the call, so it is theirs to wrap up: never logged on their behalf."""
        self._edited.add(call_id)
        async with self._lock:
            call = await self._require(call_id)
            if call.sync_state is SyncState.DISCARDED:
                call.sync_state = await self._state_before_discard(call_id)
                await self.journal.save_call(call)
                call = await self._require(call_id)
        self._notify(DeskUpdate(UpdateKind.SYNC, call))
        return call

    async def _state_before_discard(self, call_id: str) -> SyncState:
        for event in reversed(await self.journal.history(call_id)):
            if event.sync_state is SyncState.DISCARDED and "from" in event.detail:
                previous = SyncState(event.detail["from"])
                return previous if previous in _DISCARDABLE else SyncState.LOCAL
        return SyncState.LOCAL  # discarded when first saved (an import): keep it here

    async def _require(self, call_id: str) -> Call:
        call = await self.journal.get_call(call_id)
        if call is None:
            raise InputError("call", call_id, "no such call in the journal")
        return call

    # -- answering and hanging up (sources that can) ----------------------------------------

    def set_control(self, source: CallSource, control: CallControl | None) -> None:
        if control is None:
            self._controls.pop(source, None)
        else:
            self._controls[source] = control

    def can_control(self, call: Call) -> bool:
        return call.source in self._controls

    async def answer(self, call_id: str) -> None:
        call = await self._require(call_id)
        await self._controls[call.source].answer(call)

    async def hangup(self, call_id: str) -> None:
        call = await self._require(call_id)
        await self._controls[call.source].hangup(call)

    # -- background --------------------------------------------------------------------------

    async def _after_send(self, update: DeskUpdate) -> None:
        self._notify(update)

    def _schedule_auto_log(self, call: Call) -> None:
        settings = self.settings
        delay = auto_log_delay(call, settings.auto_log_seconds, settings.missed_auto_log_seconds)
        if auto_log_at(call, delay) is not None:
            self._tasks.start(
                self._auto_log(call.external_call_id, delay),
                "auto-log",  # pragma: no mutate
            )

    async def _auto_log(self, call_id: str, delay: int) -> None:
        await asyncio.sleep(delay)
        while True:
            call = await self.journal.get_call(call_id)
            if call is None or call.final_status is None:
                return
            due = auto_log_at(call, delay)
            if due is None:
                return
            # Not due yet: Qt's coarse timers (under qasync) wake a sleeper up to 5 % early,
            # and a source's end time may lie a little ahead. Sleep the rest, then look again.
            left = (due - self._clock()).total_seconds()
            if left <= 0:
                break
            await asyncio.sleep(min(left, float(delay)) + AUTO_LOG_SLACK_S)
        edited = call_id in self._edited
        if should_auto_log(call, delay, edited=edited, now=self._clock()):
            logger.info("logging call %s on the agent's behalf after %d s", call_id, delay)
            await self.log_call(call_id, call.final_status, call.notes, call.title)

    async def _expire_forever(self) -> None:
        while True:
            await asyncio.sleep(EXPIRY_CHECK_S)
            await self.expire_overdue()

    async def expire_overdue(self) -> None:
        """Close calls whose end never came (flagged, status UNKNOWN)."""
        for stale in self.lifecycle.overdue():
            async with self._lock:
                base = await self.journal.get_call(stale.external_call_id) or stale
                transition = self.lifecycle.expire(base, commit=False)
                if not transition.changed:
                    continue
                await self.journal.save_call(transition.call)
                self.lifecycle.commit(transition)
            self._notify(DeskUpdate(UpdateKind.ENDED, transition.call))

    def current_status(self) -> DeskStatus:
        return self.status.current
