"""Sign-in ports for tests: a free loopback port, registered with the sandbox's OAuth app.

The app's redirect is fixed (``http://localhost:PORT/oauth-callback``) and the sandbox,
like HubSpot, accepts only the redirect URLs registered for its app. Tests must not use
the default port (another test run or a real app may hold it), so each picks a free one
and registers its URL, the way a developer registers theirs in the HubSpot app.
"""

from __future__ import annotations

import contextlib
import errno
import socket
from collections.abc import Iterator

import httpx

from hubcall_desktop.core.oauth import redirect_uri

ADMIN_PATH = "/_sandbox/oauth"


def free_port() -> int:
    """A port free on 127.0.0.1 (and on ::1 where the system has IPv6) right now."""
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if _free_on_ipv6(port):
            return port
    raise RuntimeError("no port is free on both loopback addresses")


def _free_on_ipv6(port: int) -> bool:
    try:
        probe = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    except OSError:  # no IPv6 here: 127.0.0.1 is all localhost means
        return True
    with probe:
        try:
            probe.bind(("::1", port))
        except OSError as exc:
            return exc.errno != errno.EADDRINUSE  # EADDRNOTAVAIL: no IPv6 loopback
        return True


async def register_port(base_url: str, port: int | None = None) -> int:
    """Register ``http://localhost:PORT/oauth-callback`` (a free port unless given) as the
    sandbox app's only redirect URL; returns the port."""
    chosen = port or free_port()
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
        answer = await http.post(ADMIN_PATH, json={"redirect_uris": [redirect_uri(chosen)]})
    answer.raise_for_status()
    return chosen


def register_port_sync(base_url: str, port: int | None = None) -> int:
    """:func:`register_port` for a sandbox running in its own thread or process."""
    chosen = port or free_port()
    answer = httpx.post(
        base_url + ADMIN_PATH, json={"redirect_uris": [redirect_uri(chosen)]}, timeout=10
    )
    answer.raise_for_status()
    return chosen


@contextlib.contextmanager
def held_port(host: str = "127.0.0.1") -> Iterator[socket.socket]:
    """Another program listening on a free port of ``host``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as other:
        other.bind((host, 0))
        other.listen()
        yield other
