"""The call journal for asyncio code: every call runs on one worker thread that owns it.

SQLite connections belong to the thread that opened them, and a commit with
``synchronous=FULL`` waits for the disk; so the journal is opened on, and only ever used
from, a single dedicated thread, and the event loop (the UI's, under qasync) never waits.

Once submitted, a change is carried out even if the awaiting task is cancelled: a journal
write is not abandoned half-way, and a cancelled caller simply does not see the result.

Saves of calls are committed in groups: while the worker waits for one commit's disk sync,
the calls saved meanwhile gather, and the next transaction commits them all (one sync, not
one per call). Each caller hears back only once its group committed; a group that fails
fails every call in it, and none of them is stored. The worker does the journal's work in
the order it was asked for: a group is closed when any other work is queued, so a read
sees every save asked for before it, and a later write is never overtaken.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from hubcall_desktop.core.call import Call, utc_now
from hubcall_desktop.storage.database import DEFAULT_BUSY_TIMEOUT, Database
from hubcall_desktop.storage.errors import JournalClosed
from hubcall_desktop.storage.journal import CallJournal

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class _OnWorker(Generic[P, R]):
    """Turns a :class:`CallJournal` method into a coroutine method run on the worker."""

    def __init__(
        self, method: Callable[Concatenate[CallJournal, P], R], *, reads: bool = False
    ) -> None:
        self._method = method
        self._reads = reads
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, owner: None, kind: type[AsyncJournal]) -> Self: ...
    @overload
    def __get__(
        self, owner: AsyncJournal, kind: type[AsyncJournal]
    ) -> Callable[P, Awaitable[R]]: ...
    def __get__(
        self, owner: AsyncJournal | None, kind: type[AsyncJournal]
    ) -> Self | Callable[P, Awaitable[R]]:
        if owner is None:
            return self
        method = self._method
        journal_owner = owner
        writes = not self._reads

        async def bound(*args: P.args, **kwargs: P.kwargs) -> R:
            journal = journal_owner._require_open()
            job = functools.partial(method, journal, *args, **kwargs)
            return await journal_owner._run(job, closes_group=writes)

        bound.__name__ = bound.__qualname__ = method.__name__
        bound.__doc__ = method.__doc__
        return bound


@dataclass(slots=True)
class _Group:
    """Calls saved while the worker was busy, committed in one transaction."""

    calls: list[Call] = field(default_factory=list)
    waiters: list[Future[None]] = field(default_factory=list)


class AsyncJournal:
    """:class:`CallJournal` as coroutines. Open with ``await AsyncJournal.open(path)``."""

    def __init__(self, executor: ThreadPoolExecutor, journal: CallJournal) -> None:
        """Use :meth:`open`; this takes a journal already opened on ``executor``'s thread."""
        self._executor = executor
        self._journal: CallJournal | None = journal
        self.path = journal.path
        # The group still taking calls; the worker takes it (under the lock) when it starts
        # to commit it, and any other work queued closes it first (see the module doc).
        self._group_lock = threading.Lock()
        self._open_group: _Group | None = None

    @classmethod
    async def open(
        cls,
        path: Path,
        *,
        clock: Callable[[], datetime] = utc_now,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        check_integrity: bool = True,
    ) -> AsyncJournal:
        """Open the journal on a new worker thread (see :class:`CallJournal` for errors)."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hubcall-journal")
        opener = functools.partial(
            CallJournal,
            path,
            clock=clock,
            busy_timeout=busy_timeout,
            check_integrity=check_integrity,
        )
        opening = executor.submit(opener)
        try:
            journal = await asyncio.wrap_future(opening)
        except BaseException:
            # Cancelled while the file was opening: close it on its thread once open.
            executor.submit(_close_if_opened, opening)
            executor.shutdown(wait=False)
            raise
        return cls(executor, journal)

    async def close(self) -> None:
        """Finish the queued work, close the file, let the worker thread end."""
        journal, self._journal = self._journal, None
        if journal is None:
            return
        try:
            await self._run(journal.close)
        finally:
            self._executor.shutdown(wait=False)

    @property
    def closed(self) -> bool:
        return self._journal is None

    def _require_open(self) -> CallJournal:
        if self._journal is None:
            raise JournalClosed(f"the call journal {self.path} is closed")
        return self._journal

    async def _run(self, job: Callable[[], R], *, closes_group: bool = True) -> R:
        """Run ``job`` on the worker. A write closes the open group: saves asked for after
        it come after it. A read need not (the group's commit is queued before it, so it
        sees every save asked for earlier; one asked for later is no harm to see), and a
        burst of calls whose pop-ups read the journal still commits in one group."""
        with self._group_lock:
            if closes_group:
                self._open_group = None
            submitted = self._executor.submit(job)
        return await _finished(asyncio.wrap_future(submitted))

    async def run_on_file(self, job: Callable[[Database], R]) -> R:
        """Run ``job`` with the journal's file on its worker: the same connection and
        file checks, in order with the calls' work (for ``contact_writes``)."""
        journal = self._require_open()
        return await self._run(lambda: job(journal.database))

    def save_call_soon(self, call: Call) -> asyncio.Future[None]:
        """Queue ``call`` for saving now (in the group being gathered) and return what to
        await: done once its group committed, or with the error that stopped it (the
        group's own failure, or this call's value refused alone). Queued at once, so
        the order of saves is the order of these calls, whoever awaits first."""
        journal = self._require_open()
        waiter: Future[None] = Future()
        with self._group_lock:
            group = self._open_group
            if group is None:
                group = self._open_group = _Group()
                self._executor.submit(self._commit_group, journal, group)
            group.calls.append(call)
            group.waiters.append(waiter)
        return asyncio.wrap_future(waiter)

    async def save_call(self, call: Call) -> None:
        """Insert or update ``call`` (see :meth:`CallJournal.save_call`); committed in a
        group with the calls saved at the same time (see the module doc)."""
        await _finished(self.save_call_soon(call))

    def _commit_group(self, journal: CallJournal, group: _Group) -> None:
        """On the worker: close the group to newcomers, commit it, tell each caller."""
        with self._group_lock:
            if self._open_group is group:
                self._open_group = None
        try:
            refused = journal.save_group(group.calls)
        except Exception as error:  # the transaction failed: none of the calls is stored
            outcomes: list[Exception | None] = [error] * len(group.waiters)
        else:
            outcomes = refused
        for waiter, outcome in zip(group.waiters, outcomes, strict=True):
            if waiter.cancelled():
                continue
            if outcome is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(outcome)

    save_calls = _OnWorker(CallJournal.save_calls)
    save_group = _OnWorker(CallJournal.save_group)
    get_call = _OnWorker(CallJournal.get_call, reads=True)
    find_by_source = _OnWorker(CallJournal.find_by_source, reads=True)
    list_calls = _OnWorker(CallJournal.list_calls, reads=True)
    open_calls = _OnWorker(CallJournal.open_calls, reads=True)
    count_calls = _OnWorker(CallJournal.count_calls, reads=True)
    last_matches_for = _OnWorker(CallJournal.last_matches_for, reads=True)
    history = _OnWorker(CallJournal.history, reads=True)
    enqueue_log = _OnWorker(CallJournal.enqueue_log)
    due_entries = _OnWorker(CallJournal.due_entries, reads=True)
    mark_sending = _OnWorker(CallJournal.mark_sending)
    mark_delivered = _OnWorker(CallJournal.mark_delivered)
    mark_retry = _OnWorker(CallJournal.mark_retry)
    mark_failed = _OnWorker(CallJournal.mark_failed)
    recover_interrupted = _OnWorker(CallJournal.recover_interrupted)
    pending_count = _OnWorker(CallJournal.pending_count, reads=True)
    outbox_entries = _OnWorker(CallJournal.outbox_entries, reads=True)
    get_entry = _OnWorker(CallJournal.get_entry, reads=True)


async def _finished(inner: asyncio.Future[R]) -> R:
    try:
        # shield: cancelling the caller must not cancel a write still in the queue.
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        inner.add_done_callback(_log_orphan_failure)
        raise


def _close_if_opened(opening: Future[CallJournal]) -> None:
    if not opening.cancelled() and opening.exception() is None:
        opening.result().close()


def _log_orphan_failure(future: asyncio.Future[Any]) -> None:
    """The caller was cancelled, so nobody else will see this job's error."""
    if not future.cancelled() and (error := future.exception()) is not None:
        logger.error(
            "journal work finished after its caller was cancelled, and failed", exc_info=error
        )
