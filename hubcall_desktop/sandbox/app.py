"""The sandbox's aiohttp application: HubSpot's routes behind faults, auth and rate limits.

Every request to a HubSpot route goes through :func:`hubspot_pipeline` in the order the
real thing would meet it: the network (latency, drops, injected statuses), then the bearer
token, then the rate limit, then the route. A request the route answers with 2xx is
*accepted*: HubSpot would have acted on it, and that is what tests count as received.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Final

from aiohttp import hdrs, web

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox import admin, contacts, oauth, oauth_admin
from hubcall_desktop.sandbox.faults import Fault, FaultKind
from hubcall_desktop.sandbox.odd_answers import apply_headers, odd_answer
from hubcall_desktop.sandbox.outcomes import (
    DISPOSITION_PATH,
    disposition_errors,
    get_disposition_property,
)
from hubcall_desktop.sandbox.paths import (
    ACCOUNT_DETAILS_PATH,
    ADMIN_PREFIX,
    INBOUND_CALL_PATHS,
    INBOUND_CALL_VERSIONS,
)
from hubcall_desktop.sandbox.recording import Outcome
from hubcall_desktop.sandbox.responses import (
    EXPIRED_MESSAGE,
    INVALID_BEARER_MESSAGE,
    MISSING_BEARER_MESSAGE,
    auth_error,
    error_answer,
    fault_answer,
    json_answer,
    missing_scopes,
    rate_limit_error,
    scheme_refused,
    validation_error,
)
from hubcall_desktop.sandbox.seed import SANDBOX_PORTAL_ID, account_details, match_caller
from hubcall_desktop.sandbox.state import STATE, SandboxState
from hubcall_desktop.sandbox.validation import (
    Code,
    FieldError,
    InvalidJson,
    parse_json,
    validate_inbound_call,
)

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024  # the sandbox's limit; HubSpot does not document one

# The scopes each security scheme of the inbound-call operation accepts (any one will do),
# as HubSpot's descriptions list them. Written out here rather than taken from the client:
# the stand-in must not share a mistake with the code it checks.
OAUTH_SCOPES: Final = (
    "crm.objects.contacts.write",
    "crm.objects.contacts.sensitive.write.v2",
    "crm.objects.contacts.highly_sensitive.write.v2",
    "crm.schemas.contacts.write",
)
PRIVATE_APP_SCOPES: Final = (
    *OAUTH_SCOPES,
    "crm.objects.contacts.sensitive.write",
    "crm.objects.contacts.highly_sensitive.write",
    "contacts",  # legacy private apps
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def build_app(state: SandboxState) -> web.Application:
    app = web.Application(middlewares=[hubspot_pipeline], client_max_size=MAX_BODY_BYTES)
    app[STATE] = state
    for path in INBOUND_CALL_PATHS:
        app.router.add_post(path, inbound_call)
    app.router.add_get(ACCOUNT_DETAILS_PATH, get_account_details)
    app.router.add_get(DISPOSITION_PATH, get_disposition_property)
    app.router.add_post(contacts.CONTACTS_PATH, create_contact)
    admin.add_routes(app)
    oauth.add_routes(app)
    oauth_admin.add_routes(app)
    return app


@web.middleware
async def hubspot_pipeline(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Record the request, apply faults, auth and rate limits, and record the outcome."""
    if request.path.startswith(ADMIN_PREFIX):
        return await handler(request)
    state = request.app[STATE]
    try:
        raw: bytes | None = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raw = None
    record_id = state.log.begin(
        method=request.method,
        path=request.path,
        query=request.query_string,
        headers=request.headers,
        body=_body_for_record(raw or b""),
        received_at=datetime.now(UTC),
    )
    fault: Fault | None = None
    try:
        if raw is None:
            answer: web.StreamResponse = error_answer(
                413, "VALIDATION_ERROR", f"The request body is larger than {MAX_BODY_BYTES} bytes."
            )
        else:
            fault = state.faults.take(request.path)
            answer = await _serve(request, handler, state, record_id, fault)
    except (asyncio.CancelledError, ConnectionError):
        # The client went away (aiohttp cancels the handler, or an odd answer's write
        # failed) or a drop fault hung up.
        state.log.finish(record_id, Outcome.CLIENT_GONE)
        raise asyncio.CancelledError from None
    if not answer.prepared:  # an odd answer streamed its own headers
        apply_headers(answer, fault)
        for name, value in state.limiter.headers(daily=_daily(request)).items():
            answer.headers.setdefault(name, value)  # a 429 has already set its exhausted values
    state.log.finish(record_id, Outcome.ANSWERED, answer.status)
    return answer


