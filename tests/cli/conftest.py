"""Run the real ``hubcall-desktop`` command in a subprocess against a sandbox thread."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer, SandboxThread


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
