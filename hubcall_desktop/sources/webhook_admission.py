"""Who may use the webhook, and how often: the guard every request passes first.

The secret is checked first (in constant time); only then is a request counted against
its client's rate limit. Requests without the right secret share one budget of their
own, whatever address they come from, so no local process can use up the softphone's
allowance. ``Expect: 100-continue`` goes through the same checks, and the size and type
checks, before the client is told to send its body. Every refusal is JSON, and repeats
nothing of the secret (:mod:`hubcall_desktop.sources.webhook_redact`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from hubcall_desktop.sources.webhook_guard import (
    Refusal,
    check_body_size,
    check_host,
    check_json_content_type,
    check_not_from_browser,
    check_request_target,
    check_secret,
    parse_query,
)
from hubcall_desktop.sources.webhook_redact import REDACTOR
from hubcall_desktop.sources.webhook_state import EVENTS_PATH, State

logger = logging.getLogger(__name__)

STRANGERS = "unauthenticated"  # the one rate-limit key all requests without the secret share

STATE = web.AppKey("hubcall_webhook_state", State)
# A softphone set up for the real app that reaches the demo on the usual port.
DEMO_REFUSAL_HINT = (
    "this is the HubCall Desktop demo, with a secret of its own: "
    "hubcall-desktop --demo webhook info prints it"
)


@web.middleware
async def guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        # aiohttp ran expect(), which admitted the request, for any request with Expect.
        if not request.headers.get("Expect"):
            admit(request)
        return await handler(request)
    except Refusal as refusal:
        return refused(request, refusal)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        # aiohttp's own refusals (413), answered as JSON like ours.
        return refused(request, Refusal(exc.status, exc.reason))


def admit(request: web.Request) -> None:
    """Who (the secret), then how often: a request with the secret counts against its
    client's limit; one without counts against the budget all strangers share."""
    state = request.app[STATE]
    try:
        _authenticate(request, state)
    except Refusal as refusal:
        wait = state.strangers.take(STRANGERS)
        if wait:
            raise Refusal(
                429,
                f"too many requests without the secret; retry in {wait:.1f} s",
                retry_after=wait,
                budget=STRANGERS,
            ) from None
        if refusal.status == 401 and state.demo:
            raise Refusal(401, f"{refusal.reason}; {DEMO_REFUSAL_HINT}") from None
        raise
    wait = state.limiter.take(request.remote or "unknown")
    if wait:
        raise Refusal(429, f"too many requests; retry in {wait:.1f} s", retry_after=wait)


def _authenticate(request: web.Request, state: State) -> None:
    if len(request.headers.getall("Host", [])) > 1:
        raise Refusal(400, "more than one Host header")
    check_request_target(request.raw_path)
    check_host(request.headers.get("Host"))
    check_not_from_browser(request.headers)
    params = parse_query(raw_query(request), state.limits.max_query_params)
    authorizations = request.headers.getall("Authorization", [])
    if len(authorizations) > 1:
        raise Refusal(400, "more than one Authorization header")
    check_secret(authorizations[0] if authorizations else None, params.get("token"), state.secret)


async def expect(request: web.Request) -> web.StreamResponse | None:
    """``Expect: 100-continue``: everything that can be refused from the headers is
    refused now, before the client is told to send its body."""
    state = request.app[STATE]
    try:
        admit(request)
        _unmatched_refusal(request)
        if request.method == "POST":
            check_json_content_type(request.headers.get("Content-Type", ""))
            check_body_size(request.content_length, state.limits.max_body_bytes)
        if request.headers["Expect"].lower() != "100-continue":
            raise Refusal(417, "only Expect: 100-continue is understood")
    except Refusal as refusal:
        return refused(request, refusal)
    if request.version >= (1, 1):
        await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        request.writer.output_size = 0  # what aiohttp's own handler does: no body sent yet
    return None


async def unmatched(request: web.Request) -> web.StreamResponse:
    _unmatched_refusal(request)
    raise AssertionError("unreachable: _unmatched_refusal raised")  # pragma: no cover


def _unmatched_refusal(request: web.Request) -> None:
    """404 or 405 for what no route takes (the catch-all route's job)."""
    if request.match_info.route.handler is not unmatched:
        return
    if request.path == EVENTS_PATH:
        raise Refusal(405, "use POST for /v1/events")
    if (
        request.path.startswith(EVENTS_PATH + "/")
        and "/" not in request.path[len(EVENTS_PATH) + 1 :]
    ):
        raise Refusal(405, "use GET for /v1/events/<event>")
    raise Refusal(404, "no such path; use /v1/events")


def refused(request: web.Request, refusal: Refusal) -> web.Response:
    state = request.app[STATE]
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


def raw_query(request: web.Request) -> str:
    # raw_path keeps the query as sent; request.query_string has already made + a space.
    return request.raw_path.partition("?")[2]
