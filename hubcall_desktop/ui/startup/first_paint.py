"""The way to the first paint: show the window and return once it has been painted.

Start-up shows the main window before it loads asyncio, the phone-number library, the
journal or anything that talks to the network, D-Bus or the keyring (ui.app says in which
order things load, and why).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)

MAX_WAIT_MS = 1000  # a window system that never says "painted" must not stall start-up


class _PaintWatch(QObject):
    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._loop.quit()
        return False


def show_and_paint(window: QWidget) -> None:
    """Show ``window`` and return once it has been painted (or after MAX_WAIT_MS)."""
    loop = QEventLoop()
    watch = _PaintWatch(loop)
    window.installEventFilter(watch)
    QTimer.singleShot(MAX_WAIT_MS, loop.quit)
    window.show()
    loop.exec()
    window.removeEventFilter(watch)
