"""The installed app as an agent runs it, for end-to-end tests in the private desktop
session: its own data folder, HubSpot played by the sandbox, the webhook secret in the
session's keyring, calls reported through the loopback webhook.

Test modules import the fixtures they use (``sandbox``, ``start_app``) from here.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer, SandboxThread

HUBCALL = str(Path(sys.executable).with_name("hubcall-desktop"))
START_TIMEOUT_S = 60  # a loaded CI machine: the app, its keyring read, the webhook
STOP_TIMEOUT_S = 45
CALLS = 12


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(SandboxServer()) as thread:
        yield thread


@dataclass
class Served:
    """What the webhook accepted: the last event of each call, by the app's call id."""

    last_event: dict[str, str] = field(default_factory=dict)


class RunningApp:
    def __init__(self, command: list[str], env: dict[str, str], data: Path) -> None:
        self.env, self.data = env, data
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [HUBCALL, *args], env=self.env, capture_output=True, text=True, timeout=60, check=False
        )

    def webhook(self) -> tuple[str, str]:
        """(URL, secret) once the app listens, as `hubcall-desktop webhook info` tells."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.communicate()[1]
            info = self.cli("webhook", "info", "--json")
            if info.returncode == 0:
                doc = json.loads(info.stdout)
                return str(doc["url"]), str(doc["secret"])
            time.sleep(0.2)
        raise AssertionError("the app's webhook did not come up")

    def post_event(self, body: dict[str, Any]) -> httpx.Response:
        url, secret = self.webhook()
        headers = {"Authorization": f"Bearer {secret}"}
        return httpx.post(f"{url}/v1/events", json=body, headers=headers, timeout=30)

    def serve_calls(self, count: int = CALLS) -> Served:
        """Ring ``count`` calls; answer every other one; end all but the last two (left
        ringing or talking when the app stops)."""
        url, secret = self.webhook()
        served = Served()
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {secret}"}) as http:
            for n in range(count):
                events = ["ringing"] + (["answered"] if n % 2 else [])
                events += ["ended"] if n < count - 2 else []
                for kind in events:
                    body = {"event": kind, "call_id": f"shutdown-{n}", "from": f"+4930555{n:04d}"}
                    answer = http.post("/v1/events", json=body)
                    assert answer.status_code == 202, answer.text
                    served.last_event[answer.json()["call_id"]] = kind
        return served

    def stopped(self) -> tuple[int, str]:
        try:
            _, errors = self.process.communicate(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
            pytest.fail(f"the app did not stop within {STOP_TIMEOUT_S} s; stderr: {errors}")
        return self.process.returncode, errors

    def check_journal(self, served: Served) -> None:
        """Closed (no write-ahead log left) and holding every accepted event."""
        journal = self.data / "journal.sqlite3"
        assert journal.exists()
        wal = journal.with_name(journal.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the journal was not closed"
        history = self.cli("history", "--json", "--limit", "1000")
        assert history.returncode == 0, history.stderr
        calls = {c["externalCallId"]: c for c in json.loads(history.stdout)["calls"]}
        assert set(served.last_event) <= set(calls)
        for call_id, kind in served.last_event.items():
            call = calls[call_id]
            if kind == "ended":
                assert call["endedAt"] is not None, call
            if kind == "answered":
                assert call["answeredAt"] is not None, call


StartApp = Callable[..., "RunningApp"]


@pytest.fixture
def start_app(
    tmp_path: Path, sandbox: SandboxThread, real_display: dict[str, str]
) -> Iterator[StartApp]:
    """Starts the app on a display (the session's by default); kills what is left."""
    started: list[RunningApp] = []

    def start(display: str | None = None, command: list[str] | None = None) -> RunningApp:
        data = tmp_path / "data"
        data.mkdir()
        (data / "settings.json").write_text(
            json.dumps({"webhook_port": _free_port(), "region": "DE"}), encoding="utf-8"
        )
        env = {k: v for k, v in real_display.items() if not k.startswith("HUBCALL_")}
        env.update(
            HUBCALL_DATA_DIR=str(data),
            HUBCALL_API_BASE=sandbox.base_url,
            HUBCALL_ACCESS_TOKEN=DEMO_TOKEN,
        )
        if display is not None:
            env["DISPLAY"] = display
        app = RunningApp(command or [HUBCALL], env, data)
        started.append(app)
        return app

    yield start
    for app in started:
        if app.process.poll() is None:
            app.process.kill()
            app.process.communicate()
