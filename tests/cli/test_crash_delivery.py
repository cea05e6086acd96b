"""SIGKILL in the middle of sending, then restart: the call reaches HubSpot exactly once,
except in the one window the README documents (HubSpot accepted, the journal had not yet
recorded it), which the second test shows."""

from __future__ import annotations

import os
import signal
import subprocess
from typing import Any

from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, Fault, SandboxThread

from .conftest import command

LOG = [
    "log",
    "--from",
    "+493055501234",
    "--to",
    DEMO_AGENT_NUMBER,
    "--status",
    "COMPLETED",
    "--call-id",
    "crash-1",
]


def _kill_while_sending(cli_env: dict[str, str], sandbox: SandboxThread) -> None:
    proc = subprocess.Popen(
        command(*LOG), env=cli_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        sandbox.wait_for(lambda requests: any(r.is_inbound_call for r in requests), timeout=30)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def test_killed_before_hubspot_accepted_is_sent_once_after_restart(
    run: Any, cli_env: dict[str, str], sandbox: SandboxThread
) -> None:
    sandbox.faults.add(Fault.latency_before(30))
    _kill_while_sending(cli_env, sandbox)
    sandbox.wait_for(lambda requests: requests[0].outcome != "in_progress", timeout=10)
    assert sandbox.logged_calls() == []
    (call,) = run("history", "--json").json()["calls"]
    assert call["syncState"] == "sending"  # committed before the request went out

    sandbox.faults.clear()
    synced = run("sync", "--json")
    assert synced.code == 0, synced.err
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["crash-1"]
    assert run("sync", "--json").json()["delivered"] == 0
    assert len(sandbox.logged_calls()) == 1


def test_killed_after_hubspot_accepted_is_the_documented_duplicate_window(
    run: Any, cli_env: dict[str, str], sandbox: SandboxThread
) -> None:
    sandbox.faults.add(Fault.latency_after(30))
    _kill_while_sending(cli_env, sandbox)
    assert len(sandbox.logged_calls()) == 1  # HubSpot has it; our journal does not know
    sandbox.faults.clear()
    synced = run("sync")
    assert "may show it twice" in synced.err
    assert len(sandbox.logged_calls()) == 2  # the window: README "Delivery guarantees"
    assert run("history", "--json").json()["calls"][0]["syncState"] == "logged"
