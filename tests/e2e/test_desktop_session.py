"""The app in a real desktop session (tests/session.sh): a real X server, tray host and
notification daemon. The Qt part runs in a subprocess on the session's display (the test
process itself stays offscreen); it prints what it saw as JSON.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

PROBE_TIMEOUT_S = 60

# Runs on the real display: the app in demo mode, a focused text field, one ringing call.
PROBE = r"""
import asyncio, json, sys
from pathlib import Path
import qasync
from PySide6.QtWidgets import QApplication, QLineEdit
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import demo_settings, ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths
from hubcall_desktop.ui.desktop.tray import Tray

async def until(check, seconds=10.0):
    async with asyncio.timeout(seconds):
        while not check():
            await asyncio.sleep(0.02)

async def main(folder):
    result = {"tray_available": Tray.available()}
    app = AppController(AppOptions(demo=True, start_sources=False), folder_paths(folder), demo_settings("DE"), [])
    ready = asyncio.Event()
    app.ready.connect(ready.set)
    app.start()
    await asyncio.wait_for(ready.wait(), 15)
    tray = app.tray
    result["tray_visible"] = bool(tray and tray.icon.isVisible())
    await until(lambda: tray is not None and tray.geometry() is not None, 5)
    geometry = tray.geometry() if tray else None
    result["tray_geometry"] = [geometry.x(), geometry.y(), geometry.width(), geometry.height()] if geometry else None
    result["tray_tooltip"] = tray.tooltip() if tray else ""
    editor = QLineEdit()
    editor.setWindowTitle("agent is typing here")
    editor.show()
    editor.activateWindow()
    await until(lambda: QApplication.activeWindow() is editor)
    call_id = await ring(app.desk, DEMO_CALLERS[0])
    await until(lambda: app.popups.popup(call_id) is not None and app.popups.popup(call_id).isVisible())
    popup = app.popups.popup(call_id)
    await until(lambda: len(popup.matches.buttons) == 1)
    await until(lambda: app.notifier.sent >= 1)
    result["popup_visible"] = popup.isVisible()
    result["editor_kept_focus"] = QApplication.activeWindow() is editor
    result["ringing_tray"] = tray.state.value if tray else ""
    app.settings.popup_enabled = False  # a shown pop-up is announced in the window only
    await ring(app.desk, DEMO_CALLERS[0])
    await until(lambda: app.notifier.last_backend == "system")
    result["notification_backend"] = app.notifier.last_backend
    await app.close_down()
    print("RESULT " + json.dumps(result), flush=True)

qt = QApplication(sys.argv[:1])
install_translations(qt, "en")
loop = qasync.QEventLoop(qt)
asyncio.set_event_loop(loop)
with loop:
    loop.run_until_complete(main(Path(sys.argv[1])))
"""


def test_tray_icon_popup_and_notification_for_real(
    real_display: dict[str, str], tmp_path: Path
) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    monitor = subprocess.Popen(
        ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications',member='Notify'"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        # dbus-monitor prints its own NameAcquired signal once it is listening.
        assert monitor.stdout is not None
        ready, _, _ = select.select([monitor.stdout], [], [], 10)
        assert ready, "dbus-monitor did not start"
        first = monitor.stdout.readline()
        done = subprocess.run(
            [sys.executable, str(script), str(tmp_path / "data")],
            env={**real_display, "HUBCALL_DATA_DIR": str(tmp_path / "data")},
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    finally:
        monitor.send_signal(signal.SIGTERM)
        rest, _ = monitor.communicate(timeout=10)
        seen = first + rest
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["tray_available"] and result["tray_visible"]
    assert (
        result["tray_geometry"] is not None and result["tray_geometry"][2] > 0
    )  # embedded by trayer
    assert result["tray_tooltip"].startswith("HubCall Desktop: ")
    assert result["popup_visible"]
    assert result["editor_kept_focus"], "the pop-up took the keyboard from the agent"
    assert result["ringing_tray"] == "ringing"
    assert result["notification_backend"] == "system"
    assert "Incoming call" in seen and "Anna Schmidt" in seen, seen[-2000:]
    assert os.environ.get("HUBCALL_TEST_SESSION") == "1"
