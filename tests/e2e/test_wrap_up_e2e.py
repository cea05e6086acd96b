"""A call cut off by a crash asks for a wrap-up when the real app starts again: the
installed app (not the demo) in the private desktop session, killed with SIGKILL while a
call rings, started again on the same data folder; its wrap-up pop-up is mapped on the
real X server. The rig is the journal tests' (tests/e2e/test_journal_e2e.py). Nothing is
timed; the waits are hang guards."""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest
from soak_driver import App, free_port
from test_journal_e2e import app, clean, crash, kept, post, ringing, wait_listening

__all__ = ["app"]  # the fixture the test below uses

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
FIND_GUARD_S = 60.0


def _visible(title: str) -> list[str]:
    """The X windows called ``title`` that are mapped now."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ,
    )
    return found.stdout.split()


def _wait_visible(app: App, title: str) -> list[str]:
    deadline = time.monotonic() + FIND_GUARD_S
    while not (windows := _visible(title)):
        assert app.alive(), app.stderr()
        assert time.monotonic() < deadline, f"no {title!r} window was mapped:\n{app.stderr()}"
        time.sleep(0.2)
    return windows


def test_a_call_cut_off_by_a_crash_pops_up_for_a_wrap_up_after_a_restart(app: App) -> None:
    url, secret = app.webhook()
    assert post(url, secret, ringing("cut-off")).status_code == 202
    _wait_visible(app, "Incoming call")
    crash(app)
    deadline = time.monotonic() + FIND_GUARD_S
    while _visible("Incoming call"):  # the X server unmaps a dead client's windows
        assert time.monotonic() < deadline, "the killed app's pop-up stayed on screen"
        time.sleep(0.2)
    # A fresh port: this test is about the wrap-up, not about binding again at once.
    settings_file = app.data_dir / "settings.json"
    settings = json.loads(settings_file.read_text())
    settings["webhook_port"] = free_port()
    settings_file.write_text(json.dumps(settings))
    app.start()
    wait_listening(app)
    assert len(_wait_visible(app, "Call cut off")) == 1
    assert _visible("Incoming call") == []  # asked as a wrap-up, not rung again
    call = kept(app)["cut-off"]
    assert call["status"] == "MISSED" and call["flagged"], call
    assert call["syncState"] == "local", call  # the pop-up asks; nothing was logged
    assert app.alive() and clean(app), app.stderr()
