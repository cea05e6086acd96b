"""AsyncJournal: the journal from asyncio, on one worker thread that owns the connection."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.journal import AlreadyQueued, CallJournal, JournalClosed, OutboxState


async def test_basic_use_from_asyncio(journal_path: Path, clock, make_call, log_body) -> None:
    journal = await AsyncJournal.open(journal_path, clock=clock)
    try:
        call = make_call()
        await journal.save_call(call)
        assert await journal.get_call(call.external_call_id) == call
        assert await journal.count_calls() == 1
        assert [c.external_call_id for c in await journal.list_calls(limit=10)] == [
            call.external_call_id
        ]
        entry = await journal.enqueue_log(call, log_body(call))
        with pytest.raises(AlreadyQueued):
            await journal.enqueue_log(call, log_body(call))
        assert [e.id for e in await journal.due_entries(clock.now)] == [entry.id]
        await journal.mark_sending(entry.id)
        await journal.mark_delivered(entry.id)
        entries = await journal.outbox_entries(call.external_call_id)
        assert [e.state for e in entries] == [OutboxState.DELIVERED]
        assert await journal.pending_count() == 0
        assert await journal.recover_interrupted() == []
        stored = await journal.get_call(call.external_call_id)
        assert stored is not None
        assert stored.sync_state == SyncState.LOGGED
    finally:
        await journal.close()
    with CallJournal(journal_path) as reopened:
        assert reopened.pending_count() == 0
        assert reopened.count_calls() == 1


async def test_all_work_runs_on_one_worker_thread(journal_path: Path, clock, make_call) -> None:
    seen: set[str] = set()

    def watching_clock():
        seen.add(threading.current_thread().name)
        return clock()

    journal = await AsyncJournal.open(journal_path, clock=watching_clock)
    try:
        await asyncio.gather(*(journal.save_call(make_call()) for _ in range(50)))
        assert await journal.count_calls() == 50
    finally:
        await journal.close()
    assert len(seen) == 1
    (name,) = seen
    assert name.startswith("hubcall-journal")
    assert name != threading.current_thread().name


@pytest.fixture
def garbage_path(journal_path: Path) -> Path:
    journal_path.parent.mkdir()
    journal_path.write_bytes(b"not a database at all" * 100)
    return journal_path


async def test_errors_reach_the_awaiting_code(garbage_path: Path) -> None:
    with pytest.raises(StorageError, match="damaged"):
        await AsyncJournal.open(garbage_path)


async def test_use_after_close_is_refused(journal_path: Path) -> None:
    journal = await AsyncJournal.open(journal_path)
    await journal.close()
    await journal.close()  # twice is fine
    assert journal.closed
    with pytest.raises(JournalClosed):
        await journal.count_calls()


async def test_a_cancelled_caller_does_not_cancel_its_write(
    journal_path: Path, clock, make_call
) -> None:
    gate = threading.Event()

    def gated_clock():
        # Holds the worker inside the save until the test has cancelled the caller.
        assert gate.wait(timeout=10)
        return clock()

    journal = await AsyncJournal.open(journal_path, clock=gated_clock)
    call = make_call()
    task = asyncio.create_task(journal.save_call(call))
    queued_behind = asyncio.create_task(journal.save_call(replace(call, notes="second")))
    await asyncio.sleep(0)  # let both tasks hand their work to the worker
    task.cancel()
    queued_behind.cancel()
    gate.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    with pytest.raises(asyncio.CancelledError):
        await queued_behind
    await journal.close()  # runs after the queued work
    with CallJournal(journal_path) as reopened:
        stored = reopened.get_call(call.external_call_id)
    assert stored is not None
    assert stored.notes == "second"


def test_methods_keep_their_names_and_docs() -> None:
    assert AsyncJournal.enqueue_log.__doc__ == CallJournal.enqueue_log.__doc__
    assert AsyncJournal.list_calls.__doc__ == CallJournal.list_calls.__doc__


def test_every_journal_method_has_a_coroutine_twin() -> None:
    # "ǁ" marks the copies mutation testing (mutmut) adds to the class.
    public = {
        n
        for n in vars(CallJournal)
        if not n.startswith("_") and "ǁ" not in n and callable(getattr(CallJournal, n))
    }
    assert public - set(vars(AsyncJournal)) == set()
