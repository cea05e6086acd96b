"""Calls in the journal: every field survives, listing, paging, search, hostile text."""

from __future__ import annotations

import sqlite3
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState
from hubcall_desktop.core.errors import InputError, StorageError
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import PhoneNumber, PhoneNumberType, parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.storage.journal import CallJournal

T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def full_call() -> Call:
    """A call with every field away from its default (checked below)."""
    berlin = timezone(timedelta(hours=1))
    return Call(
        external_call_id="call-ü-'\"; --",
        raw_from="sip:+4930901820;ext=12@pbx.example",
        raw_to="tel:+1-202-555-0143",
        from_number=PhoneNumber("+4930901820", PhoneNumberType.FIXED_LINE, "12", "DE"),
        to_number=PhoneNumber("+12025550143", PhoneNumberType.FIXED_LINE_OR_MOBILE, None, "US"),
        direction=Direction.OUTBOUND,
        source=CallSource.BARESIP,
        source_call_id="baresip-7",
        ringing_at=datetime(2026, 11, 24, 10, 30, 1, 123456, tzinfo=berlin),
        answered_at=T0 + timedelta(seconds=5),
        ended_at=T0 + timedelta(minutes=3, microseconds=7),
        started_at=T0 - timedelta(seconds=1),
        duration_seconds=175,
        final_status=CallStatus.NO_ANSWER,
        notes="Rückruf erbeten 📞\nzweite Zeile\ttab",
        title="Anruf von Anna",
        engagement_properties={"hs_call_body": "<p>notes</p>", "hs_call_disposition": "x-y"},
        outcome=CallOutcome("5f1c2a9e-0d4b-4e3a-9a51-6b0c7d8e9f10", "Rückruf vereinbart ✓"),
        recipient_user_ids=[7, 2**31 - 1],
        user_id=12345,
        portal_id=4242,
        portal="acme-12345678",
        matches=[
            CallerMatch(
                "CONTACT",
                ObjectCoordinates(2**40, "0-1", 4242),
                first_name="Anna",
                last_name="Müller",
                email="anna@example.com",
            ),
            CallerMatch("COMPANY", ObjectCoordinates(9, "0-2", 4242), name="ACME GmbH"),
            CallerMatch(
                "DEAL_FROM_THE_FUTURE",
                ObjectCoordinates(10, "2-999", 4242),
                extra={"score": 0.5, "nested": {"list": [1, "zwei", None]}, "flag": True},
            ),
        ],
        sync_state=SyncState.DISCARDED,
        number_withheld=True,
        flagged="never ended: closed after 4 h",
        created_at=T0 - timedelta(days=1),
    )


def test_every_field_is_away_from_its_default() -> None:
    """Guards the round trip below: a new Call field must be added to full_call()."""
    default, full = Call(), full_call()
    same = [f.name for f in fields(Call) if getattr(default, f.name) == getattr(full, f.name)]
    assert same == []


def test_every_field_round_trips(journal: CallJournal) -> None:
    original = full_call()
    journal.save_call(original)
    loaded = journal.get_call(original.external_call_id)
    assert loaded is not None
    for field in fields(Call):
        assert getattr(loaded, field.name) == getattr(original, field.name), field.name
    # ``extra`` does not take part in CallerMatch equality: compare it by hand.
    assert [m.extra for m in loaded.matches] == [m.extra for m in original.matches]
    assert loaded.ringing_at is not None
    assert loaded.ringing_at.tzinfo == UTC


def test_round_trip_survives_reopening(journal_path: Path) -> None:
    original = full_call()
    with CallJournal(journal_path) as first:
        first.save_call(original)
    with CallJournal(journal_path) as second:
        assert second.get_call(original.external_call_id) == original


def test_withheld_and_missing_numbers_round_trip(journal: CallJournal) -> None:
    call = Call(
        raw_from="anonymous", raw_to="", number_withheld=True, sync_state=SyncState.WITHHELD
    )
    journal.save_call(call)
    loaded = journal.get_call(call.external_call_id)
    assert loaded == call
    assert loaded is not None
    assert loaded.from_number is None
    assert loaded.to_number is None


