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
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from aiohttp import web

from hubcall_desktop.core.call import CallSource, utc_now
from hubcall_desktop.core.errors import ConfigurationError, InputError, StorageError
from hubcall_desktop.core.events import CallEvent, parse_event
from hubcall_desktop.core.phone import DEFAULT_REGION
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import DEFAULT_WEBHOOK_PORT
from hubcall_desktop.sources.webhook_admission import (
    EVENTS_PATH,
    STATE,
    EventSink,
    State,
    WebhookLimits,
    expect,
    guard,
    raw_query,
    unmatched,
)
from hubcall_desktop.sources.webhook_guard import (
    RateLimiter,
    Refusal,
    check_body_size,
    check_json_content_type,
    parse_query,
)
from hubcall_desktop.sources.webhook_listen import listen
from hubcall_desktop.sources.webhook_redact import REDACTOR

logger = logging.getLogger(__name__)

__all__ = [
    "CLAIMABLE_SOURCES",
    "EVENTS_PATH",
    "LOOPBACK_HOSTS",
    "EventSink",
    "WebhookLimits",
    "WebhookServer",
    "create_app",
]

LOOPBACK_HOSTS = ("127.0.0.1", "::1")
# Who may say they are who: scripts and softphones are "webhook", `hubcall-desktop notify`
# says "cli". A client cannot claim to be baresip or a manual entry.
CLAIMABLE_SOURCES = {"webhook": CallSource.WEBHOOK, "cli": CallSource.CLI}
LINGER_S = 1.0
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,23}")  # a field name safe to repeat


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
    if not secret:
        raise ConfigurationError("The webhook needs a secret; none was given.")
    limits = limits or WebhookLimits()
    rate_clock = rate_clock or time.monotonic
    limiter = RateLimiter(limits.rate_per_second, limits.burst, clock=rate_clock)
    strangers = RateLimiter(
        limits.stranger_rate_per_second, limits.stranger_burst, clock=rate_clock, max_clients=1
    )
    REDACTOR.add(secret)
    app = web.Application(middlewares=[guard], client_max_size=limits.max_body_bytes)
    app[STATE] = State(sink, secret, region, limits, clock, limiter, strangers, demo=demo)
    # No HEAD: aiohttp would otherwise route HEAD to the GET handler and journal an event.
    # Every route, the catch-all too, vets "Expect: 100-continue" before saying continue.
    app.router.add_post(EVENTS_PATH, _post_event, expect_handler=expect)
    app.router.add_get(EVENTS_PATH + "/{kind}", _get_event, allow_head=False, expect_handler=expect)
    app.router.add_route("*", "/{tail:.*}", unmatched, expect_handler=expect)
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
        demo: bool = False,
    ) -> None:
        if not hosts:
            raise ValueError("at least one host")
        self._app = create_app(
            sink,
            secret,
            region=region,
            limits=limits,
            clock=clock,
            rate_clock=rate_clock,
            demo=demo,
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
        self._app[STATE].secret = secret

    def set_region(self, region: str) -> None:
        self._app[STATE].region = region

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
        state = self._app[STATE]
        if state.pending:  # let journal writes that outlived their request finish
            await asyncio.wait(state.pending, timeout=self._limits.sink_timeout)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self._bound.clear()
        self._port = None


# -- request handling --------------------------------------------------------------------


async def _post_event(request: web.Request) -> web.Response:
    state = request.app[STATE]
    extra = set(parse_query(raw_query(request), state.limits.max_query_params)) - {"token"}
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
    state = request.app[STATE]
    params: dict[str, object] = dict(parse_query(raw_query(request), state.limits.max_query_params))
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
    state = request.app[STATE]
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


async def _deliver(state: State, event: CallEvent) -> str | None:
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
