"""A call's history as the journal file stores it: when, which call, which entry, what detail,
and the event names that older journals hold and newer versions must still read."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.storage.events import EventKind, JournalEvent
from hubcall_desktop.storage.journal import CallJournal


def test_event_names_in_the_file_are_stable() -> None:
    # Written into every journal: renaming one would make old histories unreadable.
    assert {kind.name: kind.value for kind in EventKind} == {
        "CREATED": "created",
        "STATE": "state",
        "ENQUEUED": "enqueued",
        "SUPERSEDED": "superseded",
        "SENDING": "sending",
        "DELIVERED": "delivered",
        "RETRY": "retry",
        "FAILED": "failed",
        "INTERRUPTED": "interrupted",
    }


def test_each_event_says_when_which_call_and_which_entry(
    journal: CallJournal, journal_path: Path, clock, make_call, log_body
) -> None:
    call = make_call(external_call_id="call-a")
    other = make_call(external_call_id="call-b")
    journal.save_calls([call, other])
    clock.advance(90)
    entry = journal.enqueue_log(call, log_body(call))
    clock.advance(0.25)
    journal.mark_sending(entry.id)
    journal.mark_failed(entry.id, {"status": 400, "message": "Grüße \u2603"})

    events = journal.history("call-a")
    start = clock.now - timedelta(seconds=90.25)
    assert events == [
        JournalEvent(events[0].id, start, "call-a", EventKind.CREATED, SyncState.LOCAL),
        JournalEvent(
            events[1].id,
            start + timedelta(seconds=90),
            "call-a",
            EventKind.ENQUEUED,
            SyncState.PENDING,
            entry.id,
        ),
        JournalEvent(
            events[2].id, clock.now, "call-a", EventKind.SENDING, SyncState.SENDING, entry.id
        ),
        JournalEvent(
            events[3].id,
            clock.now,
            "call-a",
            EventKind.FAILED,
            SyncState.FAILED,
            entry.id,
            {"error": {"status": 400, "message": "Grüße \u2603"}},
        ),
    ]
    assert all(e.at.tzinfo is UTC for e in events)
    ids = [e.id for e in events]
    assert ids == sorted(ids) and len(set(ids)) == 4

    # The ids are the file's own row ids, and an event without detail stores NULL.
    with sqlite3.connect(journal_path) as raw:
        rows = raw.execute(
            "SELECT id, at, outbox_id, event, sync_state, detail FROM events "
            "WHERE external_call_id = 'call-a' ORDER BY id"
        ).fetchall()
    assert [r[0] for r in rows] == ids
    assert rows[0] == (ids[0], "2026-11-24T09:30:00.000000Z", None, "created", "local", None)
    assert rows[2][1:] == ("2026-11-24T09:31:30.250000Z", entry.id, "sending", "sending", None)
    assert journal.history("call-b") == [
        JournalEvent(
            journal.history("call-b")[0].id, start, "call-b", EventKind.CREATED, SyncState.LOCAL
        )
    ]


def test_an_event_written_by_an_older_version_is_read(
    journal: CallJournal, journal_path: Path, make_call
) -> None:
    journal.save_call(make_call(external_call_id="old"))
    with sqlite3.connect(journal_path) as raw:
        raw.execute(
            "INSERT INTO events (at, external_call_id, outbox_id, event, sync_state, detail) "
            "VALUES ('2025-01-02T03:04:05.000006Z', 'old', NULL, 'interrupted', 'pending', "
            '\'{"note":"maybe delivered"}\')'
        )
    last = journal.history("old")[-1]
    assert (last.at, last.event, last.sync_state, last.outbox_id, last.detail) == (
        datetime(2025, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
        EventKind.INTERRUPTED,
        SyncState.PENDING,
        None,
        {"note": "maybe delivered"},
    )


def test_a_retry_event_keeps_the_error_and_when_the_next_attempt_is_due(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call(external_call_id="call-r")
    entry = journal.enqueue_log(call, log_body(call))
    journal.mark_sending(entry.id)
    berlin = timezone(timedelta(hours=1))
    journal.mark_retry(entry.id, {"status": 503}, datetime(2026, 11, 24, 10, 35, tzinfo=berlin))
    last = journal.history("call-r")[-1]
    assert (last.event, last.sync_state, last.outbox_id) == (
        EventKind.RETRY,
        SyncState.PENDING,
        entry.id,
    )
    # Stored in UTC, as every time in the file.
    assert last.detail == {
        "error": {"status": 503},
        "next_attempt_at": "2026-11-24T09:35:00.000000Z",
    }
