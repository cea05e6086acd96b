"""The sandbox's OAuth 2.0 server: authorize, token (PKCE, refresh), introspect, revoke.

It plays HubSpot's public-app OAuth on loopback so the whole connect flow runs in tests
and demos: ``GET /oauth/authorize`` answers a 302 to the ``redirect_uri`` (no login page:
the sandbox's one agent always consents) if it is one of the app's registered redirect
URLs, exactly as written (HubSpot matches exactly; the sandbox app registers the app's
default redirect, more through the admin route), the
token endpoints check the PKCE
verifier, and every access token it issues is added to the tokens the HubSpot routes
accept until it expires (``expires_in`` seconds on the sandbox's clock; then HubSpot's 401
``EXPIRED_AUTHENTICATION``). Errors have HubSpot's shape (``status`` such as
``BAD_REFRESH_TOKEN``) plus the RFC 6749 ``error`` code. OAuth tokens are not counted
against a daily limit (HubSpot has none for OAuth apps): only private-app tokens are.
Admin: ``GET/POST /_sandbox/oauth`` (expiry, rotation, registered redirect URLs, counters), ``POST /_sandbox/oauth/expire-all`` (every access token issued so far
expires now, for tests that cannot move the clock) and ``POST /_sandbox/oauth/revoke-all``
(the user uninstalled the app).
"""

from __future__ import annotations

import hmac
import logging
import math
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlencode, urlsplit

import httpx
from aiohttp import web
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from hubcall_desktop.core.oauth import DEFAULT_REDIRECT_PORT, redirect_uri
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox.responses import auth_error
from hubcall_desktop.sandbox.seed import SANDBOX_PORTAL_ID
from hubcall_desktop.sandbox.state import STATE, SandboxState

logger = logging.getLogger(__name__)

OAUTH_PREFIX: Final = "/oauth/"
AUTHORIZE_PATH: Final = "/oauth/authorize"
TOKEN_PATHS: Final = ("/oauth/2026-03/token", "/oauth/v1/token")
INTROSPECT_PATH: Final = "/oauth/2026-03/token/introspect"
REVOKE_PATH: Final = "/oauth/2026-03/token/revoke"
LEGACY_ACCESS_TOKEN_PATH: Final = "/oauth/v1/access-tokens/{token}"  # noqa: S105
LEGACY_REFRESH_TOKEN_PATH: Final = "/oauth/v1/refresh-tokens/{token}"  # noqa: S105

# Public by design, like DEMO_TOKEN: they open nothing but the sandbox.
SANDBOX_CLIENT_ID: Final = "hubcall-sandbox-client"
SANDBOX_CLIENT_SECRET: Final = "hubcall-sandbox-client-secret"  # noqa: S105
SANDBOX_USER_ID: Final = 4_711_001
SANDBOX_USER: Final = "agent@example.com"
SANDBOX_HUB_DOMAIN: Final = "hubcall-sandbox.example.com"
DEFAULT_EXPIRES_IN: Final = 1800  # HubSpot: 30 minutes
# The sandbox app's registered redirect: the app's default one.
DEFAULT_REDIRECT_URIS: Final = (redirect_uri(DEFAULT_REDIRECT_PORT),)
MAX_REDIRECT_URIS: Final = 100
KNOWN_SCOPES: Final = frozenset(
    {
        "oauth",
        "crm.objects.contacts.read",
        "crm.objects.contacts.write",
        "crm.objects.contacts.sensitive.write.v2",
        "crm.objects.contacts.highly_sensitive.write.v2",
        "crm.schemas.contacts.write",
        "crm.objects.companies.read",
    }
)


@dataclass(slots=True)
class _Grant:
    client_id: str
    scopes: tuple[str, ...]
    redirect_uri: str = ""
    challenge: str = ""


@dataclass(slots=True)
class _Issued:
    """An access token: the grant behind it, the refresh token it came from, its end."""

    grant: _Grant
    refresh: str
    expires_at: float  # on the sandbox's clock


