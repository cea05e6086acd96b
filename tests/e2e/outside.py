"""Looking at the real app from outside: waiting for what it shows, and xdotool."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from typing import Any

from soak_driver import App

GUARD_S = 90.0  # a hang guard, not a timing


def until(what: str, app: App, check: Callable[[], Any], guard_s: float = GUARD_S) -> Any:
    """Poll ``check`` until it gives something true (returned), while the app lives."""
    deadline = time.monotonic() + guard_s
    while not (found := check()):
        assert app.alive(), app.stderr()
        assert time.monotonic() < deadline, f"{what} did not happen:\n{app.stderr()}"
        time.sleep(0.2)
    return found


def xdotool(*args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, check=False, env=os.environ
    )
    return done.stdout
