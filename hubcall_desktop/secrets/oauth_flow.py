"""The browser half of OAuth: PKCE, the authorize URL and a one-shot loopback listener.

The redirect is fixed, so that it can be registered in the HubSpot app (HubSpot matches
it exactly): ``http://localhost:PORT/oauth-callback``, the port a setting. The listener
binds that port on loopback only, on each address ``localhost`` may name (127.0.0.1 and,
where the system has IPv6, ::1), answers one request once (or gives up after a timeout)
and checks ``state`` in constant time. A port some other program holds is refused before
the browser opens: that program would receive the code. RFC 8252 (OAuth for native apps)
is the pattern: loopback redirect + PKCE, no client secret needed.

Only authlib's framework-independent parts are used (tokens, the PKCE challenge, the
authorize URL); HTTP is the app's own httpx client (``oauth_client``).
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import webbrowser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.oauth import (
    DEFAULT_REDIRECT_PORT,
    REDIRECT_PATH,
    redirect_uri,
    valid_redirect_port,
)
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_errors import (
    AuthorizationFailed,
    LoginTimedOut,
    RedirectPortInUse,
    StateMismatch,
)

if TYPE_CHECKING:
    from aiohttp import web

logger = logging.getLogger(__name__)

# fmt: off
NO_BROWSER = Template("oauth.no_browser", "No web browser could be opened. Open this address yourself to connect: %1")
CANNOT_LISTEN = Template("oauth.cannot_listen", "The sign-in cannot listen on %1 port %2: %3")
NOT_GRANTED = Template("oauth.not_granted", "HubSpot did not grant access (%1).")
# fmt: on

DEFAULT_TIMEOUT: Final = 300.0
VERIFIER_LENGTH: Final = 64  # RFC 7636: 43 to 128 characters
# What ``localhost`` may resolve to. 127.0.0.1 must be ours; ::1 too where IPv6 exists.
LOOPBACK_HOSTS: Final = ("127.0.0.1", "::1")
# ::1 cannot be bound on a system without IPv6: then localhost means 127.0.0.1 only.
_NO_IPV6: Final = frozenset({errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT})
_PAGE: Final = (
    "<!doctype html><html><head><meta charset='utf-8'><title>HubCall Desktop</title></head>"
    "<body style='font-family:sans-serif'><h1>{title}</h1><p>{text}</p></body></html>"
)

BrowserOpener = Callable[[str], Awaitable[None]]


async def system_browser(url: str) -> None:
    """Open the URL in the user's browser (``webbrowser`` may block briefly: a thread)."""
    opened = await asyncio.to_thread(webbrowser.open, url)
    if not opened:
        raise AuthorizationFailed(NO_BROWSER(url))


@dataclass(frozen=True, slots=True)
class AuthorizationRequest:
    """What one sign-in attempt needs to remember. ``url`` holds no secret: only the
    challenge (a hash of the verifier) and the state travel through the browser."""

    url: str
    redirect_uri: str
    state: Secret
    verifier: Secret


def build_authorization(
    client: HubSpotOAuthClient, redirect_uri: str, scopes: tuple[str, ...]
) -> AuthorizationRequest:
    # authlib loads when the agent first signs in, not with every start of the app.
    from authlib.common.security import generate_token
    from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
    from authlib.oauth2.rfc7636 import create_s256_code_challenge

    verifier = generate_token(VERIFIER_LENGTH)
    state = generate_token(32)
    url = prepare_grant_uri(
        client.endpoints.authorize_url,
        client.client_id,
        "code",
        redirect_uri=redirect_uri,
        scope=" ".join(scopes),
        state=state,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
    )
    return AuthorizationRequest(str(url), redirect_uri, Secret(state), Secret(verifier))


