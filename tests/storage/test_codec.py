"""The row format of a call: fixed-width UTC times whose text order is time order, compact
ASCII JSON, the search text of its matches, and refusals that name the field."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.outcomes import LEFT_VOICEMAIL
from hubcall_desktop.core.phone import PhoneNumber, PhoneNumberType
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.storage.codec import (
    CALL_COLUMNS,
    INT64_MAX,
    INT64_MIN,
    call_to_row,
    dump_json,
    format_time,
    load_json,
    match_to_json,
    matches_from_json,
    parse_time,
)
from hubcall_desktop.storage.journal import CallJournal

T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 11, 25, 8, 0, 0, 1, tzinfo=UTC)
CALLER = PhoneNumber("+4930901820", PhoneNumberType.FIXED_LINE, "12", "DE")
AGENT = PhoneNumber("+12025550143", PhoneNumberType.FIXED_LINE_OR_MOBILE, None, "US")


def test_times_are_fixed_width_utc_text() -> None:
    berlin = timezone(timedelta(hours=1))
    assert format_time(T0) == "2026-11-24T09:30:00.000000Z"
    assert format_time(datetime(2026, 11, 24, 10, 30, 1, 5, tzinfo=berlin)) == (
        "2026-11-24T09:30:01.000005Z"
    )
    with pytest.raises(ValueError, match="timezone-aware"):
        format_time(datetime(2026, 11, 24, 9, 30))


def test_text_order_is_time_order() -> None:
    moments = [T0 + timedelta(microseconds=n) for n in (0, 1, 999_999, 1_000_000)]
    moments += [T0.astimezone(timezone(timedelta(hours=-5))) + timedelta(days=1)]
    texts = [format_time(m) for m in moments]
    assert sorted(texts) == texts
    assert len({len(t) for t in texts}) == 1


@pytest.mark.parametrize(
    "text", ["2026-11-24T09:30:00.000000Z", "2026-11-24T10:30:00+01:00", "2026-11-24T09:30:00Z"]
)
def test_stored_times_are_read_as_utc(text: str) -> None:
    moment = parse_time(text)
    assert moment == T0 and moment.tzinfo is UTC


def test_json_is_compact_ascii_and_refuses_what_json_cannot_hold() -> None:
    assert dump_json({"a": [1, "ü"], "b": None}) == '{"a":[1,"\\u00fc"],"b":null}'
    assert dump_json("\ud800") == '"\\ud800"'  # a lone surrogate survives as an escape
    assert load_json(dump_json("\ud800")) == "\ud800"
    for not_json in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(ValueError, match="JSON compliant"):
            dump_json({"x": not_json})


def _call(**changes: Any) -> Call:
    call = Call(
        external_call_id="call-1",
        raw_from="+49 30 901820",
        raw_to="+1 202 555 0143",
        from_number=CALLER,
        to_number=AGENT,
        created_at=T0 - timedelta(hours=1),
    )
    for name, value in changes.items():
        setattr(call, name, value)
    return call


def test_the_row_holds_every_column_once() -> None:
    row = call_to_row(_call(), SyncState.LOCAL, NOW)
    assert list(row) == list(CALL_COLUMNS)
    assert len(set(CALL_COLUMNS)) == len(CALL_COLUMNS)


def test_the_row_stores_numbers_times_and_state_as_text() -> None:
    call = _call(
        direction=Direction.INBOUND,
        source=CallSource.BARESIP,
        source_call_id="b-1",
        ringing_at=T0,
        answered_at=T0 + timedelta(seconds=3),
        ended_at=T0 + timedelta(seconds=63),
        final_status=CallStatus.COMPLETED,
        duration_seconds=60,
        recipient_user_ids=[7, 8],
        engagement_properties={"hs_call_body": "ü"},
        number_withheld=True,
        flagged="never ended",
        portal="acme",
        outcome=LEFT_VOICEMAIL,
        user_id=5,
        portal_id=4242,
        notes="n",
        title="t",
    )
    row = call_to_row(call, SyncState.FAILED, NOW)
    assert row == {
        "external_call_id": "call-1",
        "raw_from": "+49 30 901820",
        "raw_to": "+1 202 555 0143",
        "from_e164": "+4930901820",
        "from_type": "FIXED_LINE",
        "from_extension": "12",
        "from_region": "DE",
        "to_e164": "+12025550143",
        "to_type": "FIXED_LINE_OR_MOBILE",
        "to_extension": None,
        "to_region": "US",
        "remote_e164": "+4930901820",
        "direction": "INBOUND",
        "source": "baresip",
        "source_call_id": "b-1",
        "ringing_at": "2026-11-24T09:30:00.000000Z",
        "answered_at": "2026-11-24T09:30:03.000000Z",
        "ended_at": "2026-11-24T09:31:03.000000Z",
        "started_at": None,
        "duration_seconds": 60,
        "final_status": "COMPLETED",
        "notes": "n",
        "title": "t",
        "engagement_properties": '{"hs_call_body":"\\u00fc"}',
        "recipient_user_ids": "[7,8]",
        "user_id": 5,
        "portal_id": 4242,
        "matches": "[]",
        "match_text": "",
        "sync_state": "failed",
        "number_withheld": 1,
        "flagged": "never ended",
        "created_at": "2026-11-24T08:30:00.000000Z",
        "sort_at": "2026-11-24T09:30:00.000000Z",
        "updated_at": "2026-11-25T08:00:00.000001Z",
        "portal": "acme",
        "outcome": "b2cf5968-551e-4856-9783-52b3da59a7d0",
        "outcome_label": "Left voicemail",
    }


def test_the_remote_party_is_the_caller_inbound_and_the_callee_outbound() -> None:
    assert call_to_row(_call(), SyncState.LOCAL, NOW)["remote_e164"] == "+4930901820"
    outbound = _call(direction=Direction.OUTBOUND)
    assert call_to_row(outbound, SyncState.LOCAL, NOW)["remote_e164"] == "+12025550143"
    unknown = _call(direction=Direction.OUTBOUND, to_number=None)
    assert call_to_row(unknown, SyncState.LOCAL, NOW)["remote_e164"] is None


def test_a_missing_number_stores_no_phone_columns() -> None:
    row = call_to_row(_call(from_number=None, number_withheld=False), SyncState.LOCAL, NOW)
    assert [row[f"from_{f}"] for f in ("e164", "type", "extension", "region")] == [None] * 4
    assert (row["remote_e164"], row["number_withheld"]) == (None, 0)


def test_the_history_order_is_the_start_time_else_when_journaled() -> None:
    started = _call(started_at=T0 + timedelta(seconds=9), ringing_at=T0)
    assert call_to_row(started, SyncState.LOCAL, NOW)["sort_at"] == "2026-11-24T09:30:09.000000Z"
    never_rang = _call()
    assert call_to_row(never_rang, SyncState.LOCAL, NOW)["sort_at"] == "2026-11-24T08:30:00.000000Z"


def _match(kind: str = "CONTACT", **names: str | None) -> CallerMatch:
    return CallerMatch(kind, ObjectCoordinates(101, "0-1", 4242), **names)


def test_match_search_text_is_case_folded_names_once_each() -> None:
    matches = [
        _match(first_name="Anna", last_name="GROẞ", email="Anna@Example.org"),
        _match("COMPANY", name="ACME"),
        _match(first_name="anna"),  # the same name again adds nothing
    ]
    row = call_to_row(_call(matches=matches), SyncState.LOCAL, NOW)
    assert row["match_text"] == "anna gross\nanna\ngross\nanna@example.org\nacme"


def test_match_search_text_survives_a_lone_surrogate() -> None:
    row = call_to_row(_call(matches=[_match(first_name="A\ud800")]), SyncState.LOCAL, NOW)
    assert row["match_text"] == "a?"


def test_matches_keep_unknown_fields_under_extra_only_when_there_are_some() -> None:
    plain = _match(first_name="Anna")
    assert match_to_json(plain) == {
        "callerIdType": "CONTACT",
        "objectCoordinates": {"objectId": 101, "objectTypeId": "0-1", "portalId": 4242},
        "firstName": "Anna",
    }
    odd = CallerMatch("DEAL", ObjectCoordinates(5, "0-3", 1), extra={"score": 1})
    assert match_to_json(odd)["extra"] == {"score": 1}
    [back] = matches_from_json(json.dumps([match_to_json(odd)]))
    assert (back, back.extra) == (odd, {"score": 1})
    [back_plain] = matches_from_json(json.dumps([match_to_json(plain)]))
    assert (back_plain, back_plain.extra) == (plain, {})


def test_matches_read_from_an_older_row_without_optional_names() -> None:
    stored = '[{"callerIdType":"COMPANY","objectCoordinates":{"objectId":9,"objectTypeId":"0-2","portalId":7}}]'
    assert matches_from_json(stored) == [
        CallerMatch("COMPANY", ObjectCoordinates(9, "0-2", 7), None, None, None, None)
    ]


TEXT_FIELDS: list[tuple[str, str, Callable[[Any], Call]]] = [
    ("external_call_id", "external_call_id", lambda v: _call(external_call_id=v)),
    ("raw_from", "raw_from", lambda v: _call(raw_from=v)),
    ("raw_to", "raw_to", lambda v: _call(raw_to=v)),
    ("notes", "notes", lambda v: _call(notes=v)),
    ("title", "title", lambda v: _call(title=v)),
    ("source_call_id", "source_call_id", lambda v: _call(source_call_id=v)),
    ("flagged", "flagged", lambda v: _call(flagged=v)),
    ("portal", "portal", lambda v: _call(portal=v)),
    (
        "from_number",
        "e164",
        lambda v: _call(from_number=PhoneNumber(v, PhoneNumberType.UNKNOWN)),
    ),
    (
        "to_number",
        "extension",
        lambda v: _call(to_number=PhoneNumber("+1", PhoneNumberType.UNKNOWN, v)),
    ),
    (
        "from_number",
        "region",
        lambda v: _call(from_number=PhoneNumber("+1", PhoneNumberType.UNKNOWN, None, v)),
    ),
]


@pytest.mark.parametrize(
    ("field", "part", "make"), TEXT_FIELDS, ids=[f"{t[0]}-{t[1]}" for t in TEXT_FIELDS]
)
def test_text_that_is_not_unicode_or_not_text_is_refused_by_name(
    field: str, part: str, make: Callable[[Any], Call]
) -> None:
    with pytest.raises(InputError) as refused:
        call_to_row(make("bad \udcff"), SyncState.LOCAL, NOW)
    assert (refused.value.field, refused.value.value, refused.value.problem) == (
        field,
        "bad \udcff",
        "contains characters that are not valid Unicode",
    )
    with pytest.raises(InputError) as refused:
        call_to_row(make(42), SyncState.LOCAL, NOW)
    assert (refused.value.field, refused.value.value, refused.value.problem) == (
        field,
        42,
        "must be text",
    )


@pytest.mark.parametrize("name", ["duration_seconds", "user_id", "portal_id"])
def test_numbers_must_fit_sqlite_integers(name: str) -> None:
    for fits in (INT64_MIN, INT64_MAX, None):
        assert call_to_row(_call(**{name: fits}), SyncState.LOCAL, NOW)[name] == fits
    for too_large in (INT64_MIN - 1, INT64_MAX + 1):
        with pytest.raises(InputError) as refused:
            call_to_row(_call(**{name: too_large}), SyncState.LOCAL, NOW)
        assert (refused.value.field, refused.value.value, refused.value.problem) == (
            name,
            too_large,
            "is too large to store",
        )
    assert (INT64_MIN, INT64_MAX) == (-(2**63), 2**63 - 1)


def test_a_row_written_by_the_journal_is_the_codec_row(journal_path: Path) -> None:
    call = _call(ringing_at=T0, matches=[_match(first_name="Zoë")])
    with CallJournal(journal_path, clock=lambda: NOW) as journal:
        journal.save_call(call)
        loaded = journal.get_call("call-1")
    conn = sqlite3.connect(journal_path)
    conn.row_factory = sqlite3.Row
    try:
        stored = dict(conn.execute("SELECT * FROM calls").fetchone())
    finally:
        conn.close()
    assert stored == call_to_row(call, SyncState.LOCAL, NOW)
    assert loaded == call
    assert loaded is not None and loaded.created_at.tzinfo is UTC
