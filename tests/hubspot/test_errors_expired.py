"""HubSpot's 401 ``EXPIRED_AUTHENTICATION`` becomes the auth error, marked expired, with a
sentence that says the app renews the token itself (reconnecting is the fallback advice)."""

from __future__ import annotations

from hubcall_desktop.hubspot.errors import HubSpotAuthError, error_from_response
from hubcall_desktop.hubspot.retrying import should_retry

CID = "0b9f8c1e-5a6d-4e2f-8c3b-7d1a2e3f4b5c"
EXPIRED_BODY = {
    "status": "error",
    "message": "The OAuth token used to make this call expired 2 minute(s) ago.",
    "correlationId": CID,
    "category": "EXPIRED_AUTHENTICATION",
}


def test_expired_authentication_is_an_expired_auth_error() -> None:
    error = error_from_response(401, EXPIRED_BODY, None)
    assert isinstance(error, HubSpotAuthError) and error.expired
    sentence = error.user_message
    assert sentence.startswith("The HubSpot access token expired; the app fetches a new one")
    assert "Reconnect to HubSpot in Settings if this message stays." in sentence
    assert "expired 2 minute(s) ago" in sentence and CID in sentence  # HubSpot's own words
    assert error.to_json()["category"] == "EXPIRED_AUTHENTICATION"
    # The service does not retry it by itself: the provider refreshes on the next request.
    assert not should_retry(error) and not error.transient


def test_invalid_authentication_is_not_expired() -> None:
    body = {**EXPIRED_BODY, "category": "INVALID_AUTHENTICATION", "message": "invalid"}
    error = error_from_response(401, body, None)
    assert isinstance(error, HubSpotAuthError) and not error.expired
    assert error.user_message.startswith(
        "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings."
    )


def test_a_401_without_a_body_is_a_plain_auth_error() -> None:
    error = error_from_response(401, None, None)
    assert isinstance(error, HubSpotAuthError) and not error.expired
