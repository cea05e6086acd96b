"""The loopback webhook: softphones, PBX scripts and ``curl`` report calls over HTTP.

``POST /v1/events`` takes a JSON object, ``GET /v1/events/{ringing|answered|ended}`` takes
query parameters (for softphones that can only open a URL). Every request passes the
guard (:mod:`hubcall_desktop.sources.webhook_guard`), then the strict event parser, then
the injected *sink*, which journals the event and returns the call's id. The answer is
202 only after the sink returned, so a 202 means the event is in the journal; every
refusal (4xx) happens before the sink is called, so a refused request leaves no trace.
"""

from __future__ import annotations

import asyncio
import errno
import json
import logging
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import web

from hubcall_desktop.core.call import CallSource, utc_now
from hubcall_desktop.core.errors import ConfigurationError, InputError, StorageError
from hubcall_desktop.core.events import CallEvent, parse_event
from hubcall_desktop.core.phone import DEFAULT_REGION
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook_guard import (
    FloodLog,
    RateLimiter,
    Refusal,
    check_body_size,
    check_host,
    check_json_content_type,
    check_not_from_browser,
    check_secret,
    parse_query,
)
from hubcall_desktop.storage.settings import DEFAULT_WEBHOOK_PORT

logger = logging.getLogger(__name__)

EventSink = Callable[[CallEvent], Awaitable[str]]
"""Journals the event (through the lifecycle) and returns the call's external id. It may
raise InputError only before it journaled anything, StorageError if the journal failed."""

LOOPBACK_HOSTS = ("127.0.0.1", "::1")
EVENTS_PATH = "/v1/events"
# Who may say they are who: scripts and softphones are "webhook", `hubcall-desktop notify`
# says "cli". A client cannot claim to be baresip or a manual entry.
CLAIMABLE_SOURCES = {"webhook": CallSource.WEBHOOK, "cli": CallSource.CLI}


@dataclass(frozen=True, slots=True)
class WebhookLimits:
    max_body_bytes: int = 64 * 1024
    max_query_params: int = 16
    rate_per_second: float = 20.0  # sustained requests per client address
    burst: int = 40  # requests a client may send at once
    sink_timeout: float = 10.0  # seconds before answering 503 while the journal still works
    keepalive_timeout: float = 15.0


@dataclass(slots=True)
class _State:
    sink: EventSink
    secret: Secret
    region: str
    limits: WebhookLimits
    clock: Callable[[], datetime]
    limiter: RateLimiter
    flood_log: FloodLog = field(default_factory=FloodLog)
    pending: set[asyncio.Task[str]] = field(default_factory=set)


_STATE = web.AppKey("hubcall_webhook_state", _State)


def create_app(
    sink: EventSink,
    secret: Secret,
    *,
    region: str = DEFAULT_REGION,
    limits: WebhookLimits | None = None,
    clock: Callable[[], datetime] = utc_now,
    rate_clock: Callable[[], float] | None = None,
) -> web.Application:
    """The aiohttp application, without a listening socket (tests use it directly)."""
    if not secret:
        raise ConfigurationError("The webhook needs a secret; none was given.")
    limits = limits or WebhookLimits()
    limiter = RateLimiter(limits.rate_per_second, limits.burst, clock=rate_clock or time.monotonic)
    app = web.Application(middlewares=[_guard], client_max_size=limits.max_body_bytes)
    app[_STATE] = _State(sink, secret, region, limits, clock, limiter)
    # No HEAD: aiohttp would otherwise route HEAD to the GET handler and journal an event.
    app.router.add_post(EVENTS_PATH, _post_event)
    app.router.add_get(EVENTS_PATH + "/{kind}", _get_event, allow_head=False)
    return app


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
    ) -> None:
        if not hosts:
            raise ValueError("at least one host")
        self._app = create_app(
            sink, secret, region=region, limits=limits, clock=clock, rate_clock=rate_clock
        )
        self._limits = limits or WebhookLimits()
        self._hosts = tuple(hosts)
        self._requested_port = port
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

    def set_secret(self, secret: Secret) -> None:
        """Take a new secret (the agent regenerated it in settings) without restarting."""
        if not secret:
            raise ConfigurationError("The webhook secret cannot be empty.")
        self._app[_STATE].secret = secret

    def set_region(self, region: str) -> None:
        self._app[_STATE].region = region

    async def start(self) -> None:
        """Listen. Raises ConfigurationError naming the port if it is taken."""
        runner = web.AppRunner(
            self._app, access_log=None, keepalive_timeout=self._limits.keepalive_timeout
        )
        await runner.setup()
        self._runner = runner
        port = self._requested_port
        try:
            for host in self._hosts:
                site = web.TCPSite(runner, host, port, reuse_address=False)
                try:
                    await site.start()
                except OSError as exc:
                    if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) and self._bound:
                        # IPv6 switched off on this machine: IPv4 is enough.
                        logger.warning("webhook: cannot listen on %s: %s", host, exc.strerror)
                        continue
                    raise
                self._bound.append(host)
                if port == 0:  # the first site picked a free port; the others share it
                    port = int(runner.addresses[0][1])
        except OSError as exc:
            await self.stop()
            raise ConfigurationError(
                f"The webhook cannot listen on port {self._requested_port or port} "
                f"({exc.strerror or exc}). Another program (or another HubCall Desktop) "
                "may be using it; choose another port in Settings."
            ) from None
        self._port = port
        logger.info("webhook listening on %s (%s)", self.url, ", ".join(self._bound))

    async def stop(self) -> None:
        state = self._app[_STATE]
        if state.pending:  # let journal writes that outlived their request finish
            await asyncio.wait(state.pending, timeout=self._limits.sink_timeout)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self._bound.clear()
        self._port = None


