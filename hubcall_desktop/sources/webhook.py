"""The loopback webhook: softphones, PBX scripts and ``curl`` report calls over HTTP.

``POST /v1/events`` takes a JSON object, ``GET /v1/events/{ringing|answered|ended}`` takes
query parameters (for softphones that can only open a URL). Every request passes the
admission (:mod:`hubcall_desktop.sources.webhook_admission`: the secret, then the rate
limits), then the strict event parser, then the injected *sink*, which journals the
event and returns the call's id (the desk shows a new call's pop-up as soon as the event
is valid, while the journal commits; the journal commits events that arrive together in
one transaction). The answer is 202 only after the sink returned, so a 202 means the
event is in the journal (a failed commit is a 503); every refusal (4xx) happens before
the sink is called, so a refused request leaves no trace. How the port is bound is in
:mod:`hubcall_desktop.sources.webhook_listen`.

The port is bound and listening from :meth:`WebhookServer.start` on, but aiohttp (about
12 MiB) is loaded only when the first connection arrives: until then the loop watches
the listening sockets, and the connection that wakes it waits in the kernel's backlog
(with any that follow) until aiohttp serves those same sockets. The handlers are in
:mod:`hubcall_desktop.sources.webhook_app`.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import socket
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.phone import DEFAULT_REGION
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import DEFAULT_WEBHOOK_PORT
from hubcall_desktop.sources.webhook_guard import RateLimiter
from hubcall_desktop.sources.webhook_listen import listen
from hubcall_desktop.sources.webhook_redact import REDACTOR
from hubcall_desktop.sources.webhook_state import EVENTS_PATH, EventSink, State, WebhookLimits

if TYPE_CHECKING:
    from aiohttp import web

logger = logging.getLogger(__name__)

__all__ = [
    "EVENTS_PATH",
    "LOOPBACK_HOSTS",
    "EventSink",
    "WebhookLimits",
    "WebhookServer",
    "create_app",
]

LOOPBACK_HOSTS = ("127.0.0.1", "::1")
_HTTP_SIDE = "hubcall_desktop.sources.webhook_app"  # aiohttp and the handlers


# fmt: off
NO_SECRET = Template("webhook.no_secret", "The webhook needs a secret; none was given.")
EMPTY_SECRET = Template("webhook.empty_secret", "The webhook secret cannot be empty.")
# fmt: on


def _state(
    sink: EventSink,
    secret: Secret,
    *,
    region: str,
    limits: WebhookLimits | None,
    clock: Callable[[], datetime],
    rate_clock: Callable[[], float] | None,
    demo: bool,
) -> State:
    if not secret:
        raise ConfigurationError(NO_SECRET())
    limits = limits or WebhookLimits()
    rate_clock = rate_clock or time.monotonic
    limiter = RateLimiter(limits.rate_per_second, limits.burst, clock=rate_clock)
    strangers = RateLimiter(
        limits.stranger_rate_per_second, limits.stranger_burst, clock=rate_clock, max_clients=1
    )
    REDACTOR.add(secret)
    return State(sink, secret, region, limits, clock, limiter, strangers, demo=demo)


def create_app(
    sink: EventSink,
    secret: Secret,
    *,
    region: str = DEFAULT_REGION,
    limits: WebhookLimits | None = None,
    clock: Callable[[], datetime] = utc_now,
    rate_clock: Callable[[], float] | None = None,
    demo: bool = False,
) -> web.Application:
    """The aiohttp application, without a listening socket (tests use it directly);
    ``demo``: a wrong secret's refusal says where the demo's own is."""
    state = _state(
        sink, secret, region=region, limits=limits, clock=clock, rate_clock=rate_clock, demo=demo
    )
    from hubcall_desktop.sources.webhook_app import application  # aiohttp: loaded on use

    return application(state)


class WebhookServer:
    """The webhook listening on loopback (IPv4 and IPv6) on one port."""

    def __init__(
        self,
        sink: EventSink,
        secret: Secret,
        *,
        port: int = DEFAULT_WEBHOOK_PORT,
        hosts: Sequence[str] = LOOPBACK_HOSTS,
        region: str = DEFAULT_REGION,
        limits: WebhookLimits | None = None,
        clock: Callable[[], datetime] = utc_now,
        rate_clock: Callable[[], float] | None = None,
        demo: bool = False,
    ) -> None:
        if not hosts:
            raise ValueError("at least one host")
        self._state = _state(
            sink,
            secret,
            region=region,
            limits=limits,
            clock=clock,
            rate_clock=rate_clock,
            demo=demo,
        )
        self._limits = self._state.limits
        self._hosts = tuple(hosts)
        self._requested_port = port
        self._sockets: list[socket.socket] = []
        self._watched: list[int] = []  # file descriptors the loop watches for a first caller
        self._serving: asyncio.Task[None] | None = None  # loading aiohttp, then serving
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._bound: list[str] = []

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the webhook is not started")
        return self._port

    @property
    def url(self) -> str:
        """The base URL scripts use (IPv4 first: every HTTP client reaches it)."""
        host = self._bound[0] if self._bound else self._hosts[0]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}"

    @property
    def bound_hosts(self) -> tuple[str, ...]:
        return tuple(self._bound)

    @property
    def serving(self) -> bool:
        """Whether the HTTP server has taken over the sockets (a first caller came)."""
        return self._runner is not None

    def set_secret(self, secret: Secret) -> None:
        """Take a new secret (the agent regenerated it in settings) without restarting."""
        if not secret:
            raise ConfigurationError(EMPTY_SECRET())
        REDACTOR.add(secret)
        self._state.secret = secret

    def set_region(self, region: str) -> None:
        self._state.region = region

    async def start(self) -> None:
        """Listen, retrying a taken port for a while (see webhook_listen). Raises
        ConfigurationError naming the port, and the program holding it if one does."""
        sockets, bound, port = await listen(
            self._hosts, self._requested_port, retry_s=self._limits.bind_retry_s
        )
        self._sockets, self._bound, self._port = sockets, bound, port
        loop = asyncio.get_running_loop()
        for sock in sockets:
            loop.add_reader(sock.fileno(), self._first_connection)
            self._watched.append(sock.fileno())
        logger.info("webhook listening on %s (%s)", self.url, ", ".join(self._bound))

    def _first_connection(self) -> None:
        """A client is waiting in the backlog: hand the sockets to aiohttp, which accepts
        it (and whoever queued behind it) once loaded."""
        self._unwatch()
        if self._serving is None:
            self._serving = asyncio.ensure_future(self._serve())

    def _unwatch(self) -> None:
        loop = asyncio.get_running_loop()
        for fd in self._watched:
            loop.remove_reader(fd)
        self._watched.clear()

    async def _serve(self) -> None:
        try:
            # Loaded on first use, in a thread of its own (the window keeps painting; the
            # shared executor may be held by a keyring waiting for its unlock dialog).
            with ThreadPoolExecutor(1, thread_name_prefix="webhook-load") as loader:
                await asyncio.get_running_loop().run_in_executor(
                    loader, importlib.import_module, _HTTP_SIDE
                )
            from aiohttp import web

            from hubcall_desktop.sources.webhook_app import runner

            app_runner = runner(self._state)
            await app_runner.setup()
            self._runner = app_runner
            for sock in self._sockets:
                await web.SockSite(app_runner, sock).start()
        except Exception:
            # Callers would wait in the backlog for ever: refuse them instead.
            logger.exception("webhook: the HTTP server could not start")
            self._close_sockets()

    def _close_sockets(self) -> None:
        for sock in self._sockets:
            sock.close()
        self._sockets.clear()

    async def stop(self) -> None:
        state = self._state
        if state.pending:  # let journal writes that outlived their request finish
            await asyncio.wait(state.pending, timeout=self._limits.sink_timeout)
        if self._watched:
            self._unwatch()
        if self._serving is not None:
            await self._serving  # it logs its own failure
            self._serving = None
        if self._runner is not None:
            await self._runner.cleanup()  # closes the sockets it served
            self._runner = None
        self._close_sockets()
        self._bound.clear()
        self._port = None
