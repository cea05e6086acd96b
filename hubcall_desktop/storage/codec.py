"""How a :class:`Call` is written to and read from a row of the ``calls`` table.

Timestamps are stored as fixed-width ISO 8601 UTC text (``2026-11-24T09:30:00.000000Z``)
so that text order is time order and the indexes sort by time. JSON is written ASCII-only,
so any Python string (even one with lone surrogates from a hostile JSON body) survives.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState, ensure_utc
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import PhoneNumber, PhoneNumberType
from hubcall_desktop.core.statuses import CallStatus

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

_PHONE_FIELDS = ("e164", "type", "extension", "region")

CALL_COLUMNS = (
    "external_call_id",
    "raw_from",
    "raw_to",
    *(f"from_{f}" for f in _PHONE_FIELDS),
    *(f"to_{f}" for f in _PHONE_FIELDS),
    "remote_e164",
    "direction",
    "source",
    "source_call_id",
    "ringing_at",
    "answered_at",
    "ended_at",
    "started_at",
    "duration_seconds",
    "final_status",
    "notes",
    "title",
    "engagement_properties",
    "recipient_user_ids",
    "user_id",
    "portal_id",
    "matches",
    "match_text",
    "sync_state",
    "number_withheld",
    "flagged",
    "created_at",
    "sort_at",
    "updated_at",
    "portal",  # schema version 2
    "outcome",  # schema version 4
    "outcome_label",  # schema version 4
)

# Column names are the constants above; values are bound by name.
UPSERT_CALL = (
    f"INSERT INTO calls ({', '.join(CALL_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join(':' + c for c in CALL_COLUMNS)}) "
    # ON CONFLICT ... DO UPDATE keeps the rowid; INSERT OR REPLACE would delete the row
    # first, which the outbox's foreign key forbids.
    "ON CONFLICT (external_call_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in CALL_COLUMNS if c != "external_call_id")
)


# fmt: off
NOT_UNICODE = Template("problem.not_unicode", "contains characters that are not valid Unicode")
TOO_LARGE = Template("problem.too_large", "is too large to store")
MUST_BE_TEXT = Template("problem.must_be_text", "must be text")
# fmt: on


def format_time(moment: datetime) -> str:
    return ensure_utc(moment).isoformat(timespec="microseconds").removesuffix("+00:00") + "Z"


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _opt_time(moment: datetime | None) -> str | None:
    return None if moment is None else format_time(moment)


def _parse_opt_time(text: str | None) -> datetime | None:
    return None if text is None else parse_time(text)


def dump_json(value: Any) -> str:
    """Compact, ASCII-only JSON; NaN and infinities are refused (not valid JSON)."""
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def load_json(text: str) -> Any:
    return json.loads(text)


def call_to_row(call: Call, sync_state: SyncState, now: datetime) -> dict[str, object]:
    """The row for ``call``, stored with ``sync_state`` (the journal decides it)."""
    remote = call.from_number if call.direction == Direction.INBOUND else call.to_number
    row: dict[str, object] = {
        "external_call_id": _text("external_call_id", call.external_call_id),
        "raw_from": _text("raw_from", call.raw_from),
        "raw_to": _text("raw_to", call.raw_to),
        **_phone_columns("from", call.from_number),
        **_phone_columns("to", call.to_number),
        "remote_e164": remote.e164 if remote else None,
        "direction": Direction(call.direction).value,
        "source": CallSource(call.source).value,
        "source_call_id": _opt_text("source_call_id", call.source_call_id),
        "ringing_at": _opt_time(call.ringing_at),
        "answered_at": _opt_time(call.answered_at),
        "ended_at": _opt_time(call.ended_at),
        "started_at": _opt_time(call.started_at),
        "duration_seconds": _int64("duration_seconds", call.duration_seconds),
        "final_status": None if call.final_status is None else CallStatus(call.final_status).value,
        "notes": _text("notes", call.notes),
        "title": _text("title", call.title),
        "engagement_properties": dump_json(call.engagement_properties),
        "recipient_user_ids": dump_json(call.recipient_user_ids),
        "user_id": _int64("user_id", call.user_id),
        "portal_id": _int64("portal_id", call.portal_id),
        "matches": dump_json([match_to_json(m) for m in call.matches]),
        "match_text": _match_text(call.matches),
        "sync_state": SyncState(sync_state).value,
        "number_withheld": int(bool(call.number_withheld)),
        "flagged": _opt_text("flagged", call.flagged),
        "created_at": format_time(call.created_at),
        "sort_at": format_time(call.start_time or call.created_at),
        "updated_at": format_time(now),
        "portal": _opt_text("portal", call.portal),
        "outcome": None if call.outcome is None else _text("outcome", call.outcome.guid),
        "outcome_label": None if call.outcome is None else _text("outcome", call.outcome.label),
    }
    return row


def call_from_row(row: sqlite3.Row) -> Call:
    return Call(
        external_call_id=row["external_call_id"],
        raw_from=row["raw_from"],
        raw_to=row["raw_to"],
        from_number=_phone_from_row(row, "from"),
        to_number=_phone_from_row(row, "to"),
        direction=Direction(row["direction"]),
        source=CallSource(row["source"]),
        source_call_id=row["source_call_id"],
        ringing_at=_parse_opt_time(row["ringing_at"]),
        answered_at=_parse_opt_time(row["answered_at"]),
        ended_at=_parse_opt_time(row["ended_at"]),
        started_at=_parse_opt_time(row["started_at"]),
        duration_seconds=row["duration_seconds"],
        final_status=None if row["final_status"] is None else CallStatus(row["final_status"]),
        notes=row["notes"],
        title=row["title"],
        engagement_properties=load_json(row["engagement_properties"]),
        recipient_user_ids=load_json(row["recipient_user_ids"]),
        user_id=row["user_id"],
        portal_id=row["portal_id"],
        portal=row["portal"],
        outcome=_outcome_from_row(row),
        matches=matches_from_json(row["matches"]),
        sync_state=SyncState(row["sync_state"]),
        number_withheld=bool(row["number_withheld"]),
        flagged=row["flagged"],
        created_at=parse_time(row["created_at"]),
    )


def _outcome_from_row(row: sqlite3.Row) -> CallOutcome | None:
    guid = row["outcome"]
    return None if guid is None else CallOutcome(guid, row["outcome_label"] or guid)


def match_to_json(match: CallerMatch) -> dict[str, Any]:
    """HubSpot's own shape, plus the fields we did not know under ``extra``."""
    data = match.to_json()
    if match.extra:
        data["extra"] = match.extra
    return data


