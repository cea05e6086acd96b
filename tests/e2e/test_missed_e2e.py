"""Missed calls in the real app, seen from outside: five callers hang up before anyone
answers; each call is logged as MISSED once, by itself, the agent gets one notification
for the five (dunst, the session's real daemon), and the tray icon gets a red badge.

The installed ``hubcall-desktop --data-dir DIR`` (not the demo) in the private desktop
session, HubSpot played by ``hubcall-desktop sandbox``, the events posted to the app's
loopback webhook. The rig is the journal tests' (tests/e2e/test_journal_e2e.py). Nothing is
timed; the waits are hang guards.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from outside import until
from soak_driver import App, Sandbox, app_env, free_port, logged_ids
from test_journal_e2e import clean, post

from tests.conftest import RealSession

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
GUARD_S = 120.0
CALLERS = ["030 55501201", "030 55501202", "030 55501203", "030 55501204", "030 55501205"]
BADGE_RGB = (200, 30, 30)  # ui/desktop/tray.py's BADGE_COLOUR


@pytest.fixture
def rig(tmp_path: Path, real_session: RealSession) -> Iterator[tuple[App, Sandbox]]:
    env = app_env(tmp_path)
    sandbox = Sandbox.start(env)
    agent = App(tmp_path, env)
    try:
        agent.configure(sandbox.base_url, free_port(), [])
        settings_file = agent.data_dir / "settings.json"
        settings = json.loads(settings_file.read_text())
        settings["missed_auto_log_seconds"] = 2  # the agent's choice; 10 s by default
        settings_file.write_text(json.dumps(settings))
        agent.start()
        yield agent, sandbox
    finally:
        if agent.alive():
            agent.stop()
        sandbox.stop()


def _dunst(*args: str) -> str:
    done = subprocess.run(
        ["dunstctl", *args], capture_output=True, text=True, check=True, env=os.environ
    )
    return done.stdout


def _shown_by_dunst() -> int:
    return int(_dunst("count", "displayed").strip())


def _history() -> dict[int, str]:
    """Id -> summary of the notifications dunst has closed (its 1.9 cannot clear them)."""
    doc = json.loads(_dunst("history"))
    return {int(e["id"]["data"]): str(e["summary"]["data"]) for e in doc["data"][0]}


def _badge_pixels() -> int:
    """Pixels of the badge's red in the tray (trayer's window, as the X server shows it)."""
    found = subprocess.run(
        ["xdotool", "search", "--class", "trayer"],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ,
    ).stdout.split()
    red = 0
    for window in found:
        grab = subprocess.run(
            ["import", "-window", window, "-depth", "8", "rgb:-"],
            capture_output=True,
            check=False,
            env=os.environ,
        )
        data = grab.stdout
        for i in range(0, len(data) - 2, 3):
            r, g, b = data[i], data[i + 1], data[i + 2]
            if abs(r - BADGE_RGB[0]) < 40 and g < 80 and b < 80:
                red += 1
    return red


def test_five_missed_calls_are_logged_once_each_with_one_notification_and_a_badge(
    rig: tuple[App, Sandbox],
) -> None:
    app, sandbox = rig
    url, secret = app.webhook()
    _dunst("close-all")
    before = _history()
    until("dunst clearing its notifications", app, lambda: _shown_by_dunst() == 0, GUARD_S)
    assert _badge_pixels() == 0  # no badge while nothing was missed

    for n, number in enumerate(CALLERS):
        rang = post(url, secret, {"event": "ringing", "from": number, "call_id": f"missed-{n}"})
        assert rang.status_code == 202, rang.text
    for n in range(len(CALLERS)):
        ended = post(url, secret, {"event": "ended", "call_id": f"missed-{n}"})
        assert ended.status_code == 202, ended.text

    def all_logged() -> bool:
        calls = [c for c in app.history() if str(c["call_id"]).startswith("missed-")]
        return len(calls) == len(CALLERS) and all(c["syncState"] == "logged" for c in calls)

    until("every missed call logged", app, all_logged, GUARD_S)
    for call in app.history():
        assert call["status"] == "MISSED", call

    async def received() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(trust_env=False) as client:
            return await sandbox.requests(client)

    sent = Counter(logged_ids(asyncio.run(received())))
    assert len(sent) == len(CALLERS) and set(sent.values()) == {1}, sent

    # One notification for the five, on screen now.
    until("one missed-call notification shown", app, lambda: _shown_by_dunst() == 1, GUARD_S)
    until("a badge on the tray icon", app, lambda: _badge_pixels() > 0, GUARD_S)
    _dunst("close-all")  # into dunst's history, where its text can be read
    new = {k: v for k, v in _history().items() if k not in before}
    assert [s for s in new.values() if "missed call" in s] == ["5 missed calls"], new
    assert app.alive() and clean(app), app.stderr()
