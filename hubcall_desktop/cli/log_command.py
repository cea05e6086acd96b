"""``log``: the log-a-call use case (:mod:`hubcall_desktop.services.log_call`) on the
command line. The call is queued in the journal first, then sent at once; the verdict
decides the exit code (README: exit codes) and the sentence."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.output import KEPT_FOR_SYNC, emit_json, reconnect_sentence, say, warn
from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.hubspot.errors import HubSpotError
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.services.log_call import LogVerdict, queue_log, verdict_of
from hubcall_desktop.services.outbox_sender import SendOutcome
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.journal import OutboxEntry
from hubcall_desktop.storage.sender_lock import SenderBusy

EXIT_CODES = {
    Verdict.SENT: ExitCode.OK,
    Verdict.ALREADY_LOGGED: ExitCode.OK,
    Verdict.QUEUED: ExitCode.QUEUED,
    Verdict.ALREADY_QUEUED: ExitCode.QUEUED,
    Verdict.SENDING_ELSEWHERE: ExitCode.QUEUED,
    Verdict.REFUSED: ExitCode.HUBSPOT_REFUSED,
    Verdict.CONNECTION_REFUSED: ExitCode.HUBSPOT_REFUSED,  # a call stays queued
    Verdict.NO_TOKEN: ExitCode.CONFIGURATION,
    Verdict.KEPT: ExitCode.BAD_INPUT,  # not reached: the journal refuses such a call
}
_STATES = {Verdict.SENT: "logged", Verdict.ALREADY_LOGGED: "logged", Verdict.REFUSED: "failed"}
WAITS_FOR_CONNECTION = "The call is kept in the outbox and is sent once the connection works."

Send = Callable[[OutboxEntry], Awaitable[SendOutcome]]


async def log_now(
    journal: AsyncJournal,
    call: Call,
    send: Send,
    *,
    create_engagement: bool,
    given_again: bool,
    as_json: bool,
) -> int:
    """Queue ``call``, send it with ``send`` and report the verdict; the exit code."""
    verdict = await queue_log(
        journal, call, create_engagement=create_engagement, given_again=given_again
    )
    if verdict.entry is not None:
        try:
            verdict = verdict_of(call, await send(verdict.entry))
        except SenderBusy as busy:  # another process sends the outbox: it sends this one
            verdict = LogVerdict(Verdict.SENDING_ELSEWHERE, call, busy)
    return report(verdict, as_json)


def report(verdict: LogVerdict, as_json: bool) -> int:
    code = EXIT_CODES[verdict.verdict]
    call, error = verdict.call, verdict.error
    state = _STATES.get(verdict.verdict, "pending")
    sentence = _sentence(verdict)
    if as_json:
        doc: dict[str, object] = {
            "externalCallId": call.external_call_id,
            "state": state,
            "message": sentence,
            "exitCode": int(code),
        }
        if isinstance(error, HubSpotError):
            doc["error"] = error.to_json()
        elif error is not None and verdict.verdict in _NAMES_ERROR:
            doc["error"] = {"error": type(error).__name__}
        emit_json(doc)
    else:
        (say if code == ExitCode.OK else warn)(sentence)
        say(f"externalCallId: {call.external_call_id}")
    return code


# Verdicts whose JSON names an error that is not HubSpot's (the journal's refusals and
# a missing token are told in the message only).
_NAMES_ERROR = frozenset({Verdict.CONNECTION_REFUSED, Verdict.QUEUED})


def _sentence(verdict: LogVerdict) -> str:
    error = verdict.error
    match verdict.verdict:
        case Verdict.SENT:
            return "Logged in HubSpot."
        case Verdict.SENDING_ELSEWHERE if error is None:
            return "Another HubCall process is sending this call; see 'hubcall-desktop history'."
        case Verdict.SENDING_ELSEWHERE:
            return f"{error} The call is queued."
        case Verdict.CONNECTION_REFUSED if isinstance(error, ReconnectNeeded):
            return f"{reconnect_sentence(error)} {KEPT_FOR_SYNC}"
        case Verdict.CONNECTION_REFUSED | Verdict.NO_TOKEN:
            return f"{error} {WAITS_FOR_CONNECTION}"
        case Verdict.QUEUED:
            return _queued(error)
        case _:
            return str(error)


def _queued(error: UserError | None) -> str:
    return (
        f"Not delivered now ({error}); the call is safely queued and will be sent by "
        "'hubcall-desktop sync' or the running app."
    )
