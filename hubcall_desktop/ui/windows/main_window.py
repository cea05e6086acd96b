"""The main window: the call in progress, the history table, and the connection state.

It holds no logic: its commands are signals and the shared
:class:`~hubcall_desktop.ui.desktop.app_actions.AppActions` (the tray's menu holds the same
ones), which the controller answers; the table is a view on
:class:`~hubcall_desktop.ui.models.history_model.HistoryModel`. At start-up the window is
painted before that model exists: the table shows its header from a plain Qt model and
gets the history right after (:meth:`MainWindow.attach_model`; history_columns says why).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.ui.desktop.app_actions import AppActions
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.models.history_columns import (
    CALL_ID_ROLE,
    Column,
    column_titles,
    outcome_samples,
)
from hubcall_desktop.ui.text.formatting import number_text, remote_text, time_text, who_text
from hubcall_desktop.ui.text.i18n import all_direction_labels, all_status_labels, all_sync_labels

if TYPE_CHECKING:  # this window is built before the first paint: no core.call at load time
    from pathlib import Path

    from hubcall_desktop.core.call import Call
    from hubcall_desktop.core.desk_types import DeskStatus
    from hubcall_desktop.ui.models.history_model import HistoryModel
    from hubcall_desktop.ui.windows.history_menu import RowMenus, UndoBar

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the journal
RECONNECT_STYLE = "color: #cf222e; font-weight: bold;"  # the error colour of the forms

# The state filter's entries: label source text, the states it shows (None: all), and
# whether calls still ringing or in progress are left out. The states are SyncState
# values; they become SyncState members when the filter is used.
_FILTERS: tuple[tuple[str, frozenset[str] | None, bool], ...] = (
    (str(QT_TRANSLATE_NOOP("MainWindow", "All calls")), None, False),
    # What the agent still owes a decision: not logged, waiting for a number, or refused;
    # a call still ringing or being talked is not there yet.
    (
        str(QT_TRANSLATE_NOOP("MainWindow", "To wrap up")),
        frozenset({"local", "needs_number", "failed"}),
        True,
    ),
    (
        str(QT_TRANSLATE_NOOP("MainWindow", "Not logged yet")),
        frozenset({"local", "needs_number"}),
        False,
    ),
    (
        str(QT_TRANSLATE_NOOP("MainWindow", "Pending")),
        frozenset({"pending", "sending"}),
        False,
    ),
    (str(QT_TRANSLATE_NOOP("MainWindow", "Logged")), frozenset({"logged"}), False),
    (str(QT_TRANSLATE_NOOP("MainWindow", "Failed")), frozenset({"failed"}), False),
    (
        str(QT_TRANSLATE_NOOP("MainWindow", "Kept here only")),
        frozenset({"withheld", "discarded"}),
        False,
    ),
)


class MainWindow(QMainWindow):
    call_open_requested = Signal(str)  # the call's id
    row_action_requested = Signal(str, str)  # a history_menu.RowAction value, the call's id
    send_queued_requested = Signal()  # "Send queued calls now"
    undo_discard_requested = Signal(str)  # the call's id
    guide_requested = Signal()  # the set-up guide (Help menu, the status bar's "Set up…")
    log_folder_requested = Signal()  # Help → Open log folder (the app knows where it is)

    def __init__(self, model: HistoryModel | None = None, demo_callers: Sequence[str] = ()) -> None:
        super().__init__()
        self.commands = AppActions(parent=self)  # the tray's menu shares them
        self._model = model
        self._rows: RowMenus | None = None  # the history's row menu and Undo bar
        self.hide_on_close = True  # the tray keeps the app; without a tray, closing quits
        self._setup_ui()
        self._setup_menus()
        if demo_callers:
            self.add_demo(demo_callers)
        self._show_status("unknown", None, 0, (), "")
        self.show_current_call(None, "US")
        if model is not None:
            self.attach_model(model)

    @property
    def model(self) -> HistoryModel:
        if self._model is None:
            raise RuntimeError("the history model is not attached yet")
        return self._model

    def attach_model(self, model: HistoryModel) -> None:
        """Show the history (once, right after the first paint at start-up)."""
        from PySide6.QtCore import Qt  # see the module docstring: not before the paint

        self._model = model
        self._use_model(model)
        model.total_changed.connect(self._on_total)
        model.load_failed.connect(lambda text: self.statusBar().showMessage(_in_ui_language(text)))
        self._refresh_action.setEnabled(True)
        self._enable_sorting(model)
        self._enable_row_menu(model)
        from hubcall_desktop.ui.widgets.plain_text import make_plain

        # Caller names come from HubSpot, numbers from the webhook, source names from the
        # settings: never let Qt read them as rich text.
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        make_plain(self.count_label, self.token_label, self.hubspot_label)
        make_plain(self.pending_label, self.sources_label)

    # -- building -----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("HubCall Desktop"))
        self.setWindowIcon(icon("hubcall"))
        self.resize(980, 600)
        central = QWidget()
        layout = QVBoxLayout(central)

        self._layout = layout
        self.current_box = QGroupBox(self.tr("Call in progress"))
        current = QHBoxLayout(self.current_box)
        self.current_label = QLabel()  # plain text once calls can show (attach_model)
        self.popup_button = QPushButton(self.tr("Go to &pop-up"))
        self.popup_button.setToolTip(self.tr("Ctrl+Shift+P"))
        self.popup_button.clicked.connect(self.commands.popup.trigger)
        current.addWidget(self.current_label, 1)
        current.addWidget(self.popup_button)
        layout.addWidget(self.current_box)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search numbers, names, notes (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the call history"))
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(self.tr("Show calls"))
        # Labels only; the states are found by position. A Python object as item data
        # would make PySide6 set up QtCore's type conversions (160 enum types) before the
        # first paint.
        self.state_filter.addItems([self.tr(label) for label, _states, _closed in _FILTERS])
        self.count_label = QLabel()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Call history"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures 100,000 rows to lay them out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        placeholder = QStandardItemModel(0, len(Column), self)
        placeholder.setHorizontalHeaderLabels(column_titles())
        self._use_model(placeholder)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.activated.connect(self._on_activated)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.state_filter.currentIndexChanged.connect(lambda _index: self._apply_filter())

        bar = self.statusBar()
        self.token_label = QLabel()
        self.hubspot_label = QLabel()
        self.pending_label = QLabel()
        self.sources_label = QLabel()
        # Shown only while HubSpot needs the agent to connect again: opens the settings.
        self.reconnect_button = QPushButton(self.tr("&Reconnect…"))
        self.reconnect_button.setToolTip(self.tr("Connect to HubSpot again in the settings"))
        self.reconnect_button.clicked.connect(self.commands.reconnect.trigger)  # as the tray's
        self.reconnect_button.hide()
        # Shown only while no token is saved: opens the set-up guide.
        self.setup_button = QPushButton(self.tr("Set &up…"))
        self.setup_button.setToolTip(self.tr("Connect HubSpot with the set-up guide"))
        self.setup_button.clicked.connect(self.guide_requested)
        self.setup_button.hide()
        labels = (self.token_label, self.hubspot_label, self.pending_label, self.sources_label)
        for part in labels:
            part.setContentsMargins(10, 0, 10, 0)
            part.setFrameShape(QFrame.Shape.NoFrame)
        for widget in (self.token_label, self.reconnect_button, self.setup_button, *labels[1:]):
            bar.addPermanentWidget(widget)

    def _use_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)  # a new model resets the header: lay it out again
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self._size_columns()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)

    def _size_columns(self) -> None:
        """Widths from the longest text each column can hold in this language and locale,
        so nothing is cut off and nothing is measured per row."""
        metrics = self.table.fontMetrics()
        sample_time = time_text(datetime(2026, 12, 28, 22, 58, 58, tzinfo=UTC))
        samples: dict[Column, list[str]] = {
            Column.TIME: [sample_time],
            Column.DIRECTION: all_direction_labels(),
            Column.NUMBER: ["+44 20 7946 0018", number_text(None, "", "US", withheld=True)],
            Column.STATUS: all_status_labels(),
            Column.OUTCOME: outcome_samples(),
            Column.DURATION: ["10:00:00"],
            Column.SYNC: all_sync_labels(),
        }
        header = self.table.horizontalHeader()
        titles = column_titles()
        for column, texts in samples.items():
            title = titles[column]
            widest = max(metrics.horizontalAdvance(t) for t in [*texts, title])
            header.resizeSection(column, widest + 24)

    def add_demo(self, callers: Sequence[str]) -> None:
        """Demo mode: a banner saying so, and "Simulate incoming call" (here and in the menu)."""
        self.commands.add_demo(callers)
        banner = QGroupBox(self.tr("Demo mode"))
        row = QHBoxLayout(banner)
        text = QLabel(
            self.tr("Calls go to a local HubSpot sandbox, not to HubSpot. Ring yourself:")
        )
        text.setWordWrap(True)
        self.simulate_button = QPushButton(self.tr("Simulate &incoming call"))
        menu = QMenu(self.simulate_button)
        menu.addActions(self.commands.simulate_calls)
        self.simulate_button.setMenu(menu)
        row.addWidget(text, 1)
        row.addWidget(self.simulate_button)
        self._layout.insertWidget(0, banner)
        demo = QMenu(self.tr("Simulate &incoming call"), self._calls_menu)
        demo.addActions(self.commands.simulate_calls)
        self._calls_menu.insertMenu(self._demo_anchor, demo)

    def _setup_menus(self) -> None:
        shared = self.commands
        calls = self.menuBar().addMenu(self.tr("&Calls"))
        calls.addActions([shared.log_call, shared.popup])
        self._calls_menu = calls
        self._demo_anchor = calls.addSeparator()
        calls.addAction(shared.missed_calls)
        self._action(calls, self.tr("&Find in history"), self._focus_search, "Ctrl+F")
        self._refresh_action = self._action(
            calls, self.tr("&Refresh history"), lambda: self.model.reload(), "F5"
        )
        self._refresh_action.setEnabled(self._model is not None)
        self.send_queued_action = self._action(
            calls,
            self.tr("&Send queued calls now"),
            self.send_queued_requested.emit,
            "Ctrl+Shift+S",
        )
        self.send_queued_action.setEnabled(False)  # until the status counts queued calls
        calls.addSeparator()
        self._action(calls, self.tr("&Close window"), self.close, "Ctrl+W")
        calls.addAction(shared.quit)
        options = self.menuBar().addMenu(self.tr("&Options"))
        options.addActions([shared.dnd, shared.settings])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Set-up &guide…"), self.guide_requested.emit)
        self._action(help_menu, self.tr("Open &log folder"), self.log_folder_requested.emit)

    def show_log_folder(self, folder: Path) -> None:
        """``folder`` (the log and crash files') in the desktop's file manager; its path in
        a message where none opens (so it can be found, or attached to a bug report)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                self,
                self.tr("Log folder"),
                self.tr("No file manager could be opened. The log folder is %1").replace(
                    "%1", str(folder)
                ),
            )

    def _action(self, menu: QMenu, text: str, slot: object, keys: str = "") -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if keys:
            # setShortcuts, not setShortcut: choosing among setShortcut's overloads makes
            # PySide6 build the Qt namespace's enums (see history_columns), a list does not.
            action.setShortcuts([QKeySequence(keys)])
        return action

    # -- showing -----------------------------------------------------------------------

    def set_dnd(self, on: bool) -> None:
        self.commands.set_dnd(on)

    def show_current_call(self, call: Call | None, region: str) -> None:
        if call is None:
            self.current_label.setText(self.tr("No call in progress."))
            self.popup_button.setEnabled(False)
            return
        who = who_text(call.matches)
        number = remote_text(call, region)
        state = self.tr("talking") if call.answered_at else self.tr("ringing")
        text = f"{who} · {number}" if who else number
        self.current_label.setText(self.tr("%1 (%2)").replace("%1", text).replace("%2", state))
        self.popup_button.setEnabled(True)

    def set_status(self, status: DeskStatus) -> None:
        self._show_status(
            status.token.value, status.reachable, status.pending, status.sources, status.message
        )

    def _show_status(
        self,
        state: str,  # a TokenState value
        reachable: bool | None,
        pending: int,
        sources: tuple[str, ...],
        message: str,
    ) -> None:
        token = {
            "unknown": self.tr("Token: not checked yet"),
            "ok": self.tr("Token OK"),
            "missing": self.tr("No token"),
            "refused": self.tr("Token refused"),
            "reconnect": self.tr("Reconnect needed"),
        }[state]
        self.token_label.setText(token)
        reconnect = state == "reconnect"
        self.token_label.setStyleSheet(RECONNECT_STYLE if reconnect else "")
        self.reconnect_button.setVisible(reconnect)
        self.setup_button.setVisible(state == "missing")
        if reachable is None:
            reach = self.tr("HubSpot: not contacted yet")
        elif reachable:
            reach = self.tr("HubSpot reachable")
        else:
            reach = self.tr("HubSpot unreachable")
        self.hubspot_label.setText(reach)
        tooltip = _plain_tooltip(_in_ui_language(message)) if message else ""
        self.hubspot_label.setToolTip(tooltip)  # HubSpot's words: never markup
        self.token_label.setToolTip(tooltip)
        self.pending_label.setText(self.tr("%n pending", "", pending))
        self.send_queued_action.setEnabled(pending > 0)
        if sources:
            self.sources_label.setText(
                self.tr("Listening: %1").replace(
                    "%1", ", ".join(_in_ui_language(s) for s in sources)
                )
            )
        else:
            self.sources_label.setText(self.tr("No call source listening"))

    def selected_call_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        call_id: str | None = rows[0].data(CALL_ID_ROLE)
        return call_id

    # -- the history's order, row menu and undo ---------------------------------------------

    def _enable_sorting(self, model: HistoryModel) -> None:
        """Header clicks sort in the journal; the arrow starts at newest first."""
        from PySide6.QtCore import Qt  # see the module docstring: not before the paint

        header = self.table.horizontalHeader()
        header.setSortIndicator(Column.TIME, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # asks the model for newest first: no reload
        model.order_changed.connect(lambda _c, _d: self.table.scrollToTop())

    def _enable_row_menu(self, model: HistoryModel) -> None:
        from hubcall_desktop.ui.windows.history_menu import RowMenus

        rows = RowMenus(self.table, model, self.statusBar(), self)
        rows.action_requested.connect(self.row_action_requested)
        rows.undo_requested.connect(self.undo_discard_requested)
        rows.bar_needed.connect(
            lambda bar: self._layout.insertWidget(self._layout.indexOf(self.table), bar)
        )
        self._rows = rows

    @property
    def row_menu(self) -> QMenu | None:
        """The history's context menu while it is open."""
        return self._rows.menu if self._rows is not None else None

    @property
    def undo_bar(self) -> UndoBar | None:
        return self._rows.undo_bar if self._rows is not None else None

    def open_row_menu(self) -> QMenu | None:
        return self._rows.open_menu() if self._rows is not None else None

    def copy_number(self, number: str, shown: str) -> None:
        if self._rows is not None:
            self._rows.copy_number(number, shown)

    def offer_undo(self, call_id: str, who: str) -> None:
        """ "Call discarded — Undo" above the history for a few seconds."""
        if self._rows is not None:
            self._rows.offer_undo(call_id, who)

    # -- events --------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        call_id = index.data(CALL_ID_ROLE)
        if call_id is not None:
            self.call_open_requested.emit(call_id)

    def _apply_filter(self) -> None:
        from hubcall_desktop.core.call import SyncState

        _label, values, closed_only = _FILTERS[max(0, self.state_filter.currentIndex())]
        states = None if values is None else {SyncState(v) for v in values}
        if self._model is not None:
            self._model.set_filter(self.search.text(), states, closed_only=closed_only)

    def _on_total(self, total: int) -> None:
        self.count_label.setText(self.tr("%n call(s)", "", total))

    def _focus_search(self) -> None:
        from PySide6.QtCore import Qt  # see the module docstring

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        if self.hide_on_close:
            self.hide()
        else:
            self.commands.quit.trigger()


def _in_ui_language(text: str) -> str:
    """messages.message_text, loaded on first need: the window is painted before any
    message can exist (its table of sentences costs a few ms on the way to the paint)."""
    if not text:
        return ""
    from hubcall_desktop.ui.text.messages import message_text

    return message_text(text)


def _plain_tooltip(text: str) -> str:
    """widgets.plain_text.plain_tooltip, loaded on first need (not before the paint)."""
    from hubcall_desktop.ui.widgets.plain_text import plain_tooltip

    return plain_tooltip(text)
