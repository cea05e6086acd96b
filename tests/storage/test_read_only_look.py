"""A read-only look at a damaged journal removes only the empty ``-wal``/``-shm`` it left
itself: a write-ahead log another program filled meanwhile holds that program's changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.database import damaged_error, inspect_read_only


def damaged_wal_database(path: Path) -> None:
    """A WAL-mode file whose schema and first page are sound but a table page is not."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.executemany("INSERT INTO notes VALUES (?)", [("n" * 500,)] * 300)
    conn.close()  # the last connection checkpoints: everything is in the main file
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_a_wal_another_program_wrote_during_the_look_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    damaged_wal_database(path)
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists()
    other = sqlite3.connect(path, isolation_level=None)

    def read(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA user_version").fetchone()
        other.execute("PRAGMA user_version = 9")  # committed into the -wal, not yet checkpointed

    try:
        with pytest.raises(StorageError, match="damaged"):
            inspect_read_only(path, 5.0, read)
        assert wal.stat().st_size > 0  # still there: the other program's change lives in it
    finally:
        other.close()
    with sqlite3.connect(path) as after:
        assert after.execute("PRAGMA user_version").fetchone() == (9,)
    after.close()


def test_problems_the_check_finds_are_named_and_nothing_is_left_beside(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    data = bytearray(path.read_bytes())
    data[36:40] = (5).to_bytes(4, "big")  # the header counts free pages the file lacks
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError) as refused:
        inspect_read_only(path, 5.0, lambda conn: None)
    problem = "*** in database main ***\nMain freelist: size is 0 but should be 5"
    assert str(refused.value) == str(damaged_error(path, problem))
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert path.read_bytes() == bytes(data)
