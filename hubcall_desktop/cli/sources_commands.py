"""``notify`` and ``webhook info``: the command line side of the call sources.

``notify`` is for softphone hooks and PBX scripts that can run a command: it hands one
event to the running app through its webhook and exits 0 once the app journaled it, or
6 when no app is running. ``webhook info`` tells the same user's scripts where the
running app listens and with which secret.

Both reach the app of the data dir; when none runs, a running demo (``hubcall-desktop
--demo``) answers instead, and says so. ``--demo notify`` / ``--demo webhook info`` reach
the demo even while the real app runs.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
from collections.abc import Callable

from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.output import emit_json, say, warn
from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.events import EventKind
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.connect import WEBHOOK_SECRET_ENTRY
from hubcall_desktop.sources.handoff import (
    AppNotRunning,
    EventRefused,
    SecretGetter,
    locate_app,
    notify,
    require_secret,
)
from hubcall_desktop.sources.runtime import demo_runtime_file
from hubcall_desktop.storage.paths import resolve_paths

Handler = Callable[[argparse.Namespace], int]


def keyring_secret() -> Secret | None:
    """The webhook secret from the OS keyring (imported here: only these commands need it)."""
    from hubcall_desktop.secrets.store import SecretStore

    return SecretStore().get(WEBHOOK_SECRET_ENTRY)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    secret_getter: SecretGetter = keyring_secret,
) -> None:
    p = subparsers.add_parser(
        "notify",
        help="hand a call event to the running app (for softphone hooks and PBX scripts)",
        description="Hands the event to the app of the data dir, else to a running demo "
        "(--demo notify: to the demo only). Exit codes: 0 recorded, 2 refused input, "
        "5 set-up problem (e.g. the webhook is off), 6 app not running.",
    )
    p.add_argument("event", choices=[k.value for k in EventKind])
    p.add_argument(
        "--from",
        dest="from_number",
        required=True,
        metavar="NUMBER",
        help="the caller; empty or 'anonymous' for a withheld number",
    )
    p.add_argument(
        "--to",
        dest="to_number",
        default="",
        metavar="NUMBER",
        help="the number called (default: your own line from settings)",
    )
    p.add_argument("--call-id", metavar="ID", help="the softphone's id for the call, if it has one")
    p.add_argument(
        "--reason",
        metavar="R",
        help="ended only: hung-up, canceled, busy, rejected, failed, forwarded, no-answer",
    )
    p.add_argument("--at", metavar="RFC3339", help="when it happened (default: now)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(handler=functools.partial(run_notify, get_secret=secret_getter))

    p = subparsers.add_parser("webhook", help="the loopback webhook softphones report calls to")
    webhook_sub = p.add_subparsers(dest="webhook_command", metavar="SUBCOMMAND", required=True)
    info = webhook_sub.add_parser(
        "info",
        help="print the running app's webhook URL, port and secret",
        description="The app of the data dir, else a running demo (--demo webhook info: "
        "the demo only).",
    )
    info.add_argument("--json", action="store_true", help="print {url, port, secret, demo} as JSON")
    info.set_defaults(handler=functools.partial(run_webhook_info, get_secret=secret_getter))


def run_notify(args: argparse.Namespace, *, get_secret: SecretGetter) -> int:
    paths = resolve_paths(args.data_dir)
    fields = {"event": args.event, "from": args.from_number, "to": args.to_number}
    for name in ("call_id", "reason", "at"):
        value = getattr(args, name, None)
        if value:
            fields[name] = value
    try:
        handoff = asyncio.run(
            notify(
                fields,
                paths.runtime_file,
                get_secret,
                demo_file=demo_runtime_file(),
                demo_only=bool(getattr(args, "demo", False)),
            )
        )
    except AppNotRunning as exc:
        return _fail(ExitCode.APP_NOT_RUNNING, exc, args.json)
    except EventRefused as exc:
        code = ExitCode.BAD_INPUT if exc.status in (400, 413, 415) else ExitCode.FAILURE
        return _fail(code, exc, args.json, field=exc.field)
    except ConfigurationError as exc:
        return _fail(ExitCode.CONFIGURATION, exc, args.json)
    if args.json:
        doc = {"ok": True, "event": args.event, "callId": handoff.call_id, "demo": handoff.demo}
        emit_json(doc)
    else:
        where = " (demo mode)" if handoff.demo else ""
        say(f"{args.event}: recorded by HubCall Desktop{where} (call {handoff.call_id})")
    return ExitCode.OK


def run_webhook_info(args: argparse.Namespace, *, get_secret: SecretGetter) -> int:
    paths = resolve_paths(args.data_dir)
    try:
        found = locate_app(
            paths.runtime_file,
            demo_runtime_file(),
            demo_only=bool(getattr(args, "demo", False)),
            command="webhook info",
        )
        info = found.app
        secret = require_secret(get_secret, info)
    except AppNotRunning as exc:
        return _fail(ExitCode.APP_NOT_RUNNING, exc, args.json)
    except ConfigurationError as exc:
        return _fail(ExitCode.CONFIGURATION, exc, args.json)
    if args.json:
        doc = {"url": info.url, "port": info.port, "secret": secret.reveal(), "demo": info.demo}
        emit_json(doc)
    else:
        say(f"URL:    {info.url}")
        say(f"Port:   {info.port}")
        say(f"Secret: {secret.reveal()}")
        if info.demo:
            say("(demo mode: calls go to the demo's journal, not yours)")
        elif found.demo_beside is not None:
            say(
                f"(a demo runs too, at {found.demo_beside.url}; "
                "hubcall-desktop --demo webhook info shows it)"
            )
    return ExitCode.OK


def _fail(code: ExitCode, error: UserError, as_json: bool, field: str | None = None) -> int:
    if as_json:
        doc: dict[str, object] = {
            "ok": False,
            "exitCode": int(code),
            "error": type(error).__name__,
            "message": error.user_message,
        }
        if field:
            doc["field"] = field
        emit_json(doc)
    warn(f"hubcall-desktop: {error.user_message}")
    return int(code)