async def _serve(
    request: web.Request,
    handler: Handler,
    state: SandboxState,
    record_id: int,
    fault: Fault | None,
) -> web.StreamResponse:
    kind = fault.kind if fault else None
    daily = _daily(request)
    if fault and kind is FaultKind.LATENCY_BEFORE:
        await asyncio.sleep(fault.seconds)
    if fault and kind is FaultKind.DROP and not fault.after_accept:
        _drop(request, state, record_id)
    if fault and kind is FaultKind.ODD_ANSWER and fault.answer_status >= 300:
        return await odd_answer(request, fault, state.limiter.headers(daily=daily))  # a redirect
    if fault and fault.code is not None:
        exhausted = fault.policy if fault.code == 429 else None
        return fault_answer(
            fault.code,
            fault.policy,
            state.limiter.headers(exhausted, daily=daily),
            fault.retry_after,
        )
    if not oauth.is_oauth_path(request.path):  # OAuth takes client credentials, no bearer
        refusal = _check_bearer(request, state)
        if refusal is not None:
            return refusal
        state.log.set_portal(record_id, _portal_of(request, state))
        decision = state.limiter.acquire(daily=daily)
        if decision.refused_by is not None:
            return rate_limit_error(decision.refused_by, decision.headers)
    try:
        answer = await handler(request)
    except web.HTTPException as exc:  # unknown route or method: answer in HubSpot's shape
        category = "OBJECT_NOT_FOUND" if exc.status == 404 else "VALIDATION_ERROR"
        answer = error_answer(exc.status, category, exc.reason)
    if answer.status < 300:
        # A route answers 2xx only once HubSpot would have acted on the request.
        state.log.accept(record_id)
    if fault and kind is FaultKind.LATENCY_AFTER:
        await asyncio.sleep(fault.seconds)
    if fault and kind is FaultKind.DROP:
        _drop(request, state, record_id)
    if fault and kind is FaultKind.ODD_ANSWER and answer.status < 300:
        return await odd_answer(request, fault, state.limiter.headers(daily=daily))
    return answer


def _daily(request: web.Request) -> bool:
    """Whether the daily cap applies: to private-app tokens only. HubSpot has no daily
    limit for OAuth apps and sends their tokens no daily-limit headers; every token the
    sandbox takes that is not a private app's is an OAuth access token (see SandboxState)."""
    token = Secret(request.headers.get(hdrs.AUTHORIZATION, "").partition(" ")[2])
    return token in request.app[STATE].private_app_tokens


def _drop(request: web.Request, state: SandboxState, record_id: int) -> None:
    """Hang up without an answer, the way a broken network or a crashed proxy would."""
    state.log.finish(record_id, Outcome.DROPPED)
    if request.transport is not None:
        request.transport.close()
    # aiohttp takes a CancelledError from a handler as a premature disconnect: it writes
    # nothing and logs no access line, which is exactly a dropped connection.
    raise asyncio.CancelledError


