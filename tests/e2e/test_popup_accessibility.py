"""The incoming-call pop-up through a real accessibility bus (AT-SPI) in the private
session, read as a screen reader reads it: an alert whose name carries the caller's name
and number; "Caller number" gives the number and "Call duration" the time.

The app runs in demo mode on the session's display with Qt's AT-SPI bridge on; the
reader is ``pyatspi`` (Debian: python3-pyatspi, gir1.2-atspi-2.0) under the system Python,
which has the GObject bindings the virtualenv does not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import on_ci

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

SYSTEM_PYTHON = "/usr/bin/python3"
GUARD_S = 60

# The app: Anna Schmidt rings; once HubSpot named her, it is answered; then it waits
# for the reader and ends when told.
APP = r"""
import asyncio, json, sys
from pathlib import Path
import qasync
from PySide6.QtWidgets import QApplication
from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import demo_settings, ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths

async def until(check, seconds=30.0):
    async with asyncio.timeout(seconds):
        while not check():
            await asyncio.sleep(0.05)

async def main(folder):
    app = AppController(AppOptions(demo=True, start_sources=False, system_notifications=False), folder_paths(folder), demo_settings("DE"), [])
    ready = asyncio.Event()
    app.ready.connect(ready.set)
    app.start()
    await asyncio.wait_for(ready.wait(), 15)
    app.window.hide()
    call_id = await ring(app.desk, DEMO_CALLERS[0])
    popup = app.popups.popup(call_id)
    await until(lambda: popup.matches.labels and popup.info.text() == "")
    await app.desk.answer(call_id)
    await until(lambda: popup.timer_label.text().startswith("Talking"))
    print("READY " + json.dumps({"number": popup.number.text()}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    await app.close_down()

qt = QApplication(sys.argv[:1])
install_translations(qt, "en")
loop = qasync.QEventLoop(qt)
asyncio.set_event_loop(loop)
with loop:
    loop.run_until_complete(main(Path(sys.argv[1])))
"""

# The reader: every alert of the app, its name, and the description of each label.
READER = r"""
import json, sys, time
import pyatspi

def walk(node, depth=0):
    yield node
    if depth < 12:
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is not None:
                yield from walk(child, depth + 1)

deadline = time.monotonic() + float(sys.argv[1])
found = []
while not found and time.monotonic() < deadline:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None:
            continue
        for node in walk(app):
            if node.getRole() == pyatspi.ROLE_ALERT:
                labels = {
                    n.name: n.description
                    for n in walk(node)
                    if n.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_STATIC) and n.name
                }
                found.append({"name": node.name, "labels": labels})
    if not found:
        time.sleep(0.2)
print(json.dumps(found))
"""


def _reader_available() -> bool:
    probe = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    return Path(SYSTEM_PYTHON).exists() and subprocess.run(probe, check=False).returncode == 0


def test_the_popup_is_an_alert_that_names_the_caller(
    real_display: dict[str, str], tmp_path: Path
) -> None:
    if not _reader_available():
        reason = "no AT-SPI reader: install python3-pyatspi and gir1.2-atspi-2.0"
        if on_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    script, reader = tmp_path / "app.py", tmp_path / "reader.py"
    script.write_text(APP, encoding="utf-8")
    reader.write_text(READER, encoding="utf-8")
    env = {**real_display, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
    app = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "data")],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None and app.stdin is not None
        line = app.stdout.readline()
        assert line.startswith("READY "), line + app.communicate(timeout=GUARD_S)[1]
        number = json.loads(line.removeprefix("READY "))["number"]
        read = subprocess.run(
            [SYSTEM_PYTHON, str(reader), str(GUARD_S)],
            env=real_display,
            capture_output=True,
            text=True,
            timeout=GUARD_S * 2,
            check=False,
        )
        assert read.returncode == 0, read.stderr
        alerts = json.loads(read.stdout)
        app.stdin.write("done\n")
        app.stdin.flush()
        app.communicate(timeout=GUARD_S)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    [alert] = alerts
    assert alert["name"] == f"Incoming call: Anna Schmidt, {number}"
    assert alert["labels"]["Caller number"] == number
    assert alert["labels"]["Call duration"].startswith("Talking 0:")
