"""One outbox sender per data dir, across processes: the app, ``sync`` and ``log``.

Whoever sends takes this lock around the whole pass, so an entry is ``sending`` only while
its sender holds the lock. Hence an entry found ``sending`` by someone who holds the lock
was interrupted by a crash and may be recovered; the OS releases the lock when a process
dies, so a crash never leaves it stuck. The lock is an OS file lock (``flock``) on
``outbox.lock`` next to the journal, so two senders in one process exclude each other too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

# portalocker, not filelock: the log file's handler loads it anyway, and filelock 4 brings
# some 30 modules (about 2 MiB) for what is one non-blocking flock here.
import portalocker

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.messages import Template

logger = logging.getLogger(__name__)

__all__ = ["LOCK_NAME", "SenderBusy", "SenderLock"]

LOCK_NAME = "outbox.lock"
POLL_S = 0.05
_EXCLUSIVE_NOW = portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING


# fmt: off
BUSY = Template("outbox.sender_busy", "HubCall Desktop (or another 'hubcall-desktop sync') is sending the outbox right now; it sends what is queued.")
# fmt: on


class SenderBusy(StorageError):
    """Another process holds the sender lock longer than we are willing to wait."""

    def __init__(self) -> None:
        super().__init__(BUSY())


class SenderLock:
    """``async with lock.held(wait_s): ...``; :class:`SenderBusy` after ``wait_s`` seconds."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME

    @classmethod
    def beside(cls, journal_path: Path) -> SenderLock:
        """The lock of the data dir that holds this journal file."""
        return cls(Path(journal_path).parent)

    @asynccontextmanager
    async def held(self, wait_s: float) -> AsyncIterator[None]:
        # Polled on the event loop (a non-blocking flock is one quick syscall), not in an
        # executor thread: no thread to outlive a cancelled wait. Each hold opens the file
        # anew, so two holders in one process exclude each other too.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, wait_s)
        # Opening a small local file is one quick syscall too, like the flock.
        with open(self.path, "a") as handle:  # noqa: ASYNC230
            while True:
                try:
                    portalocker.lock(handle, _EXCLUSIVE_NOW)
                    break
                except portalocker.LockException:
                    if loop.time() >= deadline:
                        raise SenderBusy() from None
                    await asyncio.sleep(POLL_S)
            try:
                yield
            finally:
                portalocker.unlock(handle)