def _check_bearer(request: web.Request, state: SandboxState) -> web.Response | None:
    header = request.headers.get(hdrs.AUTHORIZATION, "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return auth_error("INVALID_AUTHENTICATION", MISSING_BEARER_MESSAGE)
    secret = Secret(token)
    if secret in state.expired_tokens:
        return auth_error("EXPIRED_AUTHENTICATION", EXPIRED_MESSAGE)
    expired = oauth.expired_refusal(request.app, token)  # an issued OAuth token past its end
    if expired is not None:
        return expired
    if secret not in state.tokens:
        return auth_error("INVALID_AUTHENTICATION", INVALID_BEARER_MESSAGE)
    return None


async def inbound_call(request: web.Request) -> web.Response:
    """Every inbound-call path: the version's security scheme and scopes, then the body
    validated strictly (the same body schema in every version), then the matches."""
    refusal = _security_refusal(request)
    if refusal is not None:
        return refusal
    wrong_type = _content_type_error(request)
    if wrong_type is not None:
        return validation_error([wrong_type])
    try:
        body = parse_json(await request.read())
    except InvalidJson as exc:
        return validation_error([FieldError("body", Code.INVALID_JSON, str(exc))])
    # An outcome HubSpot does not know is refused like any other invalid value.
    errors = validate_inbound_call(body) or disposition_errors(body)
    if errors:
        return validation_error(errors)
    e164, state = body["fromNumber"]["e164Number"], request.app[STATE]
    portal = _portal_of(request, state)
    created = [c.to_match(portal) for c in state.contacts.matching(e164, portal)]
    matches = [*created, *match_caller(e164)]
    logger.debug("inbound call %s: %d matches", body["externalCallId"], len(matches))
    return json_answer({"callerIdMatches": [match.to_json() for match in matches]})


def _security_refusal(request: web.Request) -> web.Response | None:
    """HubSpot's 403 when the token's kind is not a scheme the version lists, or the
    token holds none of the scopes that scheme accepts."""
    state = request.app[STATE]
    version = INBOUND_CALL_VERSIONS[request.path]
    token = Secret(request.headers.get(hdrs.AUTHORIZATION, "").partition(" ")[2])
    private_app = token in state.private_app_tokens
    if private_app and not version.private_apps:
        return scheme_refused(version.name)
    accepted = PRIVATE_APP_SCOPES if private_app else OAUTH_SCOPES
    granted = state.token_scopes.get(token)
    if granted is not None and granted.isdisjoint(accepted):
        return missing_scopes(accepted)
    return None


async def create_contact(request: web.Request) -> web.Response:
    """Create a contact in the token's portal (see :mod:`.contacts`)."""
    state = request.app[STATE]
    refusal = contacts.refused_scopes(state.token_scopes.get(contacts.token_of(request)))
    if refusal is not None:
        return refusal
    wrong_type = _content_type_error(request)
    if wrong_type is not None:
        return validation_error([wrong_type])
    return contacts.create(state.contacts, await request.read(), _portal_of(request, state))


async def get_account_details(request: web.Request) -> web.Response:
    """The account of the portal the token belongs to."""
    details = account_details()
    details["portalId"] = _portal_of(request, request.app[STATE])
    return json_answer(details)


def _portal_of(request: web.Request, state: SandboxState) -> int:
    """The portal an accepted bearer token belongs to (the sandbox portal by default)."""
    token = request.headers.get(hdrs.AUTHORIZATION, "").partition(" ")[2]
    return state.token_portals.get(Secret(token), SANDBOX_PORTAL_ID)


def _content_type_error(request: web.Request) -> FieldError | None:
    """``application/json``, with no charset or UTF-8 (the only one JSON allows, RFC 8259)."""
    charset = (request.charset or "utf-8").lower()
    if request.content_type == "application/json" and charset in ("utf-8", "utf8"):
        return None
    shown = request.headers.get(hdrs.CONTENT_TYPE, "none")
    return FieldError(
        "header:Content-Type",
        Code.INVALID_CONTENT_TYPE,
        f"Content-Type must be application/json, got {shown!r}",
    )


def _body_for_record(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return parse_json(raw)
    except InvalidJson:
        return raw.decode("utf-8", errors="replace")
