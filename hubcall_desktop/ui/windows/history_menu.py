"""The history's row menu (what the agent can do with one call) and the "Undo" bar that
follows a discard.

The menu is built from what the row already knows (:class:`RowFacts`), so it opens at
once, without the journal; only actions that apply to the call are enabled. Each action
is a name handed on with the call's id; the presenter (ui/presenters/secondary_windows.py) does the work.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStatusBar,
    QTableView,
    QWidget,
)

from hubcall_desktop.ui.models.history_columns import Column

if TYPE_CHECKING:
    from hubcall_desktop.ui.models.history_model import HistoryModel, RowFacts

logger = logging.getLogger(__name__)

UNDO_SECONDS = 8  # how long "Call discarded — Undo" stays


class RowAction(StrEnum):
    OPEN_HUBSPOT = "open_hubspot"
    CALL_BACK = "call_back"
    COPY_NUMBER = "copy_number"
    SEND_NOW = "send_now"
    RESEND = "resend"
    EDIT_NOTES = "edit_notes"


# SyncState values, as the row keeps them.
_QUEUED = "pending"
_FAILED = "failed"
_EDITABLE = ("local", "failed", "needs_number")  # not sent yet: notes can still change


def applies(action: RowAction, facts: RowFacts) -> bool:
    """Whether the action makes sense for the call (the menu disables the rest)."""
    if action is RowAction.OPEN_HUBSPOT:
        return facts.has_match
    if action in (RowAction.CALL_BACK, RowAction.COPY_NUMBER):
        return bool(facts.number)
    if action is RowAction.SEND_NOW:
        return facts.state == _QUEUED
    if action is RowAction.RESEND:
        return facts.state == _FAILED and facts.ended
    return facts.state in _EDITABLE  # EDIT_NOTES


def build_row_menu(parent: QWidget, facts: RowFacts) -> QMenu:
    """The menu for one row; its actions carry their RowAction in ``data()``."""
    menu = QMenu(parent)
    menu.setAccessibleName(QCoreApplication.translate("HistoryMenu", "Call actions"))
    entries = (
        (RowAction.OPEN_HUBSPOT, QCoreApplication.translate("HistoryMenu", "Open in &HubSpot")),
        (RowAction.CALL_BACK, QCoreApplication.translate("HistoryMenu", "&Call back")),
        (RowAction.COPY_NUMBER, QCoreApplication.translate("HistoryMenu", "C&opy number")),
        None,
        (RowAction.SEND_NOW, QCoreApplication.translate("HistoryMenu", "&Send now")),
        (RowAction.RESEND, QCoreApplication.translate("HistoryMenu", "&Resend")),
        (
            RowAction.EDIT_NOTES,
            QCoreApplication.translate("HistoryMenu", "&Edit notes before sending…"),
        ),
    )
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        action, text = entry
        item = menu.addAction(text)
        item.setData(action.value)
        item.setEnabled(applies(action, facts))
    return menu


class UndoBar(QFrame):
    """ "Call discarded — Undo" under the filters, for a few seconds (Ctrl+Z while shown)."""

    undo_requested = Signal(str)  # the call's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("HistoryMenu", "Undo discard"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel()
        self.button = QPushButton(QCoreApplication.translate("HistoryMenu", "&Undo"))
        self.button.setToolTip(QCoreApplication.translate("HistoryMenu", "Ctrl+Z"))
        self.button.setShortcut(QKeySequence("Ctrl+Z"))
        self.button.clicked.connect(self._undo)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self._call_id = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_SECONDS * 1000)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    @property
    def call_id(self) -> str:
        return self._call_id

    def offer(self, call_id: str, who: str) -> None:
        """A call was discarded: offer to take it back (a newer discard replaces it)."""
        self._call_id = call_id
        text = (
            QCoreApplication.translate("HistoryMenu", "Call discarded: %1")
            if who
            else QCoreApplication.translate("HistoryMenu", "Call discarded.")
        )
        self.label.setText(text.replace("%1", who))
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self._timer.stop()
        self._call_id = ""
        self.hide()

    def _undo(self) -> None:
        call_id = self._call_id
        self.dismiss()
        if call_id:
            self.undo_requested.emit(call_id)


class RowMenus(QObject):
    """The history table's row menu (right click, the menu key, Shift+F10), the number
    copied from it, and the Undo bar; the window hands the rest on as signals."""

    action_requested = Signal(str, str)  # a RowAction value, the call's id
    undo_requested = Signal(str)  # the call's id
    bar_needed = Signal(QWidget)  # the Undo bar, made on first need: lay it out

    def __init__(
        self, table: QTableView, model: HistoryModel, status: QStatusBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._table, self._model, self._status, self._parent = table, model, status, parent
        self.menu: QMenu | None = None  # while open
        self.undo_bar: UndoBar | None = None
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_requested)
        # The menu key and Shift+F10 open it at the current row (not where the mouse is).
        keys = QAction(QCoreApplication.translate("HistoryMenu", "Call actions"), table)
        keys.setShortcuts([QKeySequence("Shift+F10"), QKeySequence("Menu")])
        keys.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys.triggered.connect(lambda _checked=False: self.open_menu())
        table.addAction(keys)

    def _on_requested(self, pos: QPoint) -> None:
        index = self._table.indexAt(pos)
        if index.isValid():
            self._table.setCurrentIndex(index)
            self.open_menu(self._table.viewport().mapToGlobal(pos))
        else:
            self.open_menu()

    def open_menu(self, at: QPoint | None = None) -> QMenu | None:
        """The current row's menu, at ``at`` (global) or under the row's number."""
        index = self._table.currentIndex()
        facts = self._model.facts_at(index.row()) if index.isValid() else None
        if facts is None:
            return None
        if at is None:
            cell = self._table.visualRect(index.siblingAtColumn(Column.NUMBER))
            at = self._table.viewport().mapToGlobal(cell.bottomLeft())
        if self.menu is not None:
            self.menu.close()
        menu = build_row_menu(self._parent, facts)
        menu.triggered.connect(lambda action: self._chosen(facts, str(action.data())))
        menu.aboutToHide.connect(menu.deleteLater)
        self.menu = menu
        menu.popup(at)
        return menu

    def _chosen(self, facts: RowFacts, name: str) -> None:
        self.menu = None
        if name == RowAction.COPY_NUMBER:
            self.copy_number(facts.number, facts.number_text)
        else:
            self.action_requested.emit(name, facts.call_id)

    def copy_number(self, number: str, shown: str) -> None:
        """The number on the clipboard (E.164: any phone or form takes it), said below."""
        QGuiApplication.clipboard().setText(number)
        text = QCoreApplication.translate("HistoryMenu", "Copied %1 to the clipboard.").replace(
            "%1", number
        )
        if shown and shown != number:
            text = QCoreApplication.translate("HistoryMenu", "Copied %1 (%2) to the clipboard.")
            text = text.replace("%1", number).replace("%2", shown)
        self._status.showMessage(text, 5000)

    def offer_undo(self, call_id: str, who: str) -> None:
        if self.undo_bar is None:
            self.undo_bar = UndoBar(self._parent)
            self.undo_bar.undo_requested.connect(self.undo_requested)
            self.bar_needed.emit(self.undo_bar)
        self.undo_bar.offer(call_id, who)
