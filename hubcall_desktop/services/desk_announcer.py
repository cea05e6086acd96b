"""The desk's announcements of committed events: in commit order, after a burst is answered.

Each event a source reports is answered (202) once the journal committed it; telling the
windows about it (the history, the tray, the caller lookup it starts) is work for the
same event loop. When many calls ring at once, doing that work between the answers would
make the last caller's source wait for the first callers' windows. So announcements
queue while events are being accepted and run once none is, or once the oldest has
waited ``max_defer_s`` (the windows never fall further behind than that). One worker runs
them one at a time, in the order the events were committed, so the windows hear of each
call's changes in order.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Generic, TypeVar

from hubcall_desktop.services.tasks import BackgroundTasks

logger = logging.getLogger(__name__)

T = TypeVar("T")

MAX_DEFER_S = 0.5  # the longest the windows wait for a burst to be answered


class Announcer(Generic[T]):
    """Queues items for ``announce`` and runs them in order, deferred while events are
    being accepted (see the module doc)."""

    def __init__(
        self,
        announce: Callable[[T], Awaitable[None]],
        tasks: BackgroundTasks,
        *,
        max_defer_s: float = MAX_DEFER_S,
    ) -> None:
        self._announce = announce
        self._tasks = tasks
        self._max_defer_s = max_defer_s
        self._queue: deque[tuple[float, T]] = deque()  # (when queued, item)
        self._accepting = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._worker: asyncio.Task[None] | None = None

    @contextmanager
    def accepting(self) -> Iterator[None]:
        """While an event is being accepted (until its source's answer is decided)."""
        self._accepting += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._accepting -= 1
            if not self._accepting:
                self._idle.set()

    def put(self, item: T) -> None:
        self._queue.append((asyncio.get_running_loop().time(), item))
        if self._worker is None or self._worker.done():
            self._worker = self._tasks.start(self._drain(), "announcements")

    @property
    def waiting(self) -> int:
        return len(self._queue)

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        while self._queue:
            queued_at, item = self._queue[0]
            left = queued_at + self._max_defer_s - loop.time()
            if left > 0 and not self._idle.is_set():
                with suppress(TimeoutError):
                    async with asyncio.timeout(left):
                        await self._idle.wait()
            self._queue.popleft()
            try:
                await self._announce(item)
            except Exception:  # one failed announcement must not stop the others
                logger.exception("announcing a committed call event failed")
