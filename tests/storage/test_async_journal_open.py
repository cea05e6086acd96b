"""AsyncJournal.open cancelled half-way: the file opened on the worker is closed there, and
the worker thread ends."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime
from pathlib import Path

import pytest

from hubcall_desktop.storage.async_journal import AsyncJournal, _OnWorker
from hubcall_desktop.storage.journal import CallJournal


def _journal_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("hubcall-journal")}


async def test_an_open_cancelled_while_the_file_opens_closes_it_on_its_worker(
    journal_path: Path,
) -> None:
    before = _journal_threads()
    opening = asyncio.create_task(AsyncJournal.open(journal_path))
    await asyncio.sleep(0)  # the worker has the open in hand
    opening.cancel()
    with pytest.raises(asyncio.CancelledError):
        await opening
    for worker in _journal_threads() - before:
        await asyncio.to_thread(worker.join, 30)
        assert not worker.is_alive()
    assert _closed_journal(journal_path)


def _closed_journal(path: Path) -> bool:
    """The file was opened (and made a journal) and then closed: with no connection left,
    SQLite has folded its write-ahead log into the file and removed it."""
    closed = path.exists() and not path.with_name(path.name + "-wal").exists()
    with CallJournal(path) as reopened:
        assert reopened.count_calls() == 0
    return closed


async def test_a_twin_made_of_a_journal_method_runs_it_on_the_worker(
    journal_path: Path,
) -> None:
    """How every coroutine method of AsyncJournal is made (at class definition)."""
    twin = _OnWorker(CallJournal.list_calls)
    assert twin.__doc__ == CallJournal.list_calls.__doc__
    assert twin.__doc__ is not None
    journal = await AsyncJournal.open(journal_path)
    try:
        listed = twin.__get__(journal, AsyncJournal)
        assert listed.__name__ == "list_calls"
        assert await listed() == []
    finally:
        await journal.close()


async def test_a_write_that_fails_after_its_caller_gave_up_is_logged(
    journal_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Nobody awaits the result any more, so the failure must at least reach the log."""
    gate = threading.Event()

    def failing_clock() -> datetime:
        assert gate.wait(timeout=10)  # holds the worker until the caller is cancelled
        raise RuntimeError("clock broke")

    journal = await AsyncJournal.open(journal_path, clock=failing_clock)
    try:
        with caplog.at_level(logging.ERROR, "hubcall_desktop.storage.async_journal"):
            task = asyncio.create_task(journal.save_calls([]))
            await asyncio.sleep(0)
            task.cancel()
            gate.set()
            with pytest.raises(asyncio.CancelledError):
                await task
            await journal.count_calls()  # queued behind the failed job: it has finished
            await asyncio.sleep(0)  # its done-callback runs on the loop
    finally:
        await journal.close()
    [record] = [r for r in caplog.records if r.name.endswith("async_journal")]
    assert record.getMessage() == (
        "journal work finished after its caller was cancelled, and failed"
    )
    assert record.exc_info is not None and str(record.exc_info[1]) == "clock broke"
