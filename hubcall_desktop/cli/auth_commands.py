"""``auth``: connect to HubSpot (OAuth in the browser, or a private-app token), see the
connection, log out.

Tokens and the client secret are read from standard input, never from the command line,
where other users of the machine can read them (``ps``, shell history).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from hubcall_desktop.cli.context import CliContext, build_context
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.output import emit_json, say
from hubcall_desktop.core.connection_types import ConnectionKind, ConnectionSnapshot, WhoAmI
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.oauth import (
    MAX_REDIRECT_PORT,
    MIN_REDIRECT_PORT,
    scope_warning,
    valid_redirect_port,
)
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import (
    DEFAULT_SCOPES,
    METADATA_FILE,
    MetadataFile,
    resolve_client_id,
)
from hubcall_desktop.secrets.oauth_flow import DEFAULT_TIMEOUT, BrowserOpener, system_browser
from hubcall_desktop.secrets.store import validate_secret, validate_token
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.storage.settings import save_settings

MAX_STDIN_BYTES = 4096
T = TypeVar("T")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    auth = sub.add_parser("auth", help="connect to HubSpot (token in the OS keyring)")
    auth_sub = auth.add_subparsers(dest="auth_command", metavar="ACTION", required=True)

    p = auth_sub.add_parser("set-token", help="store a private-app access token read from stdin")
    p.add_argument("--portal", help="portal key (default: the active portal from settings)")
    p.add_argument("--no-check", action="store_true", help="do not test the token against HubSpot")
    p.set_defaults(handler=run_set_token)

    p = auth_sub.add_parser("login", help="connect with OAuth in the browser (PKCE)")
    p.add_argument("--portal", help="portal key (default: the active portal from settings)")
    p.add_argument("--client-id", help="the HubSpot app's client id (default: settings)")
    p.add_argument("--legacy", action="store_true", help="use the v1 token endpoints")
    p.add_argument("--no-browser", action="store_true", help="print the address to open instead")
    p.add_argument(
        "--redirect-port",
        type=_redirect_port,
        metavar="PORT",
        help="sign-in port: the browser returns to http://localhost:PORT/oauth-callback, "
        "which the HubSpot app must list (default: settings, else 47832)",
    )
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S")
    p.add_argument(
        "--scope", action="append", metavar="SCOPE", help="scope to ask for (repeatable)"
    )
    p.set_defaults(handler=run_login)

    p = auth_sub.add_parser(
        "set-client-secret", help="store the OAuth app's client secret read from stdin"
    )
    p.set_defaults(handler=run_set_client_secret)

    p = auth_sub.add_parser(
        "status", help="connection kind, portal, user, scopes, expiry, keyring (never a token)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_status)

    p = auth_sub.add_parser(
        "logout", help="revoke the connection at HubSpot and delete the portal's secrets"
    )
    p.add_argument("--portal")
    p.set_defaults(handler=run_logout)


def _redirect_port(text: str) -> int:
    """argparse type: a sign-in port that can be listened on without privileges."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not valid_redirect_port(port):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a port from {MIN_REDIRECT_PORT} to {MAX_REDIRECT_PORT}"
        )
    return port


def _read_token(what: str = "HubSpot private-app access token") -> str:
    if sys.stdin is None:
        raise InputError("token", "", "no standard input to read the token from")
    if sys.stdin.isatty():
        return getpass.getpass(f"Paste the {what}: ")
    data = sys.stdin.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise InputError("token", "(too long)", "standard input is longer than a token can be")
    return data.strip()


def _manager(ctx: CliContext, portal: str, args: argparse.Namespace) -> ConnectionManager:
    return ConnectionManager(
        AsyncSecretStore(ctx.secrets),
        MetadataFile(ctx.paths.data_dir / METADATA_FILE),
        api_base=ctx.api_base,
        portal=portal,
        client_id=resolve_client_id(getattr(args, "client_id", None), ctx.settings.oauth_client_id),
        legacy=bool(getattr(args, "legacy", False)),
        redirect_port=getattr(args, "redirect_port", None) or ctx.settings.oauth_redirect_port,
    )


def _run(
    ctx: CliContext,
    portal: str,
    args: argparse.Namespace,
    work: Callable[[ConnectionManager], Awaitable[T]],
) -> T:
    async def main() -> T:
        manager = _manager(ctx, portal, args)
        try:
            await manager.refresh_state()
            return await work(manager)
        finally:
            await manager.aclose()

    return asyncio.run(main())


