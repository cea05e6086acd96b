"""The loopback webhook: softphones, PBX scripts and ``curl`` report calls over HTTP.

``POST /v1/events`` takes a JSON object, ``GET /v1/events/{ringing|answered|ended}`` takes
query parameters (for softphones that can only open a URL). Every request passes the
guard (:mod:`hubcall_desktop.sources.webhook_guard`), then the strict event parser, then
the injected *sink*, which journals the event and returns the call's id. The answer is
202 only after the sink returned, so a 202 means the event is in the journal; every
refusal (4xx) happens before the sink is called, so a refused request leaves no trace.

The secret is checked first; only then is a request counted against its client's rate
limit. Requests without the right secret share one budget of their own, whatever address
they come from, so no local process can use up the softphone's allowance. The secret is
masked in every log line and refusal (:mod:`hubcall_desktop.sources.webhook_redact`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
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
    check_request_target,
    check_secret,
    parse_query,
)
from hubcall_desktop.sources.webhook_listen import listen
from hubcall_desktop.sources.webhook_redact import REDACTOR
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
LINGER_S = 1.0
STRANGERS = "unauthenticated"  # the one rate-limit key all requests without the secret share
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,23}")  # a field name safe to repeat


@dataclass(frozen=True, slots=True)
class WebhookLimits:
    max_body_bytes: int = 64 * 1024
    max_query_params: int = 16
    rate_per_second: float = 20.0  # sustained requests per client address, with the secret
    burst: int = 40  # requests a client with the secret may send at once
    # All requests without the right secret together, from whatever address.
    stranger_rate_per_second: float = 5.0
    stranger_burst: int = 20
    body_timeout: float = 5.0  # seconds for a whole request body to arrive
    sink_timeout: float = 10.0  # seconds before answering 503 while the journal still works
    keepalive_timeout: float = 15.0
    bind_retry_s: float = 5.0  # how long a taken port is retried before giving up


@dataclass(slots=True)
class _State:
    sink: EventSink
    secret: Secret
    region: str
    limits: WebhookLimits
    clock: Callable[[], datetime]
    limiter: RateLimiter
    strangers: RateLimiter
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
    rate_clock = rate_clock or time.monotonic
    limiter = RateLimiter(limits.rate_per_second, limits.burst, clock=rate_clock)
    strangers = RateLimiter(
        limits.stranger_rate_per_second, limits.stranger_burst, clock=rate_clock, max_clients=1
    )
    REDACTOR.add(secret)
    app = web.Application(middlewares=[_guard], client_max_size=limits.max_body_bytes)
    app[_STATE] = _State(sink, secret, region, limits, clock, limiter, strangers)
    # No HEAD: aiohttp would otherwise route HEAD to the GET handler and journal an event.
    # Every route, the catch-all too, vets "Expect: 100-continue" before saying continue.
    app.router.add_post(EVENTS_PATH, _post_event, expect_handler=_expect)
    app.router.add_get(
        EVENTS_PATH + "/{kind}", _get_event, allow_head=False, expect_handler=_expect
    )
    app.router.add_route("*", "/{tail:.*}", _unmatched, expect_handler=_expect)
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
        REDACTOR.add(secret)
        self._app[_STATE].secret = secret

    def set_region(self, region: str) -> None:
        self._app[_STATE].region = region

    async def start(self) -> None:
        """Listen, retrying a taken port for a while (see webhook_listen). Raises
        ConfigurationError naming the port, and the program holding it if one does."""
        runner = web.AppRunner(
            self._app,
            access_log=None,
            keepalive_timeout=self._limits.keepalive_timeout,
            # After a refusal, what is left of the body is read (so the answer is not lost
            # to a reset) for this long, not aiohttp's 10 s: a trickling body is cut off.
            lingering_time=LINGER_S,
        )
        await runner.setup()
        self._runner = runner
        try:
            bound, port = await listen(
                runner, self._hosts, self._requested_port, retry_s=self._limits.bind_retry_s
            )
        except ConfigurationError:
            await self.stop()
            raise
        self._bound, self._port = bound, port
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
    try:
        # aiohttp ran _expect, which admitted the request, for any request with Expect.
        if not request.headers.get("Expect"):
            _admit(request)
        return await handler(request)
    except Refusal as refusal:
        return _refused(request, refusal)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        # aiohttp's own refusals (413), answered as JSON like ours.
        return _refused(request, Refusal(exc.status, exc.reason))


def _admit(request: web.Request) -> None:
    """Who (the secret), then how often: a request with the secret counts against its
    client's limit; one without counts against the budget all strangers share."""
    state = request.app[_STATE]
    try:
        _authenticate(request, state)
    except Refusal:
        wait = state.strangers.take(STRANGERS)
        if wait:
            raise Refusal(
                429,
                f"too many requests without the secret; retry in {wait:.1f} s",
                retry_after=wait,
                budget=STRANGERS,
            ) from None
        raise
    wait = state.limiter.take(request.remote or "unknown")
    if wait:
        raise Refusal(429, f"too many requests; retry in {wait:.1f} s", retry_after=wait)


