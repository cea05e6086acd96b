"""One outbox sender per data dir, across processes: the app, ``sync`` and ``log``.

Whoever sends takes this lock around the whole pass, so an entry is ``sending`` only while
its sender holds the lock. Hence an entry found ``sending`` by someone who holds the lock
was interrupted by a crash and may be recovered; the OS releases the lock when a process
dies, so a crash never leaves it stuck. The lock is an OS file lock (``flock``) on
``outbox.lock`` next to the journal, so two senders in one process exclude each other too.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from filelock import AsyncFileLock, Timeout

from hubcall_desktop.core.errors import StorageError

logger = logging.getLogger(__name__)

__all__ = ["LOCK_NAME", "SenderBusy", "SenderLock"]

LOCK_NAME = "outbox.lock"
POLL_S = 0.05


class SenderBusy(StorageError):
    """Another process holds the sender lock longer than we are willing to wait."""

    def __init__(self) -> None:
        super().__init__(
            "HubCall Desktop (or another 'hubcall-desktop sync') is sending the outbox right "
            "now; it sends what is queued."
        )


class SenderLock:
    """``async with lock.held(wait_s): ...``; :class:`SenderBusy` after ``wait_s`` seconds."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        # Polled on the event loop (a non-blocking flock is one quick syscall), not in an
        # executor thread: no thread to outlive a cancelled wait.
        self._lock = AsyncFileLock(
            str(self.path), thread_local=False, run_in_executor=False, poll_interval=POLL_S
        )

    @classmethod
    def beside(cls, journal_path: Path) -> SenderLock:
        """The lock of the data dir that holds this journal file."""
        return cls(Path(journal_path).parent)

    @asynccontextmanager
    async def held(self, wait_s: float) -> AsyncIterator[None]:
        try:
            await self._lock.acquire(timeout=max(0.0, wait_s))
        except Timeout:
            raise SenderBusy() from None
        try:
            yield
        finally:
            await self._lock.release()
