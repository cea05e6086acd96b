"""Missing scopes in every shape HubSpot uses, named so the agent can add them, and what
the journal keeps of an error for support (subCategory, each error's message)."""

from __future__ import annotations

from typing import Any

import pytest

from hubcall_desktop.hubspot.errors import (
    HubSpotScopeError,
    error_from_response,
    parse_error_body,
)

CID = "5d1f0c2a-77aa-4c3e-9a0b-1f2e3d4c5b6a"
GRANULAR = ["crm.objects.contacts.write", "crm.schemas.contacts.write"]


@pytest.mark.parametrize(
    "body",
    [
        # The shape HubSpot's granular scopes use, at the top level ...
        {
            "category": "MISSING_SCOPES",
            "message": "One or more of the following scopes are required.",
            "context": {"requiredGranularScopes": GRANULAR},
        },
        # ... and inside errors[], each with its own message.
        {
            "category": "MISSING_SCOPES",
            "message": "This app hasn't been granted all required scopes to make this call.",
            "errors": [
                {
                    "message": "One or more of the following scopes are required.",
                    "context": {"requiredGranularScopes": GRANULAR},
                }
            ],
        },
        {
            "message": "One or more of the following scopes are required.",
            "errors": [{"context": {"requiredScopes": GRANULAR}}],
        },
    ],
)
def test_any_one_of_the_required_scopes_is_named_as_a_choice(body: dict[str, Any]) -> None:
    error = error_from_response(403, body, None)
    assert isinstance(error, HubSpotScopeError)
    assert error.details.missing_scopes == tuple(GRANULAR)
    assert error.details.any_scope_will_do
    assert error.user_message.startswith(
        "The HubSpot app lacks a permission: add one of the scopes "
        "crm.objects.contacts.write, crm.schemas.contacts.write and reconnect."
    )


@pytest.mark.parametrize(
    "body",
    [
        {"context": {"missingScopes": GRANULAR}},
        {"errors": [{"context": {"missingScopes": GRANULAR}}]},
        {
            "message": "All of the following scopes are required.",
            "context": {"requiredGranularScopes": GRANULAR},
        },
        {"errors": [{"context": {"requiredScopes": GRANULAR}}]},
    ],
)
def test_scopes_that_are_all_needed_are_named_as_all(body: dict[str, Any]) -> None:
    error = error_from_response(403, body, None)
    assert error.details.missing_scopes == tuple(GRANULAR)
    assert not error.details.any_scope_will_do
    assert error.user_message.startswith(
        "The HubSpot app lacks a permission: add the scope "
        "crm.objects.contacts.write, crm.schemas.contacts.write and reconnect."
    )


@pytest.mark.parametrize(
    ("body", "any_will_do"),
    [
        # Other keys of the same family: their name says whether any one will do.
        ({"context": {"requiredAnyScopes": GRANULAR}}, True),
        ({"errors": [{"context": {"requiredAllScopes": GRANULAR}}]}, False),
        ({"context": {"missingGranularScopes": GRANULAR}}, False),
        # Older APIs name them in the message only.
        (
            {
                "status": "error",
                "message": "This oauth-token (abc) does not have proper permissions! "
                "(requires any of [crm.objects.contacts.write, crm.schemas.contacts.write])",
                "category": "MISSING_SCOPES",
            },
            True,
        ),
        (
            {
                "errors": [
                    {
                        "message": "This app does not have proper permissions! (requires all "
                        "of [crm.objects.contacts.write,crm.schemas.contacts.write])"
                    }
                ]
            },
            False,
        ),
    ],
)
def test_scopes_in_the_other_shapes_are_named(body: dict[str, Any], any_will_do: bool) -> None:
    error = error_from_response(403, body, None)
    assert error.details.missing_scopes == tuple(GRANULAR)
    assert error.details.any_scope_will_do is any_will_do
    assert ("one of the scopes" in error.user_message) is any_will_do
    assert "crm.objects.contacts.write, crm.schemas.contacts.write" in error.user_message


def test_keys_that_do_not_say_what_is_needed_are_not_read_as_missing() -> None:
    body = {"context": {"grantedScopes": ["oauth"], "scopes": ["crm.lists.read"]}}
    assert parse_error_body(403, body).missing_scopes == ()


def test_scopes_named_in_several_places_are_named_once_and_all_are_needed() -> None:
    body = {
        "message": "One or more of the following scopes are required.",
        "context": {"requiredGranularScopes": ["a.scope"]},
        "errors": [{"context": {"missingScopes": ["b.scope", "a.scope"]}}],
    }
    details = parse_error_body(403, body)
    assert details.missing_scopes == ("a.scope", "b.scope")
    assert not details.any_scope_will_do  # one place says b.scope is missing outright


def test_the_journal_keeps_the_sub_category_and_each_errors_message() -> None:
    body = {
        "category": "VALIDATION_ERROR",
        "subCategory": "CallingInboundCallError.INVALID_PHONE_NUMBER",
        "message": "Invalid input",
        "correlationId": CID,
        "errors": [
            {"message": "fromNumber.e164Number: not E.164", "in": "fromNumber.e164Number"},
            {"message": "userId: out of range", "in": "userId", "subCategory": "x"},
            {"in": "toNumber"},
            "not an error",
        ],
    }
    kept = error_from_response(400, body, None, correlation_header="another-id").to_json()
    assert kept["subCategory"] == "CallingInboundCallError.INVALID_PHONE_NUMBER"
    assert kept["errorMessages"] == ["fromNumber.e164Number: not E.164", "userId: out of range"]
    assert kept["correlationId"] == CID  # the body's id wins over the header's


def test_a_body_without_an_id_takes_the_headers() -> None:
    details = parse_error_body(500, {"message": "boom"}, " 1234-abcd ")
    assert details.correlation_id == "1234-abcd"
    assert parse_error_body(500, None, "1234-abcd").correlation_id == "1234-abcd"


def test_a_flood_of_errors_keeps_a_bounded_number_of_messages() -> None:
    body = {"errors": [{"message": f"problem {n}", "in": f"f{n}"} for n in range(500)]}
    assert len(parse_error_body(400, body).field_messages) == 20
