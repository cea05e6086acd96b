"""Binding the webhook's port the way servers do, and saying honestly why it failed.

``SO_REUSEADDR`` (never ``SO_REUSEPORT``): on Unix it lets a restarted app bind while the
last run's connections sit in TIME_WAIT, and still refuses the port while any socket
listens on it. What remains is a port someone holds: the bind is retried with backoff for
a bounded time (the previous instance may still be shutting down), and only then refused,
blaming another program only when one is actually listening there.

The sockets are plain ``socket`` objects, bound and listening before any HTTP code is
loaded: the port is the app's from the start, and connections wait in the kernel's
backlog until the server takes them over (:mod:`hubcall_desktop.sources.webhook`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import sys
from collections.abc import Sequence

from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_delay,
    wait_exponential,
)

from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.core.messages import Template

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 0.5
BACKLOG = 128  # asyncio's and aiohttp's own default: a burst waits here while we load
_REUSE_ADDRESS = sys.platform != "win32"  # on Windows SO_REUSEADDR means what REUSEPORT does


def _in_use(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE


async def listen(
    hosts: Sequence[str], port: int, *, retry_s: float
) -> tuple[list[socket.socket], list[str], int]:
    """Bind and listen on ``port`` for each host (0: a free one, shared by all hosts).

    Returns the listening sockets, the hosts bound and the port. Raises
    ConfigurationError with a sentence the agent can act on once the port stayed taken
    for ``retry_s`` seconds."""
    try:
        async for attempt in AsyncRetrying(
            retry=retry_if_exception(_in_use),
            stop=stop_after_delay(retry_s),
            wait=wait_exponential(multiplier=0.05, max=1.0),
            before_sleep=lambda state: logger.info(
                "webhook: port %d is taken; trying again (attempt %d)",
                port,
                state.attempt_number,
            ),
            reraise=True,
        ):
            with attempt:
                return _bind_all(hosts, port)
    except OSError as exc:
        raise await _explain(exc, hosts, port, retry_s) from None
    raise AssertionError("unreachable: tenacity either returned or raised")  # pragma: no cover


def _bind_all(hosts: Sequence[str], port: int) -> tuple[list[socket.socket], list[str], int]:
    sockets: list[socket.socket] = []
    bound: list[str] = []
    try:
        for host in hosts:
            try:
                sock = _bind(host, port)
            except OSError as exc:
                if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) and bound:
                    # IPv6 switched off on this machine: IPv4 is enough.
                    logger.warning("webhook: cannot listen on %s: %s", host, exc.strerror)
                    continue
                raise
            sockets.append(sock)
            bound.append(host)
            if port == 0:  # the first socket picked a free port; the others share it
                port = int(sock.getsockname()[1])
    except OSError:
        for sock in sockets:  # all hosts or none: the next attempt starts afresh
            sock.close()
        raise
    return sockets, bound, port


def _bind(host: str, port: int) -> socket.socket:
    """One listening, non-blocking socket, set up as asyncio's ``create_server`` does."""
    family, kind, proto, _name, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if _REUSE_ADDRESS:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:  # ::1 only, never the IPv4 side as well
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


# fmt: off
PORT_TAKEN = Template("webhook.port_taken", "Another program is listening on port %1 (%2); the webhook cannot use it. Close that program or choose another port in Settings.")
CANNOT_LISTEN = Template("webhook.cannot_listen", "The webhook cannot listen on port %1 (%2); choose another port in Settings.")
# fmt: on


async def _explain(exc: OSError, hosts: Sequence[str], port: int, retry_s: float) -> Exception:
    if exc.errno == errno.EADDRINUSE:
        for host in hosts:
            if await _someone_listens(host, port):
                return ConfigurationError(PORT_TAKEN(port, host))
    logger.info("webhook: port %d still unusable after %g s of retrying", port, retry_s)
    return ConfigurationError(CANNOT_LISTEN(port, str(exc.strerror or exc)))


async def _someone_listens(host: str, port: int) -> bool:
    try:
        _reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port), PROBE_TIMEOUT_S
        )
    except (OSError, TimeoutError):
        return False
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return True
