"""A hostile caller number sent to the real app's webhook, measured on the real X server:
the pop-up keeps its normal size (read as HTML, the ``<img height=2000>`` below once made
the always-on-top pop-up 2,135 px tall) and the journal keeps the number as sent."""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest
from real_app import StartApp, sandbox, start_app

__all__ = ["sandbox", "start_app"]  # fixtures the test below uses

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

HOSTILE_NUMBER = '&lt;<sip:204@pbx> <b>X</b><img src="x" width="300" height="2000">'
MAX_POPUP_HEIGHT = 600
FIND_TIMEOUT_S = 30


def _popup_geometry() -> tuple[int, int] | None:
    """(width, height) of the visible pop-up window, as the X server has it."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Incoming call"],
        capture_output=True,
        text=True,
        check=False,
    )
    windows = found.stdout.split()
    if not windows:
        return None
    shell = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", windows[-1]],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values = dict(line.split("=", 1) for line in shell.split())
    return int(values["WIDTH"]), int(values["HEIGHT"])


def test_a_hostile_caller_number_keeps_the_pop_up_small_on_a_real_display(
    start_app: StartApp,
) -> None:
    app = start_app()
    answer = app.post_event({"event": "ringing", "from": HOSTILE_NUMBER})
    assert answer.status_code == 202, answer.text
    deadline = time.monotonic() + FIND_TIMEOUT_S
    while (size := _popup_geometry()) is None:
        assert time.monotonic() < deadline, "no pop-up appeared on the X server"
        time.sleep(0.1)
    time.sleep(0.5)  # the pop-up sizes itself once its lookup answered: measure after
    width, height = _popup_geometry() or size
    assert height <= MAX_POPUP_HEIGHT, (width, height)
    history = app.cli("history", "--json")
    (call,) = json.loads(history.stdout)["calls"]
    assert call["rawFrom"] == HOSTILE_NUMBER
    app.process.send_signal(signal.SIGTERM)
    code, errors = app.stopped()
    assert code == 0, errors
