"""The real app's webhook under abuse, its restart, and a second app on its data folder.

``hubcall-desktop --data-dir DIR`` as an agent runs it (not the demo), HubSpot played by
``hubcall-desktop sandbox``, the token and the webhook secret in the session's keyring,
in the private desktop session (tests/session.sh). Local processes without the secret
hammer the webhook from rotating 127.x addresses and send the secret where it gets
quoted; the softphone's next event must still be taken, and no piece of the secret may
reach the app's stderr. Then the app is stopped and started again at once on the same
port, which it must bind although the last run's connections are in TIME_WAIT; and a
second app on the same folder with another XDG_RUNTIME_DIR must find the first rather
than run beside it. Nothing is timed; the waits are hang guards.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path

import pytest
from soak_driver import COMMAND, START_GUARD_S, App, Sandbox, app_env, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]

STRANGERS = 120


async def send(port: int, data: bytes, source: str = "127.0.0.1") -> int:
    """Bytes as they are, from a loopback address of our choice; the answer's status."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    try:
        writer.write(data)
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 30)
    finally:
        writer.close()
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0


def post(event: dict[str, str], secret: str | None) -> bytes:
    body = json.dumps(event).encode()
    auth = f"Authorization: Bearer {secret}\r\n" if secret else ""
    return (
        "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"{auth}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def get(target: str) -> bytes:
    return f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()


async def abuse(port: int, secret: str) -> list[int]:
    ringing = {"event": "ringing", "from": "+4930123456"}
    statuses = [
        await send(
            port, post({**ringing, "call_id": f"s{i}"}, None), f"127.1.{i // 200}.{1 + i % 200}"
        )
        for i in range(STRANGERS)
    ]
    quoted = [
        get(f"/v1/events/ringing?token={secret}&from=" + "1" * 9000),  # aiohttp quotes it
        get(f"/v1/events/ringing?from={'1' * 49}&token={secret}&x={'1' * 9000}"),
        get(f"/v1/events/ringing?token={secret}&{secret}=1"),  # a field name
        get(f"/v1/{secret}/events"),
    ]
    for data in quoted:
        await send(port, data)
    return statuses


def test_strangers_cannot_starve_the_softphone_nor_read_the_secret_and_a_restart_binds(
    tmp_path: Path,
) -> None:
    env = app_env(tmp_path)
    sandbox = Sandbox.start(env)
    app = App(tmp_path, env)
    try:
        app.configure(sandbox.base_url, free_port(), [])
        app.start()
        url, secret = app.webhook()
        port = app.webhook_port
        statuses = asyncio.run(abuse(port, secret))
        assert set(statuses) == {401, 429}, "strangers are refused, then limited as one"
        softphone = post({"event": "ringing", "from": "+4930123456", "call_id": "real-1"}, secret)
        assert asyncio.run(send(port, softphone)) == 202
        assert ("webhook", "real-1") in {(c["source"], c["call_id"]) for c in app.history()}
        errors = app.stderr()
        assert "refused" in errors or "Error handling request" in errors  # it did log them
        for piece in (secret, secret[:8], secret[8:16], secret[-8:]):
            assert piece not in errors, "a piece of the secret reached stderr"

        assert app.stop() == 0, app.stderr()[-4000:]
        before = len(app.stderr())
        app.start()  # at once: the last run's connections are still in TIME_WAIT
        assert app.webhook() == (url, secret)
        again = post({"event": "ringing", "from": "+4930123456", "call_id": "real-2"}, secret)
        assert asyncio.run(send(port, again)) == 202
        assert "cannot listen" not in app.stderr()[before:]

        other_runtime = tmp_path / "other-runtime"
        other_runtime.mkdir(mode=0o700)
        second = subprocess.run(
            [str(COMMAND), "--data-dir", str(app.data_dir)],
            env={**env, "XDG_RUNTIME_DIR": str(other_runtime)},
            capture_output=True,
            text=True,
            timeout=START_GUARD_S,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert app.alive()
        assert app.stop() == 0, app.stderr()[-4000:]
    finally:
        if app.process is not None and app.alive():
            app.stop()
        sandbox.stop()
