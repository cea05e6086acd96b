"""Reading callerIdMatches: tolerant of extra fields and new kinds, strict on the coordinates."""

from __future__ import annotations

import pytest

from hubcall_desktop.hubspot.errors import HubSpotProtocolError
from hubcall_desktop.hubspot.matches_json import parse_matches

COORDS = {"objectId": 51, "objectTypeId": "0-1", "portalId": 4242}


def test_contact_company_and_unknown_kind() -> None:
    answer = {
        "callerIdMatches": [
            {
                "callerIdType": "CONTACT",
                "objectCoordinates": COORDS,
                "firstName": "Erika",
                "lastName": "Mustermann",
                "email": "erika@example.de",
                "newField": {"x": 1},
            },
            {
                "callerIdType": "COMPANY",
                "objectCoordinates": {**COORDS, "objectTypeId": "0-2"},
                "name": "ACME",
            },
            {"callerIdType": "DEAL", "objectCoordinates": {**COORDS, "objectTypeId": "0-3"}},
        ],
        "somethingNew": True,
    }
    contact, company, deal = parse_matches(answer)
    assert contact.display_name == "Erika Mustermann"
    assert contact.extra == {"newField": {"x": 1}}
    assert company.display_name == "ACME"
    assert deal.kind == "DEAL"
    assert deal.display_name == "Deal 51"


def test_empty_list() -> None:
    assert parse_matches({"callerIdMatches": []}) == []


def test_contact_without_names_falls_back() -> None:
    (only,) = parse_matches(
        {"callerIdMatches": [{"callerIdType": "CONTACT", "objectCoordinates": COORDS}]}
    )
    assert only.display_name == "Contact 51"


@pytest.mark.parametrize(
    "bad",
    [
        None,
        5,
        "x",
        {"callerIdType": "CONTACT"},
        {"callerIdType": 3, "objectCoordinates": COORDS},
        {"callerIdType": "CONTACT", "objectCoordinates": {**COORDS, "objectId": "51"}},
        {"callerIdType": "CONTACT", "objectCoordinates": {**COORDS, "portalId": True}},
        {"callerIdType": "", "objectCoordinates": COORDS},
        {"callerIdType": "CONTACT", "objectCoordinates": {"objectId": 1}},
    ],
)
def test_malformed_entries_are_skipped_not_fatal(bad: object) -> None:
    good = {"callerIdType": "COMPANY", "objectCoordinates": COORDS, "name": "Kept"}
    matches = parse_matches({"callerIdMatches": [bad, good]})
    assert [m.display_name for m in matches] == ["Kept"]


@pytest.mark.parametrize(
    "answer", [None, [], {}, {"callerIdMatches": None}, {"callerIdMatches": {}}, "ok"]
)
def test_answer_without_the_list_is_a_protocol_error(answer: object) -> None:
    with pytest.raises(HubSpotProtocolError):
        parse_matches(answer)


def test_wrong_types_for_names_are_dropped() -> None:
    (m,) = parse_matches(
        {
            "callerIdMatches": [
                {
                    "callerIdType": "CONTACT",
                    "objectCoordinates": COORDS,
                    "firstName": 5,
                    "lastName": None,
                    "email": ["x"],
                }
            ]
        }
    )
    assert (m.first_name, m.last_name, m.email) == (None, None, None)
