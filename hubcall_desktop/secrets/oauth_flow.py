"""The browser half of OAuth: PKCE, the authorize URL and a one-shot loopback listener.

The listener binds 127.0.0.1 on a free port, answers one exact, random path once (or
gives up after a timeout) and checks ``state`` in constant time. RFC 8252 (OAuth for
native apps) is the pattern: loopback redirect + PKCE, no client secret needed.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import webbrowser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final

from aiohttp import web
from authlib.common.security import generate_token

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_errors import (
    AuthorizationFailed,
    LoginTimedOut,
    StateMismatch,
)

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT: Final = 300.0
VERIFIER_LENGTH: Final = 64  # RFC 7636: 43 to 128 characters
_PAGE: Final = (
    "<!doctype html><html><head><meta charset='utf-8'><title>HubCall Desktop</title></head>"
    "<body style='font-family:sans-serif'><h1>{title}</h1><p>{text}</p></body></html>"
)

BrowserOpener = Callable[[str], Awaitable[None]]


async def system_browser(url: str) -> None:
    """Open the URL in the user's browser (``webbrowser`` may block briefly: a thread)."""
    opened = await asyncio.to_thread(webbrowser.open, url)
    if not opened:
        raise AuthorizationFailed(
            "No web browser could be opened. Open this address yourself to connect: " + url
        )


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
    verifier = generate_token(VERIFIER_LENGTH)
    state = generate_token(32)
    url, _ = client.http.create_authorization_url(
        client.endpoints.authorize_url,
        state=state,
        code_verifier=verifier,
        redirect_uri=redirect_uri,
        scope=" ".join(scopes),
    )
    return AuthorizationRequest(str(url), redirect_uri, Secret(state), Secret(verifier))


class LoopbackListener:
    """Receives the one redirect. ``start()`` binds, ``wait(state, timeout)`` gives the code."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._host = host
        self._path = "/callback/" + generate_token(16)  # exact and unguessable
        self._runner: web.AppRunner | None = None
        self._redirect_uri = ""
        self._result: asyncio.Future[Secret] | None = None
        self._expected: Secret | None = None

    def __repr__(self) -> str:
        return f"LoopbackListener(redirect_uri={self._redirect_uri!r}, open={self.is_open})"

    @property
    def redirect_uri(self) -> str:
        if not self._redirect_uri:
            raise RuntimeError("the listener is not started")
        return self._redirect_uri

    @property
    def is_open(self) -> bool:
        return self._runner is not None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get(self._path, self._on_redirect)
        runner = web.AppRunner(app, access_log=None)  # the query holds the code: no access log
        await runner.setup()
        await web.TCPSite(runner, self._host, 0).start()
        self._runner = runner
        port = runner.addresses[0][1]
        self._redirect_uri = f"http://{self._host}:{port}{self._path}"
        self._result = asyncio.get_running_loop().create_future()
        return self._redirect_uri

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
            raise LoginTimedOut(timeout) from None
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
            result.set_exception(
                AuthorizationFailed(f"HubSpot did not grant access ({error or 'no code'}).")
            )
            return _page(400, "Not connected", "HubSpot did not grant access.")
        result.set_result(Secret(code))
        return _page(200, "Connected", "You can close this window and return to HubCall Desktop.")


def _page(status: int, title: str, text: str) -> web.Response:
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
    open_browser: BrowserOpener = system_browser,
    timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
) -> TokenSet:
    """The whole browser step: listen, open the authorize URL, wait, exchange the code."""
    listener = LoopbackListener()
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
