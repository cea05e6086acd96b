"""The first start of the real app, set up with the keyboard alone: the guide opens by
itself (no token), takes a private app token, the agent's number and rings a test call
whose pop-up is mapped on the X server; HubSpot never hears of the test call.

The installed ``hubcall-desktop --data-dir DIR`` in the private desktop session (Xvfb, no
window manager: xdotool gives a window the keyboard as a click would), HubSpot played by
``hubcall-desktop sandbox`` in its own process. The app's portal is one of this test's
own, so no token another test left in the session's keyring counts. The rig is the
journal tests' (tests/e2e/soak_driver.py). Nothing is timed; the waits are hang guards.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from outside import until, xdotool
from soak_driver import App, Sandbox, app_env, free_port

from hubcall_desktop.sandbox.seed import DEMO_TOKEN
from tests.conftest import RealSession

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
GUIDE = "Set up HubCall Desktop – step {} of 3"


@pytest.fixture
def rig(tmp_path: Path, real_session: RealSession) -> Iterator[tuple[App, Sandbox]]:
    env = app_env(tmp_path)
    sandbox = Sandbox.start(env)
    agent = App(tmp_path, env)
    try:
        agent.data_dir.mkdir(parents=True, mode=0o700)
        agent.webhook_port = free_port()
        settings = {  # a new install's: no number, nothing about the guide
            "api_base": sandbox.base_url,
            "region": "DE",
            "webhook_port": agent.webhook_port,
            "language": "en",
            "active_portal": f"guide-{uuid.uuid4().hex[:12]}",
        }
        (agent.data_dir / "settings.json").write_text(json.dumps(settings, indent=2))
        yield agent, sandbox
    finally:
        if agent.alive():
            agent.stop()
        sandbox.stop()


def _mapped(title: str) -> list[str]:
    """The X windows called ``title`` that are mapped now."""
    return xdotool("search", "--onlyvisible", "--name", f"^{title}$").split()


def _step(app: App, number: int) -> str:
    (window,) = until(f"guide step {number}", app, lambda: _mapped(GUIDE.format(number)))
    xdotool("windowfocus", "--sync", window)
    return window


def _inbound_calls(sandbox: Sandbox) -> list[dict[str, Any]]:
    async def read() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(trust_env=False) as client:
            return await sandbox.requests(client)

    return [r for r in asyncio.run(read()) if "inbound-call" in r["path"]]


def _settings(app: App) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((app.data_dir / "settings.json").read_text())
    return data


def test_first_start_set_up_by_keyboard_with_a_test_ring_hubspot_never_hears_of(
    rig: tuple[App, Sandbox],
) -> None:
    app, sandbox = rig
    app.start()
    app.wait_listening()

    # Step 1: the token field has the keys; Enter saves the token (HubSpot checks it).
    _step(app, 1)
    xdotool("type", "--delay", "10", DEMO_TOKEN)
    xdotool("key", "Return")
    # Step 2: the number field has the keys; Enter is Next.
    _step(app, 2)
    status = json.loads(app.cli("auth", "status", "--json").stdout)
    assert DEMO_TOKEN not in json.dumps(status)
    xdotool("type", "--delay", "20", "030 1234567")
    xdotool("key", "Return")
    # Step 3: the Test ring button has the keys; Space rings, and the pop-up is mapped.
    _step(app, 3)
    xdotool("key", "space")
    until("the test call's pop-up", app, lambda: _mapped("Incoming call"))
    (call,) = until("the test call in the history", app, app.history)
    assert call["from"] is None and call["source"] == "demo", call
    # Back to the guide (it kept its place), Enter finishes it.
    guide = _step(app, 3)
    xdotool("key", "--window", guide, "Return")
    until("the guide to close", app, lambda: not _mapped(GUIDE.format(3)))
    # The test call ends with the guide: discarded, its pop-up gone, nothing sent.
    until("the test call's end", app, lambda: app.history()[0]["syncState"] == "discarded")
    until("the pop-up to close", app, lambda: not _mapped("Incoming call"))
    assert _inbound_calls(sandbox) == []
    settings = until(
        "the settings", app, lambda: _settings(app).get("setup_guide_done") and _settings(app)
    )
    assert settings["own_number"] == "+49301234567"
    assert app.alive(), app.stderr()
