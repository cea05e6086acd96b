"""A repeat caller's pop-up after a restart, as the agent sees it, in a process of its own
(so ``QT_SCALE_FACTOR`` and the UI language apply from the start, as in the real app).

    python -m tests.ui.popup_screen_probe DATA_DIR OUT.png [--lang de]

First run of the app: Anna Schmidt rings, hangs up, the agent discards the call; the app
closes down. Second run on the same data folder: she rings again. Prints, as JSON, what the
second pop-up paints of her (visible heights of the name, e-mail and button) and saves
the pop-up's grab to OUT.png.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from hubcall_desktop.sandbox.seed import DEMO_CALLERS
from hubcall_desktop.services.demo import demo_settings, ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.windows.popup import CallPopup, Stage

WAIT_S = 30.0
ANNA = DEMO_CALLERS[0]


async def _until(condition: Callable[[], object], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_S
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.02)


async def _started(data: Path) -> AppController:
    options = AppOptions(demo=True, start_sources=False, system_notifications=False)
    app = AppController(options, folder_paths(data), demo_settings("DE"), [])
    app.tray = None
    ready = asyncio.Event()
    app.ready.connect(ready.set)
    app.start()
    await asyncio.wait_for(ready.wait(), WAIT_S)
    return app


async def _popup(app: AppController) -> CallPopup:
    assert app.desk is not None
    call_id = await ring(app.desk, ANNA)
    await _until(lambda: app.popups.popup(call_id) is not None, "the pop-up")
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


def painted_height(widget: QWidget) -> int:
    """How many pixels of the widget are on screen (0 when hidden or squeezed away)."""
    return widget.visibleRegion().boundingRect().height() if widget.isVisible() else 0


def what_is_painted(popup: CallPopup) -> dict[str, object]:
    labels = {w.text(): painted_height(w) for w in popup.matches.findChildren(QLabel)}
    buttons = {b.text(): painted_height(b) for b in popup.matches.buttons}
    return {
        "labels": labels,
        "buttons": buttons,
        "line_height": popup.fontMetrics().height(),
        "device_pixel_ratio": popup.devicePixelRatioF(),
    }


async def scenario(data: Path, out: Path) -> dict[str, object]:
    first_run = await _started(data)
    popup = await _popup(first_run)
    await _until(lambda: popup.matches.buttons, "Anna's match")
    assert first_run.desk is not None
    await first_run.desk.hangup(popup.call_id)
    await _until(lambda: popup.stage is Stage.ENDED, "the end of the call")
    popup.discard_button.click()
    await _until(lambda: first_run.popups.popup(popup.call_id) is None, "the discard")
    await first_run.close_down()
    first_run.window.deleteLater()

    second_run = await _started(data)
    again = await _popup(second_run)
    # The journal's match shows at once; HubSpot's fresh answer replaces it.
    await _until(lambda: again.info.text() == "", "HubSpot's answer")
    await asyncio.sleep(0.2)  # let Qt show and lay out what it was given
    again.grab().save(str(out))
    painted = what_is_painted(again)
    await second_run.close_down()
    second_run.window.deleteLater()
    return painted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_translations(app, args.lang)
    painted = qasync.run(scenario(args.data, args.out))
    print(json.dumps(painted, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
