"""The desk's intake of call events: journal each one, then tell the windows and look up.

A new call is shown at once (an update with ``recorded=False``: the pop-up appears while
the journal commits), and everything else follows the journal: the lifecycle remembers an
event, the history hears of it, the caller is looked up and the source is answered only
once the journal committed it. If the commit fails, the source's call is refused and
observers hear NOT_RECORDED. Events of different calls are committed together (see
:class:`AsyncJournal`); the events of one call are applied one after the other.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from hubcall_desktop.core.call import Call, CallSource, Direction
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import StorageError, UserError
from hubcall_desktop.core.events import CallEvent, EventKind
from hubcall_desktop.core.lifecycle import Outcome, Transition
from hubcall_desktop.core.matches import CallerMatch, sort_by_likelihood
from hubcall_desktop.core.messages import Template
from hubcall_desktop.services.desk_announcer import Announcer
from hubcall_desktop.services.desk_shared import DeskShared

logger = logging.getLogger(__name__)

EXPIRY_CHECK_S = 30.0
NO_OWN_NUMBER = Template(
    "desk.no_own_number",
    "HubSpot needs the number that was called: enter your own number in Settings (Calls), "
    "or let the softphone send it.",
)
MAX_UNRECORDED = 100  # refused new calls whose id a retry reuses (oldest forgotten first)
_EventKey = tuple[CallSource, str | None]  # an event's call: its source and the source's id
# A committed event to announce, and (new calls) the journal's last match being read.
_Recorded = tuple[Transition, asyncio.Future[list[CallerMatch]] | None]


class EventIntake:
    """Journals the sources' events in order, announces them, looks callers up."""

    def __init__(self, shared: DeskShared, on_closed: Callable[[Call], None]) -> None:
        """``on_closed`` hears of each call an event closed (the auto-log's timer)."""
        self._s = shared
        self._on_closed = on_closed
        self._announcer: Announcer[_Recorded] = Announcer(self._announce, shared.tasks)
        # Events whose commit is awaited, by (source, source's call id): the next event of
        # that call waits for it. Done when the lifecycle has taken (or refused) it.
        self._committing: dict[_EventKey, asyncio.Future[None]] = {}
        # New calls the journal refused, by the same key: a retry gets the same call id.
        self._unrecorded: dict[_EventKey, str] = {}

    async def end_interrupted_calls(self) -> list[Call]:
        """Calls still open in the journal were cut off by the app stopping: close them
        (flagged, see :meth:`CallLifecycle.interrupt`) in one transaction, and remember
        them so a late real end still replaces the guess."""
        s = self._s
        transitions = [s.lifecycle.interrupt(c) for c in await s.journal.open_calls()]
        if not transitions:
            return []
        async with s.lock:
            await s.journal.save_calls([t.call for t in transitions])
        for transition in transitions:
            s.lifecycle.commit(transition)
        logger.warning(  # pragma: no mutate
            "%d calls were open when the app stopped; ended as interrupted",  # pragma: no mutate
            len(transitions),  # pragma: no mutate
        )
        return [t.call for t in transitions]

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
            self._s.status.journal_failed(error)
            raise

    async def _handle_event(self, event: CallEvent) -> str:
        s = self._s
        key = (event.source, event.source_call_id)
        await self._claim(key)
        try:
            existing = await self._journal_copy(event)
            transition = s.lifecycle.plan(event, existing)
            call = transition.call
            if not transition.changed:
                s.lifecycle.commit(transition)
                return call.external_call_id
            if transition.is_new:
                self._stamp_defaults(call)
                # A call refused before keeps its id, so its pop-up follows the retry.
                call.external_call_id = self._unrecorded.pop(key, call.external_call_id)
            s.apply_draft(call)
            self._suggest_outcome(call)
            # Queued now, under the lock: saves reach the journal in the order planned.
            saved = s.journal.save_call_soon(call)
            committed = self._committing[key] = asyncio.get_running_loop().create_future()
        finally:
            s.lock.release()
        reading: asyncio.Future[list[CallerMatch]] | None = None
        try:
            if transition.is_new:  # shown while the journal commits: one frame, not a sync
                s.notify(DeskUpdate(UpdateKind.RINGING, call, recorded=False))
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
        s.status.journal_ok()
        # The source is answered now; the windows hear of the change right after (see
        # desk_announcer: a burst is not answered at the pace the windows are redrawn).
        self._announcer.put((transition, reading))
        return call.external_call_id

    async def _announce(self, item: _Recorded) -> None:
        """Tell observers what a committed event changed; start the lookup of a new call."""
        transition, reading = item
        call = transition.call
        notify = self._s.notify
        if reading is not None:
            try:
                cached = await reading
            except Exception:  # the pop-up shows the call anyway; HubSpot is asked next
                logger.exception(  # pragma: no mutate
                    "could not read the last match of call %s",  # pragma: no mutate
                    call.external_call_id,  # pragma: no mutate
                )
                cached = []
            self.start_lookup(call)
            if cached:
                notify(DeskUpdate(UpdateKind.MATCHES, call, tuple(cached)))
            else:
                notify(DeskUpdate(UpdateKind.CHANGED, call))
            if transition.outcome is Outcome.NEW_ANSWERED:
                notify(DeskUpdate(UpdateKind.ANSWERED, call))
        elif transition.outcome is Outcome.ANSWERED:
            notify(DeskUpdate(UpdateKind.ANSWERED, call))
        else:
            notify(DeskUpdate(UpdateKind.CHANGED, call))
        if transition.closed:
            notify(DeskUpdate(UpdateKind.ENDED, call))
            self._on_closed(call)

    async def _claim(self, key: _EventKey) -> None:
        """Take the desk's lock once no earlier event of the same call is still being
        committed (so each event of a call sees the one before it in the lifecycle)."""
        lock = self._s.lock
        while True:
            await lock.acquire()
            earlier = self._committing.get(key)
            if earlier is None:
                return
            lock.release()
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
                self._s.notify(
                    DeskUpdate(UpdateKind.NOT_RECORDED, call, error=sentence, recorded=False)
                )
            raise
        self._s.lifecycle.commit(transition)

    async def _journal_copy(self, event: CallEvent) -> Call | None:
        """The journal's copy (it carries the agent's notes) of the call the event is about."""
        s = self._s
        known = s.lifecycle.resolve(event)
        if known is not None:
            return await s.journal.get_call(known.external_call_id) or known
        # A ringing call unknown here is new: the open calls were restored at start-up.
        if event.source_call_id is not None and event.kind is not EventKind.RINGING:
            found = await s.journal.find_by_source(event.source, event.source_call_id)
            # Only an open call continues: sources reuse ids across restarts.
            if found is not None and found.final_status is None:
                return found
        return None

    def _stamp_defaults(self, call: Call) -> None:
        """A new call belongs to the active portal, for good: switching portals later does
        not move it (the outbox sends it with its own portal's token)."""
        settings = self._s.settings
        call.user_id = call.user_id or settings.user_id
        call.recipient_user_ids = call.recipient_user_ids or list(settings.recipient_user_ids)
        call.portal_id = call.portal_id or settings.portal_id
        call.portal = call.portal or settings.active_portal
        if call.to_number is None and call.direction is Direction.INBOUND:
            call.to_number = self._s.own_number()  # the source did not say which line rang

    def _suggest_outcome(self, call: Call) -> None:
        """A call that just ended gets the outcome that fits what happened (answered →
        Connected, missed → No answer, busy → Busy) unless one was chosen; the agent can
        change it before it is logged."""
        if call.outcome is None and call.final_status is not None:
            call.outcome = self._s.outcome_list().suggest(call.final_status)

    async def _cached_matches(self, call: Call) -> list[CallerMatch]:
        if call.from_number is None:
            return []
        return sort_by_likelihood(await self._s.journal.last_matches_for(call.from_number.e164))

    def start_lookup(self, call: Call) -> None:
        """Ask HubSpot who calls, in the background."""
        self._s.tasks.start(
            self._lookup(call),
            f"lookup {call.external_call_id}",  # pragma: no mutate
        )

    async def _lookup(self, call: Call) -> None:
        s = self._s
        if call.from_number is not None and call.to_number is None:
            # HubSpot needs both numbers: say what is missing instead of staying silent.
            s.notify(DeskUpdate(UpdateKind.LOOKUP_FAILED, call, error=NO_OWN_NUMBER()))
            return
        if not call.can_be_sent:
            return  # withheld or internal: HubSpot cannot be asked without a number
        try:
            matches = sort_by_likelihood(await s.service.lookup(call))
        except UserError as error:
            s.status.after_error(error)
            s.notify(DeskUpdate(UpdateKind.LOOKUP_FAILED, call, error=error.user_message))
            return
        s.status.after_success()
        async with s.lock:
            current = await s.journal.get_call(call.external_call_id) or call
            current.matches = matches
            s.apply_draft(current)
            await s.journal.save_call(current)
        s.notify(DeskUpdate(UpdateKind.MATCHES, current, tuple(matches), fresh=True))

    async def expire_forever(self) -> None:
        while True:
            await asyncio.sleep(EXPIRY_CHECK_S)
            await self.expire_overdue()

    async def expire_overdue(self) -> None:
        """Close calls whose end never came (flagged, status UNKNOWN)."""
        s = self._s
        for stale in s.lifecycle.overdue():
            async with s.lock:
                base = await s.journal.get_call(stale.external_call_id) or stale
                transition = s.lifecycle.expire(base, commit=False)
                if not transition.changed:
                    continue
                await s.journal.save_call(transition.call)
                s.lifecycle.commit(transition)
            s.notify(DeskUpdate(UpdateKind.ENDED, transition.call))
