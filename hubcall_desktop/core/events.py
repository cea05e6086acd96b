"""Call events as every source reports them, and the one strict parser that makes them.

A softphone, a script, the CLI or baresip says a call is *ringing*, was *answered* or has
*ended*. Whatever the source, it becomes a :class:`CallEvent` here, checked field by field:
anything we cannot trust raises :class:`InputError` naming the field, before it can reach
the journal. A withheld caller or an internal extension is not an error (softphones say
``anonymous`` or leave the field empty): the event keeps the raw text and no number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hubcall_desktop.core.call import CallSource, ensure_utc
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.phone import (
    DEFAULT_REGION,
    InternalExtension,
    InvalidPhoneNumber,
    PhoneNumber,
    WithheldNumber,
    parse_phone,
)

MAX_ID_LENGTH = 128
MAX_NUMBER_LENGTH = 128
MAX_REASON_LENGTH = 64
MAX_TIMESTAMP_LENGTH = 64
MAX_CLOCK_SKEW = timedelta(days=1)

EVENT_FIELDS = frozenset({"event", "call_id", "from", "to", "reason", "at"})

# RFC 3339 section 5.6 date-time; fromisoformat alone would also take week dates,
# date-only strings and naive times.
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})"
)


class EventKind(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a call ended, where the source knows it."""

    HUNG_UP = "hung-up"  # a normal end (either side), or the caller gave up while ringing
    CANCELED = "canceled"  # the caller cancelled while it was ringing
    BUSY = "busy"
    REJECTED = "rejected"  # the agent declined the call
    FAILED = "failed"
    FORWARDED = "forwarded"  # sent on elsewhere (transfer, divert)
    NO_ANSWER = "no-answer"  # rang until a timeout
    UNKNOWN = "unknown"


# How softphones, PBX scripts and Asterisk's DIALSTATUS spell the reasons.
_REASON_ALIASES: dict[str, EndReason] = {
    **{word: EndReason.HUNG_UP for word in ("hung-up", "hungup", "hangup", "hang-up", "bye")},
    **{word: EndReason.HUNG_UP for word in ("normal", "completed", "answer", "answered")},
    **{word: EndReason.CANCELED for word in ("canceled", "cancelled", "cancel", "caller-cancel")},
    **{word: EndReason.BUSY for word in ("busy", "user-busy")},
    **{word: EndReason.REJECTED for word in ("rejected", "reject", "declined", "decline")},
    **{word: EndReason.FAILED for word in ("failed", "failure", "error", "congestion")},
    **{word: EndReason.FAILED for word in ("chanunavail", "unavailable")},
    **{word: EndReason.FORWARDED for word in ("forwarded", "transferred", "redirected")},
    **{word: EndReason.NO_ANSWER for word in ("no-answer", "noanswer", "timeout")},
    **{word: EndReason.UNKNOWN for word in ("unknown", "")},
}


