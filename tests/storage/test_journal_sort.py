"""The history's sort orders, run by the journal: each key in both directions, empty
values last either way, ties newest first, and pages that neither repeat nor skip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from hubcall_desktop.core.call import Call, Direction, SyncState
from hubcall_desktop.core.call_order import CallOrder, SortKey
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.storage.journal import CallJournal

from .conftest import START


@pytest.fixture
def calls(
    journal: CallJournal,
    make_call: Callable[..., Call],
    contact: Callable[..., CallerMatch],
) -> dict[str, Call]:
    """Four calls whose keys differ in every column; "d" has no name, number or outcome."""
    made = {
        "a": make_call(
            ringing_at=START,
            matches=[contact(first_name="Zoe", last_name="Adams")],
            from_number=parse_phone("+4930901820"),
            final_status=CallStatus.COMPLETED,
            outcome=CallOutcome("g1", "left voicemail"),
            answered_at=START + timedelta(seconds=5),
            ended_at=START + timedelta(seconds=65),
            sync_state=SyncState.LOGGED,
        ),
        "b": make_call(
            ringing_at=START + timedelta(minutes=1),
            matches=[contact(first_name="anna", last_name="Berg")],
            from_number=parse_phone("+12025550100"),
            final_status=CallStatus.BUSY,
            outcome=CallOutcome("g2", "Busy"),
            ended_at=START + timedelta(minutes=1, seconds=3),
            sync_state=SyncState.FAILED,
        ),
        "c": make_call(
            ringing_at=START + timedelta(minutes=2),
            matches=[contact(first_name="Mia", last_name="Chen")],
            from_number=parse_phone("+33142685300"),
            final_status=CallStatus.NO_ANSWER,
            outcome=CallOutcome("g3", "Connected"),
            duration_seconds=600,
            direction=Direction.OUTBOUND,
            to_number=parse_phone("+33142685300"),
            sync_state=SyncState.DISCARDED,
        ),
        "d": make_call(
            ringing_at=START + timedelta(minutes=3),
            raw_from="anonymous",
            from_number=None,
            number_withheld=True,
            sync_state=SyncState.WITHHELD,
        ),
    }
    journal.save_calls(made.values())
    return made


def _order(journal: CallJournal, calls: dict[str, Call], order: CallOrder) -> str:
    names = {c.external_call_id: name for name, c in calls.items()}
    return "".join(names[c.external_call_id] for c in journal.list_calls(10, 0, order=order))


@pytest.mark.parametrize(
    ("key", "ascending", "descending"),
    [
        (SortKey.TIME, "abcd", "dcba"),
        # anna, mia, Zoe (case-insensitive); no name last both ways
        (SortKey.NAME, "bcad", "acbd"),
        (SortKey.NUMBER, "bcad", "acbd"),  # +1…, +33…, +49…; withheld last both ways
        (SortKey.OUTCOME, "bcad", "acbd"),  # Busy, Connected, left voicemail; none last
        (SortKey.DURATION, "bacd", "cabd"),  # 0 s, 60 s, 600 s; in progress last
        (SortKey.STATUS, "bacd", "cabd"),  # BUSY, COMPLETED, NO_ANSWER; in progress last
        (SortKey.SYNC, "cbad", "dabc"),  # discarded, failed, logged, withheld
        # inbound before outbound; among equals newest first whichever way
        (SortKey.DIRECTION, "dbac", "cdba"),
    ],
)
def test_each_column_sorts_both_ways_with_empty_values_last(
    journal: CallJournal, calls: dict[str, Call], key: SortKey, ascending: str, descending: str
) -> None:
    assert _order(journal, calls, CallOrder(key, descending=False)) == ascending
    assert _order(journal, calls, CallOrder(key, descending=True)) == descending


def test_the_default_order_is_newest_first(journal: CallJournal, calls: dict[str, Call]) -> None:
    assert _order(journal, calls, CallOrder()) == "dcba"
    names = {c.external_call_id: n for n, c in calls.items()}
    assert "".join(names[c.external_call_id] for c in journal.list_calls(10)) == "dcba"


def test_sorted_pages_with_ties_neither_repeat_nor_skip_a_call(
    journal: CallJournal, make_call: Callable[..., Call]
) -> None:
    """Every call has the same status: pages of 7 still cover all 50 exactly once."""
    made = [
        make_call(ringing_at=START + timedelta(seconds=i), final_status=CallStatus.COMPLETED)
        for i in range(50)
    ]
    journal.save_calls(made)
    order = CallOrder(SortKey.STATUS, descending=False)
    seen = [
        c.external_call_id
        for offset in range(0, 50, 7)
        for c in journal.list_calls(7, offset, order=order)
    ]
    assert seen == [c.external_call_id for c in reversed(made)]


def test_a_sort_keeps_the_filter(journal: CallJournal, calls: dict[str, Call]) -> None:
    order = CallOrder(SortKey.NAME, descending=False)
    listed = journal.list_calls(10, 0, None, {SyncState.LOGGED, SyncState.FAILED}, order)
    assert [c.external_call_id for c in listed] == [
        calls["b"].external_call_id,
        calls["a"].external_call_id,
    ]
