"""The journal file: created private, migrated, and never written when it cannot be trusted."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.codec import CALL_COLUMNS, call_to_row
from hubcall_desktop.storage.database import Database, storage_error
from hubcall_desktop.storage.journal import CallJournal, JournalClosed
from hubcall_desktop.storage.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    migrate,
)


def pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


@contextmanager
def other_connection(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def test_a_new_journal_is_created_private_and_current(journal_path: Path) -> None:
    assert not journal_path.parent.exists()
    with CallJournal(journal_path) as journal:
        conn = journal._db.connection  # the pragmas are per connection: look at its own
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert pragma(journal_path, "user_version") == SCHEMA_VERSION
    assert pragma(journal_path, "application_id") == APPLICATION_ID
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700
    assert leftovers(journal_path) == []  # the WAL is folded back in at close


def test_an_empty_file_becomes_a_journal(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    journal_path.touch()
    with CallJournal(journal_path) as journal:
        assert journal.count_calls() == 0
    assert pragma(journal_path, "user_version") == SCHEMA_VERSION


def test_the_busy_timeout_is_configurable(journal_path: Path) -> None:
    with CallJournal(journal_path, busy_timeout=0.25) as journal:
        assert journal._db.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 250


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_older_version_is_migrated(journal_path: Path, version: int, make_call) -> None:
    journal_path.parent.mkdir()
    old = Database(journal_path)
    migrate(old, MIGRATIONS[:version])
    old.close()
    assert pragma(journal_path, "user_version") == version
    with CallJournal(journal_path) as journal:
        call = make_call()
        journal.save_call(call)
        assert journal.get_call(call.external_call_id) == call
    assert pragma(journal_path, "user_version") == SCHEMA_VERSION


def test_a_version_1_journal_keeps_its_calls_and_outbox_with_no_portal(
    journal_path: Path, make_call, log_body, clock
) -> None:
    """Calls journaled before portals were remembered: kept whole, portal NULL."""
    journal_path.parent.mkdir()
    old = Database(journal_path)
    try:
        migrate(old, MIGRATIONS[:1])
        logged, queued = make_call(notes="earlier"), make_call(portal_id=4242)
        later = ("portal", "outcome", "outcome_label")
        columns = [c for c in CALL_COLUMNS if c not in later]  # the version 1 table
        with old.writing() as conn:
            for call in (logged, queued):
                row = call_to_row(call, SyncState.LOCAL, clock())
                conn.execute(
                    f"INSERT INTO calls ({', '.join(columns)}) "
                    f"VALUES ({', '.join(':' + c for c in columns)})",
                    {c: row[c] for c in columns},
                )
            conn.execute(
                "INSERT INTO outbox (external_call_id, kind, body, state, next_attempt_at, "
                "created_at, updated_at) VALUES (?, 'log', ?, 'pending', ?, ?, ?)",
                (queued.external_call_id, json.dumps(log_body(queued)), *["2026-11-24"] * 3),
            )
    finally:
        old.close()
    assert pragma(journal_path, "user_version") == 1

    with CallJournal(journal_path) as journal:
        assert pragma(journal_path, "user_version") == SCHEMA_VERSION == 5
        assert journal.get_call(logged.external_call_id) == logged
        assert journal.get_call(queued.external_call_id) == queued
        assert {c.portal for c in journal.list_calls()} == {None}
        (entry,) = journal.due_entries(clock())
        assert entry.external_call_id == queued.external_call_id
        assert entry.body == log_body(queued)
        # New calls remember their portal; an old one can be given one later.
        fresh = make_call(portal="acme")
        journal.save_call(fresh)
        logged.portal = "default"
        journal.save_call(logged)
        assert journal.get_call(fresh.external_call_id) == fresh
        assert journal.get_call(logged.external_call_id) == logged
    with other_connection(journal_path) as conn:
        stored = dict(conn.execute("SELECT external_call_id, portal FROM calls").fetchall())
    assert stored == {
        logged.external_call_id: "default",
        queued.external_call_id: None,
        fresh.external_call_id: "acme",
    }


def test_migration_steps_run_in_order_and_all_or_nothing(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    steps = [
        Migration(1, "a", ("CREATE TABLE a (x)",)),
        Migration(2, "b", ("CREATE TABLE b (y)", "INSERT INTO b SELECT x FROM a")),
    ]
    db = Database(journal_path)
    try:
        assert migrate(db, steps[:1]) == 0
        assert migrate(db, steps) == 1
        assert migrate(db, steps) == 2  # nothing left to do
        broken = [*steps, Migration(3, "c", ("CREATE TABLE c (z)", "THIS IS NOT SQL"))]
        with pytest.raises(sqlite3.OperationalError):
            migrate(db, broken)
        tables = {r[0] for r in db.connection.execute("SELECT name FROM sqlite_master")}
        assert tables == {"a", "b"}  # table c was rolled back with the failed step
        assert db.connection.execute("PRAGMA user_version").fetchone()[0] == 2
    finally:
        db.close()


def test_migration_steps_must_be_numbered_in_order(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    db = Database(journal_path)
    try:
        with pytest.raises(ValueError, match="in order"):
            migrate(db, [Migration(2, "skips one", ())])
    finally:
        db.close()


def test_a_journal_from_a_newer_version_is_refused_untouched(journal_path: Path) -> None:
    CallJournal(journal_path).close()
    with other_connection(journal_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = journal_path.read_bytes()
    with pytest.raises(StorageError, match="newer version of HubCall Desktop") as refused:
        CallJournal(journal_path)
    assert str(journal_path) in str(refused.value)
    assert journal_path.read_bytes() == before
    # A read-only look at a WAL file may leave its (empty) -wal and -shm behind: harmless,
    # and not removed, since the newer version may be running right now.
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


@pytest.mark.parametrize(
    "statements",
    [
        ["CREATE TABLE notes (x)"],  # version 0 but not empty
        ["CREATE TABLE notes (x)", "PRAGMA user_version = 1"],  # versioned, not ours
    ],
)
def test_another_programs_database_is_refused_untouched(
    journal_path: Path, statements: list[str]
) -> None:
    journal_path.parent.mkdir()
    with other_connection(journal_path) as conn:
        for statement in statements:
            conn.execute(statement)
    before = journal_path.read_bytes()
    with pytest.raises(StorageError, match="not a HubCall Desktop call journal"):
        CallJournal(journal_path)
    assert journal_path.read_bytes() == before


def test_garbage_is_refused_untouched(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    garbage = bytes(range(256)) * 64
    journal_path.write_bytes(garbage)
    with pytest.raises(StorageError, match="damaged") as refused:
        CallJournal(journal_path)
    message = str(refused.value)
    assert str(journal_path) in message
    assert "left untouched" in message
    assert journal_path.read_bytes() == garbage
    assert leftovers(journal_path) == []


def real_journal(path: Path, make_call, count: int = 300) -> bytes:
    with CallJournal(path) as journal:
        journal.save_calls(make_call(notes="n" * 500) for _ in range(count))
    return path.read_bytes()


def test_a_truncated_journal_is_refused_untouched(journal_path: Path, make_call) -> None:
    data = real_journal(journal_path, make_call)
    journal_path.write_bytes(data[: len(data) // 2])
    before = journal_path.read_bytes()
    with pytest.raises(StorageError, match="damaged"):
        CallJournal(journal_path)
    assert journal_path.read_bytes() == before
    assert leftovers(journal_path) == []


def test_a_damaged_page_is_found_at_open_and_left_untouched(journal_path: Path, make_call) -> None:
    data = bytearray(real_journal(journal_path, make_call))
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the header of a page in the middle: the file header stays valid.
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + 64] = b"\xff" * 64
    journal_path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged"):
        CallJournal(journal_path)
    assert journal_path.read_bytes() == bytes(data)


def test_a_folder_in_the_way_gives_a_sentence(journal_path: Path) -> None:
    journal_path.mkdir(parents=True)
    with pytest.raises(StorageError, match="in the way"):
        CallJournal(journal_path)


def test_a_file_in_place_of_the_folder_gives_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    path = tmp_path / "data" / "journal.sqlite3"
    with pytest.raises(StorageError) as refused:
        CallJournal(path)
    assert str(refused.value) == (
        f"The call journal {path} cannot be created: a file or folder is in the way. "
        "Move it elsewhere or choose another data folder."
    )


def test_a_data_folder_that_cannot_be_made_gives_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "home").write_text("a file where a folder should be")
    path = tmp_path / "home" / "data" / "journal.sqlite3"
    with pytest.raises(StorageError) as refused:
        CallJournal(path)
    message = str(refused.value)  # the system's reason sits in the brackets
    assert message.startswith(f"The call journal {path} cannot be created (")
    assert message.endswith("). Check that its folder exists and that you may write there.")


def test_a_file_locked_by_another_program_is_refused_after_the_timeout(
    journal_path: Path, make_call
) -> None:
    call = make_call()
    with CallJournal(journal_path) as journal:
        journal.save_call(call)
    with other_connection(journal_path) as holder:
        # Exclusive locking mode: even readers are kept out until it lets go.
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE calls SET notes = notes")
        with pytest.raises(StorageError, match=r"in use by another program.*0\.05 s"):
            CallJournal(journal_path, busy_timeout=0.05)
        holder.execute("ROLLBACK")
    with CallJournal(journal_path) as journal:
        assert journal.get_call(call.external_call_id) == call


def test_a_write_blocked_by_another_writer_fails_whole_and_can_be_retried(
    journal_path: Path, make_call, log_body, clock
) -> None:
    saved, blocked = make_call(), make_call()
    with CallJournal(journal_path, busy_timeout=0.05) as journal:
        journal.save_call(saved)
        with other_connection(journal_path) as holder:
            holder.execute("BEGIN EXCLUSIVE")
            with pytest.raises(StorageError, match="in use by another program"):
                journal.save_call(blocked)
            with pytest.raises(StorageError, match="in use by another program"):
                journal.enqueue_log(saved, log_body(saved))
            assert journal.get_call(saved.external_call_id) == saved  # readers still read
            holder.execute("ROLLBACK")
        assert journal.get_call(blocked.external_call_id) is None
        assert journal.pending_count() == 0
        journal.save_call(blocked)  # once the file is free, the same call saves
        assert journal.count_calls() == 2


def test_a_closed_journal_says_so(journal_path: Path) -> None:
    journal = CallJournal(journal_path)
    journal.close()
    journal.close()  # twice is fine
    with pytest.raises(JournalClosed, match="closed"):
        journal.count_calls()


def test_a_path_with_uri_characters_works(tmp_path: Path, make_call) -> None:
    path = tmp_path / "odd ?#% ü &name" / "journal?.sqlite3"
    call = make_call()
    with CallJournal(path) as journal:
        journal.save_call(call)
    with CallJournal(path) as journal:
        assert journal.get_call(call.external_call_id) == call
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal?.sqlite3"]


def test_a_full_disk_gives_a_sentence_and_keeps_what_was_saved(
    journal: CallJournal, make_call
) -> None:
    kept = make_call()
    journal.save_call(kept)
    conn = journal._db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is full from here on
    with pytest.raises(StorageError, match="is full"):
        journal.save_call(make_call(notes="x" * 100_000))
    assert journal.count_calls() == 1
    assert journal.get_call(kept.external_call_id) == kept


def test_read_only_access_gives_a_sentence(journal: CallJournal, journal_path: Path) -> None:
    conn = sqlite3.connect(f"{journal_path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            conn.execute("DELETE FROM calls")
    finally:
        conn.close()
    error = storage_error(raised.value, journal_path, 1.0)
    assert error is not None
    assert "read-only" in str(error)


def test_errors_that_are_bugs_are_not_dressed_up(journal_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            conn.execute("SELECT * FROM no_such_table")
    finally:
        conn.close()
    assert storage_error(raised.value, journal_path, 1.0) is None
