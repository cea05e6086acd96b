"""Call outcomes: the portal's list read from the property's options, names and GUIDs found
in any case, the suggestion that fits what happened, and HubSpot's defaults as the fallback."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hubcall_desktop.core.outcomes import (
    BUSY,
    CONNECTED,
    DEFAULT_LIST,
    DEFAULT_OUTCOMES,
    NO_ANSWER,
    CallOutcome,
    OutcomeList,
    is_guid,
    outcomes_from_property,
)
from hubcall_desktop.core.statuses import CallStatus

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CALLBACK = CallOutcome("5f1c2a9e-0d4b-4e3a-9a51-6b0c7d8e9f10", "Rückruf vereinbart")


def test_the_defaults_are_hubspots_six_guids() -> None:
    assert {o.label: o.guid for o in DEFAULT_OUTCOMES} == {
        "Busy": "9d9162e7-6cf3-4944-bf63-4dff82258764",
        "Connected": "f240bbac-87c9-4f6e-bf70-924b57d47db7",
        "Left live message": "a4c4c377-d246-4b32-a13b-75a56a4cd0ff",
        "Left voicemail": "b2cf5968-551e-4856-9783-52b3da59a7d0",
        "No answer": "73a0d17f-1163-4015-bdd5-ec830791da20",
        "Wrong number": "17b47fee-58de-441e-a44c-c6300d46f273",
    }
    assert DEFAULT_LIST.is_default and all(is_guid(o.guid) for o in DEFAULT_OUTCOMES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Connected", CONNECTED),
        ("connected", CONNECTED),
        ("NO_ANSWER", NO_ANSWER),
        ("no-answer", NO_ANSWER),
        ("  No   answer ", NO_ANSWER),
        ("9D9162E7-6CF3-4944-BF63-4DFF82258764", BUSY),
        ("rückruf VEREINBART", CALLBACK),
        (CALLBACK.guid, CALLBACK),
    ],
)
def test_an_outcome_is_found_by_name_or_guid_in_any_case(text: str, expected: CallOutcome) -> None:
    portal = OutcomeList((*DEFAULT_OUTCOMES, CALLBACK), AT)
    assert portal.find(text) == expected


def test_an_unknown_outcome_is_not_found_and_the_choices_are_listed() -> None:
    assert DEFAULT_LIST.find("Sold") is None
    assert DEFAULT_LIST.find("") is None
    assert DEFAULT_LIST.choices() == (
        "Busy, Connected, Left live message, Left voicemail, No answer, Wrong number"
    )


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (CallStatus.COMPLETED, CONNECTED),
        (CallStatus.MISSED, NO_ANSWER),
        (CallStatus.NO_ANSWER, NO_ANSWER),
        (CallStatus.CANCELED, NO_ANSWER),
        (CallStatus.BUSY, BUSY),
        (CallStatus.FAILED, None),
        (CallStatus.UNKNOWN, None),
        (None, None),
    ],
)
def test_the_suggestion_fits_what_happened(
    status: CallStatus | None, expected: CallOutcome | None
) -> None:
    assert DEFAULT_LIST.suggest(status) == expected


def test_the_suggestion_uses_the_portals_own_name_for_a_default_guid() -> None:
    german = OutcomeList((CallOutcome(CONNECTED.guid, "Verbunden"), CALLBACK), AT)
    assert german.suggest(CallStatus.COMPLETED) == CallOutcome(CONNECTED.guid, "Verbunden")
    # The portal removed "No answer": nothing is suggested rather than a GUID it refuses.
    assert german.suggest(CallStatus.MISSED) is None


def test_the_property_options_become_the_list_in_display_order() -> None:
    answer = {
        "name": "hs_call_disposition",
        "type": "enumeration",
        "options": [
            {
                "label": "Wrong number",
                "value": "17b47fee-58de-441e-a44c-c6300d46f273",
                "displayOrder": 5,
                "hidden": False,
            },
            {"label": "Rückruf vereinbart", "value": CALLBACK.guid.upper(), "displayOrder": -1},
            {"label": "Busy", "value": BUSY.guid, "displayOrder": 0, "hidden": False},
            {"label": "Retired", "value": "0b2c4d6e-8f0a-4b1c-8d2e-3f4a5b6c7d8e", "hidden": True},
            {"label": "Not a GUID", "value": "CONNECTED"},
            {"label": "", "value": "a4c4c377-d246-4b32-a13b-75a56a4cd0ff", "displayOrder": 2},
            "nonsense",
        ],
    }
    found = outcomes_from_property(answer, AT)
    assert found.fetched_at == AT and not found.is_default
    assert [o.label for o in found.outcomes] == [
        "Busy",
        "a4c4c377-d246-4b32-a13b-75a56a4cd0ff",  # no label: the GUID, never nothing
        "Wrong number",
        "Rückruf vereinbart",
    ]
    assert found.outcomes[-1] == CALLBACK  # GUIDs are kept in lower case


@pytest.mark.parametrize("answer", [{}, {"options": []}, {"options": "x"}, [], None])
def test_an_answer_without_usable_options_is_refused(answer: object) -> None:
    with pytest.raises(ValueError, match="property answer"):
        outcomes_from_property(answer, AT)
