"""Request bodies, field by field against HubSpot's inbound-call contract."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from hubcall_desktop.core.call import Call, Direction
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body, build_lookup_body, rfc3339_utc

REQUIRED = {
    "createEngagement",
    "engagementProperties",
    "externalCallId",
    "finalCallStatus",
    "fromNumber",
    "toNumber",
    "potentialRecipientUserIds",
}
OPTIONAL = {"callStartedTimestamp", "durationSeconds", "userId"}
STATUSES = {
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


def make_call(**overrides: object) -> Call:
    call = Call(
        raw_from="+49 30 1234567",
        raw_to="+1 202 555 0143",
        from_number=parse_phone("+49 30 1234567"),
        to_number=parse_phone("+1 202 555 0143"),
    )
    for key, value in overrides.items():
        setattr(call, key, value)
    return call


def test_thirteen_statuses_spelled_as_the_api() -> None:
    assert {s.value for s in CallStatus} == STATUSES
    assert all(s.label and s.label[0].isupper() for s in CallStatus)


@pytest.mark.parametrize(
    "text", ["completed", "No Answer", "no-answer", " BUSY ", "calling_crm_user"]
)
def test_status_names_in_any_case(text: str) -> None:
    assert CallStatus.parse(text).value in STATUSES


@pytest.mark.parametrize("text", ["", "DONE", "complete", "RINGING!", "0"])
def test_bad_status_lists_the_allowed_ones(text: str) -> None:
    with pytest.raises(InputError, match="COMPLETED"):
        CallStatus.parse(text, "--status")


def test_lookup_body_minimal() -> None:
    call = make_call()
    body = build_lookup_body(call)
    assert set(body) == REQUIRED
    assert body["createEngagement"] is False
    assert body["finalCallStatus"] == "RINGING"
    assert body["engagementProperties"] == {}
    assert body["potentialRecipientUserIds"] == []
    assert body["externalCallId"] == call.external_call_id
    assert body["fromNumber"] == {"e164Number": "+49301234567", "phoneNumberType": "FIXED_LINE"}
    assert body["toNumber"] == {
        "e164Number": "+12025550143",
        "phoneNumberType": "FIXED_LINE_OR_MOBILE",
    }
    json.dumps(body)  # serialisable as is


def test_lookup_body_with_optional_fields() -> None:
    rang = datetime(2026, 11, 24, 10, 30, 5, 123456, tzinfo=timezone(timedelta(hours=1)))
    call = make_call(ringing_at=rang, user_id=123, recipient_user_ids=[7, 8])
    body = build_lookup_body(call)
    assert set(body) == REQUIRED | {"callStartedTimestamp", "userId"}
    assert body["callStartedTimestamp"] == "2026-11-24T09:30:05Z"
    assert body["userId"] == 123
    assert body["potentialRecipientUserIds"] == [7, 8]


@pytest.mark.parametrize("status", list(CallStatus))
def test_log_body_for_every_status(status: CallStatus) -> None:
    start = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    call = make_call(
        final_status=status,
        ringing_at=start,
        answered_at=start + timedelta(seconds=5),
        ended_at=start + timedelta(seconds=65),
        notes="Asked about invoice 42",
        title="Billing",
        user_id=99,
    )
    body = build_log_body(call)
    assert set(body) == REQUIRED | OPTIONAL
    assert body["finalCallStatus"] == status.value
    assert body["createEngagement"] is True
    assert body["durationSeconds"] == 60
    assert body["callStartedTimestamp"] == "2026-11-24T09:30:00Z"
    assert body["engagementProperties"] == {
        "hs_call_body": "Asked about invoice 42",
        "hs_call_title": "Billing",
        "hs_call_direction": "INBOUND",
    }
    assert all(isinstance(v, str) for v in body["engagementProperties"].values())


def test_log_body_without_optional_fields() -> None:
    body = build_log_body(make_call(final_status=CallStatus.MISSED), create_engagement=False)
    assert set(body) == REQUIRED
    assert body["createEngagement"] is False
    assert body["engagementProperties"] == {"hs_call_direction": "INBOUND"}


def test_unanswered_call_has_zero_duration() -> None:
    start = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    call = make_call(
        final_status=CallStatus.MISSED, ringing_at=start, ended_at=start + timedelta(seconds=20)
    )
    assert build_log_body(call)["durationSeconds"] == 0


def test_notes_are_escaped_rich_text_with_line_breaks() -> None:
    call = make_call(
        final_status=CallStatus.COMPLETED,
        notes="a < b & c\nsecond line\r\nthird",
        direction=Direction.OUTBOUND,
    )
    props = build_log_body(call)["engagementProperties"]
    assert props["hs_call_body"] == "a &lt; b &amp; c<br>second line<br>third"
    assert props["hs_call_direction"] == "OUTBOUND"


def test_extension_is_sent_when_known() -> None:
    call = make_call(
        from_number=parse_phone("+44 20 7946 0958 ext. 12"), final_status=CallStatus.BUSY
    )
    assert build_log_body(call)["fromNumber"] == {
        "e164Number": "+442079460958",
        "phoneNumberType": "FIXED_LINE",
        "extension": "12",
    }


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("user_id", 2**31, "user id"),
        ("user_id", 0, "user id"),
        ("user_id", True, "user id"),
        ("recipient_user_ids", [1, 2**31], "recipient"),
        ("recipient_user_ids", [-5], "recipient"),
        ("duration_seconds", 2**31, "duration"),
        ("duration_seconds", -1, "duration"),
        ("from_number", None, "from"),
        ("to_number", None, "to"),
        ("external_call_id", "", "call id"),
        ("external_call_id", "x" * 257, "call id"),
        ("notes", "n" * 70_000, "notes"),
        ("title", "t" * 600, "title"),
        ("engagement_properties", {"hs_call_disposition": 5}, "engagementProperties"),
    ],
)
def test_out_of_contract_values_fail_before_sending(
    field: str, value: object, problem: str
) -> None:
    call = make_call(final_status=CallStatus.COMPLETED, **{field: value})
    with pytest.raises(InputError, match=problem):
        build_log_body(call)


def test_log_needs_a_final_status() -> None:
    with pytest.raises(InputError, match="final status"):
        build_log_body(make_call())


def test_naive_timestamps_are_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        rfc3339_utc(datetime(2026, 11, 24, 9, 30))
