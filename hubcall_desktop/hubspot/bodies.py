"""Request bodies for the inbound-call endpoint, built exactly as HubSpot's contract says.

camelCase names, every required field present (``{}``/``[]`` when empty), RFC 3339 UTC
timestamps, int32 ranges checked here so a bad value fails before it reaches the wire.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from hubcall_desktop.core.call import Call, ensure_utc
from hubcall_desktop.core.errors import (
    FROM_TO,
    LONGER_THAN,
    NEEDS_CALLED_NUMBER,
    WHOLE_NUMBER,
    InputError,
)
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.outcomes import DISPOSITION_PROPERTY
from hubcall_desktop.core.phone import PhoneNumber
from hubcall_desktop.core.statuses import CallStatus

# %1 and %2 are numbers of characters, %3 how many to keep, %4 how many to cut
NOTES_TOO_LONG = Template(
    "problem.notes_too_long",
    "too long for HubSpot once formatted (%1 of at most %2 characters): shorten them to %3 "
    "characters or fewer (%4 fewer than now)",
)

# HubSpot's limit for a property value, counted on what is sent: ``hs_call_body`` after
# escaping, where one typed "<" or line break becomes four characters and "&" five.
MAX_NOTES_CHARS = 65_536
MAX_TITLE_CHARS = 512


# fmt: off
NEEDS_CALLER_NUMBER = Template("problem.needs_caller_number", "HubSpot needs the caller's number")
NEEDS_FINAL_STATUS = Template("problem.needs_final_status", "a call needs a final status before it is logged")
CALL_ID_LENGTH = Template("problem.call_id_length", "must be 1 to 256 characters")
PROPERTIES_TEXT = Template("problem.properties_text", "property names and values must be text")
# fmt: on


def phone_json(number: PhoneNumber) -> dict[str, str]:
    """A ``FormattedPhoneNumber``."""
    data = {"e164Number": number.e164, "phoneNumberType": number.number_type.value}
    if number.extension:
        data["extension"] = number.extension
    return data


def rfc3339_utc(moment: datetime) -> str:
    return ensure_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def notes_as_html(notes: str) -> str:
    """``hs_call_body`` is rich text: escape what the agent typed and keep their line breaks."""
    return html.escape(notes, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def build_lookup_body(call: Call) -> dict[str, Any]:
    """Ring time: announce the call (``RINGING``, no engagement) to get caller-ID matches."""
    body = _base_body(call, CallStatus.RINGING, create_engagement=False)
    body["engagementProperties"] = {}
    return body


def build_log_body(call: Call, *, create_engagement: bool = True) -> dict[str, Any]:
    """Call end: log it with the final status, start time, duration, agent and notes."""
    status = call.final_status
    if status is None:
        raise InputError("status", None, NEEDS_FINAL_STATUS())
    body = _base_body(call, status, create_engagement=create_engagement)
    duration = call.duration
    if duration is not None:
        body["durationSeconds"] = _int32("duration", duration, minimum=0)
    props = dict(call.engagement_properties)
    if call.notes:
        props["hs_call_body"] = _notes_body(call.notes)
    if call.title:
        if len(call.title) > MAX_TITLE_CHARS:
            raise InputError("title", call.title, LONGER_THAN(MAX_TITLE_CHARS))
        props["hs_call_title"] = call.title
    props.setdefault("hs_call_direction", call.direction.value)
    if call.outcome is not None:  # HubSpot stores the outcome's GUID, not its label
        props[DISPOSITION_PROPERTY] = call.outcome.guid
    for key, value in props.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise InputError("engagementProperties", key, PROPERTIES_TEXT())
    body["engagementProperties"] = props
    return body


def _notes_body(notes: str) -> str:
    """``hs_call_body`` for the notes, or the refusal that says how much to cut.

    Refused rather than trimmed: the notes are the agent's words, and a cut they did not
    make would lose the end of them in HubSpot without a word (the journal keeps them
    whole, so the agent can shorten them and log again).
    """
    sent = notes_as_html(notes)
    if len(sent) <= MAX_NOTES_CHARS:
        return sent
    keep = _longest_fitting_prefix(notes)
    raise InputError(
        "notes",
        notes,
        NOTES_TOO_LONG(len(sent), MAX_NOTES_CHARS, keep, len(notes) - keep),
    )


def _longest_fitting_prefix(notes: str) -> int:
    """The most leading characters whose formatted text fits. The formatted length only
    grows as characters are added, so a binary search finds it."""
    low, high = 0, len(notes)
    while low < high:
        middle = (low + high + 1) // 2
        if len(notes_as_html(notes[:middle])) <= MAX_NOTES_CHARS:
            low = middle
        else:
            high = middle - 1
    return low


def _base_body(call: Call, status: CallStatus, *, create_engagement: bool) -> dict[str, Any]:
    if call.from_number is None:
        raise InputError("from", call.raw_from, NEEDS_CALLER_NUMBER())
    if call.to_number is None:
        raise InputError("to", call.raw_to, NEEDS_CALLED_NUMBER())
    if not call.external_call_id or len(call.external_call_id) > 256:
        raise InputError("call id", call.external_call_id, CALL_ID_LENGTH())
    body: dict[str, Any] = {
        "createEngagement": create_engagement,
        "engagementProperties": {},
        "externalCallId": call.external_call_id,
        "finalCallStatus": status.value,
        "fromNumber": phone_json(call.from_number),
        "toNumber": phone_json(call.to_number),
        "potentialRecipientUserIds": [
            _int32("recipient", uid, minimum=1) for uid in call.recipient_user_ids
        ],
    }
    if call.start_time is not None:
        body["callStartedTimestamp"] = rfc3339_utc(call.start_time)
    if call.user_id is not None:
        body["userId"] = _int32("user id", call.user_id, minimum=1)
    return body


def _int32(field: str, value: int, *, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(field, value, WHOLE_NUMBER())
    if not minimum <= value <= INT32_MAX:
        raise InputError(field, value, FROM_TO(minimum, INT32_MAX))
    return value
