"""Strict validation of inbound-call requests, field by field, as the contract spells them.

Written by hand rather than with a JSON Schema library: the stack is fixed, and JSON Schema
would still need custom checks (int32 ranges, RFC 3339 *with* an offset, bool-is-not-int).
Every problem is collected, not just the first, each with the path HubSpot puts in ``in``.
The sandbox is deliberately at least as strict as HubSpot: it exists to prove the client
sends exactly what the contract says, so anything the contract does not allow is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any, Final

# HubSpot's limit for one property value, in characters of what was sent.
MAX_PROPERTY_CHARS: Final = 65_536
INT32_MIN: Final = -(2**31)
INT32_MAX: Final = 2**31 - 1
# The enums as HubSpot's descriptions list them (the same in all four versions), written
# out rather than taken from the client's types: the stand-in must not share a mistake
# with the code it checks.
CALL_STATUSES: Final = frozenset(
    {
        "BUSY",
        "CALLING_CRM_USER",
        "CANCELED",
        "COMPLETED",
        "CONNECTING",
        "FAILED",
        "HOLD",
        "IN_PROGRESS",
        "MISSED",
        "NO_ANSWER",
        "QUEUED",
        "RINGING",
        "UNKNOWN",
    }
)
PHONE_NUMBER_TYPES: Final = frozenset(
    {
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
)

# [0-9] rather than \d: in Python \d also matches Arabic-Indic and other digits.
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))"
)


class Code(StrEnum):
    """The ``code`` of each entry in ``errors`` (HubSpot does not document its codes)."""

    INVALID_JSON = "INVALID_JSON"
    INVALID_CONTENT_TYPE = "INVALID_CONTENT_TYPE"
    REQUIRED = "REQUIRED"
    INVALID_TYPE = "INVALID_TYPE"
    INVALID_ENUM = "INVALID_ENUM"
    INVALID_FORMAT = "INVALID_FORMAT"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    UNKNOWN_FIELD = "UNKNOWN_FIELD"


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem: ``path`` is the field (``fromNumber.e164Number``, ``potentialRecipientUserIds[2]``)."""

    path: str
    code: Code
    message: str

    def to_json(self) -> dict[str, str]:
        return {"message": self.message, "in": self.path, "code": self.code.value}


class InvalidJson(ValueError):
    """The body is not one strict JSON document."""


