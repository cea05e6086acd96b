"""The exact shape of HubSpot's errors as the app keeps and shows them: each status's
type, sentence and transience, every field read from the error body (and how a wrong
one is ignored), what the journal stores, and which errors are tried again."""

from __future__ import annotations

from typing import Any

import pytest

from hubcall_desktop.hubspot.errors import (
    INBOUND_CALL_SCOPES,
    ErrorDetails,
    HubSpotAuthError,
    HubSpotError,
    HubSpotProtocolError,
    HubSpotRateLimited,
    HubSpotScopeError,
    HubSpotServerError,
    HubSpotSlow,
    HubSpotUnreachable,
    HubSpotValidationError,
    error_from_response,
    parse_error_body,
)
from hubcall_desktop.hubspot.retrying import NO_RETRY, RetryPolicy, should_retry

CID = "0b6f7a44-11aa-4c2e-9d3f-6c1e5a0b2d77"


# -- the sentence ----------------------------------------------------------------------


def test_the_sentence_carries_hubspots_message_and_correlation_id() -> None:
    error = HubSpotError("Sent.", ErrorDetails(message="quota", correlation_id=CID))
    assert error.user_message == f"Sent. (HubSpot said: quota; correlation id {CID})"
    assert str(error) == error.user_message


def test_a_message_already_in_the_sentence_is_not_repeated() -> None:
    error = HubSpotError("HubSpot said no: quota.", ErrorDetails(message="quota"))
    assert error.user_message == "HubSpot said no: quota."


def test_an_error_without_details_is_just_its_sentence() -> None:
    assert HubSpotError("Plain.").user_message == "Plain."
    assert HubSpotError("Only id.", ErrorDetails(correlation_id=CID)).user_message == (
        f"Only id. (correlation id {CID})"
    )


def test_what_the_journal_keeps_of_an_error() -> None:
    details = parse_error_body(
        400,
        {
            "message": "Invalid input",
            "category": "VALIDATION_ERROR",
            "correlationId": CID,
            "errors": [{"in": "userId", "context": {"missingScopes": ["a.scope"]}}],
        },
    )
    error = HubSpotValidationError("Refused.", details)
    assert error.to_json() == {
        "error": "HubSpotValidationError",
        "sentence": f"Refused. (HubSpot said: Invalid input; correlation id {CID})",
        "status": 400,
        "message": "Invalid input",
        "category": "VALIDATION_ERROR",
        "subCategory": "",
        "correlationId": CID,
        "fields": ["userId"],
        "errorMessages": [],
        "missingScopes": ["a.scope"],
    }
    assert ErrorDetails().to_json() == {
        "status": None,
        "message": "",
        "category": "",
        "subCategory": "",
        "correlationId": "",
        "fields": [],
        "errorMessages": [],
        "missingScopes": [],
    }


# -- each status -----------------------------------------------------------------------


def test_a_401_that_is_not_expired_says_reconnect_now() -> None:
    error = error_from_response(401, {"category": "INVALID_AUTHENTICATION"}, None)
    assert type(error) is HubSpotAuthError
    assert not error.expired
    assert error.user_message == (
        "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings."
    )


def test_an_expired_401_says_a_new_token_is_fetched() -> None:
    error = error_from_response(401, {"category": "EXPIRED_AUTHENTICATION"}, None)
    assert isinstance(error, HubSpotAuthError) and error.expired
    assert error.user_message.startswith("The HubSpot access token expired; the app fetches")


def test_a_403_names_the_missing_scopes_once_each_in_order() -> None:
    body = {
        "context": {"missingScopes": ["b.scope", "a.scope"]},
        "errors": [
            {"context": {"requiredScopes": ["a.scope", "c.scope", 7]}},
            {"context": "not a dict"},
            "not an error",
        ],
    }
    error = error_from_response(403, body, None)
    assert type(error) is HubSpotScopeError
    assert error.details.missing_scopes == ("b.scope", "a.scope", "c.scope")
    assert error.user_message == (
        "The HubSpot app lacks a permission: add the scope b.scope, a.scope, c.scope and reconnect."
    )


def test_a_403_without_scopes_lists_every_accepted_one() -> None:
    error = error_from_response(403, {"context": {"missingScopes": "nope"}}, None)
    assert error.user_message == (
        "HubSpot refused access. The app needs one of these scopes: "
        + ", ".join(INBOUND_CALL_SCOPES)
        + "."
    )


