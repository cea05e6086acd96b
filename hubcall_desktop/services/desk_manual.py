"""The manual call-logging form's Log: journal the call the agent typed in, queue it, and
wait a while for HubSpot's answer so the form can say how it went."""

from __future__ import annotations

import asyncio

from hubcall_desktop.core.desk_types import DeskUpdate, ManualLog, ManualResult, UpdateKind
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.core.manual_log import SubmissionGuard, build_manual_call
from hubcall_desktop.core.matches import sort_by_likelihood
from hubcall_desktop.hubspot.errors import HubSpotError
from hubcall_desktop.services.desk_shared import DeskShared
from hubcall_desktop.services.log_call import queue_log, verdict_of

MANUAL_WAIT_S = 20.0  # the form waits this long for HubSpot before saying "queued"


class ManualLogging:
    def __init__(self, shared: DeskShared) -> None:
        self._s = shared
        self._submissions = SubmissionGuard()  # manual forms being logged

    async def log_manual(
        self, request: ManualLog, *, wait_s: float = MANUAL_WAIT_S
    ) -> ManualResult:
        """:meth:`_log_manual`, once: the same form submitted again while it is being
        logged raises :class:`AlreadySubmitting` instead of becoming a second call."""
        with self._submissions.claim(request):
            return await self._log_manual(request, wait_s=wait_s)

    async def _log_manual(self, request: ManualLog, *, wait_s: float) -> ManualResult:
        """Journal and log a call the agent typed in, and wait (up to ``wait_s``) for
        HubSpot's answer. Raises :class:`InputError` naming the form field for bad input,
        and the journal's refusal of a call logged or queued already; HubSpot's refusal
        comes back in the result (the call stays in the journal)."""
        s = self._s
        call = build_manual_call(
            request, s.settings.region, s.clock(), portal=s.settings.active_portal
        )
        call_id = call.external_call_id
        # Expect the outcome before queueing: the outbox may send it before we look again.
        outcome_future = s.outbox.expect(call_id)
        try:
            async with s.lock:
                queued = await queue_log(
                    s.journal,
                    call,
                    create_engagement=request.create_engagement,
                    given_again=request.external_call_id is not None,
                )
            if queued.verdict is not Verdict.QUEUED and queued.error is not None:
                raise queued.error
        except BaseException:
            s.outbox.forget(call_id, outcome_future)
            raise
        s.edited.add(call_id)
        s.notify(DeskUpdate(UpdateKind.SYNC, call))
        await s.outbox.queued()
        try:
            async with asyncio.timeout(wait_s):
                outcome = await asyncio.shield(outcome_future)
        except TimeoutError:
            s.outbox.forget(call_id, outcome_future)
            return ManualResult(await s.require(call_id), Verdict.QUEUED)
        # The sender keeps the matches HubSpot answered the log with on the call.
        final = await s.require(call_id)
        matches = sort_by_likelihood(final.matches) if outcome.delivered else []
        if matches:
            s.notify(DeskUpdate(UpdateKind.MATCHES, final, tuple(matches), fresh=True))
        verdict = verdict_of(final, outcome)  # as the CLI reads the same answer
        error = outcome.error
        return ManualResult(
            final,
            verdict.verdict,
            matches=tuple(matches),
            error=error,
            error_fields=error.details.fields if isinstance(error, HubSpotError) else (),
        )
