"""``auth``: connect to HubSpot with a private-app token, see the connection, log out.

Tokens are read from standard input, never from the command line, where other users of
the machine can read them (``ps``, shell history).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys

from hubcall_desktop.cli.context import build_context
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.output import emit_json, say
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.secrets.errors import ACCESS_TOKEN_ENV
from hubcall_desktop.secrets.store import access_token_entry, validate_token
from hubcall_desktop.storage.settings import save_settings

MAX_STDIN_BYTES = 4096


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    auth = sub.add_parser("auth", help="connect to HubSpot (token in the OS keyring)")
    auth_sub = auth.add_subparsers(dest="auth_command", metavar="ACTION", required=True)

    p = auth_sub.add_parser("set-token", help="store a private-app access token read from stdin")
    p.add_argument("--portal", help="portal key (default: the active portal from settings)")
    p.add_argument("--no-check", action="store_true", help="do not test the token against HubSpot")
    p.set_defaults(handler=run_set_token)

    p = auth_sub.add_parser(
        "status", help="connection kind, portal, keyring backend (never the token)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_status)

    p = auth_sub.add_parser("logout", help="delete the stored token for the portal")
    p.add_argument("--portal")
    p.set_defaults(handler=run_logout)


def _read_token() -> str:
    if sys.stdin is None:
        raise InputError("token", "", "no standard input to read the token from")
    if sys.stdin.isatty():
        return getpass.getpass("Paste the HubSpot private-app access token: ")
    data = sys.stdin.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise InputError("token", "(too long)", "standard input is longer than a token can be")
    return data.strip()


def run_set_token(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = args.portal or ctx.settings.active_portal
    token_text = _read_token()
    token = validate_token(token_text)
    if not args.no_check:

        async def check() -> None:
            async with ctx.service(token) as service:
                details = await service.account_details()
            ctx.settings.portal_id = details.portal_id
            ctx.settings.ui_domain = details.ui_domain

        asyncio.run(check())
    ctx.secrets.set_access_token(token, portal)
    if not args.no_check:
        save_settings(ctx.settings, ctx.paths.settings)
    say(f"Token saved in {ctx.secrets.backend_name()} for portal '{portal}'.")
    return ExitCode.OK


def run_status(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = ctx.settings.active_portal
    backend = ctx.secrets.backend_name()
    from_env = bool(os.environ.get(ACCESS_TOKEN_ENV, "").strip())
    stored = ctx.secrets.get(access_token_entry(portal)) is not None
    kind = "environment" if from_env else "private-app token" if stored else "not connected"
    doc = {
        "connection": kind,
        "portal": portal,
        "portalId": ctx.settings.portal_id,
        "uiDomain": ctx.settings.ui_domain,
        "keyringBackend": backend,
        "apiBase": ctx.api_base,
    }
    if args.json:
        emit_json(doc)
    else:
        for key, value in doc.items():
            say(f"{key}: {value}")
    return ExitCode.OK if kind != "not connected" else ExitCode.CONFIGURATION


def run_logout(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = args.portal or ctx.settings.active_portal
    ctx.secrets.delete_access_token(portal)
    say(f"Disconnected portal '{portal}': its token was deleted from the keyring.")
    return ExitCode.OK