def matches_from_json(text: str) -> list[CallerMatch]:
    return [_match_from_json(item) for item in load_json(text)]


def _match_from_json(data: dict[str, Any]) -> CallerMatch:
    coordinates = data["objectCoordinates"]
    return CallerMatch(
        kind=data["callerIdType"],
        coordinates=ObjectCoordinates(
            object_id=coordinates["objectId"],
            object_type_id=coordinates["objectTypeId"],
            portal_id=coordinates["portalId"],
        ),
        first_name=data.get("firstName"),
        last_name=data.get("lastName"),
        email=data.get("email"),
        name=data.get("name"),
        extra=dict(data.get("extra", {})),
    )


def _match_text(matches: list[CallerMatch]) -> str:
    words: list[str] = []
    for match in matches:
        for value in (
            match.display_name,
            match.first_name,
            match.last_name,
            match.name,
            match.email,
        ):
            if value and value.casefold() not in words:
                words.append(value.casefold())
    # Only search text: a lone surrogate becomes "?" instead of failing the save.
    return "\n".join(words).encode("utf-8", "replace").decode("utf-8")


def _phone_columns(prefix: str, number: PhoneNumber | None) -> dict[str, object]:
    if number is None:
        return {f"{prefix}_{f}": None for f in _PHONE_FIELDS}
    return {
        f"{prefix}_e164": _text(f"{prefix}_number", number.e164),
        f"{prefix}_type": PhoneNumberType(number.number_type).value,
        f"{prefix}_extension": _opt_text(f"{prefix}_number", number.extension),
        f"{prefix}_region": _opt_text(f"{prefix}_number", number.region),
    }


def _phone_from_row(row: sqlite3.Row, prefix: str) -> PhoneNumber | None:
    e164 = row[f"{prefix}_e164"]
    if e164 is None:
        return None
    return PhoneNumber(
        e164=e164,
        number_type=PhoneNumberType(row[f"{prefix}_type"]),
        extension=row[f"{prefix}_extension"],
        region=row[f"{prefix}_region"],
    )


def _text(field: str, value: str) -> str:
    if not isinstance(value, str):
        raise InputError(field, value, MUST_BE_TEXT())
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(field, value, NOT_UNICODE()) from None
    return value


def _opt_text(field: str, value: str | None) -> str | None:
    return None if value is None else _text(field, value)


def _int64(field: str, value: int | None) -> int | None:
    if value is not None and not INT64_MIN <= value <= INT64_MAX:
        raise InputError(field, value, TOO_LARGE())
    return value
