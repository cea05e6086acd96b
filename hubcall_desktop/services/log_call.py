"""Log a call: the one use case behind the manual form, the pop-up's Log and the CLI's ``log``.

Each asks the same two things of the journal and HubSpot: queue the call's log request
(:func:`queue_log`: a call given again keeps what the journal knew of it, its portal
above all), then, if it waits for HubSpot's answer, read it (:func:`verdict_of`). Both
answer with a :class:`LogVerdict`, which the CLI maps to its exit codes and the windows to
what they show.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import HubSpotAuthError, HubSpotError, HubSpotScopeError
from hubcall_desktop.secrets.oauth_errors import OAuthUnreachable, ReconnectNeeded
from hubcall_desktop.services.outbox_sender import SendOutcome
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.errors import AlreadyLogged, AlreadyQueued
from hubcall_desktop.storage.journal import OutboxEntry

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LogVerdict:
    verdict: Verdict
    call: Call
    error: UserError | None = None  # HubSpot's refusal, or why it was not sent now
    entry: OutboxEntry | None = None  # the request :func:`queue_log` queued

    @property
    def delivered(self) -> bool:
        return self.verdict.delivered

    @property
    def waits_in_outbox(self) -> bool:
        """Still to be sent by the outbox (the app's or ``sync``)."""
        return self.verdict.waits_in_outbox


def carry_over(call: Call, earlier: Call | None) -> None:
    """A call given again (a resubmitted form, ``log --call-id``) keeps what the journal
    knew of it: it stays in the portal it was first in, and keeps its ring time and
    matches. The one home of that rule."""
    if earlier is None:
        return
    if earlier.portal is not None:
        call.portal = earlier.portal
    call.ringing_at = call.ringing_at or earlier.ringing_at
    call.matches = call.matches or earlier.matches


async def queue_log(
    journal: AsyncJournal, call: Call, *, create_engagement: bool, given_again: bool
) -> LogVerdict:
    """Queue ``call``'s log request in one transaction (the call saved as ``pending``).

    ``given_again``: the call's id came from outside, so the journal may hold it already
    (its copy is read once, for :func:`carry_over`). A call HubSpot has, or one already
    waiting in the outbox, is not queued twice: the verdict says which, with the
    journal's refusal as its error. Raises what the journal refuses otherwise (a
    withheld number, a value it cannot store)."""
    if given_again:
        carry_over(call, await journal.get_call(call.external_call_id))
    body = build_log_body(call, create_engagement=create_engagement)
    try:
        entry = await journal.enqueue_log(call, body)
    except AlreadyLogged as error:
        return LogVerdict(Verdict.ALREADY_LOGGED, call, error)
    except AlreadyQueued as error:
        return LogVerdict(Verdict.ALREADY_QUEUED, call, error)
    call.sync_state = SyncState.PENDING  # as the journal stored it: no need to read it back
    return LogVerdict(Verdict.QUEUED, call, entry=entry)


def verdict_of(call: Call, outcome: SendOutcome | None) -> LogVerdict:
    """What HubSpot's answer (or the lack of one) means for a queued call."""
    if outcome is None:  # another process took the call between queuing and sending
        return LogVerdict(Verdict.SENDING_ELSEWHERE, call)
    if outcome.delivered:
        return LogVerdict(Verdict.SENT, call)
    error = outcome.error
    if error is None:
        return LogVerdict(Verdict.SENDING_ELSEWHERE, call)
    if isinstance(error, ReconnectNeeded):  # the OAuth grant is gone: like a 401
        return LogVerdict(Verdict.CONNECTION_REFUSED, call, error)
    if isinstance(error, OAuthUnreachable):
        return LogVerdict(Verdict.QUEUED, call, error)
    if not isinstance(error, HubSpotError):
        return LogVerdict(Verdict.NO_TOKEN, call, error)
    if outcome.permanent:
        return LogVerdict(Verdict.REFUSED, call, error)
    if isinstance(error, HubSpotAuthError | HubSpotScopeError):  # the token, not the call
        return LogVerdict(Verdict.CONNECTION_REFUSED, call, error)
    return LogVerdict(Verdict.QUEUED, call, error)
