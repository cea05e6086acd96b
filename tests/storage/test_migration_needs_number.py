"""Journal version 3: calls kept as "withheld" only because the number that was called was
missing (the caller was known) wait for that number in a journal from version 2; a really
withheld caller, and every other state, stays as it was."""

from __future__ import annotations

from pathlib import Path

from hubcall_desktop.core.call import Call, Direction, SyncState
from hubcall_desktop.storage.codec import call_to_row
from hubcall_desktop.storage.database import Database
from hubcall_desktop.storage.journal import CallJournal
from hubcall_desktop.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, read_file_facts


def _version_2_journal(path: Path, calls: dict[str, tuple[Call, SyncState]], clock) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    old = Database(path)
    try:
        migrate(old, MIGRATIONS[:2])
        with old.writing() as conn:
            for call, state in calls.values():
                row = call_to_row(call, state, clock())
                del row["outcome"], row["outcome_label"]  # columns of version 4
                columns = ", ".join(row)
                conn.execute(
                    f"INSERT INTO calls ({columns}) VALUES ({', '.join(':' + c for c in row)})",
                    row,
                )
        assert read_file_facts(old.connection).user_version == 2
    finally:
        old.close()


def test_a_known_caller_kept_as_withheld_for_a_missing_called_number_waits_for_it(
    journal_path: Path, make_call, clock
) -> None:
    calls = {
        # What the old version did to `notify ringing --from "+49 30 55501234"`, then ended.
        "lacked the called number": (make_call(to_number=None, raw_to=""), SyncState.WITHHELD),
        "withheld caller": (
            make_call(from_number=None, raw_from="anonymous", number_withheld=True),
            SyncState.WITHHELD,
        ),
        "both missing": (
            make_call(from_number=None, raw_from="anonymous", number_withheld=True, to_number=None),
            SyncState.WITHHELD,
        ),
        "unreadable caller": (make_call(from_number=None, raw_from="**31#"), SyncState.WITHHELD),
        "unreadable, no called number": (
            make_call(from_number=None, raw_from="**31#", to_number=None, raw_to=""),
            SyncState.WITHHELD,
        ),
        "both numbers": (make_call(), SyncState.WITHHELD),  # only a missing number moves
        "outbound": (
            make_call(to_number=None, raw_to="", direction=Direction.OUTBOUND),
            SyncState.WITHHELD,
        ),
        "not logged yet": (make_call(to_number=None, raw_to=""), SyncState.LOCAL),
        "discarded": (make_call(to_number=None, raw_to=""), SyncState.DISCARDED),
        "logged": (make_call(), SyncState.LOGGED),
    }
    _version_2_journal(journal_path, calls, clock)

    with CallJournal(journal_path, clock=clock) as journal:
        found = {name: journal.get_call(call.external_call_id) for name, (call, _) in calls.items()}
        states = {name: call.sync_state for name, call in found.items() if call is not None}
    assert states == {
        "lacked the called number": SyncState.NEEDS_NUMBER,
        "withheld caller": SyncState.WITHHELD,
        "both missing": SyncState.WITHHELD,
        "unreadable caller": SyncState.WITHHELD,
        "unreadable, no called number": SyncState.WITHHELD,
        "both numbers": SyncState.WITHHELD,
        "outbound": SyncState.WITHHELD,
        "not logged yet": SyncState.LOCAL,
        "discarded": SyncState.DISCARDED,
        "logged": SyncState.LOGGED,
    }
    waiting = found["lacked the called number"]
    assert waiting is not None and waiting.needs_called_number
    assert waiting.from_number == calls["lacked the called number"][0].from_number
    assert read_file_facts_of(journal_path) == SCHEMA_VERSION == 5


def read_file_facts_of(path: Path) -> int:
    db = Database(path)
    try:
        return read_file_facts(db.connection).user_version
    finally:
        db.close()