def test_save_is_an_upsert_that_keeps_one_row(journal: CallJournal, make_call) -> None:
    call = make_call(notes="first")
    journal.save_call(call)
    journal.save_call(replace(call, notes="second", final_status=CallStatus.COMPLETED))
    assert journal.count_calls() == 1
    loaded = journal.get_call(call.external_call_id)
    assert loaded is not None
    assert (loaded.notes, loaded.final_status) == ("second", CallStatus.COMPLETED)


def test_unknown_ids_give_none(journal: CallJournal) -> None:
    assert journal.get_call("nope") is None
    assert journal.find_by_source(CallSource.WEBHOOK, "nope") is None


def test_find_by_source_returns_the_newest_with_that_id(journal: CallJournal, make_call) -> None:
    old = make_call(source_call_id="42", ringing_at=T0)
    new = make_call(source_call_id="42", ringing_at=T0 + timedelta(hours=1))
    other_source = make_call(
        source=CallSource.CLI, source_call_id="42", ringing_at=T0 + timedelta(days=1)
    )
    journal.save_calls([old, new, other_source])
    assert journal.find_by_source(CallSource.WEBHOOK, "42") == new
    assert journal.find_by_source(CallSource.CLI, "42") == other_source
    assert journal.find_by_source(CallSource.BARESIP, "42") is None


def test_list_is_newest_first_by_start_then_ring_then_creation(journal: CallJournal) -> None:
    created_only = Call(created_at=T0 + timedelta(minutes=3))
    rang = Call(ringing_at=T0 + timedelta(minutes=2), created_at=T0 + timedelta(minutes=9))
    started = Call(
        started_at=T0 + timedelta(minutes=4),
        ringing_at=T0 - timedelta(days=1),
        created_at=T0 - timedelta(days=2),
    )
    answered_only = Call(answered_at=T0 + timedelta(minutes=1), created_at=T0 + timedelta(days=5))
    journal.save_calls([rang, answered_only, created_only, started])
    ids = [c.external_call_id for c in journal.list_calls()]
    expected = [started, created_only, rang, answered_only]
    assert ids == [c.external_call_id for c in expected]


def test_equal_times_list_the_later_saved_first(journal: CallJournal, make_call) -> None:
    first, second = make_call(), make_call()
    journal.save_call(first)
    journal.save_call(second)
    assert [c.external_call_id for c in journal.list_calls()] == [
        second.external_call_id,
        first.external_call_id,
    ]


def test_pages_cover_everything_once_in_order(journal: CallJournal, make_call) -> None:
    calls = [make_call(ringing_at=T0 + timedelta(seconds=i)) for i in range(120)]
    journal.save_calls(calls)
    pages = [journal.list_calls(limit=50, offset=o) for o in (0, 50, 100, 150)]
    assert [len(p) for p in pages] == [50, 50, 20, 0]
    listed = [c.external_call_id for page in pages for c in page]
    assert listed == [c.external_call_id for c in reversed(calls)]
    assert journal.count_calls() == 120
    assert journal.list_calls(limit=0) == []


def test_negative_paging_is_refused(journal: CallJournal) -> None:
    with pytest.raises(ValueError, match="negative"):
        journal.list_calls(limit=-1)
    with pytest.raises(ValueError, match="negative"):
        journal.list_calls(offset=-5)


def test_filter_by_sync_state(journal: CallJournal, make_call) -> None:
    journal.save_calls(
        [
            make_call(sync_state=SyncState.LOCAL),
            make_call(sync_state=SyncState.WITHHELD),
            make_call(sync_state=SyncState.DISCARDED),
            make_call(sync_state=SyncState.LOCAL),
        ]
    )
    assert journal.count_calls(sync_states={SyncState.LOCAL}) == 2
    states = {SyncState.WITHHELD, SyncState.DISCARDED}
    listed = journal.list_calls(sync_states=states)
    assert sorted(c.sync_state for c in listed) == sorted(states)
    assert journal.count_calls(sync_states=[]) == 0
    assert journal.list_calls(sync_states=[]) == []
    assert journal.count_calls(sync_states=None) == 4


