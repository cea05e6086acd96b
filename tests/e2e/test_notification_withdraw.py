"""A notification the server already closed can be withdrawn without an error: the
real notification daemon of the private session (dunst) closes it first.

The scenario runs in a child process: desktop-notifier keeps its D-Bus connection open
for the life of the process, which would outlive this test in the pytest process."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

SCENARIO = r"""
import asyncio, subprocess
from hubcall_desktop.ui.desktop.notifications import SystemBackend

def displayed():
    out = subprocess.run(["dunstctl", "count", "displayed"], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())

async def scenario():
    backend = SystemBackend()
    identifier = await backend.send("Missed call", "Anna Schmidt", None, sound=False)
    assert identifier is not None
    for _ in range(100):
        if displayed() >= 1:
            break
        await asyncio.sleep(0.05)
    subprocess.run(["dunstctl", "close-all"], check=True)
    for _ in range(100):  # the library hears NotificationClosed and forgets the id
        if displayed() == 0:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    await backend.withdraw(identifier)  # raised KeyError before
    print("WITHDRAWN")

asyncio.run(scenario())
"""


def test_withdrawing_a_notification_the_daemon_closed_is_quiet() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCENARIO], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "WITHDRAWN" in done.stdout