# -- request handling --------------------------------------------------------------------


@web.middleware
async def _guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    state = request.app[_STATE]
    client = request.remote or "unknown"
    try:
        if len(request.headers.getall("Host", [])) > 1:
            raise Refusal(400, "more than one Host header")
        check_host(request.headers.get("Host"))
        check_not_from_browser(request.headers)
        wait = state.limiter.take(client)
        if wait:
            raise Refusal(429, f"too many requests; retry in {wait:.1f} s", retry_after=wait)
        params = parse_query(_raw_query(request), state.limits.max_query_params)
        authorizations = request.headers.getall("Authorization", [])
        if len(authorizations) > 1:
            raise Refusal(400, "more than one Authorization header")
        check_secret(
            authorizations[0] if authorizations else None, params.get("token"), state.secret
        )
        return await handler(request)
    except Refusal as refusal:
        return _refused(request, client, refusal)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        # aiohttp's own refusals (404, 405, 413), answered as JSON like ours.
        return _refused(request, client, Refusal(exc.status, exc.reason))


def _refused(request: web.Request, client: str, refusal: Refusal) -> web.Response:
    state = request.app[_STATE]
    headers: dict[str, str] = {}
    # A caller may paste the secret into the wrong place (the path, a field); it is
    # masked wherever a refusal repeats what was sent. The query is never repeated.
    reason = _mask(refusal.reason, state.secret)
    if refusal.retry_after is not None:
        headers["Retry-After"] = str(max(1, math.ceil(refusal.retry_after)))
        count = state.flood_log.refused(client, state.limiter.clock())
        if count is not None:
            logger.warning("webhook: %s sends too fast; %d requests answered 429", client, count)
    else:
        logger.warning(
            "webhook refused %s %.80r from %s: %d %s",
            request.method,
            _mask(request.path, state.secret),
            client,
            refusal.status,
            reason,
        )
    if refusal.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="hubcall-desktop"'
    body: dict[str, Any] = {"error": reason, "status": refusal.status}
    if refusal.field:
        body["field"] = _mask(refusal.field, state.secret)
    return web.json_response(body, status=refusal.status, headers=headers)


def _mask(text: str, secret: Secret) -> str:
    return text.replace(secret.reveal(), "***") if secret.reveal() in text else text


def _raw_query(request: web.Request) -> str:
    # raw_path keeps the query as sent; request.query_string has already made + a space.
    return request.raw_path.partition("?")[2]


async def _post_event(request: web.Request) -> web.Response:
    state = request.app[_STATE]
    extra = set(parse_query(_raw_query(request), state.limits.max_query_params)) - {"token"}
    if extra:
        raise Refusal(400, "POST takes the event in the body; only ?token= may be in the URL")
    check_json_content_type(request.headers.get("Content-Type", ""))
    check_body_size(request.content_length, state.limits.max_body_bytes)
    body = await request.read()  # aiohttp answers 413 past client_max_size (chunked too)
    data = _decode_json(body)
    return await _accept(request, data)


async def _get_event(request: web.Request) -> web.Response:
    state = request.app[_STATE]
    params: dict[str, object] = dict(
        parse_query(_raw_query(request), state.limits.max_query_params)
    )
    params.pop("token", None)
    if "event" in params:
        raise Refusal(400, "the event is in the path: /v1/events/ringing", "event")
    return await _accept(request, {"event": request.match_info["kind"], **params})


def _decode_json(body: bytes) -> dict[str, object]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, "the body is not UTF-8 text") from None
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constants)
    except Refusal:
        raise
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; so are huge ints
        raise Refusal(400, "the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise Refusal(400, "the body must be a JSON object")
    return data


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise Refusal(400, f"the field {key[:40]!r} is given twice", key[:40])
        data[key] = value
    return data


def _no_constants(name: str) -> None:
    raise Refusal(400, f"{name} is not valid JSON")


async def _accept(request: web.Request, data: dict[str, object]) -> web.Response:
    state = request.app[_STATE]
    claimed = data.pop("source", "webhook")
    source = CLAIMABLE_SOURCES.get(claimed) if isinstance(claimed, str) else None
    if source is None:
        raise Refusal(400, "source must be webhook or cli", "source")
    try:
        event = parse_event(data, source, state.clock(), state.region)
    except InputError as exc:
        raise Refusal(400, exc.user_message, exc.field) from None
    call_id = await _deliver(state, event)
    if call_id is None:
        return web.json_response(
            {"error": "the journal is busy; the event may still be recorded", "status": 503},
            status=503,
        )
    return web.json_response(
        {"accepted": True, "call_id": call_id, "event": event.kind.value}, status=202
    )


async def _deliver(state: _State, event: CallEvent) -> str | None:
    """Run the sink; ``None`` if it outlived its time (it goes on, shielded, so a slow
    journal write is finished rather than cut in half)."""
    task = asyncio.ensure_future(state.sink(event))
    state.pending.add(task)
    task.add_done_callback(state.pending.discard)
    try:
        return await asyncio.wait_for(asyncio.shield(task), state.limits.sink_timeout)
    except TimeoutError:
        logger.error("webhook: the journal took over %s s for one event", state.limits.sink_timeout)
        task.add_done_callback(_log_late_failure)
        return None
    except InputError as exc:
        raise Refusal(400, exc.user_message, exc.field) from None
    except StorageError as exc:
        logger.error("webhook: the journal refused an event: %s", exc.user_message)
        raise web.HTTPServiceUnavailable(reason="the journal cannot be written") from None
    except Exception:
        logger.exception("webhook: the event sink failed")
        raise web.HTTPInternalServerError(reason="the event could not be recorded") from None


def _log_late_failure(task: asyncio.Task[str]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("webhook: a late event sink failed", exc_info=task.exception())
