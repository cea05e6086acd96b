"""One sender per data dir: two real processes on the same data dir (a ``log`` that is
sending, a ``sync`` started meanwhile) and the real sandbox counting what it received."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from filelock import FileLock

from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, Fault, SandboxThread
from hubcall_desktop.storage.sender_lock import LOCK_NAME

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
    "one-sender-1",
]


def _log_in_flight(cli_env: dict[str, str], sandbox: SandboxThread) -> subprocess.Popen[str]:
    """A ``log`` whose request HubSpot holds for a while: the entry is ``sending``."""
    proc = subprocess.Popen(
        command(*LOG), env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    sandbox.wait_for(lambda requests: any(r.is_inbound_call for r in requests), timeout=30)
    return proc


def test_sync_while_another_process_sends_never_resends_nor_crashes(
    run: Any, cli_env: dict[str, str], sandbox: SandboxThread
) -> None:
    sandbox.faults.add(Fault.latency_before(3))
    sender = _log_in_flight(cli_env, sandbox)
    synced = run("sync", "--json")
    _out, err = sender.communicate(timeout=60)

    assert sender.returncode == 0, err
    assert synced.code == 0, synced.err
    assert "OutboxStateError" not in synced.err + err
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["one-sender-1"]
    assert run("history", "--json").json()["calls"][0]["syncState"] == "logged"


def test_log_and_sync_while_another_process_holds_the_lock_stop_cleanly(
    run: Any, cli_env: dict[str, str], sandbox: SandboxThread
) -> None:
    """This test process is the other sender: it holds the data dir's lock throughout."""
    data_dir = Path(cli_env["HUBCALL_DATA_DIR"])
    data_dir.mkdir(parents=True)
    with FileLock(data_dir / LOCK_NAME):
        logged = run(*LOG)
        synced = run("sync")
    assert logged.code == 4, logged.err  # QUEUED: safely in the outbox, not sent by us
    assert "is sending the outbox right now" in logged.err
    assert synced.code == 4, synced.err
    assert "is sending the outbox right now" in synced.err and "Nothing to do" in synced.err
    assert "Traceback" not in logged.err + synced.err
    assert sandbox.logged_calls() == []
    assert run("sync", "--json").json()["delivered"] == 1  # the lock is free again
    assert len(sandbox.logged_calls()) == 1


# The real app (not the demo) on a data dir, offscreen; it says when its desk started.
APP = r"""
import argparse, sys
from hubcall_desktop.ui.presenters import controller as c

original_start = c.AppController.start

def start(self):
    original_start(self)
    print("STARTED", flush=True)

c.AppController.start = start
from hubcall_desktop.ui.startup.app import run
sys.exit(run(argparse.Namespace(demo=False, data_dir=sys.argv[1], region=None, api_base=sys.argv[2], api_version=None)))
"""


def test_sync_while_the_app_sends_never_resends_nor_crashes(
    run: Any, cli_env: dict[str, str], sandbox: SandboxThread, tmp_path: Path
) -> None:
    # A `log` killed while sending leaves its entry `sending`: the app recovers and sends it.
    sandbox.faults.add(Fault.latency_before(30))
    crashed = _log_in_flight(cli_env, sandbox)
    crashed.kill()
    crashed.communicate(timeout=10)
    sandbox.wait_for(lambda requests: requests[0].outcome != "in_progress", timeout=10)
    sandbox.faults.clear()

    sandbox.faults.add(Fault.latency_before(4))  # the app's send is in flight a while
    env = {**cli_env, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    app = subprocess.Popen(
        [sys.executable, "-c", APP, cli_env["HUBCALL_DATA_DIR"], sandbox.base_url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        sandbox.wait_for(lambda rs: sum(r.is_inbound_call for r in rs) == 2, timeout=60)
        synced = run("sync", "--json")
        sandbox.wait_for(lambda rs: all(r.outcome != "in_progress" for r in rs), timeout=30)
        assert synced.code == 0, synced.err
        assert "Traceback" not in synced.err
        assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["one-sender-1"]
    finally:
        app.kill()  # how the app quits is not this test's concern
        _out, err = app.communicate(timeout=30)
    assert "OutboxStateError" not in err
    assert run("history", "--json").json()["calls"][0]["syncState"] == "logged"
