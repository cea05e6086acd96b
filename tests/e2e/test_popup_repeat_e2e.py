"""A repeat caller's pop-up in the real app, in German at 200 %, after a restart: as tall
as the first call's, so her name and e-mail are on screen (they used to collapse to 0 px
once HubSpot's fresh answer replaced the journal's match).

The installed app (not the demo) in the private desktop session against
``hubcall-desktop sandbox``; calls posted to its webhook; the pop-up's size read from the
X server (``xdotool``). The rig is the journal tests' (tests/e2e/test_journal_e2e.py).
Nothing is timed; the waits are hang guards.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from soak_driver import App, Sandbox, app_env, free_port
from test_journal_e2e import post, ringing, wait_listening

from tests.conftest import RealSession

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
GUARD_S = 60.0
TITLE = "Eingehender Anruf"  # "Incoming call" in German


@pytest.fixture
def rig(tmp_path: Path, real_session: RealSession) -> Iterator[tuple[App, Sandbox]]:
    env = app_env(tmp_path)
    env["QT_SCALE_FACTOR"] = "2"
    sandbox = Sandbox.start(env)
    agent = App(tmp_path, env)
    try:
        agent.configure(sandbox.base_url, free_port(), [])
        _set(agent, language="de")
        agent.start()
        yield agent, sandbox
    finally:
        if agent.alive():
            agent.stop()
        sandbox.stop()


def _set(app: App, **values: object) -> None:
    settings_file = app.data_dir / "settings.json"
    settings = json.loads(settings_file.read_text())
    settings.update(values)
    settings_file.write_text(json.dumps(settings))


def _until(app: App, check: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + GUARD_S
    while not check():
        assert app.alive(), app.stderr()
        assert time.monotonic() < deadline, f"{what} never happened:\n{app.stderr()}"
        time.sleep(0.2)


def _popups() -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"^{TITLE}$"],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ,
    )
    return found.stdout.split()


def _height(window: str) -> int:
    shown = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", window],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    values = dict(line.split("=", 1) for line in shown.stdout.split())
    return int(values["HEIGHT"])


def _lookups(sandbox: Sandbox) -> int:
    """Caller look-ups HubSpot (the sandbox) has received."""
    with httpx.Client(trust_env=False, timeout=60) as client:
        answer = client.get(f"{sandbox.base_url}/_sandbox/requests")
    answer.raise_for_status()
    return sum(
        1
        for r in answer.json()["requests"]
        if r["path"].endswith("/inbound-call")
        and isinstance(r["body"], dict)
        and r["body"].get("createEngagement") is not True
    )


def _popup_after_lookup(app: App, sandbox: Sandbox, call_id: str, lookups: int) -> int:
    """Ring ``call_id`` from Anna Schmidt's number; the pop-up's height once HubSpot named her."""
    url, secret = app.webhook()
    assert post(url, secret, ringing(call_id)).status_code == 202
    _until(app, _popups, "the pop-up")
    _until(app, lambda: _lookups(sandbox) >= lookups, "the caller look-up")
    # The answer reaches the pop-up within the app's next turns; a history read (a whole
    # CLI start-up) comes after them. Its matches say HubSpot's answer was taken.
    _until(app, lambda: _matched(app, call_id), "HubSpot's answer in the journal")
    [window] = _popups()
    return _height(window)


def _matched(app: App, call_id: str) -> bool:
    calls = {str(c["call_id"]): c for c in app.history()}
    return bool(calls.get(call_id, {}).get("matches"))


def test_a_repeat_callers_popup_keeps_her_name_after_a_restart(
    rig: tuple[App, Sandbox],
) -> None:
    app, sandbox = rig
    first = _popup_after_lookup(app, sandbox, "first", 1)
    url, secret = app.webhook()
    ended = {"event": "ended", "call_id": "first"}
    assert post(url, secret, ended).status_code == 202  # logged by itself after 1 s
    _until(app, lambda: not _popups(), "the first pop-up closing")

    app.stop()
    app.webhook_port = free_port()  # about the pop-up, not about binding again at once
    _set(app, webhook_port=app.webhook_port)
    app.start()
    wait_listening(app)
    again = _popup_after_lookup(app, sandbox, "again", 2)
    assert again == first, "the repeat caller's pop-up lost her name and e-mail"
