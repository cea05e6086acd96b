"""A repeat caller's pop-up names the caller on screen: the painted name, e-mail and
"Open in HubSpot", not only the model behind them. Also after a restart, in German, at 200 %.

The match list used to measure rows Qt had not shown yet (0 px) when HubSpot's fresh answer
replaced the journal's match in a pop-up already on screen: the caller's name vanished.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

from .popup_screen_probe import painted_height
from .ui_helpers import WAIT_MS, run

ANNA = 0
ROOT = Path(__file__).resolve().parents[2]


def _ring_anna(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController) -> CallPopup:
    assert app.desk is not None
    call_id = run(qtbot, loop, ring(app.desk, DEMO_CALLERS[ANNA]))
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


def _wrap_up(qtbot: QtBot, app: AppController, popup: CallPopup, *, log: bool) -> None:
    qtbot.mouseClick(popup.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    call_id = popup.call_id
    qtbot.mouseClick(popup.log_button if log else popup.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is None, timeout=WAIT_MS)


def _assert_anna_is_painted(popup: CallPopup) -> None:
    line = popup.fontMetrics().height()
    name, email = popup.matches.labels[0]
    assert (name.text(), email.text()) == ("Anna Schmidt", "anna.schmidt@example.com")
    assert painted_height(name) >= line
    assert painted_height(email) >= line
    [button] = popup.matches.buttons
    assert painted_height(button) >= line
    # Inside the pop-up's own rectangle, not laid out below its bottom edge.
    bottom = name.mapTo(popup, name.rect().bottomLeft()).y()
    assert 0 < bottom < popup.height()


@pytest.mark.parametrize("log", [False, True], ids=["discarded", "logged"])
def test_a_repeat_caller_is_named_on_screen(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController, log: bool
) -> None:
    first = _ring_anna(qtbot, qloop, controller)
    qtbot.waitUntil(lambda: len(first.matches.buttons) == 1, timeout=WAIT_MS)
    _assert_anna_is_painted(first)
    _wrap_up(qtbot, controller, first, log=log)

    second = _ring_anna(qtbot, qloop, controller)
    # First the journal's match of her last call ("From an earlier call; asking HubSpot…"),
    # then HubSpot's answer replaces it: the moment her name used to vanish.
    qtbot.waitUntil(lambda: second.info.text() == "", timeout=WAIT_MS)
    _assert_anna_is_painted(second)


def test_after_a_restart_in_german_at_200_percent(tmp_path: Path) -> None:
    """The real thing in a process of its own: QT_SCALE_FACTOR applies from the start."""
    out = tmp_path / "popup.png"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "HUBCALL_"))}
    env.update(QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", LANG="C.UTF-8")
    probe = ["-m", "tests.ui.popup_screen_probe", str(tmp_path / "data"), str(out)]
    done = subprocess.run(
        [sys.executable, *probe, "--lang", "de"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    painted = json.loads(done.stdout.strip().splitlines()[-1])
    assert painted["device_pixel_ratio"] == 2.0
    line = painted["line_height"]
    assert painted["labels"]["Anna Schmidt"] >= line
    assert painted["labels"]["anna.schmidt@example.com"] >= line
    assert painted["buttons"]["In HubSpot öffnen"] >= line
    image = QImage(str(out))
    assert image.height() >= 2 * 120  # number, name and e-mail, at twice the size