def _authenticate(request: web.Request, state: _State) -> None:
    if len(request.headers.getall("Host", [])) > 1:
        raise Refusal(400, "more than one Host header")
    check_request_target(request.raw_path)
    check_host(request.headers.get("Host"))
    check_not_from_browser(request.headers)
    params = parse_query(_raw_query(request), state.limits.max_query_params)
    authorizations = request.headers.getall("Authorization", [])
    if len(authorizations) > 1:
        raise Refusal(400, "more than one Authorization header")
    check_secret(authorizations[0] if authorizations else None, params.get("token"), state.secret)


async def _expect(request: web.Request) -> web.StreamResponse | None:
    """``Expect: 100-continue``: everything that can be refused from the headers is
    refused now, before the client is told to send its body."""
    state = request.app[_STATE]
    try:
        _admit(request)
        _unmatched_refusal(request)
        if request.method == "POST":
            check_json_content_type(request.headers.get("Content-Type", ""))
            check_body_size(request.content_length, state.limits.max_body_bytes)
        if request.headers["Expect"].lower() != "100-continue":
            raise Refusal(417, "only Expect: 100-continue is understood")
    except Refusal as refusal:
        return _refused(request, refusal)
    if request.version >= (1, 1):
        await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        request.writer.output_size = 0  # what aiohttp's own handler does: no body sent yet
    return None


async def _unmatched(request: web.Request) -> web.StreamResponse:
    _unmatched_refusal(request)
    raise AssertionError("unreachable: _unmatched_refusal raised")  # pragma: no cover


def _unmatched_refusal(request: web.Request) -> None:
    """404 or 405 for what no route takes (the catch-all route's job)."""
    if request.match_info.route.handler is not _unmatched:
        return
    if request.path == EVENTS_PATH:
        raise Refusal(405, "use POST for /v1/events")
    if (
        request.path.startswith(EVENTS_PATH + "/")
        and "/" not in request.path[len(EVENTS_PATH) + 1 :]
    ):
        raise Refusal(405, "use GET for /v1/events/<event>")
    raise Refusal(404, "no such path; use /v1/events")


def _refused(request: web.Request, refusal: Refusal) -> web.Response:
    state = request.app[_STATE]
    client = request.remote or "unknown"
    headers: dict[str, str] = {}
    # A caller may paste the secret into the wrong place (the path, a field); it is
    # masked wherever a refusal repeats what was sent. The query is never repeated.
    reason = REDACTOR.mask(refusal.reason)
    if refusal.retry_after is not None:
        headers["Retry-After"] = str(max(1, math.ceil(refusal.retry_after)))
        # Strangers are logged as one, like they are limited as one: rotating addresses
        # must not turn into a log line each.
        count = state.flood_log.refused(refusal.budget or client, state.limiter.clock())
        if count is not None and refusal.budget == STRANGERS:
            logger.warning("webhook: requests without the secret: %d answered 429", count)
        elif count is not None:
            logger.warning("webhook: %s sends too fast; %d requests answered 429", client, count)
    else:
        logger.warning(
            "webhook refused %s %.80r from %s: %d %s",
            request.method,
            REDACTOR.mask(request.path),
            client,
            refusal.status,
            reason,
        )
    if refusal.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="hubcall-desktop"'
    body: dict[str, Any] = {"error": reason, "status": refusal.status}
    if refusal.field:
        body["field"] = REDACTOR.mask(refusal.field)
    return web.json_response(body, status=refusal.status, headers=headers)


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
    try:
        # aiohttp answers 413 past client_max_size (chunked too); a body that trickles in
        # would hold the connection for as long as the client likes.
        async with asyncio.timeout(state.limits.body_timeout):
            body = await request.read()
    except TimeoutError:
        raise Refusal(
            408, f"the body took over {state.limits.body_timeout:g} s to arrive"
        ) from None
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
        raise _input_refusal(exc) from None
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
        raise _input_refusal(exc) from None
    except StorageError as exc:
        logger.error("webhook: the journal refused an event: %s", exc.user_message)
        raise web.HTTPServiceUnavailable(reason="the journal cannot be written") from None
    except Exception:
        logger.exception("webhook: the event sink failed")
        raise web.HTTPInternalServerError(reason="the event could not be recorded") from None


def _input_refusal(exc: InputError) -> Refusal:
    """A 400 naming the field, unless the "field" is something a caller made up (it may
    be anything, the secret too): that is not repeated."""
    if _FIELD_NAME.fullmatch(exc.field):
        return Refusal(400, exc.user_message, exc.field)
    return Refusal(400, exc.problem)


def _log_late_failure(task: asyncio.Task[str]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("webhook: a late event sink failed", exc_info=task.exception())
