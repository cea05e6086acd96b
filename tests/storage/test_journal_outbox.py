"""The outbox state machine: a call is queued once, committed before sending, recovered after a crash."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.storage.events import EventKind
from hubcall_desktop.storage.journal import (
    AlreadyLogged,
    AlreadyQueued,
    CallJournal,
    NotSendable,
    OutboxState,
    OutboxStateError,
)

ERROR_400 = {
    "status": 400,
    "category": "VALIDATION_ERROR",
    "correlationId": "c-1",
    "message": "bad",
}
ERROR_503 = {"status": 503, "message": "try later"}


def state_of(journal: CallJournal, call: Call) -> SyncState:
    stored = journal.get_call(call.external_call_id)
    assert stored is not None
    return stored.sync_state


def test_enqueue_saves_the_call_pending_and_queues_the_exact_body(
    journal: CallJournal, clock, make_call, log_body
) -> None:
    call = make_call(notes="Grüße \x00 <b>html</b>")
    body = log_body(call, durationSeconds=61, nested={"list": [1, 2.5, None, True]})
    entry = journal.enqueue_log(call, body)
    assert entry.body == body
    assert (entry.state, entry.attempts, entry.last_error) == (OutboxState.PENDING, 0, None)
    assert entry.next_attempt_at == entry.created_at == entry.updated_at == clock.now
    assert entry.external_call_id == call.external_call_id
    assert state_of(journal, call) == SyncState.PENDING
    assert journal.get_call(call.external_call_id) == replace(call, sync_state=SyncState.PENDING)
    assert journal.outbox_entries(call.external_call_id) == [entry]
    assert journal.get_entry(entry.id) == entry
    assert journal.pending_count() == 1


def test_a_queued_or_sending_call_is_not_queued_again(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call()
    entry = journal.enqueue_log(call, log_body(call))
    with pytest.raises(AlreadyQueued) as queued:
        journal.enqueue_log(call, log_body(call))
    assert isinstance(queued.value, UserError)
    assert "already waiting" in str(queued.value)
    assert queued.value.external_call_id == call.external_call_id
    journal.mark_sending(entry.id)
    with pytest.raises(AlreadyQueued):
        journal.enqueue_log(call, log_body(call))
    assert len(journal.outbox_entries(call.external_call_id)) == 1


def test_a_logged_call_is_never_queued_again(journal: CallJournal, make_call, log_body) -> None:
    call = make_call()
    entry = journal.enqueue_log(call, log_body(call))
    journal.mark_sending(entry.id)
    journal.mark_delivered(entry.id)
    # Even with a stale copy that still says "local".
    with pytest.raises(AlreadyLogged, match="already logged"):
        journal.enqueue_log(replace(call, sync_state=SyncState.LOCAL), log_body(call))
    assert [e.state for e in journal.outbox_entries(call.external_call_id)] == [
        OutboxState.DELIVERED
    ]


def test_a_call_that_says_logged_is_refused(journal: CallJournal, make_call, log_body) -> None:
    call = make_call(sync_state=SyncState.LOGGED)
    with pytest.raises(AlreadyLogged) as refused:
        journal.enqueue_log(call, log_body(call))
    assert refused.value.external_call_id == call.external_call_id
    assert journal.pending_count() == 0


def test_a_call_the_journal_holds_as_logged_is_refused_from_a_stale_copy(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call(sync_state=SyncState.LOGGED)  # e.g. imported as logged: no outbox entry
    journal.save_call(call)
    with pytest.raises(AlreadyLogged):
        journal.enqueue_log(replace(call, sync_state=SyncState.LOCAL), log_body(call))
    assert journal.pending_count() == 0


def test_a_body_without_the_call_id_is_queued_for_its_call(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call()
    body = log_body(call)
    del body["externalCallId"]
    entry = journal.enqueue_log(call, body)
    assert entry.external_call_id == call.external_call_id


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"from_number": None, "number_withheld": True}, "the number is withheld"),
        ({"to_number": None}, "HubSpot needs the number that was called"),
        ({"from_number": None}, "a phone number is missing"),  # unreadable, not withheld
    ],
)
def test_a_call_without_both_numbers_is_not_sendable(
    journal: CallJournal, make_call, log_body, changes: dict[str, object], reason: str
) -> None:
    call = make_call(**changes)
    with pytest.raises(NotSendable) as refused:
        journal.enqueue_log(call, log_body(call))
    assert (refused.value.external_call_id, refused.value.reason) == (call.external_call_id, reason)
    assert journal.get_call(call.external_call_id) is None


def test_a_body_for_another_call_is_refused(journal: CallJournal, make_call, log_body) -> None:
    call = make_call()
    with pytest.raises(ValueError, match="another call"):
        journal.enqueue_log(call, log_body(call, externalCallId="someone-else"))
    assert journal.get_call(call.external_call_id) is None


def test_a_body_that_is_not_json_is_refused_before_anything_is_written(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call()
    with pytest.raises(ValueError, match="JSON compliant"):
        journal.enqueue_log(call, log_body(call, durationSeconds=float("nan")))
    assert journal.get_call(call.external_call_id) is None


def test_due_entries_are_pending_and_due_oldest_first(
    journal: CallJournal, clock, make_call, log_body
) -> None:
    calls = [make_call() for _ in range(4)]
    entries = []
    for call in calls:
        entries.append(journal.enqueue_log(call, log_body(call)))
        clock.advance(1)
    assert [e.id for e in journal.due_entries(clock.now)] == [e.id for e in entries]
    assert [e.id for e in journal.due_entries(clock.now, limit=2)] == [e.id for e in entries[:2]]
    assert [e.id for e in journal.due_entries(entries[1].created_at)] == [e.id for e in entries[:2]]
    assert journal.due_entries(entries[0].created_at - timedelta(microseconds=1)) == []
    journal.mark_sending(entries[0].id)
    assert entries[0].id not in [e.id for e in journal.due_entries(clock.now)]
    assert journal.due_entries(clock.now, limit=0) == []
    with pytest.raises(ValueError, match="negative"):
        journal.due_entries(clock.now, limit=-1)


def test_happy_path_commits_each_step_before_returning(
    journal: CallJournal, journal_path: Path, clock, make_call, log_body
) -> None:
    call = make_call()
    entry = journal.enqueue_log(call, log_body(call))

    def on_disk() -> tuple[str, str]:
        # A second connection sees only committed data: proves each step is durable
        # before the caller goes on (e.g. puts the request on the wire).
        with sqlite3.connect(journal_path) as other:
            row = other.execute(
                "SELECT o.state, c.sync_state FROM outbox o JOIN calls c USING (external_call_id)"
            ).fetchone()
        other.close()
        return row

    clock.advance(5)
    journal.mark_sending(entry.id)
    assert on_disk() == ("sending", "sending")
    assert journal.pending_count() == 1
    clock.advance(1)
    journal.mark_delivered(entry.id)
    assert on_disk() == ("delivered", "logged")
    done = journal.get_entry(entry.id)
    assert done is not None
    assert (done.state, done.attempts, done.updated_at) == (OutboxState.DELIVERED, 1, clock.now)
    assert journal.pending_count() == 0
    assert state_of(journal, call) == SyncState.LOGGED


def test_retry_goes_back_to_pending_until_its_time(
    journal: CallJournal, clock, make_call, log_body
) -> None:
    call = make_call()
    entry = journal.enqueue_log(call, log_body(call))
    journal.mark_sending(entry.id)
    later = clock.now + timedelta(seconds=30)
    journal.mark_retry(entry.id, ERROR_503, later)
    retried = journal.get_entry(entry.id)
    assert retried is not None
    assert (retried.state, retried.attempts, retried.last_error) == (
        OutboxState.PENDING,
        1,
        ERROR_503,
    )
    assert retried.next_attempt_at == later
    assert state_of(journal, call) == SyncState.PENDING
    assert journal.due_entries(clock.now) == []
    assert [e.id for e in journal.due_entries(later)] == [entry.id]
    journal.mark_sending(entry.id)
    journal.mark_retry(entry.id, {"status": 429}, later + timedelta(minutes=1))
    again = journal.get_entry(entry.id)
    assert again is not None
    assert (again.attempts, again.last_error) == (2, {"status": 429})


def test_failure_keeps_the_error_and_a_resend_supersedes_it(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call()
    first = journal.enqueue_log(call, log_body(call))
    journal.mark_sending(first.id)
    journal.mark_failed(first.id, ERROR_400)
    failed = journal.get_entry(first.id)
    assert failed is not None
    assert (failed.state, failed.attempts, failed.last_error) == (OutboxState.FAILED, 1, ERROR_400)
    assert state_of(journal, call) == SyncState.FAILED
    assert journal.pending_count() == 0
    # The agent fixes the notes and sends again.
    fixed = replace(call, notes="fixed")
    second = journal.enqueue_log(fixed, log_body(fixed))
    assert [e.state for e in journal.outbox_entries(call.external_call_id)] == [
        OutboxState.SUPERSEDED,
        OutboxState.PENDING,
    ]
    assert second.body["engagementProperties"] == {"hs_call_body": "fixed"}
    stored = journal.get_call(call.external_call_id)
    assert stored is not None
    assert (stored.notes, stored.sync_state) == ("fixed", SyncState.PENDING)


def test_a_pending_entry_may_fail_without_being_sent(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call()
    entry = journal.enqueue_log(call, log_body(call))
    journal.mark_failed(entry.id, ERROR_400)
    assert state_of(journal, call) == SyncState.FAILED


@pytest.mark.parametrize(
    ("setup", "move"),
    [
        ([], "delivered"),  # pending cannot be delivered without being sent
        ([], "retry"),
        (["sending"], "sending"),
        (["sending", "delivered"], "sending"),
        (["sending", "delivered"], "retry"),
        (["sending", "delivered"], "failed"),
        (["sending", "delivered"], "delivered"),
        (["failed"], "sending"),
        (["failed"], "failed"),
    ],
)
def test_moves_the_state_does_not_allow_are_refused_and_change_nothing(
    journal: CallJournal, clock, make_call, log_body, setup: list[str], move: str
) -> None:
    call = make_call()
    entry = journal.enqueue_log(call, log_body(call))
    moves = {
        "sending": lambda: journal.mark_sending(entry.id),
        "delivered": lambda: journal.mark_delivered(entry.id),
        "retry": lambda: journal.mark_retry(entry.id, ERROR_503, clock.now),
        "failed": lambda: journal.mark_failed(entry.id, ERROR_400),
    }
    for step in setup:
        moves[step]()
    before = (journal.get_entry(entry.id), journal.get_call(call.external_call_id))
    with pytest.raises(OutboxStateError, match=f"entry {entry.id} is"):
        moves[move]()
    assert (journal.get_entry(entry.id), journal.get_call(call.external_call_id)) == before


def test_unknown_entries_are_refused(journal: CallJournal) -> None:
    with pytest.raises(OutboxStateError, match="does not exist"):
        journal.mark_sending(999)
    assert journal.get_entry(999) is None


def test_recover_interrupted_puts_sending_entries_back(
    journal_path: Path, clock, make_call, log_body
) -> None:
    calls = [make_call() for _ in range(3)]
    with CallJournal(journal_path, clock=clock) as before_crash:
        entries = [before_crash.enqueue_log(c, log_body(c)) for c in calls]
        before_crash.mark_sending(entries[0].id)
        before_crash.mark_retry(entries[0].id, ERROR_503, clock.now)
        before_crash.mark_sending(entries[0].id)  # second attempt, cut short
        before_crash.mark_sending(entries[1].id)
        # entries[2] stays pending
    clock.advance(60)
    with CallJournal(journal_path, clock=clock) as after_restart:
        recovered = after_restart.recover_interrupted()
        assert [e.id for e in recovered] == [entries[0].id, entries[1].id]
        assert all(e.state == OutboxState.PENDING for e in recovered)
        assert [e.attempts for e in recovered] == [1, 0]  # the cut-short attempt is not counted
        assert [e.last_error for e in recovered] == [ERROR_503, None]
        assert all(state_of(after_restart, c) == SyncState.PENDING for c in calls)
        assert {e.id for e in after_restart.due_entries(clock.now)} == {e.id for e in entries}
        assert after_restart.recover_interrupted() == []
        history = after_restart.history(calls[1].external_call_id)
        assert (history[-1].event, history[-1].outbox_id) == (EventKind.INTERRUPTED, entries[1].id)


def test_saving_a_stale_copy_cannot_undo_the_outbox(
    journal: CallJournal, make_call, log_body
) -> None:
    call = make_call(notes="v1")
    entry = journal.enqueue_log(call, log_body(call))
    journal.save_call(replace(call, notes="v2", sync_state=SyncState.LOCAL))
    assert state_of(journal, call) == SyncState.PENDING
    journal.mark_sending(entry.id)
    journal.mark_delivered(entry.id)
    journal.save_call(replace(call, notes="v3", sync_state=SyncState.PENDING))
    stored = journal.get_call(call.external_call_id)
    assert stored is not None
    assert (stored.notes, stored.sync_state) == ("v3", SyncState.LOGGED)


def test_only_the_outbox_puts_a_call_in_pending_or_sending(
    journal: CallJournal, make_call, log_body
) -> None:
    new = make_call(sync_state=SyncState.SENDING)
    journal.save_call(new)
    assert state_of(journal, new) == SyncState.LOCAL
    failed = make_call()
    entry = journal.enqueue_log(failed, log_body(failed))
    journal.mark_failed(entry.id, ERROR_400)
    journal.save_call(replace(failed, sync_state=SyncState.PENDING))
    assert state_of(journal, failed) == SyncState.FAILED
    journal.save_call(replace(failed, sync_state=SyncState.DISCARDED))  # the agent gives up
    assert state_of(journal, failed) == SyncState.DISCARDED


def test_the_file_itself_refuses_a_second_live_entry(
    journal: CallJournal, journal_path: Path, make_call, log_body
) -> None:
    call = make_call()
    journal.enqueue_log(call, log_body(call))
    other = sqlite3.connect(journal_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            other.execute(
                "INSERT INTO outbox (external_call_id, kind, body, state, next_attempt_at, "
                "created_at, updated_at) VALUES (?, 'log', '{}', 'pending', '', '', '')",
                (call.external_call_id,),
            )
    finally:
        other.close()


def test_history_records_every_change_in_order(
    journal: CallJournal, clock, make_call, log_body
) -> None:
    call = make_call()
    journal.save_call(call)
    first = journal.enqueue_log(call, log_body(call))
    journal.mark_sending(first.id)
    journal.mark_retry(first.id, ERROR_503, clock.now)
    journal.mark_sending(first.id)
    journal.mark_failed(first.id, ERROR_400)
    second = journal.enqueue_log(call, log_body(call))
    journal.mark_sending(second.id)
    journal.mark_delivered(second.id)
    events = journal.history(call.external_call_id)
    assert [(e.event, e.sync_state, e.outbox_id) for e in events] == [
        (EventKind.CREATED, SyncState.LOCAL, None),
        (EventKind.ENQUEUED, SyncState.PENDING, first.id),
        (EventKind.SENDING, SyncState.SENDING, first.id),
        (EventKind.RETRY, SyncState.PENDING, first.id),
        (EventKind.SENDING, SyncState.SENDING, first.id),
        (EventKind.FAILED, SyncState.FAILED, first.id),
        (EventKind.SUPERSEDED, SyncState.PENDING, first.id),
        (EventKind.ENQUEUED, SyncState.PENDING, second.id),
        (EventKind.SENDING, SyncState.SENDING, second.id),
        (EventKind.DELIVERED, SyncState.LOGGED, second.id),
    ]
    assert events[3].detail["error"] == ERROR_503
    assert events[5].detail == {"error": ERROR_400}
    assert events[6].detail == {"by": second.id}
