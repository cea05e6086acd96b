"""The sandbox server: a strict local stand-in for HubSpot on a loopback port. Not HubSpot.

:class:`SandboxServer` runs on the caller's event loop; :func:`run_standalone` is the
foreground command (``hubcall-desktop sandbox``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any, TextIO

from aiohttp import web

from hubcall_desktop.core.errors import ConfigurationError, InputError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox.app import build_app
from hubcall_desktop.sandbox.faults import FaultPlan
from hubcall_desktop.sandbox.ratelimit import RateLimiter
from hubcall_desktop.sandbox.recording import RecordedRequest, RequestLog
from hubcall_desktop.sandbox.seed import DEMO_TOKEN
from hubcall_desktop.sandbox.state import SandboxState

logger = logging.getLogger(__name__)

# How long stop() lets in-flight requests finish before cancelling them (e.g. a long latency fault).
_SHUTDOWN_SECONDS = 0.1

RequestsPredicate = Callable[[Sequence[RecordedRequest]], bool]


class SandboxServer:
    """HubSpot's inbound-call and account-details routes on ``127.0.0.1`` (or ``::1``).

    Tokens may be given as ``str`` or :class:`Secret`; they are kept as secrets. ``tokens``
    belong to the sandbox portal (``SANDBOX_PORTAL_ID``); ``portal_tokens`` maps more
    tokens to other portals' ids, as an agency serving several HubSpot accounts has them,
    and each accepted request records whose token it carried (``portal_id``). These are
    OAuth access tokens, good on every inbound-call version and, like an OAuth app's, held
    to the ten-second limit only; ``private_app_tokens`` are accepted (for the sandbox
    portal) only on the versions whose description lists private apps (2025-09, 2026-09),
    and count against the daily cap too, as HubSpot does. ``token_scopes`` narrows the scopes
    a token was granted (default: all); a token without any scope the operation accepts
    gets HubSpot's 403 with the scopes it needs. The clock
    drives the rate limits and the expiry of OAuth access tokens, so tests can move it
    instead of sleeping.
    """

    def __init__(
        self,
        *,
        tokens: Iterable[str | Secret] = (DEMO_TOKEN,),
        expired_tokens: Iterable[str | Secret] = (),
        portal_tokens: Mapping[str | Secret, int] | None = None,
        private_app_tokens: Iterable[str | Secret] = (),
        token_scopes: Mapping[str | Secret, Iterable[str]] | None = None,
        rate_limit: int = 100,
        rate_window_ms: int = 10_000,
        daily_limit: int = 250_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        portals = {_secret(token): portal for token, portal in (portal_tokens or {}).items()}
        private_apps = _secrets(private_app_tokens)
        self._state = SandboxState(
            tokens=_secrets(tokens) | frozenset(portals) | private_apps,
            expired_tokens=_secrets(expired_tokens),
            limiter=RateLimiter(
                max_requests=rate_limit,
                window_ms=rate_window_ms,
                daily_limit=daily_limit,
                clock=clock,
            ),
            log=RequestLog(on_change=self._log_changed),
            token_portals=portals,
            private_app_tokens=private_apps,
            token_scopes={
                _secret(token): frozenset(scopes) for token, scopes in (token_scopes or {}).items()
            },
            clock=clock,
        )
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._base_url: str | None = None
        self._waiters: list[asyncio.Future[None]] = []

    def __repr__(self) -> str:  # no tokens in here, even masked: their number is enough
        return f"SandboxServer(base_url={self._base_url!r})"

    @property
    def base_url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the sandbox is not running")
        return self._base_url

    @property
    def faults(self) -> FaultPlan:
        return self._state.faults

    @property
    def requests(self) -> tuple[RecordedRequest, ...]:
        """Every request to a HubSpot route so far, in arrival order."""
        return self._state.log.snapshot()

    def accepted_bodies(self, portal_id: int | None = None) -> list[Any]:
        """Bodies of the inbound-call requests that passed auth, limits and validation
        (only those made with ``portal_id``'s token, when given)."""
        return [
            r.body
            for r in self.requests
            if r.is_inbound_call and r.accepted and portal_id in (None, r.portal_id)
        ]

    def logged_calls(self, portal_id: int | None = None) -> list[Any]:
        """Accepted inbound-call bodies that asked HubSpot to log the call."""
        return [b for b in self.accepted_bodies(portal_id) if b["createEngagement"] is True]

    def reset(self) -> None:
        """Forget requests, pending faults and rate-limit counts."""
        self._state.reset()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen on a loopback ``host``; port 0 picks a free port. Returns the base URL."""
        if self._runner is not None:
            raise RuntimeError("the sandbox is already running")
        bind_host = loopback_host(host)
        runner = web.AppRunner(
            build_app(self._state),
            handler_cancellation=True,  # a client that hangs up cancels its request
            shutdown_timeout=_SHUTDOWN_SECONDS,
            access_log=None,  # request paths can carry tokens (legacy OAuth routes)
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, bind_host, port).start()
        except OSError as exc:
            await runner.cleanup()
            raise ConfigurationError(
                f"The sandbox cannot listen on {bind_host} port {port}: {exc.strerror or exc}"
            ) from None
        except BaseException:
            await runner.cleanup()
            raise
        self._runner, self._loop = runner, asyncio.get_running_loop()
        bound_port = runner.addresses[0][1]
        shown_host = f"[{bind_host}]" if ":" in bind_host else bind_host
        self._base_url = f"http://{shown_host}:{bound_port}"
        logger.info("HubSpot sandbox listening on %s", self._base_url)
        return self._base_url

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
            logger.info("HubSpot sandbox on %s stopped", self._base_url)
        self._base_url, self._loop = None, None

    async def wait_for(self, predicate: RequestsPredicate) -> tuple[RecordedRequest, ...]:
        """Wait until ``predicate(requests)`` holds; returns those requests.

        Call it on the server's loop, under ``asyncio.timeout`` if it may never hold.
        """
        loop = asyncio.get_running_loop()
        while True:
            snapshot = self.requests
            if predicate(snapshot):
                return snapshot
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            await waiter

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _log_changed(self) -> None:
        # The log may change from another thread (SandboxThread.reset): wake waiters on our loop.
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._wake_waiters)

    def _wake_waiters(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)


def loopback_host(host: str) -> str:
    """The address to bind: ``host`` if it is a loopback IP (``localhost`` is 127.0.0.1).

    Raises :class:`InputError` for anything else: the sandbox never listens on a network.
    """
    text = host.strip().strip("[]")
    if text.lower() == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        address = None
    if address is None or not address.is_loopback:
        raise InputError(
            "host",
            host,
            "not a loopback address; the sandbox listens on this computer only "
            "(use 127.0.0.1 or ::1)",
        )
    return text


def run_standalone(host: str = "127.0.0.1", port: int = 0, *, out: TextIO | None = None) -> int:
    """Serve in the foreground until SIGINT or SIGTERM; print where, and with which token.

    Returns 0 after a clean stop. A bad host raises :class:`InputError`, a port that is
    taken :class:`ConfigurationError`, for the command line to report.
    """
    loopback_host(host)  # refuse before starting a loop
    try:
        return asyncio.run(_serve_until_stopped(host, port, out or sys.stdout))
    except KeyboardInterrupt:  # Windows has no loop signal handlers: Ctrl+C lands here
        return 0


async def _serve_until_stopped(host: str, port: int, out: TextIO) -> int:
    server = SandboxServer()
    base_url = await server.start(host, port)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    for signum in signals:
        with contextlib.suppress(NotImplementedError):  # Windows
            loop.add_signal_handler(signum, stopping.set)
    print(
        "HubSpot sandbox: a local stand-in for HubSpot, for demos and tests. It is NOT HubSpot.\n"
        f"Base URL:   {base_url}\n"
        f"Demo token: {DEMO_TOKEN}\n"
        "Press Ctrl+C to stop.",
        file=out,
        flush=True,
    )
    try:
        await stopping.wait()
    finally:
        for signum in signals:
            with contextlib.suppress(NotImplementedError):
                loop.remove_signal_handler(signum)
        await server.stop()
    print("Sandbox stopped.", file=out, flush=True)
    return 0


def _secrets(tokens: Iterable[str | Secret]) -> frozenset[Secret]:
    return frozenset(_secret(t) for t in tokens)


def _secret(token: str | Secret) -> Secret:
    return token if isinstance(token, Secret) else Secret(token)
