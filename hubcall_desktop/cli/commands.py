"""The commands for scripts and softphone hooks: the full parser and the dispatch."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from hubcall_desktop import __version__
from hubcall_desktop.cli import (
    auth_commands,
    call_commands,
    contact_commands,
    misc_commands,
    shell_completion,
    sources_commands,
)
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.global_options import add_global_options, configure_logging
from hubcall_desktop.cli.output import emit_json, reconnect_sentence, warn
from hubcall_desktop.core.errors import ConfigurationError, InputError, StorageError, UserError
from hubcall_desktop.hubspot.errors import HubSpotError
from hubcall_desktop.secrets.oauth_errors import OAuthUnreachable, ReconnectNeeded

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    # argparse exits 2 on bad usage, which is already our "bad input" code.
    parser = argparse.ArgumentParser(
        prog="hubcall-desktop",
        description="Caller ID pop-ups and call logging to HubSpot for softphone agents.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("lookup", help="ask HubSpot who is calling")
    p.add_argument("from_number", metavar="FROM", help="the caller's number")
    p.add_argument("--to", help="the number called (default: own_number from settings)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(handler=call_commands.run_lookup)

    p = sub.add_parser("log", help="log a call in HubSpot (journaled first, queued if offline)")
    p.add_argument("--from", dest="from_number", required=True, metavar="FROM")
    p.add_argument("--to", dest="to_number", required=True, metavar="TO")
    p.add_argument(
        "--status", required=True, help="final status, e.g. COMPLETED, missed, no_answer"
    )
    p.add_argument("--started", metavar="ISO8601", help="start time (local time when no offset)")
    p.add_argument("--duration", type=int, metavar="SECONDS")
    p.add_argument("--notes", metavar="TEXT")
    p.add_argument("--title", metavar="TEXT")
    p.add_argument(
        "--outcome",
        metavar="NAME_OR_GUID",
        help="the call's outcome as the portal names it (any case) or its GUID, e.g. Connected",
    )
    p.add_argument("--user-id", type=int, metavar="N", help="the agent's HubSpot user id")
    p.add_argument(
        "--recipient",
        type=int,
        nargs="+",
        action="extend",
        metavar="N",
        help="HubSpot user ids who may take the call",
    )
    p.add_argument("--no-engagement", action="store_true", help="do not create a call engagement")
    p.add_argument("--call-id", metavar="ID", help="your id for the call (default: a new UUID)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=call_commands.run_log)

    p = sub.add_parser("sync", help="send what is pending in the outbox, report counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=call_commands.run_sync)

    p = sub.add_parser("history", help="list journaled calls, newest first")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=call_commands.run_history)

    misc_commands.register(sub)
    auth_commands.register(sub)
    contact_commands.register(sub)
    sources_commands.register(sub)
    shell_completion.register(sub)
    return parser


def run_command(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose, args.data_dir)
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.demo:
            return misc_commands.run_demo(args)
        return misc_commands.run_app(args)
    as_json = bool(getattr(args, "json", False))
    try:
        return int(handler(args))
    except InputError as exc:
        return _fail(ExitCode.BAD_INPUT, exc, as_json)
    except HubSpotError as exc:
        return _fail(ExitCode.HUBSPOT_REFUSED, exc, as_json)
    except ReconnectNeeded as exc:  # HubSpot refused the OAuth connection, as with a 401
        return _fail(ExitCode.HUBSPOT_REFUSED, exc, as_json, reconnect_sentence(exc))
    except OAuthUnreachable as exc:  # as HubSpotUnreachable is, when a token was refreshed
        return _fail(ExitCode.HUBSPOT_REFUSED, exc, as_json)
    except (ConfigurationError, StorageError) as exc:
        return _fail(ExitCode.CONFIGURATION, exc, as_json)
    except UserError as exc:
        return _fail(ExitCode.BAD_INPUT, exc, as_json)
    except KeyboardInterrupt:
        return 130


def _fail(code: ExitCode, error: UserError, as_json: bool, message: str | None = None) -> int:
    sentence = error.user_message if message is None else message
    if as_json:
        doc = {
            "ok": False,
            "exitCode": int(code),
            "error": type(error).__name__,
            "message": sentence,
        }
        if isinstance(error, HubSpotError):
            doc.update(error.to_json())
        emit_json(doc)
    warn(f"hubcall-desktop: {sentence}")
    return code
