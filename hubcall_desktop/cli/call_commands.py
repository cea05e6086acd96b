"""``lookup``, ``log``, ``sync`` and ``history``: the commands that talk about calls."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from hubcall_desktop.cli.context import CliContext, build_context
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.log_command import log_now
from hubcall_desktop.cli.output import (
    call_json,
    describe_match,
    emit_json,
    match_json,
    reconnect_sentence,
    say,
    warn,
)
from hubcall_desktop.core.call import Call, CallSource, SyncState, ensure_utc
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.services.outbox_sender import OutboxSender, SendOutcome
from hubcall_desktop.services.outcomes import catalog_for
from hubcall_desktop.storage.journal import OutboxEntry
from hubcall_desktop.storage.sender_lock import SenderBusy, SenderLock

MAX_CALL_ID = 256
# Calls the agent asked to log whose called number (their own line) was never given.
WAITING_FOR_NUMBER = (
    "{count} waiting for the number that was called (needs_number): HubSpot logs a call "
    "only with both numbers. Enter it in the call's window in HubCall Desktop, or set your "
    "own number in its Settings (Calls); the app sends them then."
)


def run_lookup(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    to_text = args.to or ctx.settings.own_number
    if not to_text:
        raise InputError(
            "--to", "", "no number given and no own number in settings (set own_number)"
        )
    call = Call(
        raw_from=args.from_number,
        raw_to=to_text,
        from_number=parse_phone(args.from_number, ctx.region, "FROM"),
        to_number=parse_phone(to_text, ctx.region, "--to"),
        source=CallSource.CLI,
        ringing_at=datetime.now(UTC),
        user_id=ctx.settings.user_id,
        recipient_user_ids=list(ctx.settings.recipient_user_ids),
    )

    async def lookup() -> int:
        async with ctx.connection() as connection, ctx.service(connection.active_tokens) as service:
            matches = await service.lookup(call)
        if args.json:
            emit_json(
                {
                    "from": call.from_number.e164 if call.from_number else None,
                    "matches": [match_json(m) for m in matches],
                }
            )
        elif matches:
            for match in matches:
                say(describe_match(match))
        else:
            say(f"Unknown caller: no HubSpot record has {args.from_number}")
        return ExitCode.OK

    return asyncio.run(lookup())


def run_log(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    call = _call_from_log_args(args, ctx)
    if args.outcome is not None:
        call.outcome = asyncio.run(_outcome(ctx, args.outcome))
    given_again = args.call_id is not None  # the journal may hold it: see carry_over
    return asyncio.run(_log(ctx, call, not args.no_engagement, given_again, args.json))


async def _outcome(ctx: CliContext, text: str) -> CallOutcome:
    """The outcome named on the command line, from the portal's list as cached; asked of
    HubSpot first when the list is a day old or does not know the name (a new outcome)."""
    catalog = catalog_for(ctx.paths.data_dir, ctx.settings.active_portal)
    found = catalog.current.find(text)
    if found is None or catalog.is_stale():
        async with ctx.connection() as connection, ctx.service(connection.active_tokens) as service:
            await catalog.refresh(service.call_outcomes, force=found is None)
    found = catalog.current.find(text)
    if found is None:
        choices = catalog.current.choices()
        raise InputError("--outcome", text, f"not a call outcome; use one of {choices}")
    return found


async def _log(
    ctx: CliContext, call: Call, create_engagement: bool, given_again: bool, as_json: bool
) -> int:
    # The connection first: without any, the command stops before journaling, as ever.
    async with ctx.connection() as connection, ctx.journal() as journal:

        async def send(entry: OutboxEntry) -> SendOutcome:
            async with ctx.service(connection.active_tokens) as service:
                lock = SenderLock(ctx.paths.data_dir)
                sender = OutboxSender(journal, service, tokens_for=connection.tokens_for, lock=lock)
                return await sender.send_entry(entry)

        return await log_now(
            journal,
            call,
            send,
            create_engagement=create_engagement,
            given_again=given_again,
            as_json=as_json,
        )


def _call_from_log_args(args: argparse.Namespace, ctx: CliContext) -> Call:
    call = Call(
        raw_from=args.from_number,
        raw_to=args.to_number,
        from_number=parse_phone(args.from_number, ctx.region, "--from"),
        to_number=parse_phone(args.to_number, ctx.region, "--to"),
        source=CallSource.CLI,
        final_status=CallStatus.parse(args.status, "--status"),
        notes=args.notes or "",
        title=args.title or "",
        user_id=args.user_id if args.user_id is not None else ctx.settings.user_id,
        recipient_user_ids=(
            list(args.recipient) if args.recipient else list(ctx.settings.recipient_user_ids)
        ),
        portal=ctx.settings.active_portal,
    )
    if args.call_id is not None:
        call.external_call_id = _call_id(args.call_id)
    call.started_at = _started(args.started) if args.started else datetime.now(UTC)
    if args.duration is not None:
        if not 0 <= args.duration <= INT32_MAX:
            raise InputError("--duration", args.duration, "must be 0 or more seconds")
        call.duration_seconds = args.duration
    return call


def _call_id(text: str) -> str:
    if not text or len(text) > MAX_CALL_ID or not text.isprintable() or text != text.strip():
        raise InputError("--call-id", text, f"must be 1 to {MAX_CALL_ID} printable characters")
    return text


def _started(text: str) -> datetime:
    """ISO 8601; a time without an offset is the agent's local time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        raise InputError(
            "--started", text, "not an ISO 8601 date-time such as 2026-11-24T09:30:00Z"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()
    moment = ensure_utc(moment)
    if moment > datetime.now(UTC) + timedelta(days=1):
        raise InputError("--started", text, "is in the future")
    return moment


