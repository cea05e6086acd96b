"""Group commits: calls saved together are committed in one transaction (one disk sync),
all or none, in the order they were asked for; each caller hears back after its group
committed. Real SQLite files; commits are counted in the write-ahead log itself, as a
restart would read it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import InputError, StorageError
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.database import Database

from .wal_frames import wal_commits

HOLD_S = 0.3  # how long another program keeps the write lock while calls gather


@contextmanager
def write_locked(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holds the journal's write lock until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield other
        other.execute("ROLLBACK")
    finally:
        other.close()


def stored_notes(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT external_call_id, notes FROM calls ORDER BY rowid"))


@pytest.fixture
async def journal(journal_path: Path) -> AsyncIterator[AsyncJournal]:
    opened = await AsyncJournal.open(journal_path, busy_timeout=5.0)
    yield opened
    await opened.close()


async def test_calls_saved_together_are_committed_in_one_transaction(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    calls = [make_call(notes=f"call {n}") for n in range(20)]
    before = wal_commits(journal_path)
    with write_locked(journal_path):
        # The worker's first group waits for the lock; every later call gathers meanwhile.
        saving = asyncio.gather(*(journal.save_call(call) for call in calls))
        await asyncio.sleep(HOLD_S)
        assert not saving.done()  # nobody hears "saved" while nothing could be written
    await saving
    assert wal_commits(journal_path) - before <= 2  # one sync per group, not per call
    assert stored_notes(journal_path) == {c.external_call_id: c.notes for c in calls}


async def test_a_group_that_fails_stores_none_of_its_calls(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    journal = await AsyncJournal.open(journal_path, busy_timeout=0.2)
    try:
        calls = [make_call() for _ in range(10)]
        with write_locked(journal_path):
            results = await asyncio.gather(
                *(journal.save_call(call) for call in calls), return_exceptions=True
            )
        assert all(isinstance(r, StorageError) for r in results), results
        assert stored_notes(journal_path) == {}
        await journal.save_call(calls[0])  # the lock is gone: the next save works
        assert list(stored_notes(journal_path)) == [calls[0].external_call_id]
    finally:
        await journal.close()


async def test_a_failure_half_way_through_a_group_rolls_the_whole_group_back(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    with sqlite3.connect(journal_path) as conn:  # a check the third call of the group fails
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON calls WHEN NEW.notes = 'refused' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END"
        )
    calls = [make_call(notes=n) for n in ("first", "second", "refused", "fourth")]
    with write_locked(journal_path):  # so all four gather in one group
        saving = asyncio.gather(
            *(journal.save_call(call) for call in calls), return_exceptions=True
        )
        await asyncio.sleep(HOLD_S)
    results = await saving
    # The first call may have been taken alone, before the others gathered.
    failed = [c.notes for c, r in zip(calls, results, strict=True) if r is not None]
    assert failed in (["first", "second", "refused", "fourth"], ["second", "refused", "fourth"])
    assert all(isinstance(r, sqlite3.IntegrityError) for r in results if r is not None)
    assert "second" not in stored_notes(journal_path).values()  # nothing half-stored


async def test_a_value_that_cannot_be_stored_is_refused_alone(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    good, bad, other = make_call(notes="a"), make_call(notes="\ud800"), make_call(notes="b")
    results = await asyncio.gather(
        *(journal.save_call(c) for c in (good, bad, other)), return_exceptions=True
    )
    assert results[0] is None and results[2] is None
    assert isinstance(results[1], InputError)
    assert stored_notes(journal_path) == {good.external_call_id: "a", other.external_call_id: "b"}


async def test_saves_and_other_work_keep_the_order_they_were_asked_in(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    call = make_call(notes="first")
    with write_locked(journal_path):
        # The worker waits for the lock on a write of its own, so no group is taken yet.
        blocker = asyncio.ensure_future(journal.save_calls([make_call()]))
        await asyncio.sleep(0)
        first = journal.save_call_soon(call)
        middle = asyncio.ensure_future(journal.save_calls([replace(call, notes="middle")]))
        await asyncio.sleep(0)  # the middle write is queued now
        last = journal.save_call_soon(replace(call, notes="last"))
        read = asyncio.ensure_future(journal.get_call(call.external_call_id))
        await asyncio.sleep(HOLD_S)
    await asyncio.gather(blocker, first, middle, last)
    seen = await read
    assert seen is not None and seen.notes == "last"  # the read saw every earlier save
    assert stored_notes(journal_path)[call.external_call_id] == "last"


async def test_a_cancelled_caller_does_not_stop_its_save(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    call = make_call(notes="kept")
    with write_locked(journal_path):
        saving = asyncio.ensure_future(journal.save_call(call))
        await asyncio.sleep(0)
        saving.cancel()
        await asyncio.sleep(HOLD_S)
    with pytest.raises(asyncio.CancelledError):
        await saving
    await journal.count_calls()  # queued after the save: it is done when this answers
    assert stored_notes(journal_path) == {call.external_call_id: "kept"}


async def test_work_on_the_file_keeps_its_place_among_saves(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    call = make_call(notes="first")

    def overwrite(db: Database) -> None:  # a write on the journal's file, between two saves
        with db.writing() as conn:
            conn.execute(
                "UPDATE calls SET notes = 'middle' WHERE external_call_id = ?",
                (call.external_call_id,),
            )

    with write_locked(journal_path):
        blocker = asyncio.ensure_future(journal.save_calls([make_call()]))
        await asyncio.sleep(0)
        first = journal.save_call_soon(call)
        middle = asyncio.ensure_future(journal.run_on_file(overwrite))
        await asyncio.sleep(0)  # the middle write is queued now
        last = journal.save_call_soon(replace(call, notes="last"))
        await asyncio.sleep(HOLD_S)
    await asyncio.gather(blocker, first, middle, last)
    assert stored_notes(journal_path)[call.external_call_id] == "last"  # not overtaken


async def test_a_cancelled_wait_in_a_group_still_saves_and_answers_the_rest(
    journal: AsyncJournal, journal_path: Path, make_call: Callable[..., Call]
) -> None:
    calls = [make_call(notes=n) for n in ("gave up", "waits", "waits too")]
    with write_locked(journal_path):
        blocker = asyncio.ensure_future(journal.save_calls([make_call()]))
        await asyncio.sleep(0)
        first, *rest = (journal.save_call_soon(call) for call in calls)  # one group
        first.cancel()  # its caller stops waiting; the call stays in the group
        await asyncio.sleep(HOLD_S)
    await blocker
    assert await asyncio.gather(*rest) == [None, None]  # the others still hear back
    stored = stored_notes(journal_path)
    assert [stored.get(c.external_call_id) for c in calls] == ["gave up", "waits", "waits too"]
