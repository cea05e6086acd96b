"""Schema versions: released steps never change, files are recognised as ours or refused with a
sentence, and pending steps run once, in order, even when another process migrates first."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.database import Database
from hubcall_desktop.storage.journal import CallJournal
from hubcall_desktop.storage.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    FileFacts,
    Migration,
    check_file,
    migrate,
    read_file_facts,
)

SNAPSHOT = Path(__file__).with_name("journal_schema_v5.sql")


def schema_dump(path: Path) -> str:
    """The schema as SQLite stores it, in the snapshot file's format."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    finally:
        conn.close()
    return "".join(f"-- {kind} {name}\n{sql or '(automatic)'};\n" for kind, name, sql in rows)


def released_schema() -> str:
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(lines[3:])  # after the three lines that describe the file


@pytest.fixture
def database(journal_path: Path) -> Iterator[Database]:
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(journal_path)
    try:
        yield db
    finally:
        db.close()


def test_the_file_format_marks_are_fixed() -> None:
    assert APPLICATION_ID == int.from_bytes(b"HCdj", "big") == 1212376170
    assert SCHEMA_VERSION == 5
    assert [(m.version, m.description) for m in MIGRATIONS] == [
        (1, "calls, outbox and events"),
        (2, "calls remember their portal"),
        (3, "calls without the called number wait for it"),
        (4, "calls keep their outcome"),
        (5, "contacts to create wait in the journal"),
    ]


def test_a_new_journal_has_exactly_the_released_schema(journal_path: Path) -> None:
    CallJournal(journal_path).close()
    assert schema_dump(journal_path) == released_schema()


def test_a_journal_migrated_step_by_step_has_the_released_schema(
    database: Database, journal_path: Path
) -> None:
    assert migrate(database, MIGRATIONS[:1]) == 0
    assert migrate(database) == 1
    assert schema_dump(journal_path) == released_schema()
    facts = read_file_facts(database.connection)
    assert facts == FileFacts(user_version=5, application_id=APPLICATION_ID, table_count=5)


def test_an_empty_file_is_taken_and_marked_as_ours(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    assert read_file_facts(database.connection) == FileFacts(0, 0, 0)
    with caplog.at_level(logging.INFO, logger="hubcall_desktop.storage.migrations"):
        assert migrate(database) == 0
    assert read_file_facts(database.connection).application_id == APPLICATION_ID
    assert [r.getMessage() for r in caplog.records] == [
        f"journal {database.path}: migrating to version 1 (calls, outbox and events)",
        f"journal {database.path}: migrating to version 2 (calls remember their portal)",
        f"journal {database.path}: migrating to version 3 "
        "(calls without the called number wait for it)",
        f"journal {database.path}: migrating to version 4 (calls keep their outcome)",
        f"journal {database.path}: migrating to version 5 (contacts to create wait in the journal)",
    ]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="hubcall_desktop.storage.migrations"):
        assert migrate(database) == 5  # nothing to do, nothing said
    assert caplog.records == []


@pytest.mark.parametrize(
    "facts",
    [
        FileFacts(user_version=0, application_id=0, table_count=0),  # empty: ours to fill
        FileFacts(user_version=1, application_id=APPLICATION_ID, table_count=3),
        FileFacts(user_version=2, application_id=APPLICATION_ID, table_count=4),
    ],
)
def test_our_own_files_up_to_the_known_version_are_accepted(facts: FileFacts) -> None:
    check_file(facts, Path("/data/journal.sqlite3"), known=2)


@pytest.mark.parametrize(
    "facts",
    [
        FileFacts(user_version=0, application_id=0, table_count=1),  # unversioned, not empty
        FileFacts(user_version=1, application_id=0, table_count=1),  # versioned, no mark
        FileFacts(user_version=1, application_id=APPLICATION_ID + 1, table_count=3),
    ],
)
def test_another_programs_file_is_refused_with_a_sentence(facts: FileFacts) -> None:
    with pytest.raises(StorageError) as refused:
        check_file(facts, Path("/data/journal.sqlite3"), known=2)
    assert str(refused.value) == (
        "The file /data/journal.sqlite3 is not a HubCall Desktop call journal (it holds another "
        "program's data). It was left untouched: move it elsewhere or choose another data folder."
    )