def parse_reason(text: str, field: str = "reason") -> EndReason:
    """``"Cancelled"``, ``"NO ANSWER"``, ``"hung_up"`` → the :class:`EndReason`."""
    key = re.sub(r"[\s_]+", "-", text.strip().lower())
    try:
        return _REASON_ALIASES[key]
    except KeyError:
        allowed = ", ".join(r.value for r in EndReason)
        raise InputError(field, text, f"not an end reason; use one of {allowed}") from None


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One thing a source said about one call.

    ``source_call_id`` is the source's own id for the call (a SIP Call-ID, a PBX
    unique id), or ``None`` when the source has none: such events are matched to calls
    by the caller's number. ``from_number``/``to_number`` are ``None`` for withheld
    callers and internal extensions; the raw text is always kept.
    """

    kind: EventKind
    source: CallSource
    source_call_id: str | None
    raw_from: str
    raw_to: str
    at: datetime
    reason: EndReason | None = None
    from_number: PhoneNumber | None = None
    to_number: PhoneNumber | None = None
    from_withheld: bool = False

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() != timedelta(0):
            raise ValueError("CallEvent.at must be an aware UTC datetime")
        if (self.reason is None) != (self.kind is not EventKind.ENDED):
            raise ValueError("exactly the ended events carry a reason")


def make_event(
    kind: EventKind,
    source: CallSource,
    *,
    source_call_id: str | None,
    raw_from: str,
    raw_to: str,
    at: datetime,
    reason: EndReason | None = None,
    region: str = DEFAULT_REGION,
    lenient_numbers: bool = False,
) -> CallEvent:
    """Build an event from values a source already took apart (baresip), checking them
    exactly as :func:`parse_event` does. ``lenient_numbers`` keeps a caller that is not
    a phone number (a SIP user such as ``alice``) as raw text with no number, for sources
    where that is a real call rather than a typo."""
    if source_call_id is not None:
        source_call_id = _check_text("call_id", source_call_id, MAX_ID_LENGTH) or None
    from_number, withheld = _parse_number("from", raw_from, region, lenient_numbers)
    to_number, _ = _parse_number("to", raw_to, region, lenient_numbers)
    return CallEvent(
        kind=kind,
        source=source,
        source_call_id=source_call_id,
        raw_from=raw_from.strip(),
        raw_to=raw_to.strip(),
        at=ensure_utc(at),
        reason=(reason or EndReason.UNKNOWN) if kind is EventKind.ENDED else None,
        from_number=from_number,
        to_number=to_number,
        from_withheld=withheld,
    )


def parse_event(
    data: Mapping[str, object],
    source: CallSource,
    now: datetime,
    region: str = DEFAULT_REGION,
) -> CallEvent:
    """Check an event as a script sent it (JSON object or query parameters).

    Fields: ``event`` (required), ``call_id``, ``from``, ``to``, ``reason`` (ended
    only), ``at`` (RFC 3339, default ``now``). Unknown fields are refused rather than
    ignored, so a typo (``form``) is reported instead of silently losing the caller.
    """
    for key in data:
        if key not in EVENT_FIELDS:
            name = str(key)
            shown = name[:40] if name.strip() and name.isprintable() else repr(name)[:40]
            raise InputError(shown, key, f"unknown field; use {', '.join(sorted(EVENT_FIELDS))}")
    kind_text = _check_text("event", data.get("event"), 16, required=True)
    try:
        kind = EventKind(kind_text.lower())
    except ValueError:
        raise InputError(
            "event", kind_text, "not an event; use ringing, answered or ended"
        ) from None
    call_id = _check_text("call_id", data.get("call_id"), MAX_ID_LENGTH)
    raw_from = _check_text("from", data.get("from"), MAX_NUMBER_LENGTH)
    raw_to = _check_text("to", data.get("to"), MAX_NUMBER_LENGTH)
    reason_text = _check_text("reason", data.get("reason"), MAX_REASON_LENGTH)
    reason: EndReason | None = None
    if kind is EventKind.ENDED:
        reason = parse_reason(reason_text) if reason_text else EndReason.UNKNOWN
    elif reason_text:
        raise InputError("reason", reason_text, "only an ended event carries a reason")
    at_text = _check_text("at", data.get("at"), MAX_TIMESTAMP_LENGTH)
    at = parse_timestamp(at_text, now) if at_text else ensure_utc(now)
    return make_event(
        kind,
        source,
        source_call_id=call_id or None,
        raw_from=raw_from,
        raw_to=raw_to,
        at=at,
        reason=reason,
        region=region,
    )


def parse_timestamp(text: str, now: datetime, field: str = "at") -> datetime:
    """An RFC 3339 timestamp with an offset, at most a day away from ``now``, as UTC."""
    if not _RFC3339.fullmatch(text):
        raise InputError(field, text, "not an RFC 3339 timestamp such as 2026-11-24T09:30:00Z")
    try:
        moment = datetime.fromisoformat(text.upper().replace(" ", "T"))
    except ValueError:
        raise InputError(field, text, "not a real date and time") from None
    moment = ensure_utc(moment)
    if abs(moment - ensure_utc(now)) > MAX_CLOCK_SKEW:
        raise InputError(field, text, "more than a day away from now; check the clock")
    return moment


def _check_text(field: str, value: object, limit: int, *, required: bool = False) -> str:
    """A string field: present if required, not too long, no control characters."""
    if value is None:
        if required:
            raise InputError(field, value, "missing")
        return ""
    if not isinstance(value, str):
        raise InputError(field, value, "must be a string")
    if len(value) > limit:
        raise InputError(field, value, f"longer than {limit} characters")
    if not value.isprintable():
        raise InputError(field, value, "contains control or invisible characters")
    text = value.strip()
    if required and not text:
        raise InputError(field, value, "empty")
    return text


def _parse_number(
    field: str, raw: str, region: str, lenient: bool = False
) -> tuple[PhoneNumber | None, bool]:
    """The number, or ``None`` for a withheld caller (flagged) or an internal extension."""
    _check_text(field, raw, MAX_NUMBER_LENGTH)
    try:
        return parse_phone(raw, region, field), False
    except WithheldNumber:
        return None, True
    except InternalExtension:
        return None, False
    except InvalidPhoneNumber:
        if lenient:
            return None, False
        raise
