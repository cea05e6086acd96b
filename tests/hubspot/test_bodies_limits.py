"""Request bodies at the edges of HubSpot's contract: the largest and smallest values
that pass, the first that fail and the sentence that says why, and what the agent's
text becomes. Also the caller matches read back, at their own limits."""

from __future__ import annotations

import logging

import pytest

from hubcall_desktop.core.call import Direction
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import (
    MAX_NOTES_CHARS,
    MAX_TITLE_CHARS,
    build_log_body,
    build_lookup_body,
    notes_as_html,
)
from hubcall_desktop.hubspot.matches_json import MAX_MATCHES, parse_match, parse_matches

from .test_bodies import make_call


def _logged(**fields: object) -> dict[str, object]:
    return build_log_body(make_call(final_status=CallStatus.COMPLETED, **fields))


def test_the_contracts_limits() -> None:
    assert (INT32_MAX, MAX_NOTES_CHARS, MAX_TITLE_CHARS) == (2**31 - 1, 65_536, 512)


def test_the_largest_values_that_pass() -> None:
    body = _logged(
        user_id=INT32_MAX,
        recipient_user_ids=[1, INT32_MAX],
        duration_seconds=INT32_MAX,
        external_call_id="x" * 256,
        notes="n" * MAX_NOTES_CHARS,
        title="t" * MAX_TITLE_CHARS,
    )
    assert body["userId"] == INT32_MAX
    assert body["potentialRecipientUserIds"] == [1, INT32_MAX]
    assert body["durationSeconds"] == INT32_MAX
    assert body["externalCallId"] == "x" * 256
    props = body["engagementProperties"]
    assert isinstance(props, dict)
    assert props["hs_call_body"] == "n" * MAX_NOTES_CHARS
    assert props["hs_call_title"] == "t" * MAX_TITLE_CHARS


def test_the_smallest_values_that_pass() -> None:
    body = _logged(user_id=1, recipient_user_ids=[1], duration_seconds=0, external_call_id="x")
    assert (body["userId"], body["potentialRecipientUserIds"], body["durationSeconds"]) == (
        1,
        [1],
        0,
    )


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({"user_id": 0}, "user id: must be from 1 to 2147483647 (got 0)"),
        ({"user_id": INT32_MAX + 1}, "user id: must be from 1 to 2147483647 (got 2147483648)"),
        ({"user_id": 1.5}, "user id: must be a whole number (got 1.5)"),
        ({"recipient_user_ids": [0]}, "recipient: must be from 1 to 2147483647 (got 0)"),
        ({"duration_seconds": -1}, "duration: must be from 0 to 2147483647 (got -1)"),
        ({"external_call_id": "x" * 257}, "call id: must be 1 to 256 characters"),
        (
            {"notes": "n" * (MAX_NOTES_CHARS + 1)},
            "notes: too long for HubSpot once formatted (65537 of at most 65536 characters): "
            "shorten them to 65536 characters or fewer (1 fewer than now)",
        ),
        ({"title": "t" * (MAX_TITLE_CHARS + 1)}, "title: longer than 512 characters"),
        (
            {"engagement_properties": {"hs_call_disposition": 5}},
            "engagementProperties: property names and values must be text "
            "(got 'hs_call_disposition')",
        ),
        ({"from_number": None}, "from: HubSpot needs the caller's number"),
        ({"to_number": None}, "to: HubSpot needs the number that was called"),
    ],
)
def test_the_first_values_that_fail_say_why(fields: dict[str, object], sentence: str) -> None:
    with pytest.raises(InputError) as caught:
        _logged(**fields)
    assert caught.value.user_message.startswith(sentence)


def test_a_log_needs_its_final_status_said_so() -> None:
    with pytest.raises(InputError) as caught:
        build_log_body(make_call())
    assert caught.value.user_message == (
        "status: a call needs a final status before it is logged (got None)"
    )


def test_the_agents_text_and_the_direction() -> None:
    body = _logged(notes="a < b & c\r\nnext\nlast", title="Rückruf", direction=Direction.OUTBOUND)
    props = body["engagementProperties"]
    assert props == {
        "hs_call_body": "a &lt; b &amp; c<br>next<br>last",
        "hs_call_title": "Rückruf",
        "hs_call_direction": "OUTBOUND",
    }
    assert notes_as_html('say "hi"') == 'say "hi"'  # quotes are fine in rich text


def test_a_direction_the_softphone_set_is_kept() -> None:
    props = _logged(engagement_properties={"hs_call_direction": "INBOUND"})["engagementProperties"]
    assert props == {"hs_call_direction": "INBOUND"}


def test_empty_notes_and_title_are_not_sent() -> None:
    props = _logged(notes="", title="")["engagementProperties"]
    assert props == {"hs_call_direction": "INBOUND"}


def test_a_lookup_never_carries_properties() -> None:
    body = build_lookup_body(make_call(notes="secret plans", title="t"))
    assert body["engagementProperties"] == {}
    assert body["createEngagement"] is False
    assert "durationSeconds" not in body


# -- caller matches ---------------------------------------------------------------------


def _match(**fields: object) -> dict[str, object]:
    item: dict[str, object] = {
        "callerIdType": "CONTACT",
        "objectCoordinates": {"objectId": 5, "objectTypeId": "0-1", "portalId": 9},
    }
    item.update(fields)
    return item


def test_at_most_two_hundred_matches_are_read() -> None:
    assert MAX_MATCHES == 200
    matches = parse_matches({"callerIdMatches": [_match() for _ in range(MAX_MATCHES + 50)]})
    assert len(matches) == MAX_MATCHES


def test_long_texts_in_a_match_are_cut() -> None:
    match = parse_match(_match(callerIdType="K" * 100, name="n" * 600, firstName="Ann"))
    assert match is not None
    assert match.kind == "K" * 64
    assert match.name == "n" * 512
    assert match.first_name == "Ann"
    assert match.last_name is None and match.email is None


def test_a_match_keeps_only_the_fields_it_does_not_know_as_extra() -> None:
    match = parse_match(_match(email="a@b.c", lastName="Z", hs_lead_status="NEW"))
    assert match is not None
    assert match.extra == {"hs_lead_status": "NEW"}
    assert (match.email, match.last_name) == ("a@b.c", "Z")
    coords = match.coordinates
    assert (coords.object_id, coords.object_type_id, coords.portal_id) == (5, "0-1", 9)


@pytest.mark.parametrize(
    "coordinates",
    [
        {"objectId": True, "objectTypeId": "0-1", "portalId": 9},
        {"objectId": 5, "objectTypeId": "0-1", "portalId": False},
        {"objectId": 5, "objectTypeId": 1, "portalId": 9},
        {"objectId": "5", "objectTypeId": "0-1", "portalId": 9},
        {"objectId": 5, "objectTypeId": "0-1", "portalId": "9"},
    ],
)
def test_a_match_with_wrong_coordinates_is_skipped(coordinates: dict[str, object]) -> None:
    assert parse_match(_match(objectCoordinates=coordinates)) is None


@pytest.mark.parametrize("kind", ["", 7, None])
def test_a_match_without_a_kind_is_skipped(kind: object) -> None:
    assert parse_match(_match(callerIdType=kind)) is None


def test_a_skipped_match_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "hubcall_desktop.hubspot.matches_json")
    assert parse_matches({"callerIdMatches": [_match(), "junk"]})[0].kind == "CONTACT"
    assert "skipped a caller match that does not follow the contract" in caplog.text
