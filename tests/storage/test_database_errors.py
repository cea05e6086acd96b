"""Which SQLite failures become a sentence for the agent, and which sentence; the rest are bugs.

SQLite reports an extended result code (the primary code in the low byte); the journal
reads only the primary code. A full disk or a broken disk cannot be produced on demand, so
these errors carry the codes SQLite itself gives (https://www.sqlite.org/rescode.html).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hubcall_desktop.storage.database import (
    damaged_error,
    inspect_read_only,
    storage_error,
    translated,
)

PATH = Path("/data/journal.sqlite3")


def sqlite_error(code: int, name: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(name.lower())
    error.sqlite_errorcode = code
    error.sqlite_errorname = name
    return error


SENTENCES = [
    (
        5,
        "SQLITE_BUSY",
        f"The call journal {PATH} is in use by another program and stayed locked for 2.5 s. "
        "Close any other copy of HubCall Desktop (or the program holding the file) and try "
        "again.",
    ),
    (
        517,  # SQLITE_BUSY_SNAPSHOT: an extended code, busy all the same
        "SQLITE_BUSY_SNAPSHOT",
        f"The call journal {PATH} is in use by another program and stayed locked for 2.5 s. "
        "Close any other copy of HubCall Desktop (or the program holding the file) and try "
        "again.",
    ),
    (
        6,
        "SQLITE_LOCKED",
        f"The call journal {PATH} is in use by another program and stayed locked for 2.5 s. "
        "Close any other copy of HubCall Desktop (or the program holding the file) and try "
        "again.",
    ),
    (
        14,
        "SQLITE_CANTOPEN",
        f"The call journal {PATH} cannot be opened. Check that its folder exists and that "
        "you may read and write there.",
    ),
    (
        13,
        "SQLITE_FULL",
        f"The disk holding the call journal {PATH} is full, so the last change was not saved. "
        "Free some space and try again.",
    ),
    (
        8,
        "SQLITE_READONLY",
        f"The call journal {PATH} is read-only. Allow writing to the file and its folder, "
        "then try again.",
    ),
    (
        3,
        "SQLITE_PERM",
        f"The call journal {PATH} is read-only. Allow writing to the file and its folder, "
        "then try again.",
    ),
    (
        778,  # SQLITE_IOERR_WRITE
        "SQLITE_IOERR_WRITE",
        f"The call journal {PATH} could not be read or written (disk error "
        "SQLITE_IOERR_WRITE). Check the disk and try again.",
    ),
]


@pytest.mark.parametrize(("code", "name", "sentence"), SENTENCES, ids=[s[1] for s in SENTENCES])
def test_each_failure_the_agent_can_act_on_has_its_sentence(
    code: int, name: str, sentence: str
) -> None:
    error = storage_error(sqlite_error(code, name), PATH, 2.5)
    assert error is not None
    assert str(error) == sentence


@pytest.mark.parametrize(
    ("code", "name"), [(11, "SQLITE_CORRUPT"), (26, "SQLITE_NOTADB"), (267, "SQLITE_CORRUPT_VTAB")]
)
def test_a_damaged_file_gets_the_damage_sentence_with_sqlites_words(code: int, name: str) -> None:
    error = storage_error(sqlite_error(code, name), PATH, 5.0)
    assert error is not None
    assert str(error) == str(damaged_error(PATH, name.lower()))
    assert str(error) == (
        f"The call journal {PATH} is damaged or is not a HubCall Desktop journal "
        f"({name.lower()}). It was left untouched: move it elsewhere (or restore a backup) "
        "and start HubCall Desktop again to begin a new journal."
    )


def test_an_io_error_without_a_name_shows_its_code() -> None:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 10
    sentence = storage_error(error, PATH, 5.0)
    assert sentence is not None and "(disk error 10)" in str(sentence)


def test_the_busy_timeout_is_said_as_the_user_set_it() -> None:
    error = storage_error(sqlite_error(5, "SQLITE_BUSY"), PATH, 10.0)
    assert error is not None and "locked for 10 s." in str(error)


@pytest.mark.parametrize(
    ("code", "name"),
    [(1, "SQLITE_ERROR"), (19, "SQLITE_CONSTRAINT"), (2067, "SQLITE_CONSTRAINT_UNIQUE")],
)
def test_errors_in_our_own_sql_are_bugs_not_sentences(code: int, name: str) -> None:
    assert storage_error(sqlite_error(code, name), PATH, 5.0) is None


def test_an_error_without_a_code_is_a_bug() -> None:
    assert storage_error(sqlite3.ProgrammingError("closed"), PATH, 5.0) is None


def test_translated_turns_a_real_sqlite_failure_into_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    conn = sqlite3.connect(path)
    try:
        with (
            pytest.raises(Exception, match="damaged or is not a HubCall") as raised,
            translated(path, 5.0),
        ):
            conn.execute("SELECT * FROM sqlite_master")
        assert isinstance(raised.value.__cause__, sqlite3.DatabaseError)
        # A bug in our SQL propagates as it is.
        empty = sqlite3.connect(":memory:")
        with (
            pytest.raises(sqlite3.OperationalError, match="no such table"),
            translated(path, 5.0),
        ):
            empty.execute("SELECT * FROM nowhere")
        empty.close()
    finally:
        conn.close()


def test_a_read_only_look_at_a_damaged_file_leaves_no_empty_siblings(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(Exception, match="damaged"):
        inspect_read_only(path, 5.0, lambda conn: conn.execute("PRAGMA user_version").fetchone())
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert path.read_bytes().startswith(b"SQLite format 3\x00\xff\xff")