@pytest.fixture
def searchable(journal: CallJournal, make_call, contact) -> dict[str, Call]:
    calls = {
        "berlin": make_call(raw_from="030 901820", notes="wants a callback"),
        "london": make_call(
            raw_from="+44 20 7946 0018",
            from_number=parse_phone("+442079460018"),
            matches=[contact(first_name="Zoë", last_name="GROSSMANN", email="Zoe@Example.org")],
        ),
        "percent": make_call(
            raw_from="+1 415 555 2671",
            from_number=parse_phone("+14155552671"),
            notes="100% sure, a_b",
        ),
        "withheld": Call(raw_from="anonymous", number_withheld=True, notes="Kein Rückruf"),
    }
    journal.save_calls(calls.values())
    return calls


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("901820", {"berlin"}),  # raw text
        ("+4930", {"berlin"}),  # E.164 only (raw has "030")
        ("030 90-18", {"berlin"}),  # typed nationally, with separators
        ("0044 20 7946", {"london"}),  # international prefix written as 00
        ("zoë", {"london"}),
        ("grossmann", {"london"}),  # upper case stored, any case found
        ("großmann", {"london"}),  # ß case-folds to ss
        ("EXAMPLE.ORG", {"london"}),
        ("CALLBACK", {"berlin"}),  # notes, ASCII case-insensitive
        ("rückruf", {"withheld"}),
        ("100%", {"percent"}),  # % is literal
        ("a_b", {"percent"}),  # _ is literal
        ("%", {"percent"}),
        ("_", {"percent"}),
        ("'; DROP TABLE calls; --", set()),
        ("\\", set()),
        ("   ", {"berlin", "london", "percent", "withheld"}),  # blank: no filter
        ("no such thing", set()),
    ],
)
def test_search(
    journal: CallJournal, searchable: dict[str, Call], term: str, expected: set[str]
) -> None:
    by_id = {c.external_call_id: name for name, c in searchable.items()}
    found = {by_id[c.external_call_id] for c in journal.list_calls(search=term)}
    assert found == expected
    assert journal.count_calls(search=term) == len(expected)
    assert journal.count_calls() == 4  # the table is still there


def test_search_and_state_filter_combine(journal: CallJournal, searchable: dict[str, Call]) -> None:
    assert journal.count_calls(search="rückruf", sync_states={SyncState.LOCAL}) == 1
    assert journal.count_calls(search="rückruf", sync_states={SyncState.FAILED}) == 0


def test_last_matches_for_uses_the_newest_call_that_had_any(
    journal: CallJournal, make_call, contact
) -> None:
    older = make_call(ringing_at=T0, matches=[contact(101)])
    newer = make_call(ringing_at=T0 + timedelta(hours=1), matches=[contact(202)])
    newest_without = make_call(ringing_at=T0 + timedelta(hours=2), matches=[])
    journal.save_calls([older, newer, newest_without])
    assert [m.coordinates.object_id for m in journal.last_matches_for("+4930901820")] == [202]
    assert journal.last_matches_for("+442079460018") == []


def test_last_matches_for_an_outbound_call_is_the_callee(
    journal: CallJournal, make_call, contact
) -> None:
    outbound = make_call(
        direction=Direction.OUTBOUND,
        from_number=parse_phone("+12025550143"),
        to_number=parse_phone("+442079460018"),
        matches=[contact(303)],
    )
    journal.save_call(outbound)
    assert [m.coordinates.object_id for m in journal.last_matches_for("+442079460018")] == [303]
    assert journal.last_matches_for("+12025550143") == []


