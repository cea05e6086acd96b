"""A sandbox on its own event loop in a background thread, for synchronous code and subprocesses."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, TypeVar

from hubcall_desktop.sandbox.faults import FaultPlan
from hubcall_desktop.sandbox.recording import RecordedRequest
from hubcall_desktop.sandbox.server import RequestsPredicate, SandboxServer

_T = TypeVar("_T")
_START_SECONDS = 10.0


class SandboxThread:
    """``with SandboxThread() as sandbox: ... sandbox.base_url ...``

    Faults and recorded requests are safe to use from the calling thread; whatever touches
    the server's loop (start, stop, reset, waiting) runs on that loop.
    """

    def __init__(
        self, server: SandboxServer | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.server = server or SandboxServer()
        self._host, self._port = host, port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"SandboxThread({self.server!r})"

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def faults(self) -> FaultPlan:
        return self.server.faults

    @property
    def requests(self) -> tuple[RecordedRequest, ...]:
        return self.server.requests

    def accepted_bodies(self, portal_id: int | None = None) -> list[Any]:
        return self.server.accepted_bodies(portal_id)

    def logged_calls(self, portal_id: int | None = None) -> list[Any]:
        return self.server.logged_calls(portal_id)

    def reset(self) -> None:
        self._run(self._reset())

    def wait_for(
        self, predicate: RequestsPredicate, timeout: float = 5.0
    ) -> tuple[RecordedRequest, ...]:
        """Block until ``predicate(requests)`` holds; ``TimeoutError`` after ``timeout``."""
        return self._run(self._wait_for(predicate, timeout))

    async def _wait_for(
        self, predicate: RequestsPredicate, seconds: float
    ) -> tuple[RecordedRequest, ...]:
        async with asyncio.timeout(seconds):
            return await self.server.wait_for(predicate)

    def start(self) -> str:
        if self._thread is not None:
            raise RuntimeError("the sandbox thread is already running")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(
            target=_run_loop, args=(loop,), name="hubspot-sandbox", daemon=True
        )
        self._loop, self._thread = loop, thread
        thread.start()
        try:
            return self._run(self.server.start(self._host, self._port), _START_SECONDS)
        except BaseException:
            self._halt()
            raise

    def stop(self) -> None:
        if self._thread is None:
            return
        try:
            self._run(self.server.stop(), _START_SECONDS)
        finally:
            self._halt()

    def __enter__(self) -> SandboxThread:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self, coro: Coroutine[Any, Any, _T], timeout: float | None = None) -> _T:
        if self._loop is None:
            coro.close()
            raise RuntimeError("the sandbox thread is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    async def _reset(self) -> None:
        self.server.reset()

    def _halt(self) -> None:
        loop, thread = self._loop, self._thread
        self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()


def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.set_event_loop(loop)
    try:
        loop.run_forever()
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
