"""HubSpot's error answers become typed errors with a sentence the agent can act on."""

from __future__ import annotations

import pytest

from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotRateLimited,
    HubSpotScopeError,
    HubSpotServerError,
    HubSpotValidationError,
    error_from_response,
)
from hubcall_desktop.hubspot.retrying import should_retry

CID = "2f6c3a1e-0d4b-4f7e-9f55-5b1d8e0c9a11"


def test_expired_token_says_reconnect() -> None:
    error = error_from_response(
        401,
        {"category": "EXPIRED_AUTHENTICATION", "message": "expired", "correlationId": CID},
        None,
    )
    assert isinstance(error, HubSpotAuthError)
    assert error.expired
    assert "Reconnect" in str(error)
    assert CID in str(error)
    assert not should_retry(error)


def test_missing_scopes_are_named() -> None:
    body = {
        "category": "MISSING_SCOPES",
        "message": "This app hasn't been granted all required scopes",
        "correlationId": CID,
        "errors": [
            {"message": "missing", "context": {"requiredScopes": ["crm.objects.contacts.write"]}}
        ],
    }
    error = error_from_response(403, body, None)
    assert isinstance(error, HubSpotScopeError)
    assert "crm.objects.contacts.write" in str(error)


def test_forbidden_without_details_lists_accepted_scopes() -> None:
    error = error_from_response(403, None, None)
    assert "crm.schemas.contacts.write" in str(error)


def test_validation_error_names_the_fields() -> None:
    body = {
        "status": "error",
        "category": "VALIDATION_ERROR",
        "message": "Invalid input",
        "correlationId": CID,
        "errors": [{"message": "not E.164", "in": "fromNumber.e164Number"}, {"in": "userId"}],
    }
    error = error_from_response(400, body, None)
    assert isinstance(error, HubSpotValidationError)
    assert "fromNumber.e164Number" in str(error)
    assert "userId" in str(error)
    assert error.details.correlation_id == CID
    assert not should_retry(error)


def test_rate_limits() -> None:
    secondly = error_from_response(
        429, {"policyName": "TEN_SECONDLY_ROLLING", "errorType": "RATE_LIMIT"}, 1.5
    )
    daily = error_from_response(429, {"policyName": "DAILY", "errorType": "RATE_LIMIT"}, None)
    assert isinstance(secondly, HubSpotRateLimited)
    assert isinstance(daily, HubSpotRateLimited)
    assert secondly.retry_after == 1.5
    assert should_retry(secondly)
    assert daily.daily
    assert not should_retry(daily)
    assert "daily" in str(daily)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient(status: int) -> None:
    error = error_from_response(status, "<html>oops</html>", None)
    assert isinstance(error, HubSpotServerError)
    assert should_retry(error)


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        "text",
        42,
        {"message": 5, "errors": "x", "context": []},
        {"errors": [None, 1, {"in": 3}], "correlationId": {"a": 1}},
        {"message": "m" * 10_000},
    ],
)
def test_malformed_error_bodies_never_crash(body: object) -> None:
    error = error_from_response(400, body, None)
    assert isinstance(error, HubSpotValidationError)
    assert len(str(error)) < 1200
