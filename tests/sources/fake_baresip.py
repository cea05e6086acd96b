"""A stand-in for baresip's ctrl_tcp socket: netstring JSON both ways, on loopback.

It records the commands it receives and answers them as the test says (or not at all),
sends events when told, and can drop the connection or go away and come back on the same
port, as a restarting baresip does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

from hubcall_desktop.sources.baresip_wire import BaresipEndpoint, encode_netstring, read_netstring

AOR = "sip:1001@127.0.0.1:5080"


def call_event(
    kind: str, call_id: str, caller: str = "+4930123456", **extra: Any
) -> dict[str, Any]:
    peer = f"sip:{caller}@127.0.0.1:5070"
    return {
        "event": True,
        "type": kind,
        "class": "call",
        "accountaor": AOR,
        "direction": "incoming",
        "peeruri": peer,
        "peerdisplayname": caller,
        "id": call_id,
        "param": peer,
        **extra,
    }


class FakeBaresip:
    def __init__(self) -> None:
        self.commands: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.auto_answer = True  # answer every command with ok at once
        self.connections = 0
        self.connected = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._writer: asyncio.StreamWriter | None = None
        self.port = 0

    @property
    def endpoint(self) -> BaresipEndpoint:
        return BaresipEndpoint("127.0.0.1", self.port)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Go away, as baresip does on quit: close the listener and the connection."""
        self.drop()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def drop(self) -> None:
        self.connected.clear()
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writer = writer
        self.connections += 1
        self.connected.set()
        try:
            with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
                while True:
                    command = json.loads(await read_netstring(reader))
                    await self.commands.put(command)
                    if self.auto_answer:
                        await self.respond(command["token"], True, f"did {command['command']}")
        finally:
            writer.close()

    async def send(self, message: dict[str, Any]) -> None:
        await self.send_raw(encode_netstring(json.dumps(message).encode()))

    async def send_raw(self, data: bytes) -> None:
        assert self._writer is not None, "no client connected"
        self._writer.write(data)
        await self._writer.drain()

    async def respond(self, token: str, ok: bool, data: str = "") -> None:
        await self.send({"response": True, "ok": ok, "data": data, "token": token})
