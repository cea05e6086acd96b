"""The pop-up and the desktop notification in a real session (tests/session.sh): dunst
shows nothing over a shown pop-up, and a notification shown for a call without a pop-up
is closed over D-Bus when the call is answered. ``dunstctl`` tells what dunst displays.
The Qt part runs in a subprocess on the session's display; it prints what it saw as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

PROBE_TIMEOUT_S = 90

PROBE = r"""
import asyncio, json, subprocess, sys
from pathlib import Path
import qasync
from PySide6.QtWidgets import QApplication
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import demo_settings, ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths

def displayed():
    done = subprocess.run(["dunstctl", "count", "displayed"], capture_output=True, text=True, check=True)
    return int(done.stdout.strip())

async def until(check, seconds=20.0):
    async with asyncio.timeout(seconds):
        while not check():
            await asyncio.sleep(0.05)

async def main(folder):
    result = {"displayed_before": displayed()}
    app = AppController(AppOptions(demo=True, start_sources=False), folder_paths(folder), demo_settings("DE"), [])
    ready = asyncio.Event()
    app.ready.connect(ready.set)
    app.start()
    await asyncio.wait_for(ready.wait(), 15)
    desk, notifier = app.desk, app.notifier

    # 1. A pop-up on screen: announced in the app's window, nothing from dunst over it.
    shown = await ring(desk, DEMO_CALLERS[0])
    await until(lambda: app.popups.popup(shown) is not None and app.popups.popup(shown).isVisible())
    await until(lambda: notifier.sent >= 1)
    result["with_popup_backend"] = notifier.last_backend
    result["with_popup_displayed"] = displayed()
    await desk.hangup(shown)

    # 2. Pop-ups off: dunst shows the call until it is answered.
    app.settings.popup_enabled = False
    quiet = await ring(desk, DEMO_CALLERS[0])
    await until(lambda: notifier.last_backend == "system")
    await until(lambda: displayed() == 1)
    result["without_popup_displayed"] = displayed()
    await desk.answer(quiet)
    await until(lambda: notifier.withdrawn == 1)
    await until(lambda: displayed() == 0)
    result["after_answer_displayed"] = displayed()
    await app.close_down()
    print("RESULT " + json.dumps(result), flush=True)

qt = QApplication(sys.argv[:1])
install_translations(qt, "en")
loop = qasync.QEventLoop(qt)
asyncio.set_event_loop(loop)
with loop:
    loop.run_until_complete(main(Path(sys.argv[1])))
"""


def test_dunst_never_covers_a_popup_and_closes_when_the_call_is_answered(
    real_display: dict[str, str], tmp_path: Path
) -> None:
    subprocess.run(["dunstctl", "close-all"], check=True, timeout=20)
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "data")],
        env={**real_display, "HUBCALL_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["displayed_before"] == 0
    assert result["with_popup_backend"] == "in-app"
    assert result["with_popup_displayed"] == 0
    assert result["without_popup_displayed"] == 1
    assert result["after_answer_displayed"] == 0
