"""What the presenters share, instead of the controller: the settings, the data folder, the
desk once the boot made it, the connection, the main window, the pop-ups and the notifier.

The controller builds one :class:`AppContext` and hands it to each presenter; a presenter
that needs another presenter is given that one by name. No presenter imports the
controller, so none can reach into it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from hubcall_desktop.core.api_versions import DEFAULT_API_BASE

if TYPE_CHECKING:  # the desk and the connection load after the first paint
    from hubcall_desktop.core.connection_types import ConnectionSnapshot
    from hubcall_desktop.core.settings import Settings
    from hubcall_desktop.services.call_desk import CallDesk
    from hubcall_desktop.services.call_sources import CallSources
    from hubcall_desktop.services.connection import ConnectionManager
    from hubcall_desktop.services.runtime import DeskRuntime
    from hubcall_desktop.storage.paths import AppPaths
    from hubcall_desktop.ui.desktop.notifications import Notifier
    from hubcall_desktop.ui.desktop.tray import Tray
    from hubcall_desktop.ui.models.history_model import HistoryModel
    from hubcall_desktop.ui.presenters.desk_signals import DeskSignals
    from hubcall_desktop.ui.presenters.popup_stack import PopupManager
    from hubcall_desktop.ui.startup.options import AppOptions
    from hubcall_desktop.ui.windows.main_window import MainWindow


@dataclass
class BootState:
    """What the boot made that presenters use; empty (demo: stays so) until it has run."""

    connection: ConnectionManager | None = None  # None in demo mode
    sources: CallSources | None = None
    api_base: str = DEFAULT_API_BASE
    api_version: str = "v3"
    # The boot's one look at the connection at start-up (None: the keyring failed), set
    # before ``checked``; the set-up guide decides on it instead of asking again.
    first_state: ConnectionSnapshot | None = None
    checked: asyncio.Event = field(default_factory=asyncio.Event)


class AppContext(QObject):
    ready = Signal()  # the desk is running (journal open, outbox started)
    boot_failed = Signal(object)  # a Message (or text): translated from its id where shown
    quitting = Signal()

    def __init__(
        self,
        options: AppOptions,
        paths: AppPaths,
        settings: Settings,
        *,
        window: MainWindow,
        model: HistoryModel,
        signals: DeskSignals,
        popups: PopupManager,
        notifier: Notifier,
        tray: Tray | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.paths = paths
        self.settings = settings  # one object: the desk and every window share it
        self.window = window
        self.model = model
        self.signals = signals
        self.popups = popups
        self.notifier = notifier
        self.tray = tray
        self.runtime: DeskRuntime | None = None  # set by the boot
        self.boot = BootState()

    @property
    def region(self) -> str:
        return self.options.region or self.settings.region

    @property
    def desk(self) -> CallDesk | None:
        return self.runtime.desk if self.runtime is not None else None

    @staticmethod
    def open_url(url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def say(self, text: str, timeout_ms: int = 0) -> None:
        """A line in the main window's status bar (0: until the next one)."""
        self.window.statusBar().showMessage(text, timeout_ms)
