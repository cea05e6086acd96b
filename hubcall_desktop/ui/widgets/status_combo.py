"""A drop-down of the 13 call statuses, labelled in the UI language, ended calls' first.

The agent picks a status after a call ended (the pop-up, the call window, the manual form),
so the statuses that describe an ended call come first. The others (Connecting, Ringing,
Queued…) wait behind a "More…" entry; choosing it, by mouse or by arrow keys and Enter,
adds them below a separator and opens the list again. A status of the second group that
the combo is asked to show (a call logged as "In progress") adds them at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QWidget

from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui.text.i18n import status_label

logger = logging.getLogger(__name__)

# How a finished call went, most frequent first.
ENDED_STATUSES: tuple[CallStatus, ...] = (
    CallStatus.COMPLETED,
    CallStatus.MISSED,
    CallStatus.NO_ANSWER,
    CallStatus.BUSY,
    CallStatus.FAILED,
    CallStatus.CANCELED,
    CallStatus.UNKNOWN,  # what the app records for a call whose end never came
)
# A call not yet ended, in the order a call goes through them.
MORE_STATUSES: tuple[CallStatus, ...] = (
    CallStatus.CONNECTING,
    CallStatus.RINGING,
    CallStatus.QUEUED,
    CallStatus.IN_PROGRESS,
    CallStatus.HOLD,
    CallStatus.CALLING_CRM_USER,
)
_VALUES = frozenset(s.value for s in CallStatus)
_MORE = "more"  # the item data of the "More…" entry (statuses are their enum values)


class StatusCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for status in ENDED_STATUSES:
            self.addItem(status_label(status), status.value)
        self.addItem(self.tr("More…"), _MORE)
        more_tip = self.tr("Statuses of calls that have not ended yet")
        self.setItemData(self.count() - 1, more_tip, Qt.ItemDataRole.ToolTipRole)
        self._chosen = CallStatus.COMPLETED  # the last status shown, while "More…" is current
        self.currentIndexChanged.connect(self._on_current)
        self.activated.connect(self._on_activated)
        self.set_status(CallStatus.COMPLETED)

    @property
    def expanded(self) -> bool:
        """The second group is in the list."""
        return self.findData(_MORE) < 0

    def status(self) -> CallStatus:
        return self._chosen

    def set_status(self, status: CallStatus) -> None:
        status = CallStatus(status)
        if status in MORE_STATUSES:
            self.expand()
        self.setCurrentIndex(max(0, self.findData(status.value)))

    def expand(self) -> None:
        """Replace "More…" with a separator and the statuses of calls not yet ended."""
        more = self.findData(_MORE)
        if more < 0:
            return
        chosen = self._chosen
        self.blockSignals(True)  # the entries move; the chosen status does not
        self.removeItem(more)
        self.insertSeparator(more)
        for offset, status in enumerate(MORE_STATUSES, start=1):
            self.insertItem(more + offset, status_label(status), status.value)
        self.setCurrentIndex(self.findData(chosen.value))
        self.blockSignals(False)

    def _on_current(self, index: int) -> None:
        value = self.itemData(index)
        if value in _VALUES:  # not "More…" or the separator: those leave the status be
            self._chosen = CallStatus(value)

    def _on_activated(self, index: int) -> None:
        if self.itemData(index) == _MORE:
            self.expand()
            # Open again for the choice "More…" promised (after the closing list is gone).
            QTimer.singleShot(0, self.showPopup)
