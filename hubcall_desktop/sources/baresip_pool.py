"""Several baresip instances at once, seen by the app as one source it can control.

The pool starts a :class:`BaresipClient` per endpoint, reports which are connected (for
the status bar), and answers or hangs up a call on the client that announced it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from hubcall_desktop.core.call import Call, utc_now
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import CallEvent, EventKind
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.phone import DEFAULT_REGION
from hubcall_desktop.sources.baresip import (
    DEFAULT_BACKOFF,
    Backoff,
    BaresipClient,
    BaresipUnavailable,
    EventHandler,
)
from hubcall_desktop.sources.baresip_wire import BaresipEndpoint, CommandResult

logger = logging.getLogger(__name__)

ConnectionsHandler = Callable[[dict[BaresipEndpoint, bool]], None]


class BaresipPool:
    """All configured baresip endpoints; a ``CallControl`` for the call desk."""

    def __init__(
        self,
        endpoints: Iterable[BaresipEndpoint],
        on_event: EventHandler,
        *,
        on_connections: ConnectionsHandler | None = None,
        region: str = DEFAULT_REGION,
        clock: Callable[[], datetime] = utc_now,
        backoff: Backoff = DEFAULT_BACKOFF,
    ) -> None:
        self._on_event = on_event
        self._on_connections = on_connections
        self._owner: dict[str, BaresipClient] = {}  # source call id -> client that announced it
        self.clients = [
            BaresipClient(
                endpoint,
                self._handler_for(endpoint),
                on_connection=self._connection_changed,
                region=region,
                clock=clock,
                backoff=backoff,
            )
            for endpoint in dict.fromkeys(endpoints)
        ]
        self._by_endpoint = {c.endpoint: c for c in self.clients}

    def connections(self) -> dict[BaresipEndpoint, bool]:
        return {c.endpoint: c.connected for c in self.clients}

    def start(self) -> None:
        for client in self.clients:
            client.start()

    async def stop(self) -> None:
        await asyncio.gather(*(c.stop() for c in self.clients))

    # -- CallControl -----------------------------------------------------------------------

    async def answer(self, call: Call) -> None:
        client = self._client_for(call)
        _raise_unless_ok(await client.accept(call.source_call_id or ""), "answer")

    async def hangup(self, call: Call) -> None:
        client = self._client_for(call)
        _raise_unless_ok(await client.hangup(call.source_call_id or ""), "hang up")

    def _client_for(self, call: Call) -> BaresipClient:
        client = self._owner.get(call.source_call_id or "")
        if client is None:
            raise BaresipUnavailable(NOT_ON_BARESIP())
        return client

    # -- plumbing --------------------------------------------------------------------------

    def _handler_for(self, endpoint: BaresipEndpoint) -> EventHandler:
        async def handle(event: CallEvent) -> object:
            if event.source_call_id is not None:
                if event.kind is EventKind.ENDED:
                    self._owner.pop(event.source_call_id, None)
                else:
                    self._owner[event.source_call_id] = self._by_endpoint[endpoint]
            return await self._on_event(event)

        return handle

    def _connection_changed(self, endpoint: BaresipEndpoint, connected: bool) -> None:
        if not connected:
            for call_id, client in list(self._owner.items()):
                if client.endpoint == endpoint:
                    del self._owner[call_id]
        if self._on_connections is not None:
            self._on_connections(self.connections())


NOT_ON_BARESIP = Template("baresip.not_on_baresip", "This call is not open on a connected baresip.")
# %1 is "answer" or "hang up"; %2 baresip's own words, or our sentence (baresip.py)
REFUSED = Template("baresip.refused", "Could not %1 the call in baresip: %2")


def _raise_unless_ok(result: CommandResult, what: str) -> None:
    if not result.ok:
        reply = result.data.strip()
        # Our own sentence keeps its id (stripping would make plain text of it).
        raise UserError(REFUSED(what, result.data if reply == result.data else reply))