class LoopbackListener:
    """Receives the one redirect. ``start()`` binds, ``wait(state, timeout)`` gives the code."""

    def __init__(self, port: int = DEFAULT_REDIRECT_PORT) -> None:
        if not valid_redirect_port(port):
            raise ValueError(f"not a usable sign-in port: {port!r}")
        self._port = port
        self._runner: web.AppRunner | None = None
        self._redirect_uri = ""
        self._result: asyncio.Future[Secret] | None = None
        self._expected: Secret | None = None

    def __repr__(self) -> str:
        return f"LoopbackListener(port={self._port}, open={self.is_open})"

    @property
    def redirect_uri(self) -> str:
        if not self._redirect_uri:
            raise RuntimeError("the listener is not started")
        return self._redirect_uri

    @property
    def is_open(self) -> bool:
        return self._runner is not None

    @property
    def hosts(self) -> tuple[str, ...]:
        """The loopback addresses listened on (127.0.0.1, and ::1 where IPv6 exists)."""
        runner = self._runner
        return tuple(str(a[0]) for a in runner.addresses) if runner is not None else ()

    async def start(self) -> str:
        """Listen on the port on every loopback address ``localhost`` may name; raises
        :class:`RedirectPortInUse` when another program holds it on any of them."""
        from aiohttp import web  # loaded by the first sign-in, not by every start

        app = web.Application()
        app.router.add_get(REDIRECT_PATH, self._on_redirect)
        runner = web.AppRunner(app, access_log=None)  # the query holds the code: no access log
        await runner.setup()
        try:
            for host in LOOPBACK_HOSTS:
                await self._bind(runner, host)
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._redirect_uri = redirect_uri(self._port)
        self._result = asyncio.get_running_loop().create_future()
        return self._redirect_uri

    async def _bind(self, runner: web.AppRunner, host: str) -> None:
        from aiohttp import web

        try:
            await web.TCPSite(runner, host, self._port).start()
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                logger.warning("the sign-in port %d is in use on %s", self._port, host)
                raise RedirectPortInUse(self._port) from None
            if host != LOOPBACK_HOSTS[0] and exc.errno in _NO_IPV6:
                logger.info("no IPv6 loopback here; the sign-in listens on 127.0.0.1 only")
                return
            why = exc.strerror or type(exc).__name__
            raise AuthorizationFailed(CANNOT_LISTEN(host, self._port, why)) from None

    def expect(self, state: Secret) -> None:
        self._expected = state

    async def wait(self, timeout: float) -> Secret:  # noqa: ASYNC109 - LoginTimedOut's sentence
        """The code; raises StateMismatch, AuthorizationFailed or LoginTimedOut. Closes."""
        if self._result is None:
            raise RuntimeError("the listener is not started")
        try:
            async with asyncio.timeout(timeout):
                return await asyncio.shield(self._result)
        except TimeoutError:
            raise LoginTimedOut(timeout, self.redirect_uri) from None
        finally:
            await self.close()

    async def close(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def _on_redirect(self, request: web.Request) -> web.Response:
        result = self._result
        if result is None or result.done():  # single use
            return _page(410, "Already used", "This sign-in link was already used.")
        given = request.query.get("state", "")
        expected = self._expected.reveal() if self._expected else ""
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            result.set_exception(StateMismatch())
            return _page(400, "Refused", "This answer does not belong to this sign-in.")
        error = request.query.get("error")
        code = request.query.get("code", "")
        if error or not code:
            result.set_exception(AuthorizationFailed(NOT_GRANTED(error or "no code")))
            return _page(400, "Not connected", "HubSpot did not grant access.")
        result.set_result(Secret(code))
        return _page(200, "Connected", "You can close this window and return to HubCall Desktop.")


def _page(status: int, title: str, text: str) -> web.Response:
    from aiohttp import web

    return web.Response(
        status=status,
        text=_PAGE.format(title=title, text=text),
        content_type="text/html",
        headers={"Cache-Control": "no-store"},
    )


async def authorize(
    client: HubSpotOAuthClient,
    scopes: tuple[str, ...],
    *,
    port: int = DEFAULT_REDIRECT_PORT,
    open_browser: BrowserOpener = system_browser,
    timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
) -> TokenSet:
    """The whole browser step: listen, open the authorize URL, wait, exchange the code."""
    listener = LoopbackListener(port)
    redirect_uri = await listener.start()
    try:
        request = build_authorization(client, redirect_uri, scopes)
        listener.expect(request.state)
        logger.info("waiting up to %g s for the browser to return", timeout)
        await open_browser(request.url)
        code = await listener.wait(timeout)
    finally:
        await listener.close()
    return await client.exchange_code(code, redirect_uri, request.verifier)
