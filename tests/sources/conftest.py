"""A webhook on a free loopback port per test, with a recording sink and a client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer

from .helpers import SECRET, RecordingSink


class RateClock:
    """The rate limiter's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def private_runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A runtime folder of the test's own: a demo the developer runs is never found, and
    the demo files the tests write go nowhere else."""
    folder = tmp_path / "xdg-runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def sink() -> RecordingSink:
    return RecordingSink()


@pytest.fixture
def rate_clock() -> RateClock:
    return RateClock()


@pytest.fixture
def limits() -> WebhookLimits:
    return WebhookLimits()


@pytest.fixture
async def server(
    sink: RecordingSink, rate_clock: RateClock, limits: WebhookLimits
) -> AsyncIterator[WebhookServer]:
    webhook = WebhookServer(sink, SECRET, port=0, region="DE", limits=limits, rate_clock=rate_clock)
    await webhook.start()
    yield webhook
    await webhook.stop()


@pytest.fixture
async def client(server: WebhookServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.url, trust_env=False, timeout=10) as http:
        yield http


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {SECRET.reveal()}"}
