"""Phone numbers as agents, softphones and scripts write them, made into E.164 + type.

All parsing and classification is done by ``phonenumbers`` (libphonenumber); this module
only peels off URI syntax (``tel:``, ``sip:``) and names the cases the app treats specially:
withheld callers, internal extensions and input that is not a number at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from hubcall_desktop.core.errors import CONTROL_CHARACTERS, LONGER_THAN, InputError
from hubcall_desktop.core.messages import Message, Template

DEFAULT_REGION = "US"
MAX_INPUT_LENGTH = 256


# fmt: off
WITHHELD = Template("phone.withheld", "the caller's number is withheld")
INTERNAL = Template("phone.internal_extension", "an internal extension, not a public phone number")
INVALID_AS = Template("phone.invalid_as", "not a valid phone number (read as %1)")  # %1: region
NO_COUNTRY_CODE = Template("phone.no_country_code", "no country code and no default country")
NOT_A_NUMBER = Template("phone.not_a_number", "not a phone number")
TOO_SHORT_AFTER_PREFIX = Template("phone.too_short_after_prefix", "too short after the international prefix")
TOO_SHORT = Template("phone.too_short", "too short to be a phone number")
TOO_LONG = Template("phone.too_long", "too long to be a phone number")
UNKNOWN_REGION = Template("problem.unknown_region", "not a known two-letter country code such as US, DE or GB")
# fmt: on


class PhoneNumberType(StrEnum):
    """HubSpot's ``phoneNumberType`` enum, which is exactly libphonenumber's number types."""

    FIXED_LINE = "FIXED_LINE"
    FIXED_LINE_OR_MOBILE = "FIXED_LINE_OR_MOBILE"
    MOBILE = "MOBILE"
    PAGER = "PAGER"
    PERSONAL_NUMBER = "PERSONAL_NUMBER"
    PREMIUM_RATE = "PREMIUM_RATE"
    SHARED_COST = "SHARED_COST"
    TOLL_FREE = "TOLL_FREE"
    UAN = "UAN"
    UNKNOWN = "UNKNOWN"
    VOICEMAIL = "VOICEMAIL"
    VOIP = "VOIP"


_TYPE_BY_LIB_VALUE: dict[int, PhoneNumberType] = {
    getattr(phonenumbers.PhoneNumberType, t.value): t for t in PhoneNumberType
}

# What softphones and PBXs put in the caller field when the caller hides their number.
_WITHHELD_WORDS = frozenset(
    {
        "",
        "anonymous",
        "restricted",
        "unknown",
        "private",
        "withheld",
        "unavailable",
        "blocked",
        "unknown caller",
        "private number",
        "no caller id",
        "null",
        "none",
    }
)
_URI_SCHEME = re.compile(r"^(?:sips?|tel):", re.IGNORECASE)
_NAME_ADDR = re.compile(r"<([^<>]*)>")
_URI_PARAM_EXT = re.compile(r";(?:ext|extension)=([0-9]+)", re.IGNORECASE)
# Internal PBX extensions: a few digits and nothing else. libphonenumber calls them
# "possible" in some regions (e.g. +49 204), so they are recognised before it runs.
_INTERNAL_EXTENSION = re.compile(r"^[0-9]{1,6}$")


class PhoneNumberError(InputError):
    """The text is not a public phone number we can send to HubSpot."""


class WithheldNumber(PhoneNumberError):
    """The caller withheld their number (``anonymous``, ``Restricted``, empty, ...)."""


class InternalExtension(PhoneNumberError):
    """A short internal extension such as ``204``, not a public number."""


class InvalidPhoneNumber(PhoneNumberError):
    """Text that is not a valid phone number."""


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A public phone number in the form HubSpot wants it."""

    e164: str
    number_type: PhoneNumberType
    extension: str | None = None
    region: str | None = None

    def _parsed(self) -> phonenumbers.PhoneNumber:
        return phonenumbers.parse(self.e164, None)

    def for_humans(self, home_region: str = DEFAULT_REGION) -> str:
        """National format for numbers in the agent's own region, international otherwise."""
        fmt = (
            PhoneNumberFormat.NATIONAL
            if self.region == home_region.upper()
            else PhoneNumberFormat.INTERNATIONAL
        )
        text: str = phonenumbers.format_number(self._parsed(), fmt)
        return f"{text} ext. {self.extension}" if self.extension else text


