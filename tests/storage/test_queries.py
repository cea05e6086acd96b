"""The history's search and state filter: what a term matches, what is taken literally, and
that a phone number typed any way finds the stored E.164 number."""

from __future__ import annotations

import sqlite3

import pytest

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.storage.journal import CallJournal
from hubcall_desktop.storage.queries import call_filter, like_pattern


@pytest.mark.parametrize(
    ("term", "pattern"),
    [
        ("abc", "%abc%"),
        ("50%", "%50\\%%"),
        ("a_b", "%a\\_b%"),
        ("a\\b", "%a\\\\b%"),
        ("\\%_", "%\\\\\\%\\_%"),
        ("", "%%"),
    ],
)
def test_like_patterns_take_the_terms_own_wildcards_literally(term: str, pattern: str) -> None:
    assert like_pattern(term) == pattern


@pytest.mark.parametrize(
    ("value", "term", "found"),
    [
        ("x50%y", "50%", True),
        ("x500y", "50%", False),
        ("a_b", "a_b", True),
        ("axb", "a_b", False),
        ("a\\b", "a\\b", True),
        ("ab", "a\\b", False),
        ("A\\%B", "\\%", True),
    ],
)
def test_sqlite_reads_the_pattern_as_meant(value: str, term: str, found: bool) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        hit = conn.execute("SELECT ? LIKE ? ESCAPE '\\'", (value, like_pattern(term))).fetchone()[0]
    finally:
        conn.close()
    assert bool(hit) is found


def test_no_filter_is_no_where_clause() -> None:
    assert call_filter(None, None) == ("", [])
    assert call_filter("", None) == ("", [])
    assert call_filter(" \t\x00 ", None) == ("", [])


def test_states_are_bound_once_each_in_a_stable_order() -> None:
    where, params = call_filter(
        None,
        [SyncState.PENDING, SyncState.FAILED, SyncState.PENDING, "local"],  # type: ignore[list-item]
    )
    assert where == " WHERE sync_state IN (?, ?, ?)"
    assert params == ["failed", "local", "pending"]
    assert call_filter(None, []) == (" WHERE 0", [])
    with pytest.raises(ValueError, match="nonsense"):
        call_filter(None, ["nonsense"])  # type: ignore[list-item]


@pytest.fixture
def calls(journal: CallJournal, make_call) -> dict[str, Call]:
    made = {
        "berlin": make_call(
            raw_from="030 901820", from_number=parse_phone("+4930901820"), notes="Callback"
        ),
        "digits_in_notes": make_call(
            raw_from="anonymous", from_number=None, notes="order 4930901820"
        ),
        "boston": make_call(
            raw_from="(617) 555-0100",
            from_number=parse_phone("+16175550100"),
            sync_state=SyncState.DISCARDED,
        ),
        "outbound": Call(
            raw_from="me",
            raw_to="0049 89 123456",
            to_number=parse_phone("+4989123456"),
            notes="",
        ),
        "zero_note": make_call(raw_from="x", from_number=None, notes="room 000"),
    }
    journal.save_calls(made.values())
    return made


def _found(journal: CallJournal, calls: dict[str, Call], term: str, states=None) -> set[str]:
    names = {c.external_call_id: name for name, c in calls.items()}
    listed = {
        names[c.external_call_id] for c in journal.list_calls(search=term, sync_states=states)
    }
    assert journal.count_calls(search=term, sync_states=states) == len(listed)
    return listed


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # Typed nationally with the trunk zero: found in the E.164 number, and in the raw text.
        ("030 901820", {"berlin"}),
        ("  030 901820  ", {"berlin"}),  # blanks around the term are ignored
        ("+49 30 90-18.20", {"berlin"}),  # its digits, 4930901820, in the E.164 number
        ("4930901820", {"berlin", "digits_in_notes"}),  # and as text in the notes
        ("(617) 555", {"boston"}),  # raw text as written
        ("617/555-0100", {"boston"}),  # only in the E.164 number: +16175550100
        ("089 123", {"outbound"}),  # the callee's number of an outbound call
        ("000", {"zero_note"}),  # only zeros: no digits to look for, plain text search
        ("callback", {"berlin"}),
        ("617 abc", set()),  # not a phone number: no digit search
    ],
)
def test_search_terms(
    journal: CallJournal, calls: dict[str, Call], term: str, expected: set[str]
) -> None:
    assert _found(journal, calls, term) == expected


def test_a_term_and_states_must_both_match(journal: CallJournal, calls: dict[str, Call]) -> None:
    assert _found(journal, calls, "617", {SyncState.DISCARDED}) == {"boston"}
    assert _found(journal, calls, "617", {SyncState.LOCAL}) == set()
    assert _found(journal, calls, "", {SyncState.DISCARDED}) == {"boston"}


def test_closed_only_leaves_out_calls_still_ringing_or_in_progress(
    journal: CallJournal, make_call
) -> None:
    from hubcall_desktop.core.call import CallStatus

    ended = make_call(notes="ended", final_status=CallStatus.MISSED)
    ringing = make_call(notes="ringing")
    journal.save_calls([ended, ringing])
    local = {SyncState.LOCAL}
    listed = journal.list_calls(sync_states=local, closed_only=True)
    assert [c.external_call_id for c in listed] == [ended.external_call_id]
    assert journal.count_calls(sync_states=local, closed_only=True) == 1
    assert journal.count_calls(search="ringing", closed_only=True) == 0
    assert journal.count_calls(sync_states=local) == 2  # without it, both