@dataclass(slots=True)
class OAuthSandbox:
    """Issued codes and tokens. Values are plain strings: this *is* the server."""

    expires_in: int = DEFAULT_EXPIRES_IN
    rotate_refresh_tokens: bool = False  # a refresh answers with a new refresh token
    clock: Callable[[], float] = time.monotonic
    # The redirect URLs registered for the sandbox app: an authorize request must name
    # one of them exactly (scheme, host, port, path, no query), as HubSpot requires.
    redirect_uris: frozenset[str] = frozenset(DEFAULT_REDIRECT_URIS)
    codes: dict[str, _Grant] = field(default_factory=dict)
    refresh_tokens: dict[str, _Grant] = field(default_factory=dict)
    # Expired access tokens stay known, as HubSpot's do: they answer "expired", not "invalid".
    access_tokens: dict[str, _Issued] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def seconds_expired(self, access: str) -> float | None:
        """How long ago an issued access token expired; None if unknown or still valid."""
        issued = self.access_tokens.get(access)
        if issued is None:
            return None
        late = self.clock() - issued.expires_at
        return late if late >= 0 else None

    def live(self, access: str) -> _Issued | None:
        """The issued token if it exists and has not expired."""
        issued = self.access_tokens.get(access)
        if issued is None or self.seconds_expired(access) is not None:
            return None
        return issued


OAUTH = web.AppKey("hubcall_sandbox_oauth", OAuthSandbox)


def is_oauth_path(path: str) -> bool:
    """OAuth endpoints take client credentials, not a bearer token, and are not rate limited."""
    return path.startswith(OAUTH_PREFIX)


def add_routes(app: web.Application) -> None:
    app[OAUTH] = OAuthSandbox(clock=app[STATE].clock)
    app.router.add_get(AUTHORIZE_PATH, authorize)
    for path in TOKEN_PATHS:
        app.router.add_post(path, token)
    app.router.add_post(INTROSPECT_PATH, introspect)
    app.router.add_post(REVOKE_PATH, revoke)
    app.router.add_get(LEGACY_ACCESS_TOKEN_PATH, legacy_access_token)
    app.router.add_delete(LEGACY_REFRESH_TOKEN_PATH, legacy_revoke)


def expired_refusal(app: web.Application, token: str) -> web.Response | None:
    """HubSpot's 401 for an issued access token past its expiry, else None.

    The bearer check asks this before "is the token known", because an expired token is
    still known: HubSpot says ``EXPIRED_AUTHENTICATION`` and how long ago, not "invalid".
    """
    late = app[OAUTH].seconds_expired(token)
    if late is None:
        return None
    return auth_error("EXPIRED_AUTHENTICATION", expired_message(late))


