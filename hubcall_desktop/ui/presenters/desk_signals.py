"""The one adapter between the Qt-free call desk and Qt: desk callbacks become signals.

One route: every :class:`DeskUpdate` comes out of ``updated``, whatever its kind, and
each subscriber (the controller's route to the pop-ups, notices, history and tray; the
missed calls; the set-up guide) picks the kinds it cares about. The desk calls its
listeners on the event loop's thread, which under qasync is the GUI thread, so the
signals are emitted directly (no queued connection needed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from hubcall_desktop.core.desk_types import DeskStatus, DeskUpdate
    from hubcall_desktop.services.call_desk import CallDesk


class DeskSignals(QObject):
    updated = Signal(object)  # a DeskUpdate, every kind
    status_changed = Signal(object)  # a DeskStatus

    def attach(self, desk: CallDesk) -> None:
        desk.add_listener(self.on_update)
        desk.add_status_listener(self.on_status)
        self.on_status(desk.current_status())

    def on_update(self, update: DeskUpdate) -> None:
        self.updated.emit(update)

    def on_status(self, status: DeskStatus) -> None:
        self.status_changed.emit(status)
