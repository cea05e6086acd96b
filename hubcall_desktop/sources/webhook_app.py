"""The webhook's HTTP side on aiohttp: the application, its routes and their handlers.

Loaded when the first connection arrives (:mod:`hubcall_desktop.sources.webhook` holds
the port until then), so an app nobody calls never loads aiohttp's server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any

from aiohttp import web

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import InputError, StorageError
from hubcall_desktop.core.events import CallEvent, parse_event
from hubcall_desktop.sources.webhook_admission import (
    STATE,
    expect,
    guard,
    raw_query,
    unmatched,
)
from hubcall_desktop.sources.webhook_guard import (
    Refusal,
    check_body_size,
    check_json_content_type,
    parse_query,
)
from hubcall_desktop.sources.webhook_state import EVENTS_PATH, State

logger = logging.getLogger(__name__)

# Who may say they are who: scripts and softphones are "webhook", `hubcall-desktop notify`
# says "cli". A client cannot claim to be baresip or a manual entry.
CLAIMABLE_SOURCES = {"webhook": CallSource.WEBHOOK, "cli": CallSource.CLI}
LINGER_S = 1.0
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,23}")  # a field name safe to repeat


def application(state: State) -> web.Application:
    """The aiohttp application serving ``state`` (the same object the server's
    ``set_secret``/``set_region`` change), without a listening socket."""
    app = web.Application(middlewares=[guard], client_max_size=state.limits.max_body_bytes)
    app[STATE] = state
    # No HEAD: aiohttp would otherwise route HEAD to the GET handler and journal an event.
    # Every route, the catch-all too, vets "Expect: 100-continue" before saying continue.
    app.router.add_post(EVENTS_PATH, _post_event, expect_handler=expect)
    app.router.add_get(EVENTS_PATH + "/{kind}", _get_event, allow_head=False, expect_handler=expect)
    app.router.add_route("*", "/{tail:.*}", unmatched, expect_handler=expect)
    return app


def runner(state: State) -> web.AppRunner:
    return web.AppRunner(
        application(state),
        access_log=None,
        keepalive_timeout=state.limits.keepalive_timeout,
        # After a refusal, what is left of the body is read (so the answer is not lost
        # to a reset) for this long, not aiohttp's 10 s: a trickling body is cut off.
        lingering_time=LINGER_S,
    )


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
