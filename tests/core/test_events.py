"""The strict event parser: every field checked, withheld callers kept, garbage refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import (
    MAX_ID_LENGTH,
    CallEvent,
    EndReason,
    EventKind,
    make_event,
    parse_event,
    parse_reason,
    parse_timestamp,
)
from hubcall_desktop.core.phone import InvalidPhoneNumber, PhoneNumberType

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def parse(region: str = "DE", **data: Any) -> CallEvent:
    return parse_event(data, CallSource.WEBHOOK, NOW, region)


def refused_field(**data: Any) -> str:
    with pytest.raises(InputError) as caught:
        parse(**data)
    return caught.value.field


def test_a_full_ringing_event() -> None:
    event = parse(event="ringing", call_id="abc-1", **{"from": "+49 30 123456", "to": "030 901820"})
    assert event.kind is EventKind.RINGING
    assert event.source is CallSource.WEBHOOK
    assert event.source_call_id == "abc-1"
    assert event.raw_from == "+49 30 123456"
    assert event.from_number is not None and event.from_number.e164 == "+4930123456"
    assert event.from_number.number_type is PhoneNumberType.FIXED_LINE
    assert event.to_number is not None and event.to_number.e164 == "+4930901820"
    assert event.at == NOW
    assert event.reason is None
    assert not event.from_withheld


def test_kind_is_case_insensitive_and_call_id_optional() -> None:
    event = parse(event=" Answered ", **{"from": "+4930123456"})
    assert event.kind is EventKind.ANSWERED
    assert event.source_call_id is None
    assert event.to_number is None and event.raw_to == ""


@pytest.mark.parametrize("kind", ["ring", "RINGINGX", "hangup", "", "   "])
def test_unknown_event_types_are_refused(kind: str) -> None:
    assert refused_field(event=kind) == "event"


def test_a_missing_event_is_refused() -> None:
    assert refused_field(**{"from": "+4930123456"}) == "event"


def test_unknown_fields_are_refused_by_name() -> None:
    assert refused_field(event="ringing", form="+4930123456") == "form"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("from", 4930123456),
        ("to", ["+4930123456"]),
        ("call_id", 17),
        ("event", None),
        ("reason", {"x": 1}),
        ("at", 1732440600),
    ],
)
def test_values_must_be_strings(name: str, value: object) -> None:
    data: dict[str, Any] = {"event": "ended", "from": "+4930123456"}
    data[name] = value
    assert refused_field(**data) == name


def test_call_id_length_is_capped() -> None:
    assert parse(event="ringing", call_id="x" * MAX_ID_LENGTH).source_call_id == "x" * 128
    assert refused_field(event="ringing", call_id="x" * (MAX_ID_LENGTH + 1)) == "call_id"


@pytest.mark.parametrize("bad", ["a\nb", "a\rb", "a\x00b", "a\u2028b", "\x1b[31m"])
def test_control_characters_are_refused(bad: str) -> None:
    assert refused_field(event="ringing", call_id=bad) == "call_id"
    assert refused_field(event="ringing", **{"from": bad}) == "from"


def test_an_over_long_number_is_refused() -> None:
    assert refused_field(event="ringing", **{"from": "1" * 129}) == "from"


@pytest.mark.parametrize("withheld", ["", "anonymous", "Anonymous", "Restricted", "unknown", " "])
def test_a_withheld_caller_is_not_an_error(withheld: str) -> None:
    event = parse(event="ringing", **{"from": withheld})
    assert event.from_number is None
    assert event.from_withheld
    assert event.raw_from == withheld.strip()


def test_a_missing_from_counts_as_withheld() -> None:
    assert parse(event="ringing").from_withheld


def test_an_internal_extension_is_kept_without_a_number() -> None:
    event = parse(event="ringing", **{"from": "204", "to": "1001"})
    assert event.from_number is None and event.to_number is None
    assert not event.from_withheld
    assert event.raw_from == "204"


@pytest.mark.parametrize("garbage", ["12ab34xyz", "+999 12", "call me", "+49 30"])
def test_garbage_numbers_are_refused(garbage: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        parse(event="ringing", **{"from": garbage})
    assert caught.value.field == "from"


def test_sip_uris_are_read_as_numbers() -> None:
    event = parse(event="ringing", **{"from": "sip:+4930123456@pbx.example;user=phone"})
    assert event.from_number is not None and event.from_number.e164 == "+4930123456"


def test_region_decides_national_numbers() -> None:
    german = parse(region="DE", event="ringing", **{"from": "030 123456"})
    assert german.from_number is not None and german.from_number.e164 == "+4930123456"
    with pytest.raises(InvalidPhoneNumber):
        parse(region="US", event="ringing", **{"from": "030 123456"})


def test_only_ended_events_carry_a_reason() -> None:
    assert refused_field(event="ringing", reason="busy") == "reason"
    assert parse(event="ringing", reason="").reason is None
    assert parse(event="ended").reason is EndReason.UNKNOWN
    assert parse(event="ended", reason="Cancelled").reason is EndReason.CANCELED


def test_an_unknown_reason_is_refused() -> None:
    assert refused_field(event="ended", reason="exploded") == "reason"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hung-up", EndReason.HUNG_UP),
        ("hung_up", EndReason.HUNG_UP),
        ("HANGUP", EndReason.HUNG_UP),
        ("canceled", EndReason.CANCELED),
        ("cancelled", EndReason.CANCELED),
        ("CANCEL", EndReason.CANCELED),
        ("busy", EndReason.BUSY),
        ("declined", EndReason.REJECTED),
        ("rejected", EndReason.REJECTED),
        ("CONGESTION", EndReason.FAILED),
        ("failed", EndReason.FAILED),
        ("transferred", EndReason.FORWARDED),
        ("no answer", EndReason.NO_ANSWER),
        ("NOANSWER", EndReason.NO_ANSWER),
        ("unknown", EndReason.UNKNOWN),
    ],
)
def test_reason_spellings(text: str, reason: EndReason) -> None:
    assert parse_reason(text) is reason


def test_at_is_read_as_rfc3339_and_made_utc() -> None:
    event = parse(event="ringing", at="2026-11-24T10:00:00+01:00")
    assert event.at == NOW - timedelta(minutes=30)
    assert event.at.tzinfo is UTC
    assert parse(event="ringing", at="2026-11-24t09:00:00.123z").at.microsecond == 123000


@pytest.mark.parametrize(
    "bad",
    [
        "2026-11-24T09:30:00",  # no offset: naive
        "2026-11-24",  # date only
        "2026-W48-2T09:30:00Z",  # ISO week date
        "2026-02-30T09:30:00Z",  # no such day
        "2026-11-24T25:00:00Z",
        "yesterday",
        "1732440600",
    ],
)
def test_bad_timestamps_are_refused(bad: str) -> None:
    assert refused_field(event="ringing", at=bad) == "at"


def test_timestamps_more_than_a_day_away_are_refused() -> None:
    assert parse_timestamp("2026-11-25T09:30:00Z", NOW) == NOW + timedelta(days=1)
    with pytest.raises(InputError, match="more than a day"):
        parse_timestamp("2026-11-25T09:30:01Z", NOW)
    with pytest.raises(InputError, match="more than a day"):
        parse_timestamp("2026-11-23T09:29:59Z", NOW)


def test_the_event_itself_refuses_naive_times_and_misplaced_reasons() -> None:
    with pytest.raises(ValueError, match="UTC"):
        CallEvent(EventKind.RINGING, CallSource.CLI, None, "", "", datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="reason"):
        CallEvent(EventKind.RINGING, CallSource.CLI, None, "", "", NOW, reason=EndReason.BUSY)
    with pytest.raises(ValueError, match="reason"):
        CallEvent(EventKind.ENDED, CallSource.CLI, None, "", "", NOW)


def test_make_event_can_keep_sip_users_that_are_not_numbers() -> None:
    lenient = make_event(
        EventKind.RINGING,
        CallSource.BARESIP,
        source_call_id="x",
        raw_from="alice",
        raw_to="1001",
        at=NOW,
        lenient_numbers=True,
    )
    assert lenient.from_number is None and lenient.raw_from == "alice"
    assert not lenient.from_withheld
    with pytest.raises(InvalidPhoneNumber):
        make_event(
            EventKind.RINGING,
            CallSource.WEBHOOK,
            source_call_id="x",
            raw_from="alice",
            raw_to="",
            at=NOW,
        )


def test_make_event_gives_ended_events_a_reason_and_converts_times() -> None:
    berlin = datetime(2026, 11, 24, 10, 30, tzinfo=UTC).astimezone(
        datetime.now(UTC).astimezone().tzinfo
    )
    event = make_event(
        EventKind.ENDED, CallSource.CLI, source_call_id=None, raw_from="", raw_to="", at=berlin
    )
    assert event.reason is EndReason.UNKNOWN
    assert event.at.tzinfo is UTC and event.at == berlin