def parse_phone(
    text: str | None, region: str = DEFAULT_REGION, field: str = "number"
) -> PhoneNumber:
    """Turn any written form of a public number into a :class:`PhoneNumber`.

    Raises :class:`WithheldNumber`, :class:`InternalExtension` or :class:`InvalidPhoneNumber`
    with a sentence that names ``field`` and the value.
    """
    raw = "" if text is None else str(text)
    if len(raw) > MAX_INPUT_LENGTH:
        raise InvalidPhoneNumber(field, raw, LONGER_THAN(MAX_INPUT_LENGTH))
    if any(ch in raw for ch in "\x00\r\n"):
        raise InvalidPhoneNumber(field, raw, CONTROL_CHARACTERS())
    region = validate_region(region)
    candidate, uri_extension = _strip_uri(raw.strip())
    if candidate.strip(" \"'<>").lower() in _WITHHELD_WORDS:
        raise WithheldNumber(field, raw, WITHHELD())
    compact = re.sub(r"[\s\-().]", "", candidate)
    if _INTERNAL_EXTENSION.fullmatch(compact):
        raise InternalExtension(field, raw, INTERNAL())
    # "00" is the international prefix in most of the world; regions with another one
    # (the US dials 011) would otherwise read 0049... as a national number.
    if compact.startswith("00") and not compact.startswith("000"):
        candidate = "+" + compact[2:] if _needs_plus_for_00(region) else candidate
    try:
        parsed = phonenumbers.parse(candidate, region)
    except NumberParseException as exc:
        raise InvalidPhoneNumber(field, raw, _explain(exc)) from None
    if not phonenumbers.is_valid_number(parsed):
        where = phonenumbers.region_code_for_number(parsed) or region
        raise InvalidPhoneNumber(field, raw, INVALID_AS(where))
    extension = parsed.extension or uri_extension
    return PhoneNumber(
        e164=phonenumbers.format_number(parsed, PhoneNumberFormat.E164),
        number_type=_TYPE_BY_LIB_VALUE.get(
            phonenumbers.number_type(parsed), PhoneNumberType.UNKNOWN
        ),
        extension=extension or None,
        region=phonenumbers.region_code_for_number(parsed),
    )


def validate_region(region: str, field: str = "region") -> str:
    """A two-letter region libphonenumber knows (``DE``, ``US``, ``GB``), upper-cased."""
    code = (region or "").strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise InputError(field, region, UNKNOWN_REGION())
    return code


def _strip_uri(text: str) -> tuple[str, str | None]:
    """``sip:+4930123@pbx;user=phone`` → ``+4930123``; ``tel:+1-202-555-0143;ext=5`` → number, 5.

    A SIP name-addr (``"Name" <sip:...>``) is reduced to the URI inside the brackets first.
    """
    bracketed = _NAME_ADDR.search(text)
    if bracketed:
        text = bracketed.group(1).strip()
    if not _URI_SCHEME.match(text):
        return text, None
    ext_match = _URI_PARAM_EXT.search(text)
    body = _URI_SCHEME.sub("", text, count=1)
    user = body.split("@", 1)[0]
    user = user.split(";", 1)[0]
    return user, ext_match.group(1) if ext_match else None


def _needs_plus_for_00(region: str) -> bool:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = metadata.international_prefix if metadata else None
    return prefix is None or not re.fullmatch(prefix, "00")


def _explain(exc: NumberParseException) -> Message:
    reasons = {
        NumberParseException.INVALID_COUNTRY_CODE: NO_COUNTRY_CODE,
        NumberParseException.NOT_A_NUMBER: NOT_A_NUMBER,
        NumberParseException.TOO_SHORT_AFTER_IDD: TOO_SHORT_AFTER_PREFIX,
        NumberParseException.TOO_SHORT_NSN: TOO_SHORT,
        NumberParseException.TOO_LONG: TOO_LONG,
    }
    return reasons.get(exc.error_type, NOT_A_NUMBER)()
