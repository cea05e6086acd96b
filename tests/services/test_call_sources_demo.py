"""The demo listens too: on the usual port, else on a free one, with a secret of its own
(never the keyring's); and every app says in its runtime file whether its webhook is on."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
from keyring.backends.fail import Keyring as FailKeyring

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.call_sources import CallSources
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.sources.runtime import read_runtime, runtime_info, write_runtime

from .memory_keyring import MemoryKeyring
from .test_call_desk_sources import free_port, runtime

__all__ = ["runtime"]  # the fixture, shared with the desk's sources tests


async def start_demo(sources: CallSources, port: int) -> None:
    await sources.start(
        secrets=None,  # demo mode has no keyring store: it must not need one
        webhook=True,
        port=port,
        configured_baresip=[],
        cli_baresip=[],
        region="DE",
        demo=True,
    )


async def post(url: str, secret: str, call_id: str) -> httpx.Response:
    async with httpx.AsyncClient(trust_env=False) as client:
        return await client.post(
            f"{url}/v1/events",
            json={"event": "ringing", "from": "030 55501234", "call_id": call_id},
            headers={"Authorization": f"Bearer {secret}"},
        )


async def ring(url: str, secret: str, call_id: str) -> int:
    return (await post(url, secret, call_id)).status_code


def test_the_demo_settings_turn_the_webhook_on() -> None:
    assert demo_settings("DE").webhook_enabled


async def test_the_demo_listens_on_the_usual_port_with_its_own_secret(
    tmp_path: Path, runtime: DeskRuntime
) -> None:
    port, demo_file = free_port(), tmp_path / "demo.json"
    sources = CallSources(runtime.desk, demo_file)
    await start_demo(sources, port)
    try:
        assert sources.webhook is not None and sources.webhook.port == port
        assert sources.problems == []
        info = read_runtime(demo_file)
        assert info is not None and info.demo and info.url == sources.webhook.url
        assert info.secret is not None and info.secret == sources.webhook_secret
        assert await ring(info.url, info.secret.reveal(), "demo-1") == 202
        [call] = await runtime.journal.list_calls()
        assert call.source is CallSource.WEBHOOK and call.source_call_id == "demo-1"
        commands = [text for title, text in sources.hookups() if "(command)" in title]
        assert commands and all(t.startswith("hubcall-desktop --demo notify ") for t in commands)
        # A softphone set up for the real app, reaching the demo on the usual port:
        wrong = await post(info.url, "the-real-apps-secret", "real-1")
        assert wrong.status_code == 401
        assert wrong.json()["error"] == (
            "the webhook secret is wrong; this is the HubCall Desktop demo, with a secret of "
            "its own: hubcall-desktop --demo webhook info prints it"
        )
    finally:
        await sources.stop()
    assert not demo_file.exists()


async def test_a_taken_port_moves_the_demo_to_a_free_one(
    tmp_path: Path, runtime: DeskRuntime
) -> None:
    demo_file = tmp_path / "demo.json"
    with socket.socket() as taken:  # the real app, say
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        sources = CallSources(runtime.desk, demo_file)
        await start_demo(sources, port)
        try:
            assert sources.webhook is not None and sources.webhook.port not in (port, 0)
            assert sources.problems == []  # not a problem: the window says where it went
            info = read_runtime(demo_file)
            assert info is not None and info.port == sources.webhook.port
            assert info.secret is not None
            assert await ring(info.url, info.secret.reveal(), "demo-2") == 202
            status = runtime.desk.current_status().sources
            assert status == (f"webhook 127.0.0.1:{sources.webhook.port}",)
        finally:
            await sources.stop()


async def test_an_app_with_its_webhook_off_still_says_it_runs(
    tmp_path: Path, runtime: DeskRuntime
) -> None:
    running = tmp_path / "running.json"
    sources = CallSources(runtime.desk, running)
    store = AsyncSecretStore(SecretStore(backend=FailKeyring(), environ={}))
    await sources.start(
        secrets=store, webhook=False, port=0, configured_baresip=[], cli_baresip=[], region="DE"
    )
    info = read_runtime(running)
    assert info is not None and not info.listening and info.webhook_problem == ""
    await sources.stop()
    assert not running.exists()

    failing = CallSources(runtime.desk, running)
    await failing.start(
        secrets=store, webhook=True, port=0, configured_baresip=[], cli_baresip=[], region="DE"
    )
    info = read_runtime(running)
    assert info is not None and not info.listening and info.secret is None
    assert info.webhook_problem == failing.problems[0]
    assert info.webhook_problem.startswith("No secure keyring")
    await failing.stop()


async def test_the_real_app_names_the_demo_that_holds_its_port(
    tmp_path: Path, runtime: DeskRuntime
) -> None:
    demo_file, running = tmp_path / "demo.json", tmp_path / "running.json"
    with socket.socket() as demo:  # what a demo started first listens on
        demo.bind(("127.0.0.1", 0))
        demo.listen()
        port = int(demo.getsockname()[1])
        url = f"http://127.0.0.1:{port}"
        write_runtime(demo_file, runtime_info(url, port, demo=True))
        sources = CallSources(runtime.desk, running, demo_file=demo_file)
        store = AsyncSecretStore(SecretStore(backend=MemoryKeyring(), environ={}))
        await sources.start(  # the taken port is retried for a few seconds first
            secrets=store,
            webhook=True,
            port=port,
            configured_baresip=[],
            cli_baresip=[],
            region="DE",
        )
        try:
            expected = (
                f"The HubCall Desktop demo holds port {port}, so the webhook is off; quit the "
                "demo, then restart HubCall Desktop."
            )
            assert sources.webhook is None and sources.problems == [expected]
            info = read_runtime(running)
            assert info is not None and info.webhook_problem == expected
        finally:
            await sources.stop()