def test_a_file_from_a_newer_version_is_refused_with_both_versions() -> None:
    facts = FileFacts(user_version=3, application_id=APPLICATION_ID, table_count=4)
    with pytest.raises(StorageError) as refused:
        check_file(facts, Path("/data/journal.sqlite3"), known=2)
    assert str(refused.value) == (
        "The call journal /data/journal.sqlite3 was written by a newer version of HubCall "
        "Desktop (journal version 3; this version knows up to 2). It was left untouched: "
        "update HubCall Desktop, or start this version with another data folder."
    )
    check_file(facts, Path("/data/journal.sqlite3"), known=3)
    newer = FileFacts(user_version=6, application_id=APPLICATION_ID, table_count=4)
    with pytest.raises(StorageError, match="knows up to 5"):
        check_file(newer, Path("/data/journal.sqlite3"))  # the default: this version's schema


def test_migrate_refuses_a_newer_file_before_writing(database: Database) -> None:
    database.connection.execute("PRAGMA user_version = 6")
    database.connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with pytest.raises(
        StorageError, match="journal version 6; this version knows up to 5"
    ) as refused:
        migrate(database)
    assert f"The call journal {database.path} was written" in str(refused.value)
    assert read_file_facts(database.connection).table_count == 0


@pytest.mark.parametrize(
    "versions", [[2], [1, 3], [2, 1], [1, 1], [0, 1]], ids=["2", "1,3", "2,1", "1,1", "0,1"]
)
def test_steps_must_be_numbered_from_one_without_gaps(
    database: Database, versions: list[int]
) -> None:
    steps = [Migration(v, f"step {v}", ()) for v in versions]
    with pytest.raises(ValueError, match="must be 1, 2, 3") as refused:
        migrate(database, steps)
    assert str(refused.value) == (
        f"migration versions must be 1, 2, 3, ... in order; got {versions}"
    )
    assert read_file_facts(database.connection).user_version == 0


def test_no_steps_leave_an_empty_file_alone(database: Database) -> None:
    assert migrate(database, []) == 0
    assert read_file_facts(database.connection) == FileFacts(0, 0, 0)


class RacingDatabase(Database):
    """A database another process changes just before this one takes the write lock."""

    def __init__(self, path: Path, *meanwhile: str) -> None:
        super().__init__(path)
        self._meanwhile = meanwhile

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        other = sqlite3.connect(self.path, isolation_level=None)
        try:
            for statement in self._meanwhile:
                other.execute(statement)
        finally:
            other.close()
        self._meanwhile = ()
        with super().writing() as conn:
            yield conn


STEPS = [
    Migration(1, "a", ("CREATE TABLE a (x)",)),
    Migration(2, "b", ("CREATE TABLE b (y)",)),
]


def test_steps_another_process_applied_meanwhile_are_not_applied_again(
    journal_path: Path,
) -> None:
    journal_path.parent.mkdir(parents=True)
    db = RacingDatabase(
        journal_path,
        "CREATE TABLE a (x)",
        "PRAGMA user_version = 1",
        f"PRAGMA application_id = {APPLICATION_ID}",
    )
    try:
        # It saw version 0, but under the write lock the file is at 1: only step 2 runs.
        assert migrate(db, STEPS) == 1
        assert read_file_facts(db.connection) == FileFacts(2, APPLICATION_ID, 2)
    finally:
        db.close()


def test_a_file_made_foreign_meanwhile_is_refused_under_the_write_lock(
    journal_path: Path,
) -> None:
    journal_path.parent.mkdir(parents=True)
    db = RacingDatabase(
        journal_path,
        "CREATE TABLE theirs (x)",
        "PRAGMA user_version = 1",
        "PRAGMA application_id = 7",
    )
    try:
        with pytest.raises(StorageError, match="not a HubCall Desktop call journal"):
            migrate(db, STEPS)
        tables = [r[0] for r in db.connection.execute("SELECT name FROM sqlite_master")]
        assert tables == ["theirs"]
        assert read_file_facts(db.connection).application_id == 7
    finally:
        db.close()


def test_a_newer_version_written_meanwhile_is_refused_under_the_write_lock(
    journal_path: Path,
) -> None:
    journal_path.parent.mkdir(parents=True)
    db = RacingDatabase(
        journal_path,
        "CREATE TABLE a (x)",
        "PRAGMA user_version = 2",
        f"PRAGMA application_id = {APPLICATION_ID}",
    )
    try:
        # This version knows only step 1; another (newer) process went to version 2.
        with pytest.raises(StorageError) as refused:
            migrate(db, STEPS[:1])
        assert f"The call journal {journal_path} was written" in str(refused.value)
        assert "(journal version 2; this version knows up to 1)" in str(refused.value)
        assert read_file_facts(db.connection).user_version == 2
    finally:
        db.close()
