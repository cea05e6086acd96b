"""The webhook holds its port from the start but loads aiohttp only for its first caller:
that caller, and every one queued behind it while aiohttp loads, is answered."""

from __future__ import annotations

import asyncio
import errno
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hubcall_desktop.sources.webhook import WebhookServer

from .helpers import SECRET, RecordingSink, raw_request

REPO = Path(__file__).resolve().parents[2]
GUARD_S = 60  # a hang guard on a loaded machine; nothing is timed


def ringing(call_id: str) -> bytes:
    body = json.dumps({"event": "ringing", "from": "+4930123456", "call_id": call_id}).encode()
    head = (
        "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Authorization: Bearer {SECRET.reveal()}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0


async def test_the_port_is_held_before_any_caller() -> None:
    server = WebhookServer(RecordingSink(), SECRET, port=0)
    await server.start()
    try:
        assert not server.serving
        with socket.socket() as other, pytest.raises(OSError, match="in use") as taken:
            other.bind(("127.0.0.1", server.port))
        assert taken.value.errno == errno.EADDRINUSE
        assert set(server.bound_hosts) == {"127.0.0.1", "::1"}
    finally:
        await server.stop()


async def test_the_very_first_post_is_accepted() -> None:
    sink = RecordingSink()
    server = WebhookServer(sink, SECRET, port=0)
    await server.start()
    try:
        status, body = await raw_request(server.port, ringing("first"))
        assert status == 202, body
        assert json.loads(body)["call_id"] == "call-1"
        assert [e.source_call_id for e in sink.events] == ["first"]
        assert server.serving
    finally:
        await server.stop()


async def test_a_burst_queued_before_the_server_loads_loses_nothing() -> None:
    """Connected and sent while the loop cannot run (so nothing serves yet): every one
    waits in the backlog and is answered once the server takes the sockets over."""
    sink = RecordingSink()
    server = WebhookServer(sink, SECRET, port=0)
    await server.start()
    callers: list[socket.socket] = []
    try:
        for n in range(30):  # no await in this loop: the server cannot have started
            caller = socket.create_connection(("127.0.0.1", server.port), timeout=GUARD_S)
            caller.sendall(ringing(f"burst-{n}"))
            callers.append(caller)
        assert not server.serving
        answers = await asyncio.gather(*(asyncio.to_thread(read_all, c) for c in callers))
        assert [status_of(a) for a in answers] == [202] * 30
        assert sorted(str(e.source_call_id) for e in sink.events) == sorted(
            f"burst-{n}" for n in range(30)
        )
    finally:
        for caller in callers:
            caller.close()
        await server.stop()


def read_all(caller: socket.socket) -> bytes:
    answer = b""
    while chunk := caller.recv(65536):
        answer += chunk
    return answer


async def test_stopping_before_any_caller_frees_the_port() -> None:
    server = WebhookServer(RecordingSink(), SECRET, port=0, hosts=("127.0.0.1",))
    await server.start()
    port = server.port
    await server.stop()
    assert not server.serving
    with socket.socket() as other:
        other.bind(("127.0.0.1", port))  # free again


PROBE = """
import asyncio, json, sys
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook import WebhookServer
from tests.sources.helpers import RecordingSink, raw_request
from tests.sources.test_webhook_first_caller import SECRET, ringing

async def main():
    server = WebhookServer(RecordingSink(), SECRET, port=0)
    await server.start()
    before = sorted(m for m in sys.modules if m.split(".")[0] == "aiohttp")
    status, _ = await raw_request(server.port, ringing("lazy"))
    after = "aiohttp.web" in sys.modules
    await server.stop()
    print(json.dumps({"before": before, "status": status, "after": after}))

asyncio.run(main())
"""


def test_aiohttp_is_loaded_by_the_first_caller_not_by_start() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=GUARD_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen == {"before": [], "status": 202, "after": True}
