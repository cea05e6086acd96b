"""Fixtures the desk's tests share: the HubSpot sandbox on loopback, accepting the demo token,
and the desk over a fresh journal and that sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.demo import start_sandbox
from hubcall_desktop.services.runtime import DeskRuntime

from .desk_parts import open_demo_runtime


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = await start_sandbox()
    yield server
    await server.stop()


@pytest.fixture
async def runtime(tmp_path: Path, sandbox: SandboxServer) -> AsyncIterator[DeskRuntime]:
    """The desk over a fresh journal and the sandbox (a module may override it)."""
    opened = await open_demo_runtime(tmp_path, sandbox.base_url)
    yield opened
    await opened.close()
