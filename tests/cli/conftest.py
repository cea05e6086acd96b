"""Run the real ``hubcall-desktop`` command in a subprocess against a sandbox thread; for
the tests that keep secrets, the real Secret Service of the test session and an OAuth login
whose browser step the test plays itself."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from hubcall_desktop import APP_NAME
from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer, SandboxThread
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, consent_without_browser
from tests.oauth_redirect import register_port_sync


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(SandboxServer(expired_tokens=("expired-token",))) as thread:
        yield thread


@pytest.fixture
def cli_env(tmp_path: Path, sandbox: SandboxThread) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBCALL_")}
    env.update(
        HUBCALL_DATA_DIR=str(tmp_path / "data"),
        HUBCALL_API_BASE=sandbox.base_url,
        HUBCALL_ACCESS_TOKEN=DEMO_TOKEN,
        HUBCALL_REGION="DE",
    )
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "hubcall_desktop", *args]


@pytest.fixture
def run(cli_env: dict[str, str]) -> Any:
    def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
        done = subprocess.run(
            command(*args),
            env=env or cli_env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def oauth_env(cli_env: dict[str, str]) -> dict[str, str]:
    """No token in the environment: the connection comes from the keyring."""
    env = dict(cli_env)
    env.pop("HUBCALL_ACCESS_TOKEN")
    return env


@pytest.fixture
def keyring_entries(real_session: object) -> Iterator[None]:
    """The CLI uses the app's own service name: clear it before and after."""
    subprocess.run(["secret-tool", "clear", "service", APP_NAME], check=False, timeout=20)
    yield
    subprocess.run(["secret-tool", "clear", "service", APP_NAME], check=False, timeout=20)


def keyring_value(entry: str) -> str:
    """What the Secret Service holds under ``entry`` ("" when nothing)."""
    done = subprocess.run(
        ["secret-tool", "lookup", "service", APP_NAME, "username", entry],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    return done.stdout.strip()


def login(env: dict[str, str], *extra: str) -> tuple[int, str, str, str]:
    """Run ``auth login --no-browser`` on a free sign-in port the sandbox app registered,
    follow the printed address like a browser would. Returns exit code, stdout, stderr and
    the process's command line as ``ps`` saw it."""
    port = register_port_sync(env["HUBCALL_API_BASE"])
    args = ("--no-browser", "--client-id", SANDBOX_CLIENT_ID, "--redirect-port", str(port))
    process = subprocess.Popen(
        command("auth", "login", *args, *extra),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("http"):
                break
        cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        asyncio.run(consent_without_browser(lines[-1].strip()))
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, "".join(lines) + out, err, cmdline


def oauth_counts(sandbox: SandboxThread) -> Any:
    return httpx.get(sandbox.base_url + "/_sandbox/oauth", timeout=10).json()
