"""The demo portal's seed: valid numbers from several countries, the shapes a demo relies on."""

from __future__ import annotations

from datetime import UTC, datetime

import phonenumbers
import pytest

from hubcall_desktop.core.phone import WithheldNumber, parse_phone
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, DEMO_CALLERS, SANDBOX_PORTAL_ID, seed
from hubcall_desktop.sandbox.seed import (
    COMPANIES,
    CONTACTS,
    NORDLICHT_SWITCHBOARD,
    UNKNOWN_CALLER_NUMBER,
    WITHHELD_CALLER,
    account_details,
    match_caller,
)
from hubcall_desktop.sandbox.validation import INT32_MAX

SEEDED_NUMBERS = sorted({n for r in (*CONTACTS, *COMPANIES) for n in r.phones})


@pytest.mark.parametrize("number", [*SEEDED_NUMBERS, DEMO_AGENT_NUMBER, UNKNOWN_CALLER_NUMBER])
def test_every_number_is_valid_and_already_in_e164(number: str) -> None:
    parsed = phonenumbers.parse(number, None)

    assert phonenumbers.is_valid_number(parsed)
    assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
    assert parse_phone(number).e164 == number


def test_the_seed_spans_several_countries() -> None:
    regions = {phonenumbers.region_code_for_number(phonenumbers.parse(n)) for n in SEEDED_NUMBERS}

    assert regions >= {"DE", "US", "GB", "FR", "AU"}


def test_a_company_number_is_shared_by_the_company_and_two_contacts() -> None:
    matches = match_caller(NORDLICHT_SWITCHBOARD)

    assert [m.kind for m in matches] == ["CONTACT", "CONTACT", "COMPANY"]
    assert matches[2].name == "Nordlicht Logistik GmbH"


def test_a_contact_has_two_numbers() -> None:
    (anna,) = (c for c in CONTACTS if c.first_name == "Anna")

    assert len(anna.phones) == 2
    assert [m.coordinates.object_id for n in anna.phones for m in match_caller(n)] == [
        anna.object_id,
        anna.object_id,
    ]


def test_object_ids_are_unique_and_need_64_bits() -> None:
    ids = [r.object_id for r in (*CONTACTS, *COMPANIES)]

    assert len(set(ids)) == len(ids)
    assert all(i > INT32_MAX for i in ids)
    assert 0 < SANDBOX_PORTAL_ID <= INT32_MAX


def test_emails_use_reserved_example_domains() -> None:
    for contact in CONTACTS:
        domain = contact.email.rsplit("@", 1)[1]
        assert domain.split(".")[0] == "example", contact.email


def test_matches_carry_the_portal_and_type_ids() -> None:
    for number in SEEDED_NUMBERS:
        for match in match_caller(number):
            assert match.coordinates.portal_id == SANDBOX_PORTAL_ID
            expected = "0-1" if match.kind == "CONTACT" else "0-2"
            assert match.coordinates.object_type_id == expected


def test_the_demo_callers_cover_the_four_cases() -> None:
    known, company, unknown, withheld = DEMO_CALLERS

    assert [m.kind for m in match_caller(known.number)] == ["CONTACT"]
    assert {m.kind for m in match_caller(company.number)} == {"CONTACT", "COMPANY"}
    assert match_caller(unknown.number) == []
    assert parse_phone(unknown.number).e164 == unknown.number
    assert withheld.number == WITHHELD_CALLER
    with pytest.raises(WithheldNumber):
        parse_phone(withheld.number)
    assert all(caller.label for caller in DEMO_CALLERS)
    assert len({caller.label for caller in DEMO_CALLERS}) == len(DEMO_CALLERS)


def test_the_agent_number_matches_nobody() -> None:
    assert match_caller(DEMO_AGENT_NUMBER) == []


@pytest.mark.parametrize(
    ("moment", "offset", "millis"),
    [
        (datetime(2026, 1, 15, 12, tzinfo=UTC), "+01:00", 3_600_000),
        (datetime(2026, 7, 15, 12, tzinfo=UTC), "+02:00", 7_200_000),
    ],
)
def test_account_details_follow_berlin_time(moment: datetime, offset: str, millis: int) -> None:
    details = account_details(moment)

    assert details["timeZone"] == "Europe/Berlin"
    assert details["utcOffset"] == offset
    assert details["utcOffsetMilliseconds"] == millis
    assert details["portalId"] == SANDBOX_PORTAL_ID


def test_account_details_stay_consistent_without_a_time_zone_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(seed, "ACCOUNT_TIME_ZONE", "Nowhere/Atlantis")

    details = account_details(datetime(2026, 7, 15, 12, tzinfo=UTC))

    assert (details["timeZone"], details["utcOffset"], details["utcOffsetMilliseconds"]) == (
        "UTC",
        "+00:00",
        0,
    )