def run_sync(args: argparse.Namespace) -> int:
    ctx = build_context(args)

    async def sync() -> int:
        async with (
            ctx.connection() as connection,
            ctx.journal() as journal,
            ctx.service(connection.active_tokens) as service,
        ):
            lock = SenderLock(ctx.paths.data_dir)
            sender = OutboxSender(journal, service, tokens_for=connection.tokens_for, lock=lock)
            try:
                report = await sender.send_due(include_future=True, recover=True)
                waiting = await journal.count_calls(sync_states=[SyncState.NEEDS_NUMBER])
            except SenderBusy as busy:
                # Not ours to send now: the other sender (the app, most likely) sends them.
                pending = await journal.pending_count()
                if args.json:
                    emit_json({"busy": True, "message": str(busy), "pending": pending})
                else:
                    warn(f"{busy} Nothing to do.")
                return ExitCode.QUEUED if pending else ExitCode.OK
            for entry in report.recovered:
                warn(
                    f"Call {entry.external_call_id} was being sent when HubCall stopped; "
                    "sending it again (HubSpot may show it twice)."
                )
        if args.json:
            emit_json({**report.to_json(), "waitingForNumber": waiting})
        else:
            say(
                f"Delivered {report.delivered}, refused {report.failed}, still queued {report.still_pending}."
            )
            reconnect: ReconnectNeeded | None = None
            for outcome in report.outcomes:
                if isinstance(outcome.error, ReconnectNeeded):
                    reconnect = outcome.error  # said once below, not once per call
                elif outcome.error is not None:
                    warn(f"{outcome.external_call_id}: {outcome.error}")
            if reconnect is not None:
                warn(f"{reconnect_sentence(reconnect)} The calls stay in the outbox until then.")
            if waiting:
                warn(WAITING_FOR_NUMBER.format(count=_calls(waiting).capitalize()))
        if report.failed:
            return ExitCode.HUBSPOT_REFUSED
        return ExitCode.QUEUED if report.still_pending else ExitCode.OK

    return asyncio.run(sync())


def run_history(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    if not 1 <= args.limit <= 100_000:
        raise InputError("--limit", args.limit, "must be from 1 to 100000")

    async def history() -> tuple[list[Call], list[dict[str, Any] | None]]:
        async with ctx.journal() as journal:
            calls = await journal.list_calls(limit=args.limit)
            if not args.json:
                return calls, []
            # HubSpot's last refusal of each call (message, category, correlation id, …):
            # what support asks for.
            refusals = []
            for call in calls:
                entries = await journal.outbox_entries(call.external_call_id)
                refusals.append(entries[-1].last_error if entries else None)
            return calls, refusals

    calls, refusals = asyncio.run(history())
    if args.json:
        docs = [{**call_json(c), "lastError": e} for c, e in zip(calls, refusals, strict=True)]
        emit_json({"calls": docs})
        return ExitCode.OK
    if not calls:
        say("No calls yet.")
    for call in calls:
        who = (
            call.matches[0].display_name
            if call.matches
            else ("number withheld" if call.number_withheld else "unknown caller")
        )
        number = (
            call.from_number.for_humans(ctx.region) if call.from_number else call.raw_from or "-"
        )
        when = call.start_time.astimezone().strftime("%Y-%m-%d %H:%M") if call.start_time else "-"
        status = call.final_status.label if call.final_status else "in progress"
        outcome = f"  {call.outcome.label}" if call.outcome else ""
        say(f"{when}  {number:<20} {who:<28} {status:<12} {call.sync_state.value}{outcome}")
    waiting = sum(c.sync_state is SyncState.NEEDS_NUMBER for c in calls)
    if waiting:
        say(WAITING_FOR_NUMBER.format(count=_calls(waiting).capitalize()))
    return ExitCode.OK


def _calls(count: int) -> str:
    return "one call" if count == 1 else f"{count} calls"
