"""HubSpot-shaped answers: the error body every HubSpot API uses, and the 429 variants."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from aiohttp import web

from hubcall_desktop.sandbox.ratelimit import RatePolicy
from hubcall_desktop.sandbox.validation import FieldError

CORRELATION_HEADER = "X-HubSpot-Correlation-Id"

_RATE_LIMIT_MESSAGES = {
    RatePolicy.TEN_SECONDLY_ROLLING: "You have reached your ten_secondly_rolling limit.",
    RatePolicy.DAILY: "You have reached your daily limit.",
}


def json_answer(
    body: Mapping[str, Any], status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    answer = web.json_response(dict(body), status=status)
    answer.headers.update(headers or {})
    return answer


def error_answer(
    status: int,
    category: str,
    message: str,
    *,
    errors: Sequence[FieldError] = (),
    extra: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> web.Response:
    """``{"status": "error", "message", "correlationId", "category", "errors"?, ...}``."""
    correlation_id = str(uuid.uuid4())
    body: dict[str, Any] = {
        "status": "error",
        "message": message,
        "correlationId": correlation_id,
        "category": category,
    }
    if errors:
        body["errors"] = [error.to_json() for error in errors]
    body.update(extra or {})
    return json_answer(body, status, {**(headers or {}), CORRELATION_HEADER: correlation_id})


def validation_error(errors: Sequence[FieldError]) -> web.Response:
    """400 with every problem in ``errors``; the message names the first three."""
    shown = "; ".join(error.message for error in errors[:3])
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return error_answer(400, "VALIDATION_ERROR", f"Invalid input: {shown}{more}", errors=errors)


def rate_limit_error(policy: RatePolicy, headers: Mapping[str, str]) -> web.Response:
    return error_answer(
        429,
        "RATE_LIMITS",
        _RATE_LIMIT_MESSAGES[policy],
        extra={"errorType": "RATE_LIMIT", "policyName": policy.value},
        headers=headers,
    )


MISSING_BEARER_MESSAGE = (
    "Authentication credentials not found. This API supports OAuth 2.0 and private app "
    "access tokens sent as 'Authorization: Bearer <token>'."
)
INVALID_BEARER_MESSAGE = "The access token provided is invalid or was revoked."
EXPIRED_MESSAGE = "The OAuth token used to make this call expired."


def scheme_refused(version: str) -> web.Response:
    """403 for a private-app token on a version whose description lists OAuth only."""
    return error_answer(
        403,
        "INVALID_AUTHENTICATION",
        f"This endpoint ({version}) does not support private app access tokens; "
        "use an OAuth access token.",
    )


def missing_scopes(required: Sequence[str]) -> web.Response:
    """403 for a token granted none of the scopes the operation accepts (any one will do),
    in the shape HubSpot uses for granular scopes."""
    return error_answer(
        403,
        "MISSING_SCOPES",
        "One or more of the following scopes are required.",
        extra={"context": {"requiredGranularScopes": list(required)}},
    )


def auth_error(
    category: str, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    return error_answer(401, category, message, headers=headers)


def fault_answer(
    code: int, policy: RatePolicy, headers: Mapping[str, str], retry_after: int | None
) -> web.Response:
    """The answer a status fault injects in place of handling the request."""
    extra_headers = dict(headers)
    if retry_after is not None:
        extra_headers["Retry-After"] = str(retry_after)
    if code == 429:
        return rate_limit_error(policy, extra_headers)
    if code == 401:
        return auth_error("EXPIRED_AUTHENTICATION", EXPIRED_MESSAGE, extra_headers)
    if code == 403:
        return error_answer(
            403,
            "MISSING_SCOPES",
            "This app hasn't been granted all required scopes to make this call.",
            extra={"context": {"requiredGranularScopes": ["crm.objects.contacts.write"]}},
            headers=extra_headers,
        )
    return error_answer(
        code,
        "INTERNAL_ERROR" if code == 500 else "SERVICE_UNAVAILABLE",
        f"The sandbox answered {code} because a test asked it to (an injected fault).",
        headers=extra_headers,
    )
