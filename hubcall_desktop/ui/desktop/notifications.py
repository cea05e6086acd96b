"""Desktop notifications through ranked backends: the system's, the tray's balloon, in-app.

1. The system notification service, through ``desktop-notifier`` (D-Bus
   ``org.freedesktop.Notifications`` on Linux, the native centres on macOS and Windows),
   asynchronous, so the UI never waits on D-Bus.
2. The tray icon's balloon (``QSystemTrayIcon.showMessage``), where a tray exists.
3. In the app: a line in the main window's status bar (the pop-up does the rest).

Nothing is created before the first notification, so start-up never touches D-Bus. A
backend that fails is marked unavailable, once, and the next one takes over.

A notification sent with a ``key`` (a call id) can be withdrawn when its call moves on
(answered, ended, its pop-up opened): the system's is closed over D-Bus
(``CloseNotification``); a tray balloon cannot be taken back and times out.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.desktop.assets import icon, icon_path
from hubcall_desktop.ui.widgets.plain_text import markup_escaped

logger = logging.getLogger(__name__)

APP_NAME = "HubCall Desktop"
TIMEOUT_S = 15

Click = Callable[[], None]


class Backend(Protocol):
    name: str
    covers_screen: bool  # draws over other windows (a pop-up's corner may be under it)

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> str | None:
        """Once the notification was handed to the system (or shown): an id to withdraw
        it with ("" when it cannot be withdrawn). None: this backend did not take it."""
        ...

    async def withdraw(self, identifier: str) -> None:
        """Take a notification off the screen (if it still is)."""
        ...


class SystemBackend:
    """desktop-notifier: D-Bus on Linux, Notification Center on macOS, WinRT on Windows."""

    name = "system"
    covers_screen = True

    def __init__(self) -> None:
        from desktop_notifier import DEFAULT_SOUND, DesktopNotifier, Icon

        # desktop-notifier logs a traceback at WARNING for every failed send; we report
        # the failure ourselves, once, and fall back.
        logging.getLogger("desktop_notifier").setLevel(logging.ERROR)
        self._notifier = DesktopNotifier(
            app_name=APP_NAME, app_icon=Icon(path=icon_path("hubcall"))
        )
        self._sound = DEFAULT_SOUND

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> str | None:
        dispatched: list[bool] = []
        identifier = await self._notifier.send(
            title,
            _body_for_system(body),
            on_clicked=on_click,
            on_dispatched=lambda: dispatched.append(True),
            sound=self._sound if sound else None,
            timeout=TIMEOUT_S,
        )
        return identifier if dispatched else None

    async def withdraw(self, identifier: str) -> None:
        try:
            await self._notifier.clear(identifier)  # CloseNotification on D-Bus
        except KeyError:
            # desktop-notifier forgets a notification the server closed (timed out, clicked,
            # dismissed) and then raises KeyError for its id: it is off the screen already.
            logger.debug("notification %s was already closed", identifier)


def _body_for_system(body: str) -> str:
    """freedesktop servers (dunst, GNOME, KDE) read the body as markup: a caller named
    ``<b>…`` or ``<img …>`` must arrive as text. macOS and Windows show text as it is."""
    if sys.platform.startswith(("darwin", "win")):
        return body
    return markup_escaped(body)


class TrayBackend:
    """The tray balloon; a click on it runs the last notification's action."""

    name = "tray"
    covers_screen = True  # the balloon appears next to the tray, where pop-ups stack

    def __init__(self, tray: QSystemTrayIcon) -> None:
        self._tray = tray
        self._on_click: Click | None = None
        tray.messageClicked.connect(self._clicked)

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> str | None:
        if not self._tray.isVisible():
            return None
        if sound:
            QApplication.beep()
        self._on_click = on_click
        self._tray.showMessage(title, body, icon("hubcall"), TIMEOUT_S * 1000)
        return ""

    async def withdraw(self, identifier: str) -> None:
        """Qt cannot take a balloon back; it goes after its timeout."""

    def _clicked(self) -> None:
        if self._on_click is not None:
            self._on_click()


class InAppBackend:
    """The last resort: a line in the app (the pop-up already shows ringing calls)."""

    name = "in-app"
    covers_screen = False  # a line in the main window's status bar

    def __init__(self, show: Callable[[str, str], None]) -> None:
        self._show = show

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> str | None:
        if sound:
            QApplication.beep()
        self._show(title, body)
        return ""

    async def withdraw(self, identifier: str) -> None:
        """The status bar line expires by itself and covers nothing."""


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
        # Keyed notifications on screen (backend, id), and those still being sent.
        self._shown: dict[str, tuple[Backend, str]] = {}
        self._sending: dict[str, asyncio.Task[str]] = {}
        self.last_backend = ""  # the backend that took the last notification (for tests, logs)
        self.sent = 0
        self.withdrawn = 0

    def notify(
        self,
        title: str,
        body: str,
        on_click: Click | None = None,
        *,
        sound: bool = False,
        key: str = "",
        in_app_only: bool = False,
    ) -> None:
        """Send in the background; never blocks the caller. ``key`` names it for
        ``withdraw``; ``in_app_only`` keeps it off the screen (a line in the app)."""
        sending = tasks.start(
            self.send(title, body, on_click, sound=sound, key=key, in_app_only=in_app_only),
            "notification",
        )
        if key:
            self._sending[key] = sending

    async def send(
        self,
        title: str,
        body: str,
        on_click: Click | None = None,
        *,
        sound: bool = False,
        key: str = "",
        in_app_only: bool = False,
    ) -> str:
        """Send now; returns the name of the backend that took it."""
        try:
            for backend in self._ranked():
                if backend.name in self._unavailable or (in_app_only and backend.covers_screen):
                    continue
                try:
                    handle = await backend.send(title, body, on_click, sound)
                except Exception:
                    logger.exception("notification backend %s failed", backend.name)
                    handle = None
                if isinstance(handle, str):  # anything else: not taken
                    self.last_backend = backend.name
                    self.sent += 1
                    if key:
                        self._shown[key] = (backend, handle)
                    return backend.name
                logger.info("notifications: %s is not available, using the next way", backend.name)
                self._unavailable.add(backend.name)
            return ""
        finally:
            if key and self._sending.get(key) is asyncio.current_task():
                del self._sending[key]

    def withdraw(self, key: str) -> None:
        """Take the notification sent with ``key`` off the screen, also one still being
        sent (it is closed as soon as the system has it)."""
        if key in self._shown or key in self._sending:
            tasks.start(self._withdraw(key), "withdraw notification")

    async def _withdraw(self, key: str) -> None:
        sending = self._sending.get(key)
        if sending is not None:
            await asyncio.wait([sending])
        shown = self._shown.pop(key, None)
        if shown is None:
            return
        backend, identifier = shown
        try:
            await backend.withdraw(identifier)
        except Exception:  # the daemon went away: nothing is left on screen to close
            logger.exception("could not withdraw a notification (%s)", backend.name)
            return
        self.withdrawn += 1

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
