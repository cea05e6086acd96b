"""Opening and closing the journal's file: WAL mode without a word in the log, and SQLite's
planner statistics left for the tables it searched (``PRAGMA optimize``) at close."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from hubcall_desktop.storage.database import Database, prepare_file


def test_closing_leaves_statistics_for_an_index_that_was_used(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    prepare_file(path)
    db = Database(path)
    with db.writing() as conn:
        conn.execute("CREATE TABLE notes (owner INTEGER, text TEXT)")
        conn.execute("CREATE INDEX notes_owner ON notes (owner)")
        conn.executemany("INSERT INTO notes VALUES (?, 'x')", [(n,) for n in range(100)])
    with db.reading() as conn:
        assert conn.execute("SELECT count(*) FROM notes WHERE owner = 5").fetchone() == (1,)
    db.close()
    after = sqlite3.connect(path)
    try:
        stats = after.execute("SELECT tbl, idx FROM sqlite_stat1").fetchall()
    finally:
        after.close()
    assert stats == [("notes", "notes_owner")]


def test_a_journal_in_wal_mode_gives_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "journal.sqlite3"
    prepare_file(path)
    with caplog.at_level(logging.WARNING, "hubcall_desktop.storage.database"):
        db = Database(path)
        db.close()
    assert caplog.records == []  # the warning is for file systems without WAL only
