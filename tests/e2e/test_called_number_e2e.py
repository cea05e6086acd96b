"""A known caller rings without the called number, the agent's own number not set, in the
real app: the call is not "withheld"; the agent types the number into the pop-up and the
call is logged with it, or (logged on the agent's behalf meanwhile) it waits for the number
and is sent once the own number is set.

The installed ``hubcall-desktop --data-dir DIR`` in the private desktop session (Xvfb, no
window manager: xdotool gives the pop-up the keyboard as a click would), HubSpot played by
``hubcall-desktop sandbox`` in its own process, the events handed over exactly as a
softphone hook runs them: ``hubcall-desktop notify ringing --from "+49 30 55501234"``, then
``hubcall-desktop notify ended --from "+49 30 55501234"``. The rig is the journal tests'
(tests/e2e/soak_driver.py). Nothing is timed; the waits are hang guards.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from outside import until, xdotool
from soak_driver import App, Sandbox, app_env, free_port

from tests.conftest import RealSession

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
CALLER = "+49 30 55501234"
AGENT_LINE = "030 901820"  # region DE


@pytest.fixture
def rig(tmp_path: Path, real_session: RealSession) -> Iterator[tuple[App, Sandbox]]:
    env = app_env(tmp_path)
    sandbox = Sandbox.start(env)
    agent = App(tmp_path, env)
    try:
        agent.configure(sandbox.base_url, free_port(), [])
        _settings(agent, own_number="", auto_log_seconds=0)  # a new agent's settings
        yield agent, sandbox
    finally:
        if agent.alive():
            agent.stop()
        sandbox.stop()


def _settings(app: App, **changes: object) -> None:
    path = app.data_dir / "settings.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}, indent=2))


def _notify(app: App, event: str) -> None:
    done = app.cli("notify", event, "--from", CALLER)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{event}: recorded by HubCall Desktop"), done.stdout


def _the_call(app: App) -> dict[str, Any]:
    (call,) = app.history()
    return call


def _logged(sandbox: Sandbox) -> list[dict[str, Any]]:
    async def read() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(trust_env=False) as client:
            return await sandbox.requests(client)

    return [
        r["body"]
        for r in asyncio.run(read())
        if r["path"].endswith("/inbound-call")
        and r["accepted"]
        and r["body"].get("createEngagement") is True
    ]


def test_the_agent_types_the_called_number_into_the_popup_and_the_call_is_logged(
    rig: tuple[App, Sandbox],
) -> None:
    app, sandbox = rig
    app.start()
    app.wait_listening()
    _notify(app, "ringing")
    (window,) = until(
        "the pop-up",
        app,
        lambda: xdotool("search", "--onlyvisible", "--name", "^Incoming call$").split(),
    )
    _notify(app, "ended")
    until("the end", app, lambda: _the_call(app)["endedAt"])
    assert _the_call(app)["syncState"] == "local"

    # The agent clicks into the pop-up, goes to the number with its shortcut (Alt+C),
    # types it and logs the call with Ctrl+Enter.
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--window", window, "alt+c")
    xdotool("type", "--delay", "20", AGENT_LINE)
    xdotool("key", "ctrl+Return")
    call = until("the log", app, lambda: _the_call(app)["syncState"] == "logged" and _the_call(app))
    assert call["to"] == "+4930901820" and call["from"] == "+493055501234"
    assert not call["numberWithheld"]
    (body,) = _logged(sandbox)
    assert body["toNumber"]["e164Number"] == "+4930901820"
    assert app.alive(), app.stderr()


def test_logged_on_the_agents_behalf_it_waits_for_the_number_and_is_sent_once_it_is_set(
    rig: tuple[App, Sandbox],
) -> None:
    app, sandbox = rig
    _settings(app, auto_log_seconds=1)  # untouched calls are logged by themselves
    app.start()
    app.wait_listening()
    _notify(app, "ringing")
    _notify(app, "ended")
    call = until(
        "the automatic log", app, lambda: _the_call(app)["syncState"] != "local" and _the_call(app)
    )
    assert call["syncState"] == "needs_number", call  # it was "withheld", never to be sent
    assert not call["numberWithheld"] and call["from"] == "+493055501234"
    sync = app.cli("sync")
    assert "waiting for the number that was called" in sync.stderr, sync.stderr
    assert _logged(sandbox) == []

    # The agent sets their own number (here in the settings file, then starts the app).
    assert app.stop() == 0
    app.webhook_port = free_port()  # a fresh port: this is not about binding again at once
    _settings(app, own_number=AGENT_LINE, webhook_port=app.webhook_port)
    app.start()
    app.wait_listening()
    sent = until(
        "the send", app, lambda: _the_call(app)["syncState"] == "logged" and _the_call(app)
    )
    assert sent["to"] == "+4930901820"
    (body,) = _logged(sandbox)
    assert body["externalCallId"] == sent["externalCallId"]
    assert body["toNumber"]["e164Number"] == "+4930901820"
