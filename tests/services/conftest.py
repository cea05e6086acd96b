"""Fixtures the desk's tests share: the HubSpot sandbox on loopback, accepting the demo token."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.demo import start_sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = await start_sandbox()
    yield server
    await server.stop()
