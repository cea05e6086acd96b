"""Journal version 4: calls keep their outcome (GUID and the label the agent saw). A journal
of version 3 opens with no outcome on its calls, and an outcome saved since survives a
reopen, and the outbox body queued with it."""

from __future__ import annotations

from pathlib import Path

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.storage.codec import call_to_row
from hubcall_desktop.storage.database import Database
from hubcall_desktop.storage.journal import CallJournal
from hubcall_desktop.storage.migrations import MIGRATIONS, migrate, read_file_facts

CALLBACK = CallOutcome("5f1c2a9e-0d4b-4e3a-9a51-6b0c7d8e9f10", "Rückruf vereinbart")


def test_a_version_3_journal_gains_outcomes_and_keeps_its_calls(
    journal_path: Path, make_call, clock
) -> None:
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    before = make_call(final_status=CallStatus.COMPLETED)
    old = Database(journal_path)
    try:
        migrate(old, MIGRATIONS[:3])
        row = call_to_row(before, SyncState.LOCAL, clock())
        del row["outcome"], row["outcome_label"]
        with old.writing() as conn:
            conn.execute(
                f"INSERT INTO calls ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})",
                row,
            )
        assert read_file_facts(old.connection).user_version == 3
    finally:
        old.close()

    with CallJournal(journal_path) as journal:
        loaded = journal.get_call(before.external_call_id)
        assert loaded == before and loaded.outcome is None
        loaded.outcome = CALLBACK
        journal.save_call(loaded)
        journal.enqueue_log(loaded, build_log_body(loaded))
    with CallJournal(journal_path) as journal:
        again = journal.get_call(before.external_call_id)
        assert again is not None and again.outcome == CALLBACK
        (entry,) = journal.outbox_entries(before.external_call_id)
        assert entry.body["engagementProperties"]["hs_call_disposition"] == CALLBACK.guid
