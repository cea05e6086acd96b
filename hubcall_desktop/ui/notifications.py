"""Desktop notifications through ranked backends: the system's, the tray's balloon, in-app.

1. The system notification service, through ``desktop-notifier`` (D-Bus
   ``org.freedesktop.Notifications`` on Linux, the native centres on macOS and Windows),
   asynchronous, so the UI never waits on D-Bus.
2. The tray icon's balloon (``QSystemTrayIcon.showMessage``), where a tray exists.
3. In the app: a line in the main window's status bar (the pop-up does the rest).

Nothing is created before the first notification, so start-up never touches D-Bus. A
backend that fails is marked unavailable, once, and the next one takes over.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.assets import icon, icon_path
from hubcall_desktop.ui.widgets.plain_text import markup_escaped

logger = logging.getLogger(__name__)

APP_NAME = "HubCall Desktop"
TIMEOUT_S = 15

Click = Callable[[], None]


class Backend(Protocol):
    name: str

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> bool:
        """True once the notification was handed to the system (or shown)."""
        ...


class SystemBackend:
    """desktop-notifier: D-Bus on Linux, Notification Center on macOS, WinRT on Windows."""

    name = "system"

    def __init__(self) -> None:
        from desktop_notifier import DEFAULT_SOUND, DesktopNotifier, Icon

        # desktop-notifier logs a traceback at WARNING for every failed send; we report
        # the failure ourselves, once, and fall back.
        logging.getLogger("desktop_notifier").setLevel(logging.ERROR)
        self._notifier = DesktopNotifier(
            app_name=APP_NAME, app_icon=Icon(path=icon_path("hubcall"))
        )
        self._sound = DEFAULT_SOUND

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> bool:
        dispatched: list[bool] = []
        await self._notifier.send(
            title,
            _body_for_system(body),
            on_clicked=on_click,
            on_dispatched=lambda: dispatched.append(True),
            sound=self._sound if sound else None,
            timeout=TIMEOUT_S,
        )
        return bool(dispatched)


def _body_for_system(body: str) -> str:
    """freedesktop servers (dunst, GNOME, KDE) read the body as markup: a caller named
    ``<b>…`` or ``<img …>`` must arrive as text. macOS and Windows show text as it is."""
    if sys.platform.startswith(("darwin", "win")):
        return body
    return markup_escaped(body)


class TrayBackend:
    """The tray balloon; a click on it runs the last notification's action."""

    name = "tray"

    def __init__(self, tray: QSystemTrayIcon) -> None:
        self._tray = tray
        self._on_click: Click | None = None
        tray.messageClicked.connect(self._clicked)

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> bool:
        if not self._tray.isVisible():
            return False
        if sound:
            QApplication.beep()
        self._on_click = on_click
        self._tray.showMessage(title, body, icon("hubcall"), TIMEOUT_S * 1000)
        return True

    def _clicked(self) -> None:
        if self._on_click is not None:
            self._on_click()


class InAppBackend:
    """The last resort: a line in the app (the pop-up already shows ringing calls)."""

    name = "in-app"

    def __init__(self, show: Callable[[str, str], None]) -> None:
        self._show = show

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> bool:
        if sound:
            QApplication.beep()
        self._show(title, body)
        return True


class Notifier(QObject):
    """Sends through the first backend that works; creates backends on first use."""

    def __init__(
        self,
        tray: Callable[[], QSystemTrayIcon | None],
        in_app: Callable[[str, str], None],
        *,
        use_system: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._in_app = in_app
        self._use_system = use_system
        self._backends: list[Backend] | None = None
        self._unavailable: set[str] = set()
        self.last_backend = ""  # the backend that took the last notification (for tests, logs)
        self.sent = 0

    def notify(
        self, title: str, body: str, on_click: Click | None = None, *, sound: bool = False
    ) -> None:
        """Send in the background; never blocks the caller."""
        tasks.start(self.send(title, body, on_click, sound=sound), "notification")

    async def send(
        self, title: str, body: str, on_click: Click | None = None, *, sound: bool = False
    ) -> str:
        """Send now; returns the name of the backend that took it."""
        for backend in self._ranked():
            if backend.name in self._unavailable:
                continue
            try:
                delivered = await backend.send(title, body, on_click, sound)
            except Exception:
                logger.exception("notification backend %s failed", backend.name)
                delivered = False
            if delivered:
                self.last_backend = backend.name
                self.sent += 1
                return backend.name
            logger.info("notifications: %s is not available, using the next way", backend.name)
            self._unavailable.add(backend.name)
        return ""

    def _ranked(self) -> list[Backend]:
        if self._backends is None:
            backends: list[Backend] = []
            if self._use_system:
                try:
                    backends.append(SystemBackend())
                except Exception:  # an unsupported platform or a broken install
                    logger.exception("system notifications are unavailable")
            tray = self._tray()
            if tray is not None:
                backends.append(TrayBackend(tray))
            backends.append(InAppBackend(self._in_app))
            self._backends = backends
        return self._backends
