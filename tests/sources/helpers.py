"""Test doubles for the call sources: an event sink that records, a journal in memory,
raw HTTP over a socket (for requests no HTTP client would send)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.events import CallEvent
from hubcall_desktop.core.lifecycle import CallLifecycle
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook import WebhookServer

SECRET = Secret("test-secret-0123456789abcdefghijklmnopqrstuvwx")
T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


class RecordingSink:
    """Stands in for the journal: keeps every event it was given, in order."""

    def __init__(self) -> None:
        self.events: list[CallEvent] = []
        self.gate: asyncio.Event | None = None  # when set, each event waits for it
        self.entered = asyncio.Event()
        self.fail: Exception | None = None

    async def __call__(self, event: CallEvent) -> str:
        self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.fail is not None:
            raise self.fail
        self.events.append(event)
        return f"call-{len(self.events)}"


class MemoryJournal:
    """The lifecycle and a dict: what a 202 promises is checkable."""

    def __init__(self, clock: Callable[[], datetime] = lambda: T0) -> None:
        self.lifecycle = CallLifecycle(clock=clock)
        self.calls: dict[str, Call] = {}
        self.changes: list[str] = []  # external ids, in journaling order
        self.seen = asyncio.Event()

    async def __call__(self, event: CallEvent) -> str:
        transition = self.lifecycle.apply(event)
        if transition.changed:
            self.calls[transition.call.external_call_id] = transition.call
            self.changes.append(transition.call.external_call_id)
        self.seen.set()
        return transition.call.external_call_id


async def raw_request(port: int, data: bytes, host: str = "127.0.0.1") -> tuple[int, bytes]:
    """Send bytes as they are, read the whole answer; (status, body)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(data)
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


class ThreadedWebhook:
    """A webhook on its own loop in a thread, for code that runs ``asyncio.run`` itself
    (the command-line handlers)."""

    def __init__(self, secret: Secret = SECRET) -> None:
        self.sink = RecordingSink()  # its Event binds to the server's loop on first wait
        self._secret = secret
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self.server: WebhookServer | None = None

    def __enter__(self) -> ThreadedWebhook:
        self._thread.start()

        async def start() -> WebhookServer:
            server = WebhookServer(self.sink, self._secret, port=0, region="DE")
            await server.start()
            return server

        self.server = asyncio.run_coroutine_threadsafe(start(), self._loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.server is not None

        async def settle() -> None:
            for _ in range(5):
                await asyncio.sleep(0)

        async def stop(server: WebhookServer) -> None:
            # Connections the loop accepted just now (a port probe) must reach the server
            # before it shuts down, and closed ones must finish closing: no socket leaks.
            await settle()
            await server.stop()
            await settle()

        asyncio.run_coroutine_threadsafe(stop(self.server), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
