"""A drop-down of all 13 call statuses, labelled in the UI language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui.i18n import status_label


class StatusCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for status in CallStatus:
            self.addItem(status_label(status), status.value)
        self.set_status(CallStatus.COMPLETED)

    def status(self) -> CallStatus:
        # Qt keeps the item data as a plain str (the enum's value), not the enum.
        try:
            return CallStatus(str(self.currentData()))
        except ValueError:
            return CallStatus.UNKNOWN

    def set_status(self, status: CallStatus) -> None:
        self.setCurrentIndex(max(0, self.findData(CallStatus(status).value)))