def expired_message(seconds_late: float) -> str:
    """HubSpot's wording, in whole minutes."""
    minutes = int(seconds_late // 60)
    return f"The OAuth token used to make this call expired {minutes} minute(s) ago."


def oauth_error(status: str, message: str, error: str, code: int = 400) -> web.Response:
    """HubSpot's OAuth error body, with the RFC 6749 ``error`` beside it."""
    body = {
        "status": status,
        "message": message,
        "correlationId": str(uuid.uuid4()),
        "error": error,
        "error_description": message,
    }
    return web.json_response(body, status=code)


def valid_redirect_uri(uri: str) -> bool:
    """What may be registered: a loopback http URL with a port and a path, no query or
    fragment (the sandbox serves loopback only; HubSpot wants https elsewhere)."""
    parts = urlsplit(uri)
    return _is_loopback_redirect(uri) and not parts.query and parts.path.startswith("/")


def _is_loopback_redirect(uri: str) -> bool:
    parts = urlsplit(uri)
    return (
        parts.scheme == "http"
        and parts.hostname in ("127.0.0.1", "localhost", "::1")
        and parts.port is not None
        and not parts.fragment
    )


async def authorize(request: web.Request) -> web.Response:
    """Validate the request, then 'consent' at once: 302 to ``redirect_uri?code&state``."""
    q = request.query
    if q.get("client_id") != SANDBOX_CLIENT_ID:
        return oauth_error("BAD_CLIENT_ID", "Unknown client_id.", "invalid_client")
    redirect_uri = q.get("redirect_uri", "")
    if redirect_uri not in request.app[OAUTH].redirect_uris:  # exact: no prefix, no port range
        return oauth_error(
            "BAD_REDIRECT_URI",
            "redirect_uri is not one of the app's registered redirect URLs.",
            "invalid_request",
        )
    scopes = tuple(q.get("scope", "").split())
    unknown = [s for s in scopes if s not in KNOWN_SCOPES]
    if not scopes or unknown:
        return oauth_error("BAD_SCOPES", f"Unknown or missing scopes: {unknown}", "invalid_scope")
    if q.get("response_type", "code") != "code":
        return oauth_error(
            "BAD_REQUEST", "response_type must be code.", "unsupported_response_type"
        )
    state = q.get("state", "")
    challenge = q.get("code_challenge", "")
    if not state or not challenge or q.get("code_challenge_method") != "S256":
        return oauth_error(
            "BAD_REQUEST", "state, code_challenge and method S256 are required.", "invalid_request"
        )
    code = secrets.token_urlsafe(24)
    request.app[OAUTH].codes[code] = _Grant(SANDBOX_CLIENT_ID, scopes, redirect_uri, challenge)
    # Returned, not raised: the pipeline turns raised HTTP exceptions into error bodies.
    location = f"{redirect_uri}?{urlencode({'code': code, 'state': state})}"
    return web.Response(status=302, headers={"Location": location})


def _s256(verifier: str) -> str:
    return str(create_s256_code_challenge(verifier))


def _field(form: Any, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def _client_error(form: Any) -> web.Response | None:
    if _field(form, "client_id") != SANDBOX_CLIENT_ID:
        return oauth_error("BAD_CLIENT_ID", "Unknown client_id.", "invalid_client", 401)
    given = form.get("client_secret")
    # A PKCE public client sends no secret; one that sends a secret must send the right one.
    if given is not None and not hmac.compare_digest(
        _field(form, "client_secret"), SANDBOX_CLIENT_SECRET
    ):
        return oauth_error("BAD_CLIENT_SECRET", "Wrong client_secret.", "invalid_client", 401)
    return None


async def token(request: web.Request) -> web.Response:
    form = await request.post()
    refusal = _client_error(form)
    if refusal is not None:
        return refusal
    oauth = request.app[OAUTH]
    grant_type = _field(form, "grant_type")
    oauth.count(f"token:{grant_type}")
    if grant_type == "authorization_code":
        code = _field(form, "code")
        grant = oauth.codes.pop(code, None)  # single use, even when the rest is wrong
        if grant is None:
            return oauth_error("BAD_AUTH_CODE", "The code is unknown or used.", "invalid_grant")
        if _field(form, "redirect_uri") != grant.redirect_uri:
            return oauth_error("BAD_REDIRECT_URI", "redirect_uri does not match.", "invalid_grant")
        verifier = _field(form, "code_verifier")
        if not verifier or not hmac.compare_digest(_s256(verifier), grant.challenge):
            return oauth_error(
                "BAD_CODE_VERIFIER", "code_verifier does not match the challenge.", "invalid_grant"
            )
        refresh = "sbx-rt-" + secrets.token_urlsafe(32)
        oauth.refresh_tokens[refresh] = grant
    elif grant_type == "refresh_token":
        refresh = _field(form, "refresh_token")
        found = oauth.refresh_tokens.get(refresh)
        if found is None:
            return oauth_error(
                "BAD_REFRESH_TOKEN", "The refresh token is invalid or revoked.", "invalid_grant"
            )
        grant = found
        if oauth.rotate_refresh_tokens:  # the old one stops working at once
            del oauth.refresh_tokens[refresh]
            refresh = "sbx-rt-" + secrets.token_urlsafe(32)
            oauth.refresh_tokens[refresh] = grant
    else:
        return oauth_error("BAD_GRANT_TYPE", "Unsupported grant_type.", "unsupported_grant_type")
    access = "sbx-at-" + secrets.token_urlsafe(32)
    oauth.access_tokens[access] = _Issued(grant, refresh, oauth.clock() + oauth.expires_in)
    state = request.app[STATE]
    state.tokens = state.tokens | {Secret(access)}
    # The HubSpot routes hold the token to the scopes granted, as HubSpot does.
    state.token_scopes[Secret(access)] = frozenset(grant.scopes)
    return web.json_response(
        {
            "token_type": "bearer",
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": oauth.expires_in,
            "hub_id": SANDBOX_PORTAL_ID,
            "user_id": SANDBOX_USER_ID,
            "scopes": list(grant.scopes),
        }
    )


def _describe(oauth: OAuthSandbox, access: str) -> dict[str, Any] | None:
    """The token's metadata while it is live; None for an unknown or expired token."""
    issued = oauth.live(access)
    if issued is None:
        return None
    return {
        "hub_id": SANDBOX_PORTAL_ID,
        "user_id": SANDBOX_USER_ID,
        "user": SANDBOX_USER,
        "scopes": list(issued.grant.scopes),
        # Seconds left, as HubSpot's metadata says ("the time in seconds until ... expires").
        "expires_in": math.ceil(issued.expires_at - oauth.clock()),
        "hub_domain": SANDBOX_HUB_DOMAIN,
        "app_id": 1,
        "token_type": "access",
    }


async def introspect(request: web.Request) -> web.Response:
    form = await request.post()
    refusal = _client_error(form)
    if refusal is not None:
        return refusal
    # RFC 7662 section 2.2: an expired, revoked or unknown token is just "not active".
    described = _describe(request.app[OAUTH], _field(form, "token"))
    return web.json_response(
        {"active": False} if described is None else {"active": True, **described}
    )


async def legacy_access_token(request: web.Request) -> web.Response:
    access = request.match_info["token"]
    # The token in the path is the credential here, so an expired one gets the same 401
    # every other HubSpot route gives it (HubSpot documents only this route's success).
    refusal = expired_refusal(request.app, access)
    if refusal is not None:
        return refusal
    described = _describe(request.app[OAUTH], access)
    if described is None:
        return oauth_error("NOT_FOUND", "Unknown access token.", "invalid_token", 404)
    return web.json_response({"token": access, **described})


def revoke_refresh_token(app: web.Application, refresh: str) -> bool:
    """Forget the refresh token and every access token issued from it."""
    oauth = app[OAUTH]
    if oauth.refresh_tokens.pop(refresh, None) is None:
        return False
    dead = {a for a, issued in oauth.access_tokens.items() if issued.refresh == refresh}
    for access in dead:
        del oauth.access_tokens[access]
    state: SandboxState = app[STATE]
    state.tokens = state.tokens - {Secret(a) for a in dead}
    for access in dead:
        state.token_scopes.pop(Secret(access), None)
    oauth.count("revoked")
    return True


async def revoke(request: web.Request) -> web.Response:
    form = await request.post()
    refusal = _client_error(form)
    if refusal is not None:
        return refusal
    revoke_refresh_token(request.app, _field(form, "token"))
    return web.json_response({})  # RFC 7009: an unknown token is not an error


async def legacy_revoke(request: web.Request) -> web.Response:
    if not revoke_refresh_token(request.app, request.match_info["token"]):
        return oauth_error("NOT_FOUND", "Unknown refresh token.", "invalid_token", 404)
    return web.Response(status=204)


async def consent_without_browser(authorize_url: str, *, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Stand in for the browser (demo mode, tests): GET the sandbox's authorize URL, then
    deliver its redirect to the loopback listener. Only loopback URLs are followed."""
    if not _is_loopback_redirect(authorize_url):
        raise ValueError("consent_without_browser only talks to a loopback sandbox")
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as http:
        answer = await http.get(authorize_url)
        location = answer.headers.get("Location", "")
        if answer.status_code != 302 or not _is_loopback_redirect(location):
            raise ValueError(f"the sandbox refused to authorize (HTTP {answer.status_code})")
        await http.get(location)
