"""Real-world phone inputs, as agents, softphones and PBXs write them."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.phone import (
    InternalExtension,
    InvalidPhoneNumber,
    PhoneNumber,
    PhoneNumberType,
    WithheldNumber,
    parse_phone,
    validate_region,
)

T = PhoneNumberType

# (input, default region, E.164, type, extension)
VALID = [
    # Germany
    ("030 1234567", "DE", "+49301234567", T.FIXED_LINE, None),
    ("+49 (30) 123-4567", "US", "+49301234567", T.FIXED_LINE, None),
    ("0049 30 1234567", "DE", "+49301234567", T.FIXED_LINE, None),
    ("0049 30 1234567", "US", "+49301234567", T.FIXED_LINE, None),
    ("sip:+4930123456@pbx.example;user=phone", "US", "+4930123456", T.FIXED_LINE, None),
    ("0151 23456789", "DE", "+4915123456789", T.MOBILE, None),
    ("+49 800 1234567", "GB", "+498001234567", T.TOLL_FREE, None),
    ("<sip:+4930123456@10.0.0.1>", "DE", "+4930123456", T.FIXED_LINE, None),
    ("sips:+4930123456@pbx.example", "DE", "+4930123456", T.FIXED_LINE, None),
    ('"Erika M." <sip:+4930123456@pbx.example>;tag=1', "DE", "+4930123456", T.FIXED_LINE, None),
    ("+49-30-1234567;ext=22", "DE", "+49301234567", T.FIXED_LINE, "22"),
    # United States / Canada (NANP)
    ("tel:+1-202-555-0143", "DE", "+12025550143", T.FIXED_LINE_OR_MOBILE, None),
    ("1-800-FLOWERS", "US", "+18003569377", T.TOLL_FREE, None),
    ("(202) 555-0143", "US", "+12025550143", T.FIXED_LINE_OR_MOBILE, None),
    ("202.555.0143", "US", "+12025550143", T.FIXED_LINE_OR_MOBILE, None),
    ("+1 416 555 0199", "US", "+14165550199", T.FIXED_LINE_OR_MOBILE, None),
    ("011 49 30 1234567", "US", "+49301234567", T.FIXED_LINE, None),
    ("tel:+1-202-555-0143;ext=7", "US", "+12025550143", T.FIXED_LINE_OR_MOBILE, "7"),
    ("202-555-0143 x123", "US", "+12025550143", T.FIXED_LINE_OR_MOBILE, "123"),
    ("  +1 (202) 555-0143  ", "US", "+12025550143", T.FIXED_LINE_OR_MOBILE, None),
    ("sip:12025550143@carrier.example", "US", "+12025550143", T.FIXED_LINE_OR_MOBILE, None),
    # United Kingdom
    ("+44 20 7946 0958 ext. 12", "US", "+442079460958", T.FIXED_LINE, "12"),
    ("020 7946 0958", "GB", "+442079460958", T.FIXED_LINE, None),
    ("07400 123456", "GB", "+447400123456", T.MOBILE, None),
    ("0800 123 4567", "GB", "+448001234567", T.TOLL_FREE, None),
    # France
    ("+33 1 23 45 67 89", "US", "+33123456789", T.FIXED_LINE, None),
    ("01 23 45 67 89", "FR", "+33123456789", T.FIXED_LINE, None),
    ("06 12 34 56 78", "FR", "+33612345678", T.MOBILE, None),
    # Japan
    ("+81 3-1234-5678", "US", "+81312345678", T.FIXED_LINE, None),
    ("03-1234-5678", "JP", "+81312345678", T.FIXED_LINE, None),
    # Australia
    ("+61 2 9876 5432", "US", "+61298765432", T.FIXED_LINE, None),
    ("0412 345 678", "AU", "+61412345678", T.MOBILE, None),
    # India
    ("+91 98765 43210", "US", "+919876543210", T.MOBILE, None),
    # Brazil
    ("+55 11 91234-5678", "US", "+5511912345678", T.MOBILE, None),
    # Spain
    ("+34 612 34 56 78", "US", "+34612345678", T.MOBILE, None),
    # Italy (the leading 0 is part of the number)
    ("+39 06 1234 5678", "US", "+390612345678", T.FIXED_LINE, None),
    ("06 1234 5678", "IT", "+390612345678", T.FIXED_LINE, None),
    # Switzerland, Austria, Netherlands
    ("+41 44 668 18 00", "US", "+41446681800", T.FIXED_LINE, None),
    ("+43 1 234567890", "US", "+431234567890", T.FIXED_LINE, None),
    ("020 123 4567", "NL", "+31201234567", T.FIXED_LINE, None),
]

WITHHELD = [
    "",
    "   ",
    "anonymous",
    "Anonymous",
    "Restricted",
    "unknown",
    "PRIVATE",
    "withheld",
    "sip:anonymous@anonymous.invalid",
    '"Anonymous" ',
    None,
    "sip:@pbx.example",
    "tel:",
    '"Anonymous" <sip:anonymous@anonymous.invalid>',
]
INTERNAL = ["204", "1001", "12", "sip:204@pbx.local", "20 4"]
GARBAGE = [
    "hello",
    "+",
    "+49 30 12345678901234",
    "+49 30",  # too short for Germany
    "+999 123456",  # no such country code
    "12345678901234567890123",
    "030 1234567",  # a German number read as US: not valid there
    "javascript:alert(1)",
    "'; DROP TABLE calls; --",
    "+4930123456\n+4930123457",
    "+49301234\x00567",
    "9" * 300,
    "tel:+49-abc",
    "sip:hello@pbx.example",
]


@pytest.mark.parametrize(("text", "region", "e164", "kind", "ext"), VALID)
def test_valid_inputs_become_e164_type_and_extension(
    text: str, region: str, e164: str, kind: PhoneNumberType, ext: str | None
) -> None:
    number = parse_phone(text, region)
    assert number == PhoneNumber(e164=e164, number_type=kind, extension=ext, region=number.region)
    assert number.e164 == e164


def test_table_is_broad_enough() -> None:
    regions = {parse_phone(t, r).region for t, r, *_ in VALID}
    assert len(VALID) + len(WITHHELD) + len(INTERNAL) + len(GARBAGE) >= 40
    assert len(regions) >= 8, regions


@pytest.mark.parametrize("text", WITHHELD)
def test_withheld_callers_are_recognised(text: str | None) -> None:
    with pytest.raises(WithheldNumber) as info:
        parse_phone(text, "DE", field="from")
    assert "withheld" in str(info.value)
    assert info.value.field == "from"


@pytest.mark.parametrize("text", INTERNAL)
def test_internal_extensions_are_not_public_numbers(text: str) -> None:
    with pytest.raises(InternalExtension, match="internal extension"):
        parse_phone(text, "DE")


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_gets_a_clear_error_naming_field_and_value(text: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as info:
        parse_phone(text, "US", field="--from")
    message = str(info.value)
    assert message.startswith("--from: ")
    assert "got " in message
    assert len(message) < 200  # long hostile input is shortened, not echoed whole


def test_types_are_exactly_the_api_enum() -> None:
    api = {
        "FIXED_LINE",
        "FIXED_LINE_OR_MOBILE",
        "MOBILE",
        "PAGER",
        "PERSONAL_NUMBER",
        "PREMIUM_RATE",
        "SHARED_COST",
        "TOLL_FREE",
        "UAN",
        "UNKNOWN",
        "VOICEMAIL",
        "VOIP",
    }
    assert {t.value for t in PhoneNumberType} == api


@pytest.mark.parametrize("region", ["", "XX", "germany", "D", "123", None])
def test_bad_default_region(region: str | None) -> None:
    with pytest.raises(InputError, match="country code"):
        parse_phone("+4930123456", region)  # type: ignore[arg-type]


def test_region_is_case_insensitive() -> None:
    assert validate_region(" de ") == "DE"
    assert parse_phone("030 1234567", "de").e164 == "+49301234567"


def test_human_format_national_at_home_international_abroad() -> None:
    number = parse_phone("+49 30 1234567", "US")
    assert number.for_humans("DE") == "030 1234567"
    assert number.for_humans("US") == "+49 30 1234567"
    with_ext = parse_phone("+44 20 7946 0958 ext. 12", "US")
    assert with_ext.for_humans("GB") == "020 7946 0958 ext. 12"
