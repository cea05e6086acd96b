"""A real sandbox on a loopback port per test, an httpx client for it, and a clock to move."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer

from .helpers import EXPIRED_TOKEN, PRIVATE_APP_TOKEN, VALID_BODY, FakeClock


@pytest.fixture
def expired_token() -> str:
    """A token the ``sandbox`` fixture treats as expired."""
    return EXPIRED_TOKEN


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_body() -> Callable[..., dict[str, Any]]:
    """A fresh, fully valid inbound-call body; keyword arguments replace top-level fields."""

    def make(**changes: Any) -> dict[str, Any]:
        return {**copy.deepcopy(VALID_BODY), **changes}

    return make


@pytest.fixture
async def sandbox(clock: FakeClock) -> AsyncIterator[SandboxServer]:
    server = SandboxServer(
        expired_tokens=(EXPIRED_TOKEN,), private_app_tokens=(PRIVATE_APP_TOKEN,), clock=clock
    )
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def client(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=sandbox.base_url, headers={"Authorization": f"Bearer {DEMO_TOKEN}"}, timeout=10
    ) as http:
        yield http
