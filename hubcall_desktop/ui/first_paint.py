"""The way to the first paint: the few settings the window needs, then the window, shown.

Start-up shows the main window before it loads asyncio, the phone-number library, the
journal or anything that talks to the network, D-Bus or the keyring. The settings file is
read here for the language, the start-minimised choice and the region only (plain JSON);
the full, validated read follows right after the paint.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)

MAX_WAIT_MS = 1000  # a window system that never says "painted" must not stall start-up
MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class EarlySettings:
    language: str = ""
    start_minimised: bool = False
    region: str = "US"


def early_settings(path: Path) -> EarlySettings:
    """The display settings, or the defaults for anything missing or odd (the full read,
    by storage.settings, reports problems)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return EarlySettings()
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return EarlySettings()
    if not isinstance(raw, dict):
        return EarlySettings()
    language, minimised, region = raw.get("language"), raw.get("start_minimised"), raw.get("region")
    return EarlySettings(
        language=language if isinstance(language, str) else "",
        start_minimised=minimised if isinstance(minimised, bool) else False,
        region=region.upper() if isinstance(region, str) and len(region) == 2 else "US",
    )


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
