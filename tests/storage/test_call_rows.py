"""Saving a call: which sync state a save may store (only the outbox moves a call into or out
of pending and sending), the events a save records, and the time of the last change."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.storage.events import EventKind
from hubcall_desktop.storage.journal import CallJournal

ERROR_400 = {"status": 400, "message": "bad"}


def _stored(journal_path: Path, external_call_id: str) -> tuple[str, str]:
    conn = sqlite3.connect(journal_path)
    try:
        row = conn.execute(
            "SELECT sync_state, updated_at FROM calls WHERE external_call_id = ?",
            (external_call_id,),
        ).fetchone()
    finally:
        conn.close()
    return row[0], row[1]


def _events(journal: CallJournal, external_call_id: str) -> list[tuple[object, ...]]:
    return [(e.event, e.sync_state, e.detail) for e in journal.history(external_call_id)]


def test_a_first_save_records_creation_and_a_change_of_state_records_where_from(
    journal: CallJournal, make_call
) -> None:
    call = make_call(external_call_id="c")
    journal.save_call(call)
    journal.save_call(replace(call, notes="edited"))  # same state: nothing to record
    journal.save_call(replace(call, sync_state=SyncState.DISCARDED))
    journal.save_call(replace(call, sync_state=SyncState.LOCAL))
    assert _events(journal, "c") == [
        (EventKind.CREATED, SyncState.LOCAL, {}),
        (EventKind.STATE, SyncState.DISCARDED, {"from": "local"}),
        (EventKind.STATE, SyncState.LOCAL, {"from": "discarded"}),
    ]


@pytest.mark.parametrize("asked", [SyncState.PENDING, SyncState.SENDING])
def test_a_new_call_that_claims_to_be_queued_is_saved_local(
    journal: CallJournal, make_call, asked: SyncState
) -> None:
    call = make_call(external_call_id="c", sync_state=asked)
    journal.save_call(call)
    assert _events(journal, "c") == [(EventKind.CREATED, SyncState.LOCAL, {})]
    journal.save_call(call)  # and again: still local, nothing recorded
    assert len(journal.history("c")) == 1


@pytest.mark.parametrize(
    "kept", [SyncState.FAILED, SyncState.DISCARDED, SyncState.WITHHELD, SyncState.LOCAL]
)
def test_a_stored_call_keeps_its_state_when_a_copy_claims_to_be_queued(
    journal: CallJournal, make_call, kept: SyncState
) -> None:
    call = make_call(external_call_id="c", sync_state=kept)
    journal.save_call(call)
    journal.save_call(replace(call, sync_state=SyncState.SENDING, notes="v2"))
    stored = journal.get_call("c")
    assert stored is not None and (stored.sync_state, stored.notes) == (kept, "v2")


@pytest.mark.parametrize("wanted", [SyncState.LOCAL, SyncState.DISCARDED, SyncState.FAILED])
def test_while_an_entry_is_live_a_save_keeps_the_outbox_state(
    journal: CallJournal, make_call, log_body, wanted: SyncState, caplog: pytest.LogCaptureFixture
) -> None:
    call = make_call(external_call_id="c")
    entry = journal.enqueue_log(call, log_body(call))
    with caplog.at_level(logging.DEBUG, logger="hubcall_desktop.storage.call_rows"):
        journal.save_call(replace(call, sync_state=wanted, notes="v2"))
    assert [r.getMessage() for r in caplog.records] == [f"call c saved as pending, not {wanted}"]
    journal.mark_sending(entry.id)
    journal.save_call(replace(call, sync_state=wanted, notes="v3"))
    stored = journal.get_call("c")
    assert stored is not None and (stored.sync_state, stored.notes) == (SyncState.SENDING, "v3")
    # Enqueuing records its own event, not a second "state" one.
    assert [e.event for e in journal.history("c")] == [
        EventKind.CREATED,
        EventKind.ENQUEUED,
        EventKind.SENDING,
    ]


def test_after_a_failure_the_agent_may_change_the_state_again(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call(external_call_id="c")
    entry = journal.enqueue_log(call, log_body(call))
    journal.mark_failed(entry.id, ERROR_400)
    journal.save_call(replace(call, sync_state=SyncState.DISCARDED))
    assert journal.history("c")[-1].detail == {"from": "failed"}
    stored = journal.get_call("c")
    assert stored is not None and stored.sync_state == SyncState.DISCARDED


def test_a_save_that_keeps_the_state_logs_nothing(
    journal: CallJournal, make_call, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="hubcall_desktop.storage.call_rows"):
        journal.save_call(make_call(sync_state=SyncState.DISCARDED))
    assert caplog.records == []


def test_each_change_of_state_stamps_the_row(
    journal: CallJournal, journal_path: Path, clock, make_call, log_body
) -> None:
    call = make_call(external_call_id="c")
    journal.save_call(call)
    assert _stored(journal_path, "c") == ("local", "2026-11-24T09:30:00.000000Z")
    clock.advance(60)
    entry = journal.enqueue_log(call, log_body(call))
    assert _stored(journal_path, "c") == ("pending", "2026-11-24T09:31:00.000000Z")
    clock.advance(1.5)
    journal.mark_sending(entry.id)
    assert _stored(journal_path, "c") == ("sending", "2026-11-24T09:31:01.500000Z")
    clock.advance(1)
    journal.mark_delivered(entry.id)
    assert _stored(journal_path, "c") == ("logged", "2026-11-24T09:31:02.500000Z")
