"""One call from the history: its details, its matches, its notes and status to edit,
and "Log call" / "Resend" where HubSpot has not taken it yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.formatting import duration_text, remote_text, time_text
from hubcall_desktop.ui.text.i18n import direction_label, source_label, sync_label
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.called_number import CalledNumberField
from hubcall_desktop.ui.widgets.match_list import MatchList
from hubcall_desktop.ui.widgets.outcome_combo import OutcomeCombo
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE
from hubcall_desktop.ui.widgets.plain_text import make_plain
from hubcall_desktop.ui.widgets.status_combo import StatusCombo

# States in which HubSpot has (or is about to have) the call: nothing left to edit.
_SETTLED = (SyncState.LOGGED, SyncState.PENDING, SyncState.SENDING)


class CallDialog(QDialog):
    save_requested = Signal(str, object, str, str)  # call id, CallStatus, notes, title
    log_requested = Signal(str, object, str, str)
    open_requested = Signal(str)
    called_number_entered = Signal(str, str)  # call id, the number that was called
    create_contact_requested = Signal(str)  # call id: HubSpot knows no one with the number

    def __init__(
        self, call: Call, region: str, ui_domain: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._ui_domain = ui_domain
        self.call = call
        self._setup_ui()
        self.show_call(call, "")

    def _setup_ui(self) -> None:
        self.setWindowIcon(icon("hubcall"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        # The caller as HubSpot names them (the first match), above the facts.
        self.caller_name = QLabel()
        self.caller_name.setAccessibleName(self.tr("Caller"))
        font = self.caller_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.caller_name.setFont(font)
        layout.addWidget(self.caller_name)
        facts = QFormLayout()
        self.number = QLabel()
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.when = QLabel()
        self.source = QLabel()
        self.length = QLabel()
        self.sync = QLabel()
        self.sync.setWordWrap(True)
        self.sync.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The number from the webhook or the journal, HubSpot's words in the sync line.
        make_plain(self.caller_name, self.number, self.when, self.source, self.length, self.sync)
        facts.addRow(self.tr("Number:"), self.number)
        facts.addRow(self.tr("Started:"), self.when)
        facts.addRow(self.tr("Source:"), self.source)
        facts.addRow(self.tr("Duration:"), self.length)
        facts.addRow(self.tr("HubSpot:"), self.sync)
        layout.addLayout(facts)
        self.called_number = CalledNumberField(self._region)  # for a call that lacks it
        self.called_number.entered.connect(
            lambda number: self.called_number_entered.emit(self.call.external_call_id, number)
        )
        self.called_number.phone.changed.connect(self._update_log_button)
        layout.addWidget(self.called_number)
        self.matches = MatchList()
        self.matches.open_requested.connect(self.open_requested)
        layout.addWidget(self.matches)
        self.create_contact_button = QPushButton(self.tr("Create c&ontact…"))
        self.create_contact_button.clicked.connect(
            lambda: self.create_contact_requested.emit(self.call.external_call_id)
        )
        layout.addWidget(self.create_contact_button, 0, Qt.AlignmentFlag.AlignLeft)
        edit = QFormLayout()
        self.status = StatusCombo()
        self.status.setAccessibleName(self.tr("Call status"))
        self.outcome = OutcomeCombo()  # the desk journals a choice at once
        self.status.activated.connect(lambda _i: self.outcome.follow_status(self.status.status()))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Call title"))
        self.title_edit.setMaxLength(512)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        edit.addRow(self.tr("&Status:"), self.status)
        edit.addRow(self.tr("O&utcome:"), self.outcome)
        edit.addRow(self.tr("&Title:"), self.title_edit)
        edit.addRow(self.tr("&Notes:"), self.notes)
        layout.addLayout(edit)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self._on_save)
        self.log_button = QPushButton(self.tr("&Log call"))
        self.log_button.setDefault(True)
        self.log_button.clicked.connect(self._on_log)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.log_button)
        layout.addLayout(buttons)

    def _on_save(self) -> None:
        if self.called_number.commit():  # a number typed is kept with the rest
            self.save_requested.emit(*self._values())

    def _on_log(self) -> None:
        if self.called_number.commit():  # the number first: the call is sent with it
            self.log_requested.emit(*self._values())

    def _update_log_button(self) -> None:
        """A call that lacks the called number is logged once a valid one is typed."""
        if self.called_number.isHidden():
            self.log_button.setEnabled(True)
            self.log_button.setToolTip("")
            return
        ready = self.called_number.phone.number() is not None
        self.log_button.setEnabled(ready)
        self.log_button.setToolTip(
            "" if ready else self.tr("Enter the number that was called to log the call")
        )

    def _values(self) -> tuple[str, CallStatus, str, str]:
        return (
            self.call.external_call_id,
            self.status.status(),
            self.notes.toPlainText(),
            self.title_edit.text().strip(),
        )

    def show_call(self, call: Call, error: str) -> None:
        self.call = call
        number = remote_text(call, self._region)
        name = call.matches[0].display_name if call.matches else ""
        if name:
            title = self.tr("Call with %1 · %2").replace("%1", name).replace("%2", number)
        else:
            title = self.tr("Call %1").replace("%1", number)
        self.setWindowTitle(title)
        self.caller_name.setText(name)
        self.caller_name.setVisible(bool(name))
        self.number.setText(f"{number} · {direction_label(call.direction)}")
        self.when.setText(time_text(call.start_time or call.created_at))
        self.source.setText(source_label(call.source))
        self.length.setText(duration_text(call.duration) or self.tr("not known"))
        state = sync_label(call.sync_state)
        if call.sync_state is SyncState.NEEDS_NUMBER and not error:
            error = self.tr(
                "Enter the number that was called below, or your own number in Settings (Calls): the call is sent then."
            )
        self.sync.setText(f"{state}\n{message_text(error)}" if error else state)
        self.sync.setStyleSheet(ERROR_STYLE if call.sync_state is SyncState.FAILED else "")
        self.matches.set_matches(call.matches, self._ui_domain)
        # A number nobody in HubSpot has (as far as this call knows): offer to add them.
        self.create_contact_button.setVisible(not call.matches and call.can_be_sent)
        if call.final_status is not None:
            self.status.set_status(call.final_status)
        if self.notes.toPlainText() != call.notes:
            self.notes.setPlainText(call.notes)
        self.title_edit.setText(call.title)
        self.outcome.show_for(call)
        settled = call.sync_state in _SETTLED
        self.outcome.setEnabled(not settled)
        for widget in (self.status, self.title_edit, self.notes, self.save_button):
            widget.setEnabled(not settled)
        self.called_number.show_for(call)
        if settled:
            self.called_number.hide()
        sendable = (call.can_be_sent or call.needs_called_number) and not settled
        self.log_button.setVisible(sendable)
        self._update_log_button()
        self.log_button.setText(
            self.tr("&Resend") if call.sync_state is SyncState.FAILED else self.tr("&Log call")
        )
        self.error.clear()

    def focus_notes(self) -> None:
        """ "Edit notes before sending": the cursor at the end of the notes."""
        self.notes.setFocus(Qt.FocusReason.OtherFocusReason)
        self.notes.moveCursor(QTextCursor.MoveOperation.End)

    def show_error(self, message: str) -> None:
        self.error.setText(message_text(message))
