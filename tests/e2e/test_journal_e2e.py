"""Nothing accepted is lost, in the real app: the journal locked, deleted, and the app
killed during a call.

The installed ``hubcall-desktop --data-dir DIR`` (not the demo) in the private desktop
session, HubSpot played by ``hubcall-desktop sandbox`` in its own process, events posted
to the app's loopback webhook with its secret, and what the app kept read back with
``history --json`` as a restart would find it. The rig is the soak's (tests/e2e/
soak_driver.py), without baresip. Nothing is timed; the waits are hang guards.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from soak_driver import JOURNAL, TRACE_MARKERS, App, Sandbox, app_env, free_port

from tests.conftest import RealSession

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
RESTART_GUARD_S = 200.0


@pytest.fixture
def app(tmp_path: Path, real_session: RealSession) -> Iterator[App]:
    env = app_env(tmp_path)
    sandbox = Sandbox.start(env)
    agent = App(tmp_path, env)
    try:
        agent.configure(sandbox.base_url, free_port(), [])
        agent.start()
        yield agent
    finally:
        if agent.alive():
            agent.stop()
        sandbox.stop()
        if sandbox.process.stdout is not None:
            sandbox.process.stdout.close()


def post(url: str, secret: str, body: dict[str, Any]) -> httpx.Response:
    with httpx.Client(trust_env=False, timeout=60) as client:
        return client.post(
            f"{url}/v1/events", json=body, headers={"Authorization": f"Bearer {secret}"}
        )


def ringing(call_id: str) -> dict[str, str]:
    return {"event": "ringing", "from": "030 55501234", "call_id": call_id}


def crash(app: App) -> None:
    """The app dies at once (SIGKILL, by its PID): no clean close, no last checkpoint; what
    it accepted must already be in the file at its path."""
    assert app.process is not None
    os.kill(app.process.pid, signal.SIGKILL)
    app.process.wait(timeout=30)


def wait_listening(app: App, guard_s: float = RESTART_GUARD_S) -> None:
    """Until ``webhook info`` finds the restarted app. A hang guard only: a loaded
    machine (each command a Python start-up) may need longer than the rig's own guard."""
    deadline = time.monotonic() + guard_s
    while app.cli("webhook", "info", "--json").returncode != 0:
        assert app.alive() and clean(app), app.stderr()
        assert time.monotonic() < deadline, f"the app never listened again:\n{app.stderr()}"
        time.sleep(0.5)


def kept(app: App) -> dict[str, dict[str, Any]]:
    """The calls ``history --json`` finds, by the softphone's call id."""
    return {str(c["call_id"]): c for c in app.history()}


def clean(app: App) -> bool:
    return not any(marker in app.stderr() for marker in TRACE_MARKERS)


def test_an_event_refused_while_the_journal_is_locked_is_kept_on_retry(app: App) -> None:
    url, secret = app.webhook()
    other = sqlite3.connect(app.data_dir / JOURNAL, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        refused = post(url, secret, ringing("locked-1"))
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert refused.status_code == 503, refused.text
    retried = post(url, secret, ringing("locked-1"))
    assert retried.status_code == 202, retried.text
    assert "locked-1" in kept(app)
    assert app.alive() and clean(app), app.stderr()


def test_events_accepted_after_the_journal_was_deleted_survive_a_restart(app: App) -> None:
    url, secret = app.webhook()
    assert post(url, secret, ringing("before")).status_code == 202
    journal = app.data_dir / JOURNAL
    for name in (JOURNAL, JOURNAL + "-wal", JOURNAL + "-shm"):
        (journal.parent / name).unlink(missing_ok=True)  # rm journal.sqlite3*
    after = post(url, secret, ringing("after"))
    assert after.status_code == 202, after.text
    crash(app)
    assert {"before", "after"} <= set(kept(app))


def test_a_call_open_when_the_app_stopped_ends_interrupted_after_a_restart(app: App) -> None:
    url, secret = app.webhook()
    assert post(url, secret, ringing("cut-off")).status_code == 202
    crash(app)
    # A fresh port: this test is about the journal, not about binding again at once.
    settings_file = app.data_dir / "settings.json"
    settings = json.loads(settings_file.read_text())
    settings["webhook_port"] = free_port()
    settings_file.write_text(json.dumps(settings))
    app.start()
    wait_listening(app)  # the app is up: start-up has run
    call = kept(app)["cut-off"]
    assert call["status"] == "MISSED" and call["flagged"], call
    assert call["syncState"] == "local", call  # waits for the agent, never auto-logged
    assert app.alive() and clean(app), app.stderr()
