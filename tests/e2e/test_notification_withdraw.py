"""A notification the server already closed can be withdrawn without an error: the
real notification daemon of the private session (dunst) closes it first."""

from __future__ import annotations

import asyncio
import subprocess

import pytest

from hubcall_desktop.ui.notifications import SystemBackend

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]


def _displayed() -> int:
    done = subprocess.run(
        ["dunstctl", "count", "displayed"], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


def test_withdrawing_a_notification_the_daemon_closed_is_quiet() -> None:
    async def scenario() -> None:
        backend = SystemBackend()
        identifier = await backend.send("Missed call", "Anna Schmidt", None, sound=False)
        assert identifier is not None
        for _ in range(100):
            if _displayed() >= 1:
                break
            await asyncio.sleep(0.05)
        await (await asyncio.create_subprocess_exec("dunstctl", "close-all")).wait()
        for _ in range(100):  # the library hears NotificationClosed and forgets the id
            if _displayed() == 0:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        await backend.withdraw(identifier)  # raised KeyError before

    asyncio.run(scenario())
