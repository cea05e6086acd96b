"""Which 2xx answers name a created contact: a string of ASCII digits or a positive
integer; anything else (no id, zero, a boolean, not an object) is an answer that could
not be read, in the sentence the UI's catalogue knows."""

from __future__ import annotations

from typing import Any

import pytest

from hubcall_desktop.hubspot.contacts import created_id
from hubcall_desktop.hubspot.errors import HubSpotProtocolError


@pytest.mark.parametrize(
    ("body", "contact_id"),
    [({"id": "51200000101"}, 51_200_000_101), ({"id": 1}, 1), ({"id": 7}, 7)],
)
def test_an_id_of_digits_or_a_positive_integer_is_read(body: Any, contact_id: int) -> None:
    assert created_id(body) == contact_id


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"id": 0},
        {"id": -4},
        {"id": True},
        {"id": ""},
        {"id": "12a"},
        # Arabic-Indic digits: digits to Python, not to HubSpot.
        pytest.param({"id": "\u0661\u0662"}, id="{'id': arabic-indic-12}"),
        ["51200000101"],
        "51200000101",
        None,
    ],
    ids=repr,
)
def test_anything_else_is_an_answer_that_could_not_be_read(body: Any) -> None:
    with pytest.raises(HubSpotProtocolError) as caught:
        created_id(body)
    assert caught.value.user_message == (
        "HubSpot's answer could not be read (no contact id in it)."
    )
