"""The sandbox's own OAuth controls, for tests and demos: expiry, rotation, the sandbox
app's registered redirect URLs, revoking or expiring every token at once, and a summary
of what was issued. Not HubSpot's API."""

from __future__ import annotations

from typing import Final

from aiohttp import web

from hubcall_desktop.sandbox.oauth import (
    MAX_REDIRECT_URIS,
    OAUTH,
    OAuthSandbox,
    revoke_refresh_token,
    valid_redirect_uri,
)

ADMIN_OAUTH_PATH: Final = "/_sandbox/oauth"
ADMIN_REVOKE_ALL_PATH: Final = "/_sandbox/oauth/revoke-all"
ADMIN_EXPIRE_ALL_PATH: Final = "/_sandbox/oauth/expire-all"


def add_routes(app: web.Application) -> None:
    """After oauth.add_routes (the state lives there)."""
    app.router.add_get(ADMIN_OAUTH_PATH, admin_show)
    app.router.add_post(ADMIN_OAUTH_PATH, admin_configure)
    app.router.add_post(ADMIN_REVOKE_ALL_PATH, admin_revoke_all)
    app.router.add_post(ADMIN_EXPIRE_ALL_PATH, admin_expire_all)


def _summary(oauth: OAuthSandbox) -> web.Response:
    live = sum(1 for access in oauth.access_tokens if oauth.live(access) is not None)
    return web.json_response(
        {
            "expires_in": oauth.expires_in,
            "rotate_refresh_tokens": oauth.rotate_refresh_tokens,
            "redirect_uris": sorted(oauth.redirect_uris),
            "counts": oauth.counts,
            "refresh_tokens": len(oauth.refresh_tokens),
            "access_tokens": len(oauth.access_tokens),
            "live_access_tokens": live,
        }
    )


async def admin_show(request: web.Request) -> web.Response:
    return _summary(request.app[OAUTH])


_SETTABLE = frozenset({"expires_in", "rotate_refresh_tokens", "redirect_uris"})


async def admin_configure(request: web.Request) -> web.Response:
    """``{"expires_in": seconds, "rotate_refresh_tokens": bool, "redirect_uris": [url]}``
    (any of them) for the tokens issued from now on; ``redirect_uris`` replaces the app's
    registered redirect URLs."""
    oauth = request.app[OAUTH]
    try:
        body = await request.json()
        if not isinstance(body, dict) or not body.keys() & _SETTABLE:
            raise ValueError("give expires_in, rotate_refresh_tokens and/or redirect_uris")
        expires_in = body.get("expires_in", request.app[OAUTH].expires_in)
        if isinstance(expires_in, bool) or not isinstance(expires_in, int) or expires_in < 1:
            raise ValueError("expires_in must be a positive whole number of seconds")
        rotate = body.get("rotate_refresh_tokens", request.app[OAUTH].rotate_refresh_tokens)
        if not isinstance(rotate, bool):
            raise ValueError("rotate_refresh_tokens must be true or false")
        uris = body.get("redirect_uris", sorted(oauth.redirect_uris))
        if (
            not isinstance(uris, list)
            or len(uris) > MAX_REDIRECT_URIS
            or not all(isinstance(u, str) and valid_redirect_uri(u) for u in uris)
        ):
            raise ValueError(
                f"redirect_uris must be at most {MAX_REDIRECT_URIS} loopback http URLs "
                "with a port and a path"
            )
    except (ValueError, TypeError) as exc:
        return web.json_response({"error": str(exc)}, status=400)
    oauth.expires_in, oauth.rotate_refresh_tokens = expires_in, rotate
    oauth.redirect_uris = frozenset(uris)
    return _summary(oauth)


async def admin_expire_all(request: web.Request) -> web.Response:
    """Every access token issued so far expires now (refresh tokens keep working)."""
    oauth = request.app[OAUTH]
    now = oauth.clock()
    for issued in oauth.access_tokens.values():
        issued.expires_at = min(issued.expires_at, now)
    return _summary(oauth)


async def admin_revoke_all(request: web.Request) -> web.Response:
    for refresh in list(request.app[OAUTH].refresh_tokens):
        revoke_refresh_token(request.app, refresh)
    return _summary(request.app[OAUTH])
