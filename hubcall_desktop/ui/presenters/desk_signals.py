"""The one adapter between the Qt-free call desk and Qt: desk callbacks become signals.

The desk calls its listeners on the event loop's thread, which under qasync is the GUI
thread, so the signals are emitted directly (no queued connection needed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from hubcall_desktop.core.desk_types import DeskStatus, DeskUpdate, UpdateKind

if TYPE_CHECKING:
    from hubcall_desktop.services.call_desk import CallDesk


class DeskSignals(QObject):
    """Every signal carries a :class:`DeskUpdate` (``status_changed``: a :class:`DeskStatus`)."""

    ringing = Signal(object)
    matches = Signal(object)
    lookup_failed = Signal(object)
    answered = Signal(object)
    ended = Signal(object)
    changed = Signal(object)
    sync = Signal(object)
    updated = Signal(object)  # every update, after its specific signal
    status_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_kind = {
            UpdateKind.RINGING: self.ringing,
            UpdateKind.MATCHES: self.matches,
            UpdateKind.LOOKUP_FAILED: self.lookup_failed,
            UpdateKind.ANSWERED: self.answered,
            UpdateKind.ENDED: self.ended,
            UpdateKind.CHANGED: self.changed,
            UpdateKind.SYNC: self.sync,
            UpdateKind.NOT_RECORDED: self.changed,
        }

    def attach(self, desk: CallDesk) -> None:
        desk.add_listener(self.on_update)
        desk.add_status_listener(self.on_status)
        self.on_status(desk.current_status())

    def on_update(self, update: DeskUpdate) -> None:
        self._by_kind[update.kind].emit(update)
        self.updated.emit(update)

    def on_status(self, status: DeskStatus) -> None:
        self.status_changed.emit(status)
