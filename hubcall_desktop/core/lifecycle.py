"""The call lifecycle: one state machine turns ringing/answered/ended events into calls.

Pure: no I/O, no Qt, an injected clock. Sources are unreliable, so every order of events
is expected: duplicates (scripts retry), an *ended* before its *ringing* (two curl calls
racing), an *answered* for a call never seen ringing (auto-answer softphones), two calls
ringing at once, and calls whose *ended* never comes (closed after a timeout as UNKNOWN and
flagged for the agent). Every call that is closed has a final status.

A call is identified by its source and the source's call id. Sources without ids (MicroSIP
passes only the caller's number) are matched by number to the open call from that caller.

The lifecycle keeps the calls it has seen recently in memory, and can resume after a
restart: :meth:`CallLifecycle.restore` takes the open calls back from the journal, and
:meth:`CallLifecycle.apply` takes the journal's copy of the call (which may carry the
agent's notes) as the base to update. The desk journals first and remembers second:
:meth:`CallLifecycle.plan` says what an event does without remembering anything, and
:meth:`CallLifecycle.commit` remembers it once the journal has committed the change, so a
failed write leaves the lifecycle as it was and the source's retry is not a "duplicate".

Sources reuse call ids (a PBX counter restarts, a script numbers its calls 1, 2, 3): a
*ringing* with a known id is the same call only if it is the same ringing, i.e. from the
same caller and, once that call is over, at a moment within it. Otherwise it is a new call.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState, ensure_utc, utc_now
from hubcall_desktop.core.events import CallEvent, EndReason, EventKind
from hubcall_desktop.core.phone import PhoneNumber
from hubcall_desktop.core.statuses import CallStatus

DEFAULT_RING_TIMEOUT = timedelta(minutes=10)
DEFAULT_TALK_TIMEOUT = timedelta(hours=4)
DEFAULT_MEMORY = timedelta(hours=1)
# How far apart a repeated or late event from a source without call ids may be from the
# closed call it belongs to; beyond it, it is taken for a new call.
UNKEYED_MATCH_WINDOW = timedelta(minutes=2)
NEVER_ENDED_FLAG = "never ended: no ended event arrived, so the app closed it"
INTERRUPTED_FLAG = (
    "interrupted: HubCall Desktop stopped during the call, so how it ended is not known"
)

# An unanswered call ends with the status its reason names. A rejection is what SIP sends
# as 486 Busy Here / 603 Decline, so HubSpot's nearest status is BUSY; a call forwarded
# before anyone here answered was not answered here, but is not one to call back (MISSED).
_UNANSWERED_STATUS: dict[EndReason, CallStatus] = {
    EndReason.HUNG_UP: CallStatus.MISSED,
    EndReason.UNKNOWN: CallStatus.MISSED,
    EndReason.CANCELED: CallStatus.CANCELED,
    EndReason.BUSY: CallStatus.BUSY,
    EndReason.REJECTED: CallStatus.BUSY,
    EndReason.FAILED: CallStatus.FAILED,
    EndReason.NO_ANSWER: CallStatus.NO_ANSWER,
    EndReason.FORWARDED: CallStatus.NO_ANSWER,
}


def final_status_for(answered: bool, reason: EndReason) -> CallStatus:
    """Answered then ended: COMPLETED, whatever the reason. Unanswered: as the reason says."""
    return CallStatus.COMPLETED if answered else _UNANSWERED_STATUS[reason]


class Outcome(StrEnum):
    """What applying an event did, and so what the app does next."""

    NEW_RINGING = "new-ringing"  # journal, then look the caller up, then the pop-up
    NEW_ANSWERED = "new-answered"  # first heard of when answered (auto-answer): as NEW_RINGING
    NEW_ENDED = "new-ended"  # first heard of when it ended: journal, look up, ask status
    ANSWERED = "answered"  # journal, update the pop-up
    ENDED = "ended"  # journal, the pop-up asks for status and notes
    UPDATED = "updated"  # late information merged into a known call: journal, refresh
    EXPIRED = "expired"  # never ended: closed as UNKNOWN and flagged; journal, ask status
    INTERRUPTED = "interrupted"  # open when the app stopped: closed, flagged; ask status
    DUPLICATE = "duplicate"  # nothing new: nothing to do


_NEW = frozenset({Outcome.NEW_RINGING, Outcome.NEW_ANSWERED, Outcome.NEW_ENDED})
_CLOSING = frozenset({Outcome.NEW_ENDED, Outcome.ENDED, Outcome.EXPIRED, Outcome.INTERRUPTED})


@dataclass(frozen=True, slots=True)
class Transition:
    call: Call
    outcome: Outcome
    # What :meth:`CallLifecycle.commit` remembers: the call (when ``keep``) as of ``moment``.
    moment: datetime | None = None
    keep: bool = False

    @property
    def changed(self) -> bool:
        """The call must be journaled."""
        return self.outcome is not Outcome.DUPLICATE

    @property
    def is_new(self) -> bool:
        """First time the app hears of this call: look the caller up and show the pop-up."""
        return self.outcome in _NEW

    @property
    def closed(self) -> bool:
        """The call just closed: the pop-up asks for status and notes."""
        return self.outcome in _CLOSING


def is_closed(call: Call) -> bool:
    return call.final_status is not None


class CallLifecycle:
    """Applies :class:`CallEvent` s to calls. Not thread-safe: use it from one event loop."""

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] = utc_now,
        own_number: PhoneNumber | None = None,
        ring_timeout: timedelta = DEFAULT_RING_TIMEOUT,
        talk_timeout: timedelta = DEFAULT_TALK_TIMEOUT,
        memory: timedelta = DEFAULT_MEMORY,
    ) -> None:
        if min(ring_timeout, talk_timeout, memory) <= timedelta(0):
            raise ValueError("timeouts must be positive")
        self._clock = clock
        self._own_number = own_number  # the agent's line: the "to" of calls that lack one
        self._ring_timeout = ring_timeout
        self._talk_timeout = talk_timeout
        self._memory = memory
        self._calls: dict[str, Call] = {}  # external_call_id -> latest snapshot
        self._keys: dict[tuple[CallSource, str], str] = {}  # (source, source id) -> external id
        self._seen: dict[str, datetime] = {}  # external_call_id -> last time it changed

    # -- reading -----------------------------------------------------------------------

    def open_calls(self) -> list[Call]:
        return [c for c in self._calls.values() if not is_closed(c)]

    def recent_calls(self) -> list[Call]:
        """The calls remembered here (open, or closed within the memory), as last seen."""
        return list(self._calls.values())

    def resolve(self, event: CallEvent) -> Call | None:
        """The call this event belongs to, as last seen here, or ``None`` if unknown."""
        if event.source_call_id is not None:
            known = self._keys.get((event.source, event.source_call_id))
            return self._calls.get(known) if known else None
        return self._match_by_number(event)

    def overdue(self, now: datetime | None = None) -> list[Call]:
        """Open calls whose ended event is overdue; also forgets long-closed calls."""
        now = ensure_utc(now or self._clock())
        self._forget_before(now - self._memory)
        return [c for c in self.open_calls() if self._deadline(c) <= now]

    # -- changing ----------------------------------------------------------------------

    def restore(self, calls: Iterable[Call]) -> None:
        """Take calls back from the journal after a restart (open ones above all). Where
        two share a source id, the newest keeps it."""
        for call in sorted(calls, key=lambda c: c.created_at):
            self._remember(call, self._last_moment(call) or self._clock())

    def apply(self, event: CallEvent, existing: Call | None = None) -> Transition:
        """Apply one event and remember the result: :meth:`plan` then :meth:`commit`."""
        transition = self.plan(event, existing)
        self.commit(transition)
        return transition

    def plan(self, event: CallEvent, existing: Call | None = None) -> Transition:
        """What one event does, remembering nothing yet. ``existing`` is the journal's
        current copy of the event's call (found by :meth:`resolve` or by source id), used
        as the base when given. Pass the result to :meth:`commit` once it is journaled."""
        base = existing if existing is not None else self.resolve(event)
        if base is None:
            transition = self._create(event)
        elif event.kind is EventKind.RINGING:
            transition = self._ringing(base, event)
        elif event.kind is EventKind.ANSWERED:
            transition = self._answered(base, event)
        else:
            transition = self._ended(base, event)
        if transition.changed:
            return dataclasses.replace(transition, moment=event.at, keep=True)
        # Nothing new, but the journal's copy is the latest word on the call.
        return dataclasses.replace(transition, keep=existing is not None)

    def commit(self, transition: Transition) -> None:
        """Remember what :meth:`plan` or :meth:`expire` decided (after it was journaled)."""
        if transition.keep:
            self._remember(transition.call, transition.moment)

    def expire(self, call: Call, now: datetime | None = None, *, commit: bool = True) -> Transition:
        """Close a call that never ended as UNKNOWN, flagged. The duration stays unknown
        rather than made up. A call that is no longer open is left alone. With
        ``commit=False`` nothing is remembered until :meth:`commit`."""
        now = ensure_utc(now or self._clock())
        if is_closed(call) or self._deadline(call) > now:
            return Transition(call, Outcome.DUPLICATE)
        timeout = self._talk_timeout if call.answered_at else self._ring_timeout
        minutes = round(timeout / timedelta(minutes=1))
        closed = dataclasses.replace(
            call,
            final_status=CallStatus.UNKNOWN,
            flagged=f"{NEVER_ENDED_FLAG} after {minutes} minutes",
        )
        transition = Transition(closed, Outcome.EXPIRED, moment=now, keep=True)
        if commit:
            self.commit(transition)
        return transition

    def interrupt(self, call: Call) -> Transition:
        """Close a call the journal still had open when the app started again: the app
        stopped during it, so its end was never heard. An answered call was talked
        (COMPLETED, duration unknown); one that only rang is taken as MISSED. Both are
        flagged, so they are never logged on the agent's behalf: the agent confirms or
        corrects the status. A real end arriving later replaces the guess. Remembered on
        :meth:`commit`."""
        if is_closed(call):
            return Transition(call, Outcome.DUPLICATE)
        closed = dataclasses.replace(
            call,
            final_status=CallStatus.COMPLETED if call.answered_at else CallStatus.MISSED,
            flagged=INTERRUPTED_FLAG,
        )
        moment = self._last_moment(call) or ensure_utc(self._clock())
        return Transition(closed, Outcome.INTERRUPTED, moment=moment, keep=True)

    # -- the state machine ---------------------------------------------------------------

    def _create(self, event: CallEvent) -> Transition:
        call = Call(
            raw_from=event.raw_from,
            raw_to=event.raw_to,
            from_number=event.from_number,
            to_number=event.to_number or self._own_number,
            direction=Direction.INBOUND,
            source=event.source,
            source_call_id=event.source_call_id,
            number_withheld=event.from_withheld,
            created_at=ensure_utc(self._clock()),
        )
        if event.kind is EventKind.RINGING:
            call.ringing_at = event.at
            return Transition(call, Outcome.NEW_RINGING)
        if event.kind is EventKind.ANSWERED:
            call.answered_at = event.at
            return Transition(call, Outcome.NEW_ANSWERED)
        assert event.reason is not None
        call.ended_at = event.at
        call.final_status = final_status_for(False, event.reason)
        return Transition(call, Outcome.NEW_ENDED)

    def _ringing(self, base: Call, event: CallEvent) -> Transition:
        if _reuses_id(base, event):
            return self._create(event)
        later = [t for t in (base.answered_at, base.ended_at) if t is not None]
        if base.ringing_at is not None or (later and event.at > min(later)):
            return Transition(base, Outcome.DUPLICATE)
        # A ringing that arrives after the answer or the end: keep the ring time.
        call = self._copy(base, event)
        call.ringing_at = event.at
        return Transition(call, Outcome.UPDATED)

    def _answered(self, base: Call, event: CallEvent) -> Transition:
        if base.answered_at is not None:
            return Transition(base, Outcome.DUPLICATE)
        if base.ended_at is not None and event.at > base.ended_at:
            return Transition(base, Outcome.DUPLICATE)  # an answer after the end: not this call
        call = self._copy(base, event)
        call.answered_at = max(event.at, base.ringing_at) if base.ringing_at else event.at
        if not is_closed(base):
            return Transition(call, Outcome.ANSWERED)
        # The answer arrived after the end (or after the app closed the call itself): the
        # call was talked after all.
        call.final_status = CallStatus.COMPLETED
        return Transition(call, Outcome.UPDATED)

    def _ended(self, base: Call, event: CallEvent) -> Transition:
        assert event.reason is not None
        if base.ended_at is not None:
            return Transition(base, Outcome.DUPLICATE)
        call = self._copy(base, event)
        earlier = [t for t in (base.ringing_at, base.answered_at) if t is not None]
        call.ended_at = max([event.at, *earlier])
        call.final_status = final_status_for(base.answered_at is not None, event.reason)
        if is_closed(base):  # it had expired, then the real end arrived: known after all
            call.flagged = None
            return Transition(call, Outcome.UPDATED)
        return Transition(call, Outcome.ENDED)

    @staticmethod
    def _copy(base: Call, event: CallEvent) -> Call:
        """A new snapshot (others may hold the old one), with the numbers this event knows
        and the call lacks."""
        call = dataclasses.replace(base)
        if call.from_number is None and event.from_number is not None:
            call.from_number = event.from_number
            call.raw_from = event.raw_from
            call.number_withheld = False
        if call.to_number is None and event.to_number is not None:
            call.to_number = event.to_number
            call.raw_to = event.raw_to
        return call

    # -- memory ------------------------------------------------------------------------

    def _match_by_number(self, event: CallEvent) -> Call | None:
        """For sources without call ids: the latest call from the same caller that this
        event can belong to (an open one, or for late events a recently closed one)."""
        same = [
            c
            for c in self._calls.values()
            if c.source == event.source and c.source_call_id is None and _same_caller(c, event)
        ]
        same.sort(key=lambda c: self._seen.get(c.external_call_id, c.created_at), reverse=True)
        for call in same:
            if not is_closed(call):
                return call
        for call in same:
            if event.kind is EventKind.RINGING:
                # A closed call absorbs a ringing only if it never rang and ended after it.
                if call.ringing_at is None and call.ended_at and event.at <= call.ended_at:
                    return call
                continue
            # A late answer, or a repeat of the end: only close in time to that call.
            last = self._last_moment(call)
            if last is not None and abs(event.at - last) <= UNKEYED_MATCH_WINDOW:
                return call
        return None

    def _remember(self, call: Call, moment: datetime | None) -> None:
        self._calls[call.external_call_id] = call
        if call.source_call_id is not None:
            self._keys[(call.source, call.source_call_id)] = call.external_call_id
        if moment is not None or call.external_call_id not in self._seen:
            self._seen[call.external_call_id] = moment or ensure_utc(self._clock())

    def _forget_before(self, limit: datetime) -> None:
        for call in [c for c in self._calls.values() if is_closed(c)]:
            if self._seen.get(call.external_call_id, limit) < limit:
                del self._calls[call.external_call_id]
                self._seen.pop(call.external_call_id, None)
                if call.source_call_id is None:
                    continue
                key = (call.source, call.source_call_id)
                # A reused id may belong to a newer call by now: leave that one's key.
                if self._keys.get(key) == call.external_call_id:
                    del self._keys[key]

    def _deadline(self, call: Call) -> datetime:
        if call.answered_at is not None:
            return call.answered_at + self._talk_timeout
        start = call.ringing_at or call.created_at
        return start + self._ring_timeout

    @staticmethod
    def _last_moment(call: Call) -> datetime | None:
        moments = [t for t in (call.ringing_at, call.answered_at, call.ended_at) if t]
        return max(moments) if moments else None


def _reuses_id(base: Call, event: CallEvent) -> bool:
    """A ringing with the id of ``base`` that is another call: the source reused the id.

    The same ringing again (a retry) is from the same caller and, if ``base`` is over, at a
    moment within it. A late ringing of a call first heard of when answered or ended keeps
    filling in that call, as long as it came before the end.
    """
    if event.source_call_id is None or event.source_call_id != base.source_call_id:
        return False  # matched by number: the caller is the same by construction
    if base.ringing_at is not None and not _same_caller(base, event):
        return True
    if not is_closed(base):
        return False
    over = base.ended_at or CallLifecycle._last_moment(base)
    return over is not None and event.at > over


def _same_caller(call: Call, event: CallEvent) -> bool:
    if call.from_number is not None and event.from_number is not None:
        return call.from_number.e164 == event.from_number.e164
    return call.raw_from.strip().lower() == event.raw_from.strip().lower()


def auto_log_at(call: Call, delay_seconds: int) -> datetime | None:
    """When to log a call the agent has not touched, or ``None`` for never: the option is
    off (0), the call is not closed with a known end, it is flagged for review, or it is
    already on its way to HubSpot."""
    if delay_seconds <= 0 or call.final_status is None or call.ended_at is None:
        return None
    if call.flagged or call.sync_state is not SyncState.LOCAL:
        return None
    return call.ended_at + timedelta(seconds=delay_seconds)


def is_missed(call: Call) -> bool:
    """An incoming call that rang here and ended unanswered with nobody told why: one the
    agent may want to call back. Rejected, busy, forwarded or failed calls are not."""
    return (
        call.direction is Direction.INBOUND
        and call.answered_at is None
        and call.final_status is CallStatus.MISSED
    )


def auto_log_delay(call: Call, all_seconds: int, missed_seconds: int) -> int:
    """The auto-log delay that applies to ``call`` (0: never). A missed call has its own,
    on by default, so an unanswered call does not leave a wrap-up waiting; where both are
    on, the shorter wins. Every other call follows the one for all calls."""
    if not is_missed(call):
        return all_seconds
    on = [d for d in (all_seconds, missed_seconds) if d > 0]
    return min(on) if on else 0


def should_auto_log(call: Call, delay_seconds: int, *, edited: bool, now: datetime) -> bool:
    """Log it now? Only when the agent did not edit the pop-up and the delay has passed."""
    deadline = auto_log_at(call, delay_seconds)
    return not edited and deadline is not None and ensure_utc(now) >= deadline