def run_login(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = args.portal or ctx.settings.active_portal
    scopes = tuple(args.scope) if args.scope else DEFAULT_SCOPES

    async def print_address(url: str) -> None:
        say("Open this address in your browser to connect HubCall Desktop to HubSpot:")
        say(url)
        sys.stdout.flush()

    opener: BrowserOpener = print_address if args.no_browser else system_browser

    async def login(manager: ConnectionManager) -> WhoAmI:
        return await manager.connect_oauth(scopes=scopes, open_browser=opener, timeout=args.timeout)

    me = _run(ctx, portal, args, login)
    ctx.settings.portal_id = me.portal_id
    ctx.settings.ui_domain = me.ui_domain
    if me.user_id is not None and ctx.settings.user_id is None:
        ctx.settings.user_id = me.user_id  # prefill the agent; never overwrite a choice
    if args.client_id:
        ctx.settings.oauth_client_id = args.client_id.strip()
    save_settings(ctx.settings, ctx.paths.settings)
    say(
        f"Connected portal '{portal}' (HubSpot account {me.portal_id}) as {me.user or 'user'} {me.user_id}."
    )
    if me.scope_warning:
        say(me.scope_warning)
    return ExitCode.OK


def run_set_client_secret(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    secret = validate_secret(_read_token("OAuth client secret"), "client secret")

    async def save(manager: ConnectionManager) -> None:
        await manager.set_client_secret(secret)

    _run(ctx, ctx.settings.active_portal, args, save)
    say(f"Client secret saved in {ctx.secrets.backend_name()}.")
    return ExitCode.OK


def run_set_token(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = args.portal or ctx.settings.active_portal
    token_text = _read_token()
    token = validate_token(token_text)

    # As in the app, the token becomes the portal's connection: an OAuth one is dropped,
    # else the app's rule (OAuth first) would leave the new token unused.
    async def save(manager: ConnectionManager) -> WhoAmI | None:
        if args.no_check:
            await manager.save_private_token(token)
            return None
        return await manager.connect_private_token(token)

    me = _run(ctx, portal, args, save)
    if me is not None:
        ctx.settings.portal_id = me.portal_id
        ctx.settings.ui_domain = me.ui_domain
        save_settings(ctx.settings, ctx.paths.settings)
    say(f"Token saved in {ctx.secrets.backend_name()} for portal '{portal}'.")
    return ExitCode.OK


def run_status(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = ctx.settings.active_portal
    backend = ctx.secrets.backend_name()

    async def read(manager: ConnectionManager) -> ConnectionSnapshot:
        return manager.snapshot

    snapshot = _run(ctx, portal, args, read)
    meta = snapshot.oauth
    expires = (
        datetime.fromtimestamp(meta.expires_at, UTC).isoformat(timespec="seconds")
        if meta is not None and meta.expires_at is not None
        else None
    )
    doc = {
        "connection": snapshot.kind.value,
        "status": snapshot.status.value,
        "portal": portal,
        "portalId": ctx.settings.portal_id,
        "uiDomain": ctx.settings.ui_domain,
        "userId": meta.user_id if meta else ctx.settings.user_id,
        "user": meta.user if meta else "",
        "hubId": meta.hub_id if meta else None,
        "scopes": meta.scopes if meta else [],
        "accessTokenExpires": expires,
        "scopeWarning": scope_warning(meta.scopes) if meta else None,
        "keyringBackend": backend,
        "apiBase": ctx.api_base,
    }
    if args.json:
        emit_json(doc)
    else:
        for key, value in doc.items():
            say(f"{key}: {value}")
    return ExitCode.OK if snapshot.kind is not ConnectionKind.NONE else ExitCode.CONFIGURATION


def run_logout(args: argparse.Namespace) -> int:
    ctx = build_context(args)
    portal = args.portal or ctx.settings.active_portal

    async def logout(manager: ConnectionManager) -> list[str]:
        return await manager.logout()

    for warning in _run(ctx, portal, args, logout):
        say(warning)
    say(f"Disconnected portal '{portal}': its secrets were deleted from the keyring.")
    return ExitCode.OK
