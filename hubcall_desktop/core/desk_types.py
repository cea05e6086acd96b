"""What the call desk tells its observers, and the small interfaces it is given.

The desk is Qt-free; the UI adapts these plain callbacks into Qt signals (one adapter
object in ``ui/``). Updates carry a snapshot of the call, never a live object to mutate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: the UI's first paint loads this module without them
    from hubcall_desktop.core.call import Call
    from hubcall_desktop.core.errors import UserError
    from hubcall_desktop.core.log_verdict import Verdict
    from hubcall_desktop.core.matches import CallerMatch
    from hubcall_desktop.core.outcomes import CallOutcome
    from hubcall_desktop.core.statuses import CallStatus


class UpdateKind(StrEnum):
    RINGING = "ringing"  # a new call: show the pop-up (matches: the journal's last match)
    MATCHES = "matches"  # HubSpot's fresh caller-ID matches arrived
    LOOKUP_FAILED = "lookup-failed"  # asking HubSpot failed; ``error`` says why
    ANSWERED = "answered"  # start the call timer
    ENDED = "ended"  # closed: ask for status and notes (``call.final_status`` is the guess)
    CHANGED = "changed"  # anything else about the call (late info, edits, discarded)
    SYNC = "sync"  # the call's sync state moved (pending, logged, failed, ...)
    NOT_RECORDED = "not-recorded"  # a call shown at once could not be journaled; ``error``: why


@dataclass(frozen=True, slots=True)
class DeskUpdate:
    kind: UpdateKind
    call: Call
    matches: tuple[CallerMatch, ...] = ()
    fresh: bool = False  # matches come from HubSpot just now (not the journal's memory)
    error: str = ""  # the sentence to show (lookup or log failure)
    error_fields: tuple[str, ...] = ()  # the request fields a HubSpot 400 names
    # False: not (or not yet) in the journal. A new call's RINGING comes at once, while the
    # journal commits it; a recorded update (CHANGED or MATCHES) or NOT_RECORDED follows.
    # Views of the journal (the history, recent calls) wait for the recorded one.
    recorded: bool = True


class TokenState(StrEnum):
    UNKNOWN = "unknown"  # not used yet
    OK = "ok"  # HubSpot accepted it
    MISSING = "missing"  # none saved (or no keyring to read it from)
    REFUSED = "refused"  # HubSpot answered 401/403
    RECONNECT = "reconnect"  # the OAuth grant is gone: the agent must connect again


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """The connection state the status bar and tray show."""

    token: TokenState = TokenState.UNKNOWN
    reachable: bool | None = None  # None: not tried yet
    pending: int = 0  # outbox entries not yet settled
    sources: tuple[str, ...] = ()  # call sources listening (e.g. "webhook 127.0.0.1:47831")
    message: str = ""  # the last connection problem, in words

    @property
    def healthy(self) -> bool:
        return self.token not in _UNHEALTHY_TOKENS and self.reachable is not False


_UNHEALTHY_TOKENS = frozenset({TokenState.REFUSED, TokenState.MISSING, TokenState.RECONNECT})


UpdateListener = Callable[[DeskUpdate], None]
StatusListener = Callable[[DeskStatus], None]


class CallControl(Protocol):
    """Answers and hangs up calls of one source (baresip, the demo)."""

    async def answer(self, call: Call) -> None: ...

    async def hangup(self, call: Call) -> None: ...


@dataclass(frozen=True, slots=True)
class ManualLog:
    """What the agent typed in the manual call-logging form (numbers still as text)."""

    from_text: str
    to_text: str
    status: CallStatus
    started_at: datetime  # aware; sent as UTC
    duration_seconds: int
    extension: str = ""
    notes: str = ""
    title: str = ""
    user_id: int | None = None
    recipient_user_ids: tuple[int, ...] = ()
    create_engagement: bool = True
    external_call_id: str | None = None  # resubmitting a call that failed before
    outcome: CallOutcome | None = None  # hs_call_disposition


@dataclass(frozen=True, slots=True)
class ManualResult:
    """How a manual log went: the verdict the CLI's ``log`` would give, HubSpot's matches
    when it was delivered, and its refusal (naming the form's fields) when not."""

    call: Call
    verdict: Verdict
    matches: tuple[CallerMatch, ...] = ()
    error: UserError | None = None  # HubSpot's refusal (a HubSpotError) or why it could not be sent
    error_fields: tuple[str, ...] = field(default=())

    @property
    def delivered(self) -> bool:
        return self.verdict.delivered

    @property
    def queued(self) -> bool:
        """It stays in the outbox (not answered yet, a transient failure, no connection)."""
        return self.verdict.waits_in_outbox