def test_a_ten_secondly_429_keeps_its_wait_and_is_tried_again() -> None:
    error = error_from_response(429, {"policyName": "TEN_SECONDLY_ROLLING"}, 2.5)
    assert type(error) is HubSpotRateLimited
    assert error.retry_after == 2.5 and not error.daily and error.transient
    assert error.user_message == (
        "HubSpot is rate limiting requests; the app will send again shortly."
    )
    assert should_retry(error)


def test_a_daily_429_waits_for_the_reset() -> None:
    error = error_from_response(429, {"policyName": "DAILY"}, None)
    assert isinstance(error, HubSpotRateLimited) and error.daily
    assert error.retry_after is None
    assert error.user_message == (
        "HubSpot's daily API limit is used up; calls stay queued until it resets."
    )
    assert not should_retry(error)


@pytest.mark.parametrize("status", [500, 503, 599])
def test_from_500_up_it_is_hubspots_side(status: int) -> None:
    error = error_from_response(status, None, None)
    assert type(error) is HubSpotServerError and error.transient
    assert error.user_message == f"HubSpot had a server error ({status}); the app will try again."


@pytest.mark.parametrize("status", [400, 404, 409, 422, 499])
def test_other_refusals_are_not_tried_again(status: int) -> None:
    error = error_from_response(status, None, None)
    assert type(error) is HubSpotValidationError and not error.transient
    assert error.user_message == f"HubSpot rejected the request ({status})."
    assert not should_retry(error)


def test_a_refusal_names_each_field_once() -> None:
    body = {"errors": [{"in": "toNumber"}, {"in": "userId"}, {"in": "toNumber"}, {"in": 3}]}
    error = error_from_response(400, body, None)
    assert error.details.fields == ("toNumber", "userId")
    assert error.user_message == "HubSpot rejected the call: check toNumber, userId."


# -- reading the body ------------------------------------------------------------------


def test_every_field_of_the_error_body_is_read() -> None:
    body: dict[str, Any] = {
        "message": "m",
        "category": "c",
        "correlationId": CID,
        "subCategory": "s",
        "policyName": "p",
        "errors": [{"message": "first", "in": "x"}, {"message": 5}, {"message": "second"}],
    }
    details = parse_error_body(418, body)
    assert details == ErrorDetails(
        status_code=418,
        message="m",
        category="c",
        correlation_id=CID,
        sub_category="s",
        policy_name="p",
        fields=("x",),
        field_messages=("first", "second"),
    )
    assert details.raw is body


@pytest.mark.parametrize("body", [None, "text", [1, 2], 42])
def test_a_body_that_is_not_an_object_keeps_only_the_status(body: object) -> None:
    assert parse_error_body(502, body) == ErrorDetails(status_code=502)


def test_errors_that_are_not_a_list_are_ignored() -> None:
    details = parse_error_body(400, {"errors": {"in": "userId", "message": "m"}})
    assert (details.fields, details.field_messages) == ((), ())


def test_long_texts_are_cut_at_a_thousand_characters() -> None:
    details = parse_error_body(400, {"message": "m" * 1500, "category": 7})
    assert details.message == "m" * 1000
    assert details.category == ""


# -- the kinds of failure --------------------------------------------------------------


def test_which_errors_are_transient() -> None:
    assert not HubSpotError("x").transient
    assert HubSpotUnreachable("x").transient
    assert not HubSpotProtocolError("x").transient
    assert not HubSpotScopeError("x").transient
    assert not HubSpotAuthError("x").transient


def test_hubspot_is_slow_says_how_long_and_whether_the_call_waits() -> None:
    lookup = HubSpotSlow(15.0)
    assert lookup.user_message == "HubSpot is slow: no answer within 15 seconds."
    assert lookup.deadline_s == 15.0 and lookup.transient
    log = HubSpotSlow(2.5, queued=True)
    assert log.user_message == (
        "HubSpot is slow: no answer within 2.5 seconds. The call stays queued and is sent later."
    )


def test_only_hubspot_errors_are_tried_again() -> None:
    assert not should_retry(RuntimeError("a bug"))
    assert not should_retry(TimeoutError())
    assert should_retry(HubSpotUnreachable("offline"))
    assert should_retry(HubSpotServerError("500"))


def test_the_retry_policy_defaults() -> None:
    assert RetryPolicy() == RetryPolicy(
        attempts=4, max_total_seconds=30.0, initial_wait=0.5, max_wait=8.0
    )
    assert NO_RETRY.attempts == 1