HOSTILE = [
    "Robert'); DROP TABLE calls;--",
    '" OR 1=1 --',
    "NUL\x00inside\x00",
    "\x00",
    "line\r\nbreak",
    "\u202eright-to-left override",
    "emoji 👩‍💻 and combining é",
    "x" * 1_000_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_text_is_stored_verbatim(journal: CallJournal, make_call, text: str) -> None:
    call = make_call(
        external_call_id=text[:200],
        notes=text,
        title=text[:1000],
        raw_from=text[:256],
        source_call_id=text[:100],
        engagement_properties={text[:50]: text},
        flagged=text[:100],
    )
    journal.save_call(call)
    assert journal.get_call(call.external_call_id) == call
    assert journal.count_calls() == 1


def test_nul_in_a_search_term_is_ignored(journal: CallJournal, make_call) -> None:
    journal.save_call(make_call(notes="abc"))
    assert journal.count_calls(search="a\x00bc") == 1


def test_lone_surrogates_are_refused_in_plain_text_but_kept_in_json(
    journal: CallJournal, make_call
) -> None:
    with pytest.raises(InputError, match="notes"):
        journal.save_call(make_call(notes="bad \ud800 text"))
    assert journal.count_calls() == 0
    call = make_call(engagement_properties={"hs_call_body": "odd \udcff"})
    journal.save_call(call)
    assert journal.get_call(call.external_call_id) == call


def test_numbers_too_large_for_sqlite_are_refused(journal: CallJournal, make_call) -> None:
    with pytest.raises(InputError, match="user_id"):
        journal.save_call(make_call(user_id=2**63))
    assert journal.count_calls() == 0


def test_naive_timestamps_are_refused(journal: CallJournal, make_call) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.save_call(make_call(ended_at=datetime(2026, 1, 1)))
    assert journal.count_calls() == 0


def test_save_calls_is_all_or_nothing(journal: CallJournal, make_call) -> None:
    with pytest.raises(InputError):
        journal.save_calls([make_call(), make_call(notes="\ud800")])
    assert journal.count_calls() == 0


def test_a_row_edited_by_another_program_gives_a_storage_error(
    journal: CallJournal, journal_path: Path, make_call
) -> None:
    call = make_call()
    journal.save_call(call)
    with sqlite3.connect(journal_path) as other:
        other.execute("UPDATE calls SET direction = 'SIDEWAYS'")
    other.close()
    with pytest.raises(StorageError, match="cannot read"):
        journal.get_call(call.external_call_id)


any_text = st.text(max_size=300)  # any code point but lone surrogates, NUL included


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notes=any_text,
    title=any_text,
    raw=any_text,
    properties=st.dictionaries(any_text, any_text, max_size=4),
    recipients=st.lists(st.integers(1, 2**31 - 1), max_size=4),
)
def test_any_text_round_trips(
    journal: CallJournal,
    make_call,
    notes: str,
    title: str,
    raw: str,
    properties: dict[str, str],
    recipients: list[int],
) -> None:
    call = make_call(
        notes=notes,
        title=title,
        raw_from=raw,
        source_call_id=raw,
        engagement_properties=properties,
        recipient_user_ids=recipients,
    )
    journal.save_call(call)
    assert journal.get_call(call.external_call_id) == call


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(term=any_text)
def test_any_search_term_is_safe_and_count_agrees_with_list(
    journal: CallJournal, searchable: dict[str, Call], term: str
) -> None:
    found = journal.list_calls(limit=1000, search=term)
    assert journal.count_calls(search=term) == len(found)
    assert journal.count_calls() == len(searchable)


def test_open_calls_are_every_call_without_a_final_status_oldest_first(
    journal: CallJournal, make_call
) -> None:
    older = make_call()
    older.ringing_at = older.ringing_at - timedelta(hours=30)  # type: ignore[operator]
    closed = make_call(final_status=CallStatus.MISSED)
    newer = make_call()
    journal.save_calls([newer, closed, older])
    for _ in range(250):  # far more than a screenful of newer calls does not hide them
        journal.save_call(make_call(final_status=CallStatus.COMPLETED))
    assert [c.external_call_id for c in journal.open_calls()] == [
        older.external_call_id,
        newer.external_call_id,
    ]
