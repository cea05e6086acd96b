"""``contact create`` and ``contact sync``: HubSpot contacts for callers it does not know.

The same rules as the app's "Create contact": checked first, journaled, sent once (see
:mod:`hubcall_desktop.services.contact_create`). Exit codes as for ``log``: 0 created,
2 bad input, 3 refused (a taken e-mail is a refusal; the existing contact is named), 4 kept
for later, 5 no connection.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from hubcall_desktop.cli.context import CliContext, build_context
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.output import emit_json, match_json, say, warn
from hubcall_desktop.core.contacts import ContactDraft, ContactOutcome, Problem, Result
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.links import record_url
from hubcall_desktop.hubspot.service import HubSpotService
from hubcall_desktop.services.contact_create import ContactCreator
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.contact_writes import ContactWrites

# The option each draft field comes from, and what each problem means on the command line.
_OPTIONS = {
    "first_name": "--first",
    "last_name": "--last",
    "email": "--email",
    "company": "--company",
    "phone": "--phone",
}
_PROBLEMS = {
    Problem.NAME_OR_EMAIL: "give --first, --last or --email",
    Problem.EMAIL: "not an e-mail address (name@example.com)",
    Problem.PHONE: "not a valid phone number",
    Problem.TOO_LONG: "longer than 256 characters",
}


def register(sub: Any) -> None:
    p = sub.add_parser("contact", help="create HubSpot contacts for unknown callers")
    actions = p.add_subparsers(dest="contact_command", metavar="ACTION", required=True)
    c = actions.add_parser("create", help="create a contact (journaled first, kept if offline)")
    c.add_argument("--first", default="", metavar="NAME", help="first name")
    c.add_argument("--last", default="", metavar="NAME", help="last name")
    c.add_argument("--email", default="", metavar="ADDRESS")
    c.add_argument("--company", default="", metavar="NAME")
    c.add_argument("--phone", default="", metavar="NUMBER", help="any written form")
    c.add_argument(
        "--call-id", metavar="ID", help="the journaled call it is for: the call then shows it"
    )
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=run_create)
    s = actions.add_parser("sync", help="send contacts still waiting to be created")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=run_sync)


def run_create(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    draft = ContactDraft(args.first, args.last, args.email, args.company, args.phone)
    for name, problem in draft.problems(ctx.region).items():
        raise InputError(_OPTIONS[name], getattr(draft, name), _PROBLEMS[problem])

    async def create() -> int:
        async with (
            ctx.journal() as journal,
            ctx.connection() as connection,
            ctx.service(connection.active_tokens) as service,
        ):
            outcome = await _creator(ctx, journal, service).create(
                draft,
                ctx.region,
                external_call_id=args.call_id,
                portal=ctx.settings.active_portal,
            )
        return _report(ctx, outcome, args.json)

    return asyncio.run(create())


def run_sync(args: argparse.Namespace) -> int:
    ctx = build_context(args)

    async def sync() -> int:
        async with (
            ctx.journal() as journal,
            ctx.connection() as connection,
            ctx.service(connection.active_tokens) as service,
        ):
            creator = _creator(ctx, journal, service)
            await creator.recover_interrupted()
            outcomes = await creator.send_due(include_future=True)  # as 'sync' does
        counts = {result.value: 0 for result in Result}
        for outcome in outcomes:
            counts[outcome.result.value] += 1
        if args.json:
            emit_json(counts)
        else:
            say(", ".join(f"{count} {name}" for name, count in counts.items()))
        return ExitCode.QUEUED if counts[Result.QUEUED.value] else ExitCode.OK

    return asyncio.run(sync())


def _creator(ctx: CliContext, journal: AsyncJournal, service: HubSpotService) -> ContactCreator:
    return ContactCreator(
        ContactWrites(journal), journal, service, portal_id=lambda: ctx.settings.portal_id
    )


def _report(ctx: CliContext, outcome: ContactOutcome, as_json: bool) -> int:
    match, error = outcome.match, outcome.error
    url = record_url(match.coordinates, ctx.settings.ui_domain) if match else None
    code, sentence = {
        Result.CREATED: (ExitCode.OK, "Created the contact in HubSpot."),
        Result.DUPLICATE: (
            ExitCode.HUBSPOT_REFUSED,
            "HubSpot already has a contact with this e-mail address.",
        ),
        Result.QUEUED: (
            ExitCode.QUEUED,
            f"Not created now ({error}); the contact is kept and is created by "
            "'hubcall-desktop contact sync' or the running app.",
        ),
        Result.FAILED: (ExitCode.HUBSPOT_REFUSED, f"HubSpot refused the contact: {error}"),
    }[outcome.result]
    contact_id = outcome.write.contact_id
    if as_json:
        doc: dict[str, Any] = {
            "result": outcome.result.value,
            "contactId": contact_id,
            "url": url,
            "message": sentence,
            "exitCode": int(code),
        }
        if match is not None:
            doc["match"] = match_json(match)
        emit_json(doc)
    else:
        (say if code == ExitCode.OK else warn)(sentence)
        if contact_id is not None:
            say(f"contact id: {contact_id}" + (f" ({url})" if url else ""))
    return code
