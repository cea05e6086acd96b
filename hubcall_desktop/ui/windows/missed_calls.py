"""The Missed calls view: the calls that rang unanswered since the agent last looked,
newest first, each with Call back.

One window for all of them (rows, not a widget per call), so memory follows the list,
which is capped, not the number of calls ever missed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.call_back import call_back_number
from hubcall_desktop.ui.text.formatting import remote_text, time_text, who_text

logger = logging.getLogger(__name__)

MAX_ROWS = 200  # older missed calls are in the history
_ID_ROLE = Qt.ItemDataRole.UserRole


class MissedCallsWindow(QWidget):
    call_back_requested = Signal(object)  # the Call

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("missedCalls")
        self.setWindowTitle(self.tr("Missed calls"))
        self._region = region
        self._calls: dict[str, Call] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels([self.tr("Time"), self.tr("Caller"), self.tr("Number")])
        self.table.setAccessibleName(self.tr("Missed calls"))
        self.table.itemActivated.connect(lambda *_: self._call_back())
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.call_back = QPushButton(self.tr("&Call back"))
        self.call_back.setToolTip(self.tr("Call the selected caller back (Enter)"))
        self.call_back.clicked.connect(self._call_back)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.call_back, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.set_calls([])
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        # Room for a time, a name and an international number side by side; the table's
        # own hint is a few columns wide at most.
        return QSize(560, 360).expandedTo(super().sizeHint())

    def set_calls(self, calls: Sequence[Call]) -> None:
        """Show ``calls`` (any order): newest first, at most ``MAX_ROWS``."""
        self._calls = {}
        newest = sorted(calls, key=lambda c: c.ended_at or c.created_at, reverse=True)
        self.table.clear()
        for call in newest[:MAX_ROWS]:
            self._calls[call.external_call_id] = call
            name = who_text(call.matches) or self.tr("Unknown caller")
            item = QTreeWidgetItem(
                [time_text(call.ringing_at or call.created_at), name, self._number(call)]
            )
            item.setData(0, _ID_ROLE, call.external_call_id)
            self.table.addTopLevelItem(item)
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self.summary.setText(
            self.tr("%n missed call(s) since you last looked.", "", len(self._calls))
            if self._calls
            else self.tr("No missed calls since you last looked.")
        )
        self._enable()

    def add_call(self, call: Call) -> None:
        """A call missed while the view is open joins the top of the list."""
        self.set_calls(
            [
                call,
                *(c for c in self._calls.values() if c.external_call_id != call.external_call_id),
            ]
        )

    def calls(self) -> list[Call]:
        """The calls listed, top to bottom."""
        return list(self._calls.values())  # kept in the order they were added: newest first

    def _number(self, call: Call) -> str:
        return remote_text(call, self._region)

    def _selected(self) -> Call | None:
        item = self.table.currentItem()
        return None if item is None else self._calls.get(str(item.data(0, _ID_ROLE)))

    def _enable(self) -> None:
        call = self._selected()
        self.call_back.setEnabled(call is not None and call_back_number(call) is not None)

    def _call_back(self) -> None:
        call = self._selected()
        if call is not None and call_back_number(call) is not None:
            self.call_back_requested.emit(call)
