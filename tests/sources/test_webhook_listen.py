"""Binding the webhook's port: a restart right after serving requests binds at once, a port
that frees up while we retry is taken, and only a real listener is blamed."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest

from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer

from .helpers import SECRET, RecordingSink, raw_request

QUICK = WebhookLimits(bind_retry_s=0.3)


def time_wait_count(port: int) -> int:
    """Connections on ``port`` in TIME_WAIT, from /proc (Linux)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as lines:
                next(lines)
                for line in lines:
                    local, state = line.split()[1], line.split()[3]
                    if int(local.rsplit(":", 1)[1], 16) == port and state == "06":
                        count += 1
        except FileNotFoundError:
            continue
    return count


async def test_a_restart_right_after_serving_requests_binds_at_once() -> None:
    first = WebhookServer(RecordingSink(), SECRET, port=0, limits=QUICK)
    await first.start()
    port = first.port
    for i in range(5):  # "Connection: close": the server hangs up first -> its TIME_WAIT
        status, _ = await raw_request(
            port,
            f"GET /v1/events/ringing?token={SECRET.reveal()}&from=1&call_id=r{i} HTTP/1.1\r\n"
            "Host: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
        )
        assert status == 202
    await first.stop()
    assert time_wait_count(port) > 0, "the situation a restart meets: connections closing"
    again = WebhookServer(RecordingSink(), SECRET, port=port, limits=QUICK)
    await again.start()  # the bind itself succeeds; no retry could wait out TIME_WAIT's 60 s
    try:
        assert again.port == port
        assert set(again.bound_hosts) == {"127.0.0.1", "::1"}
    finally:
        await again.stop()


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """Another program listening on a loopback port."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other


async def test_another_program_listening_is_named_after_the_retries(
    listener: socket.socket,
) -> None:
    port = listener.getsockname()[1]
    server = WebhookServer(RecordingSink(), SECRET, port=port, limits=QUICK)
    with pytest.raises(ConfigurationError) as refused:
        await server.start()
    assert f"Another program is listening on port {port}" in refused.value.user_message
    await server.stop()


async def test_a_port_taken_without_a_listener_blames_no_program() -> None:
    with socket.socket() as bound:  # bound but not listening: no program serves there
        bound.bind(("127.0.0.1", 0))
        port = bound.getsockname()[1]
        server = WebhookServer(RecordingSink(), SECRET, port=port, limits=QUICK)
        with pytest.raises(ConfigurationError) as refused:
            await server.start()
    message = refused.value.user_message
    assert str(port) in message and "Another program" not in message
    await server.stop()


async def test_a_port_freed_while_retrying_is_taken(listener: socket.socket) -> None:
    """The previous instance still shutting down: the bind is retried, not given up."""
    port = listener.getsockname()[1]
    server = WebhookServer(RecordingSink(), SECRET, port=port, hosts=("::1", "127.0.0.1"))
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, listener.close)
    await server.start()
    try:
        assert server.port == port
        status, _ = await raw_request(
            port,
            f"GET /v1/events/ringing?token={SECRET.reveal()}&from=1 HTTP/1.1\r\n"
            "Host: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
        )
        assert status == 202
    finally:
        await server.stop()


async def test_a_failed_start_leaves_nothing_bound(listener: socket.socket) -> None:
    """IPv4 taken: whatever the attempt bound (IPv6) is let go again."""
    port = listener.getsockname()[1]
    server = WebhookServer(
        RecordingSink(), SECRET, port=port, hosts=("::1", "127.0.0.1"), limits=QUICK
    )
    with pytest.raises(ConfigurationError):
        await server.start()
    await server.stop()
    with socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::1", port))  # free again