def parse_json(raw: bytes) -> Any:
    """Decode a body as strict JSON: UTF-8, no NaN/Infinity, no duplicate keys.

    Python's ``json`` accepts NaN and silently keeps the last of duplicate keys; a client
    that sent either has a bug, so both are refused here.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidJson(f"Invalid input JSON: not UTF-8 at byte {exc.start}") from None
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_refuse_duplicates
        )
    except json.JSONDecodeError as exc:
        raise InvalidJson(
            f"Invalid input JSON on line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise InvalidJson("Invalid input JSON: nested too deeply") from None


def _refuse_constant(name: str) -> Any:
    raise InvalidJson(f"Invalid input JSON: {name} is not a JSON number")


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InvalidJson(f"Invalid input JSON: duplicate field {key!r}")
        result[key] = value
    return result


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: bool is a subclass of int
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _wrong_type(path: str, expected: str, value: object) -> list[FieldError]:
    return [
        FieldError(path, Code.INVALID_TYPE, f"{path}: expected {expected}, got {json_type(value)}")
    ]


Check = Callable[[str, object], list[FieldError]]


def _boolean(path: str, value: object) -> list[FieldError]:
    return [] if isinstance(value, bool) else _wrong_type(path, "a boolean", value)


def _string(path: str, value: object) -> list[FieldError]:
    return [] if isinstance(value, str) else _wrong_type(path, "a string", value)


def _int32(path: str, value: object) -> list[FieldError]:
    # A JSON 1.0 decodes to float and true to bool: neither is an integer here.
    if isinstance(value, bool) or not isinstance(value, int):
        return _wrong_type(path, "an int32 integer", value)
    if not INT32_MIN <= value <= INT32_MAX:
        return [FieldError(path, Code.OUT_OF_RANGE, f"{path}: {value} is outside the int32 range")]
    return []


def _non_negative_int32(path: str, value: object) -> list[FieldError]:
    errors = _int32(path, value)
    if not errors and isinstance(value, int) and value < 0:
        errors.append(FieldError(path, Code.OUT_OF_RANGE, f"{path}: must not be negative"))
    return errors


def _non_empty_string(path: str, value: object) -> list[FieldError]:
    errors = _string(path, value)
    if not errors and isinstance(value, str) and not value.strip():
        errors.append(FieldError(path, Code.INVALID_FORMAT, f"{path}: must not be empty"))
    return errors


def _enum(allowed: frozenset[str]) -> Check:
    def check(path: str, value: object) -> list[FieldError]:
        if not isinstance(value, str):
            return _wrong_type(path, "a string", value)
        if value not in allowed:
            return [
                FieldError(
                    path,
                    Code.INVALID_ENUM,
                    f"{path}: {_shown(value)} is not one of {', '.join(sorted(allowed))}",
                )
            ]
        return []

    return check


def _e164(path: str, value: object) -> list[FieldError]:
    if not isinstance(value, str):
        return _wrong_type(path, "a string", value)
    if not _E164.fullmatch(value):
        return [
            FieldError(
                path,
                Code.INVALID_FORMAT,
                f"{path}: {_shown(value)} is not an E.164 number such as +4930123456",
            )
        ]
    return []


def parse_rfc3339(text: str) -> datetime | None:
    """An RFC 3339 ``date-time`` (offset or ``Z`` required) as an aware datetime, else ``None``.

    ``datetime.fromisoformat`` is not used: it also takes dates alone, naive times, a space
    for ``T`` and the ISO basic format, none of which RFC 3339 allows.
    """
    found = _RFC3339.fullmatch(text)
    if found is None:
        return None
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = found.groups()
    if int(off_h or 0) > 23 or int(off_m or 0) > 59:
        return None
    offset = timedelta(hours=int(off_h or 0), minutes=int(off_m or 0))
    tz = timezone(-offset if sign == "-" else offset) if not zulu else UTC
    micros = int((fraction or "0").ljust(6, "0")[:6])
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), micros, tz
        )
    except ValueError:  # 2026-02-30, 25:00, a leap second
        return None


def _timestamp(path: str, value: object) -> list[FieldError]:
    if not isinstance(value, str):
        return _wrong_type(path, "a string", value)
    if parse_rfc3339(value) is None:
        return [
            FieldError(
                path,
                Code.INVALID_FORMAT,
                f"{path}: {_shown(value)} is not an RFC 3339 date-time with an offset "
                "such as 2026-11-24T09:30:00Z",
            )
        ]
    return []


def _string_map(path: str, value: object) -> list[FieldError]:
    if not isinstance(value, dict):
        return _wrong_type(path, "an object", value)
    return [error for key, item in value.items() for error in _property(f"{path}.{key}", item)]


def _property(path: str, value: object) -> list[FieldError]:
    errors = _string(path, value)
    if not errors and isinstance(value, str) and len(value) > MAX_PROPERTY_CHARS:
        errors.append(
            FieldError(
                path,
                Code.OUT_OF_RANGE,
                f"{path}: {len(value)} characters, more than the {MAX_PROPERTY_CHARS} allowed",
            )
        )
    return errors


def _int32_list(path: str, value: object) -> list[FieldError]:
    if not isinstance(value, list):
        return _wrong_type(path, "an array", value)
    return [error for index, item in enumerate(value) for error in _int32(f"{path}[{index}]", item)]


def _fields(
    path: str,
    value: object,
    required: Mapping[str, Check],
    optional: Mapping[str, Check],
) -> list[FieldError]:
    """Check an object: required fields present, every field well typed, no unknown field."""
    prefix = f"{path}." if path else ""
    if not isinstance(value, dict):
        return _wrong_type(path or "body", "an object", value)
    errors: list[FieldError] = []
    for name, check in required.items():
        if name in value:
            errors.extend(check(prefix + name, value[name]))
        else:
            errors.append(FieldError(prefix + name, Code.REQUIRED, f"{prefix}{name}: is required"))
    for name, check in optional.items():
        if name in value:
            # An absent optional field is omitted, not null: null is a type error.
            errors.extend(check(prefix + name, value[name]))
    for name in value:
        if name not in required and name not in optional:
            errors.append(
                FieldError(prefix + name, Code.UNKNOWN_FIELD, f"{prefix}{name}: unknown field")
            )
    return errors


def _phone_number(path: str, value: object) -> list[FieldError]:
    return _fields(
        path,
        value,
        required={"e164Number": _e164, "phoneNumberType": _enum(PHONE_NUMBER_TYPES)},
        optional={"extension": _string},
    )


_REQUIRED: Final[Mapping[str, Check]] = {
    "createEngagement": _boolean,
    "engagementProperties": _string_map,
    "externalCallId": _non_empty_string,
    "finalCallStatus": _enum(CALL_STATUSES),
    "fromNumber": _phone_number,
    "toNumber": _phone_number,
    "potentialRecipientUserIds": _int32_list,
}
_OPTIONAL: Final[Mapping[str, Check]] = {
    "callStartedTimestamp": _timestamp,
    # A negative duration is well typed but never what a correct client means to send.
    "durationSeconds": _non_negative_int32,
    "userId": _int32,
}


def validate_inbound_call(body: object) -> list[FieldError]:
    """Every problem with an inbound-call body; an empty list means it follows the contract."""
    return _fields("", body, _REQUIRED, _OPTIONAL)


def _shown(value: str, limit: int = 60) -> str:
    text = json.dumps(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
