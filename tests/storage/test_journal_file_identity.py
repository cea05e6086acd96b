"""The journal file deleted, moved or replaced while the journal is open: nothing accepted
afterwards may be missing from the file a restart opens."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.journal import CallJournal


def ids_in(path: Path) -> list[str]:
    """The calls a restart would find at ``path`` (read by a connection of our own)."""
    with CallJournal(path) as reopened:
        return sorted(c.external_call_id for c in reopened.list_calls(limit=100))


def remove_with_siblings(path: Path) -> None:
    """What ``rm journal.sqlite3*`` does."""
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        (path.parent / name).unlink(missing_ok=True)


@pytest.mark.parametrize("siblings_too", [False, True], ids=["file only", "with -wal and -shm"])
def test_a_deleted_journal_is_written_back_with_everything_and_the_new_call(
    journal_path: Path,
    make_call: Callable[..., Call],
    log_body: Callable[..., dict],
    siblings_too: bool,
) -> None:
    journal = CallJournal(journal_path)
    try:
        old = make_call()
        journal.save_call(old)
        journal.enqueue_log(old, log_body(old))
        if siblings_too:
            remove_with_siblings(journal_path)
        else:
            journal_path.unlink()
        new = make_call()
        journal.save_call(new)
        # The outbox came along: the entry is still queued, once.
        assert [e.state.value for e in journal.outbox_entries(old.external_call_id)] == ["pending"]
        assert journal.pending_count() == 1
    finally:
        journal.close()
    assert ids_in(journal_path) == sorted([old.external_call_id, new.external_call_id])
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert sorted(p.name for p in journal_path.parent.iterdir() if "restoring" in p.name) == []


def test_a_journal_moved_away_is_written_back_at_its_path(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    with CallJournal(journal_path) as journal:
        old = make_call()
        journal.save_call(old)
        journal_path.rename(journal_path.with_name("elsewhere.sqlite3"))
        new = make_call()
        journal.save_call(new)
        # Writes keep working on the file written back, not the one moved away.
        newer = make_call()
        journal.save_call(newer)
    assert ids_in(journal_path) == sorted(c.external_call_id for c in (old, new, newer))


def test_a_replaced_journal_is_never_written_and_its_calls_are_saved_beside(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    journal = CallJournal(journal_path)
    try:
        kept = make_call()
        journal.save_call(kept)
        # Another program (a backup restore) puts another journal in its place.
        stranger = journal_path.with_name("other.sqlite3")
        with CallJournal(stranger) as other:
            theirs = make_call()
            other.save_call(theirs)
        os.replace(stranger, journal_path)
        with pytest.raises(StorageError, match="replaced by another file") as refused:
            journal.save_call(make_call())
        with pytest.raises(StorageError, match="replaced by another file"):
            journal.save_call(make_call())  # and stays refused
    finally:
        journal.close()
    assert ids_in(journal_path) == [theirs.external_call_id]  # untouched
    [saved] = [p for p in journal_path.parent.iterdir() if ".saved-" in p.name]
    assert str(saved) in refused.value.user_message
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    with sqlite3.connect(saved) as conn:
        assert conn.execute("SELECT external_call_id FROM calls").fetchall() == [
            (kept.external_call_id,)
        ]


def test_a_copy_put_back_over_the_journal_counts_as_replaced(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    """Same name, same content, another file: a write to the open one would not be in it."""
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        copy = journal_path.with_name("copy.sqlite3")
        shutil.copyfile(journal_path, copy)
        os.replace(copy, journal_path)
        with pytest.raises(StorageError, match="replaced"):
            journal.save_call(make_call())


def test_a_deleted_data_folder_is_made_again_with_the_journal(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    with CallJournal(journal_path) as journal:
        old = make_call()
        journal.save_call(old)
        shutil.rmtree(journal_path.parent)  # rm -r the data folder
        new = make_call()
        journal.save_call(new)
    assert ids_in(journal_path) == sorted([old.external_call_id, new.external_call_id])
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700


def test_a_file_in_place_of_the_data_folder_is_refused_with_a_sentence(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        shutil.rmtree(journal_path.parent)
        journal_path.parent.write_text("a file where the data folder was")
        with pytest.raises(StorageError) as refused:
            journal.save_call(make_call())
    message = str(refused.value)  # the system's reason sits in the brackets
    assert message.startswith(f"The call journal {journal_path} cannot be checked (")
    assert message.endswith("). Check that its folder is still there and readable.")


def test_a_journal_that_cannot_be_written_back_is_refused_with_a_sentence(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        journal_path.unlink()
        # Something sits where the copy is made (the journal runs in this process).
        journal_path.with_name(f"{journal_path.name}.{os.getpid()}.restoring").mkdir()
        with pytest.raises(StorageError, match="cannot be written back"):
            journal.save_call(make_call())


def test_the_journal_written_back_is_sound_after_a_busy_life(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    """Pages moved around by updates: the file written back is laid out afresh, so no
    page of the old file's write-ahead log may be read over it later."""
    with CallJournal(journal_path) as journal:
        calls = [make_call(notes="n" * (50 * i)) for i in range(120)]
        journal.save_calls(calls)
        # As SQLite's automatic checkpoint does now and then: the -wal then holds only
        # the pages changed since, and those would be read over the new file's layout.
        journal._db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        for call in calls[::2]:
            call.notes = ""
            journal.save_call(call)
        journal_path.unlink()  # the main file only: its -wal and -shm stay
        journal.save_call(make_call(notes="after"))
        for call in calls[1::2]:
            call.notes = "changed"
            journal.save_call(call)
    with sqlite3.connect(journal_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 121
        notes = dict(conn.execute("SELECT external_call_id, notes FROM calls").fetchall())
    assert [notes[c.external_call_id] for c in calls[:4]] == ["", "changed", "", "changed"]


def test_a_file_replaced_during_a_write_fails_that_write(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    """The check runs again after the commit: a change that went to the old file is not
    reported as saved."""
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        stranger = journal_path.with_name("other.sqlite3")
        sqlite3.connect(stranger).close()
        database = journal._db
        assert database is not None

        def write_while_replaced() -> None:
            with database.writing() as conn:
                conn.execute("UPDATE calls SET notes = 'changed'")
                os.replace(stranger, journal_path)  # while the transaction is open

        with pytest.raises(StorageError, match="replaced"):
            write_while_replaced()
