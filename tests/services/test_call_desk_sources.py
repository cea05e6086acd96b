"""Call sources feeding the desk: the webhook takes events and journals them, the agent gets
hook-ups to copy, a taken port or a missing keyring is reported and nothing else stops."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from hubcall_desktop.core.call import Call, CallSource
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.call_sources import CallSources
from hubcall_desktop.services.demo import demo_settings, demo_token, start_sandbox
from hubcall_desktop.services.runtime import DeskRuntime, open_runtime
from hubcall_desktop.sources.runtime import read_runtime

from .memory_keyring import MemoryKeyring


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def runtime(tmp_path: Path) -> AsyncIterator[DeskRuntime]:
    sandbox = await start_sandbox()
    opened = await open_runtime(
        tmp_path / "journal.sqlite3",
        demo_settings("DE"),
        demo_token(),
        api_base=sandbox.base_url,
        api_version="v3",
    )
    await opened.desk.start()
    yield opened
    await opened.close()
    await sandbox.stop()


async def test_webhook_events_reach_the_journal_and_hookups_are_offered(
    tmp_path: Path, runtime: DeskRuntime
) -> None:
    sources = CallSources(runtime.desk, tmp_path / "running.json")
    store = AsyncSecretStore(SecretStore(backend=MemoryKeyring(), environ={}))
    await sources.start(
        secrets=store,
        webhook=True,
        port=free_port(),
        configured_baresip=[],
        cli_baresip=[],
        region="DE",
    )
    try:
        assert sources.problems == []
        assert runtime.desk.current_status().sources[0].startswith("webhook 127.0.0.1:")
        info = read_runtime(tmp_path / "running.json")
        assert info is not None and info.url == sources.webhook.url  # type: ignore[union-attr]
        hookups = dict(sources.hookups())
        secret = sources.webhook_secret
        assert secret is not None and secret.reveal() in hookups["Ringing (URL)"]
        async with httpx.AsyncClient() as client:
            answer = await client.post(
                f"{sources.webhook.url}/v1/events",  # type: ignore[union-attr]
                json={"event": "ringing", "from": "030 55501234", "call_id": "sip-7"},
                headers={"Authorization": f"Bearer {secret.reveal()}"},
            )
        assert answer.status_code == 202, answer.text
        [call] = await runtime.journal.list_calls()
        assert call.source is CallSource.WEBHOOK and call.source_call_id == "sip-7"
    finally:
        await sources.stop()
    assert not (tmp_path / "running.json").exists()
    assert runtime.desk.current_status().sources == ()


async def test_without_a_keyring_the_webhook_says_why_and_baresip_still_starts(
    tmp_path: Path, runtime: DeskRuntime
) -> None:
    sources = CallSources(runtime.desk, tmp_path / "running.json")
    store = AsyncSecretStore(SecretStore(backend=FailKeyring(), environ={}))
    await sources.start(
        secrets=store,
        webhook=True,
        port=free_port(),
        configured_baresip=[f"127.0.0.1:{free_port()}"],
        cli_baresip=[],
        region="DE",
    )
    try:
        assert sources.webhook is None and sources.hookups() == []
        assert sources.problems and sources.problems[0].startswith("No secure keyring")
        assert sources.baresip is not None
        assert runtime.desk.current_status().sources[0].endswith("(not connected)")
        assert runtime.desk.can_control(Call(source=CallSource.BARESIP))
    finally:
        await sources.stop()


async def test_a_bad_baresip_address_is_reported(tmp_path: Path, runtime: DeskRuntime) -> None:
    sources = CallSources(runtime.desk, tmp_path / "running.json")
    await sources.start(
        secrets=None,
        webhook=False,
        port=1,
        configured_baresip=["not an address"],
        cli_baresip=[],
        region="DE",
    )
    assert sources.baresip is None and len(sources.problems) == 1
    await sources.stop()
