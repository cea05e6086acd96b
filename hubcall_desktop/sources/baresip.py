"""baresip as a call source: a client for its ``ctrl_tcp`` control socket.

baresip sends call events (``CALL_INCOMING``, ``CALL_ESTABLISHED``, ``CALL_CLOSED``, ...)
and answers commands (``accept``, ``hangup``) with a response carrying the command's
token; responses may arrive after the events they cause, so they are matched by token,
never by order. With auto-answer there is no ``CALL_INCOMING``: the lifecycle takes an
*answered* for an unknown call. The framing and the event mapping are in
:mod:`hubcall_desktop.sources.baresip_wire`.

The client reconnects with backoff when baresip restarts, and reports whether it is
connected (for the status bar).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tenacity import AsyncRetrying, retry_if_exception_type, wait_exponential_jitter

from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.errors import InputError, UserError
from hubcall_desktop.core.events import CallEvent, EventKind
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.phone import DEFAULT_REGION
from hubcall_desktop.sources.baresip_wire import (
    MAX_FRAME_BYTES,
    BaresipEndpoint,
    CommandResult,
    FramingError,
    encode_netstring,
    map_event,
    read_netstring,
)

logger = logging.getLogger(__name__)

# fmt: off
NOT_CONNECTED = Template("baresip.not_connected", "baresip at %1 is not connected.")
NO_ANSWER = Template("baresip.no_answer", "baresip at %1 did not answer.")
DISCONNECTED = Template("baresip.disconnected", "baresip at %1 disconnected.")
GONE_BEFORE_ANSWER = Template("baresip.gone_before_answer", "baresip disconnected before answering.")
# Why a command was not sent: the reply inside baresip.refused's sentence.
NOT_RINGING = Template("baresip.not_ringing", "That call is not ringing on this softphone.")
SEVERAL_RINGING = Template("baresip.several_ringing", "Several calls are ringing; answer in the softphone.")
NOT_OPEN = Template("baresip.not_open", "That call is not open on this softphone.")
SEVERAL_OPEN = Template("baresip.several_open", "Several calls are open; hang up in the softphone.")
# fmt: on


class BaresipUnavailable(UserError):
    """The command could not be delivered: baresip is not connected or did not answer."""


# -- the client --------------------------------------------------------------------------

EventHandler = Callable[[CallEvent], Awaitable[object]]
ConnectionHandler = Callable[[BaresipEndpoint, bool], None]


@dataclass(frozen=True, slots=True)
class Backoff:
    """Reconnect waits: ``initial`` doubling up to ``maximum`` seconds, with jitter."""

    initial: float = 0.2
    maximum: float = 5.0


DEFAULT_BACKOFF = Backoff()


class BaresipClient:
    """One baresip instance. ``run()`` until ``stop()``; events go to ``on_event``."""

    def __init__(
        self,
        endpoint: BaresipEndpoint,
        on_event: EventHandler,
        *,
        on_connection: ConnectionHandler | None = None,
        region: str = DEFAULT_REGION,
        clock: Callable[[], datetime] = utc_now,
        backoff: Backoff = DEFAULT_BACKOFF,
        command_timeout: float = 5.0,
    ) -> None:
        self.endpoint = endpoint
        self._on_event = on_event
        self._on_connection = on_connection
        self._region = region
        self._clock = clock
        self._backoff = backoff
        self._command_timeout = command_timeout
        self._writer: asyncio.StreamWriter | None = None
        self._pending: dict[str, asyncio.Future[CommandResult]] = {}
        self._tokens = itertools.count(1)
        self._calls: dict[str, EventKind] = {}  # open calls: id -> ringing or answered
        self._connected = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    async def wait_connected(self) -> None:
        """Until connected; raises what stopped the client if it stopped for good."""
        task = self._task
        if task is None:
            await self._connected.wait()
            return
        waiter = asyncio.ensure_future(self._connected.wait())
        await asyncio.wait({waiter, task}, return_when=asyncio.FIRST_COMPLETED)
        if not waiter.done():
            waiter.cancel()
            task.result()  # raises its exception, or CancelledError if it was stopped

    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self.run(), name=f"baresip {self.endpoint}")
            self._task.add_done_callback(self._log_end)
        return self._task

    def _log_end(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            logger.error("baresip %s client stopped", self.endpoint, exc_info=task.exception())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run(self) -> None:
        """Connect, read until the connection drops, reconnect; forever."""
        try:
            while True:
                reader, writer = await self._connect()
                try:
                    await self._session(reader, writer)
                finally:
                    self._disconnected(writer)
        finally:
            self._connected.clear()

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        # A fresh retrying per outage, so the wait starts short again after each reconnect.
        retrying = AsyncRetrying(
            wait=wait_exponential_jitter(
                multiplier=self._backoff.initial,
                max=self._backoff.maximum,
                jitter=self._backoff.initial,
            ),
            retry=retry_if_exception_type(OSError),
            before_sleep=self._log_retry,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                reader, writer = await asyncio.open_connection(
                    self.endpoint.host, self.endpoint.port, limit=MAX_FRAME_BYTES + 16
                )
        self._writer = writer
        self._connected.set()
        logger.info("baresip %s connected", self.endpoint)
        self._notify_connection(True)
        return reader, writer

    def _log_retry(self, state: Any) -> None:
        level = logging.WARNING if state.attempt_number == 1 else logging.DEBUG
        logger.log(level, "baresip %s not reachable; retrying", self.endpoint)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                frame = await read_netstring(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                logger.warning("baresip %s closed the connection", self.endpoint)
                return
            except FramingError as exc:
                logger.warning("baresip %s sent garbage (%s); reconnecting", self.endpoint, exc)
                return
            await self._handle_frame(frame)

    def _disconnected(self, writer: asyncio.StreamWriter) -> None:
        self._writer = None
        writer.close()
        for future in self._pending.values():
            if not future.done():
                future.set_exception(BaresipUnavailable(GONE_BEFORE_ANSWER()))
        self._pending.clear()
        self._calls.clear()  # baresip lost its calls; the lifecycle's timeout closes them
        if self._connected.is_set():
            self._connected.clear()
            self._notify_connection(False)

    def _notify_connection(self, connected: bool) -> None:
        if self._on_connection is not None:
            try:
                self._on_connection(self.endpoint, connected)
            except Exception:
                logger.exception("baresip connection callback failed")

    async def _handle_frame(self, frame: bytes) -> None:
        try:
            message = json.loads(frame)
        except ValueError:
            logger.warning("baresip %s sent a frame that is not JSON", self.endpoint)
            return
        if not isinstance(message, dict):
            return
        if message.get("response") is True:
            self._resolve(message)
        elif message.get("event") is True:
            await self._handle_event(message)

    def _resolve(self, message: Mapping[str, Any]) -> None:
        future = self._pending.get(str(message.get("token", "")))
        if future is not None and not future.done():
            future.set_result(CommandResult(bool(message.get("ok")), str(message.get("data", ""))))

    async def _handle_event(self, message: Mapping[str, Any]) -> None:
        try:
            event = map_event(message, self._clock(), self._region)
        except InputError as exc:
            logger.warning("baresip %s: event ignored: %s", self.endpoint, exc.user_message)
            return
        if event is None:
            return
        if event.source_call_id is not None:
            if event.kind is EventKind.ENDED:
                self._calls.pop(event.source_call_id, None)
            else:
                self._calls[event.source_call_id] = event.kind
        try:
            await self._on_event(event)
        except Exception:
            logger.exception("baresip %s: handling a %s event failed", self.endpoint, event.kind)

    # -- commands ------------------------------------------------------------------------

    async def command(self, name: str, params: str = "") -> CommandResult:
        """Send a ctrl_tcp command and wait for its response (matched by token)."""
        writer = self._writer
        if writer is None:
            raise BaresipUnavailable(NOT_CONNECTED(str(self.endpoint)))
        token = f"hubcall-{next(self._tokens)}"
        future: asyncio.Future[CommandResult] = asyncio.get_running_loop().create_future()
        self._pending[token] = future
        payload = json.dumps({"command": name, "params": params, "token": token}).encode()
        try:
            writer.write(encode_netstring(payload))
            await writer.drain()
            return await asyncio.wait_for(future, self._command_timeout)
        except TimeoutError:
            raise BaresipUnavailable(NO_ANSWER(str(self.endpoint))) from None
        except ConnectionError:
            raise BaresipUnavailable(DISCONNECTED(str(self.endpoint))) from None
        finally:
            self._pending.pop(token, None)

    async def accept(self, call_id: str) -> CommandResult:
        """Answer a ringing call. baresip 1.0's ``accept`` takes no call id: it answers
        its current call, so this refuses when more than one call is ringing."""
        ringing = [c for c, kind in self._calls.items() if kind is EventKind.RINGING]
        if call_id not in ringing:
            return CommandResult(False, NOT_RINGING())
        if len(ringing) > 1:
            return CommandResult(False, SEVERAL_RINGING())
        return await self.command("accept")

    async def hangup(self, call_id: str) -> CommandResult:
        """Hang up (or decline, while ringing) a call; refused when several are open,
        since baresip 1.0's ``hangup`` acts on its current call."""
        if call_id not in self._calls:
            return CommandResult(False, NOT_OPEN())
        if len(self._calls) > 1:
            return CommandResult(False, SEVERAL_OPEN())
        return await self.command("hangup")
