"""The manual call-logging form. It keeps everything typed on any failure and shows each
error next to the field it concerns; HubSpot's matches appear once the call is logged.

One submission is one call: while a call is being logged the form takes no second one,
and once HubSpot has it (or it is safely queued) the form says so and starts a new call,
so pressing "Log call" again cannot log the same call twice."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.desk_types import ManualLog, ManualResult
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.manual_log import (
    USER_IDS_FORMAT,
    check_extension,
    check_number,
    form_field_for,
    parse_user_ids,
)
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.match_list import MatchList
from hubcall_desktop.ui.widgets.outcome_combo import OutcomeCombo
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE, PhoneField
from hubcall_desktop.ui.widgets.status_combo import StatusCombo
from hubcall_desktop.ui.widgets.submit_keys import SubmitKeyFilter

FIELDS = (
    "from",
    "to",
    "extension",
    "status",
    "started",
    "duration",
    "title",
    "notes",
    "user id",
    "recipients",
)


class LogCallForm(QDialog):
    submitted = Signal(object)  # ManualLog
    open_requested = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._retry_call_id: str | None = None  # the failed call a resubmission replaces
        self._in_flight = False  # a submission is waiting for its answer
        self._region = settings.region
        self._errors: dict[str, QLabel] = {}
        self._setup_ui()
        self.reset()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Log a call"))
        self.setWindowIcon(icon("hubcall"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        region = self._settings.region
        self.from_field = PhoneField("from", region)
        self.from_field.edit.setAccessibleName(self.tr("From number"))
        self.to_field = PhoneField("to", region)
        self.to_field.edit.setAccessibleName(self.tr("To number"))
        self.extension = QLineEdit()
        self.extension.setAccessibleName(self.tr("Extension"))
        self.extension.setValidator(QRegularExpressionValidator(r"[0-9]{0,10}"))
        self.status = StatusCombo()
        self.status.setAccessibleName(self.tr("Final status"))
        self.outcome = OutcomeCombo()
        self.status.currentIndexChanged.connect(
            lambda _i: self.outcome.follow_status(self.status.status())
        )
        self.started = QDateTimeEdit()
        self.started.setAccessibleName(self.tr("Start date and time (local time)"))
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.duration = QTimeEdit()
        self.duration.setAccessibleName(self.tr("Duration in hours, minutes and seconds"))
        self.duration.setDisplayFormat("H:mm:ss")
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setMaxLength(512)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.user_id = QLineEdit()
        self.user_id.setAccessibleName(self.tr("Your HubSpot user id"))
        self.user_id.setValidator(QIntValidator(1, INT32_MAX))
        self.recipients = QLineEdit()
        self.recipients.setAccessibleName(self.tr("Recipient user ids"))
        self.recipients.setPlaceholderText(self.tr("User ids, separated by commas"))
        self.engagement = QCheckBox(self.tr("Create a call &engagement in HubSpot"))
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("from", self.tr("&From:"), self.from_field),
            ("to", self.tr("&To:"), self.to_field),
            ("extension", self.tr("E&xtension:"), self.extension),
            ("status", self.tr("&Status:"), self.status),
            ("outcome", self.tr("Outc&ome:"), self.outcome),
            ("started", self.tr("St&arted (local time):"), self.started),
            ("duration", self.tr("&Duration (h:mm:ss):"), self.duration),
            ("title", self.tr("T&itle:"), self.title),
            ("notes", self.tr("&Notes:"), self.notes),
            ("user id", self.tr("&User id:"), self.user_id),
            ("recipients", self.tr("&Recipients:"), self.recipients),
        )
        for field, label, widget in rows:
            if isinstance(widget, PhoneField):  # it says what is wrong under itself
                form.addRow(label, widget)
                buddy = form.labelForField(widget)
                if isinstance(buddy, QLabel):
                    buddy.setBuddy(widget.edit)
                continue
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.hide()
            self._errors[field] = error
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(label, box)
            buddy = form.labelForField(box)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(widget)
        form.addRow("", self.engagement)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.matches = MatchList()
        self.matches.open_requested.connect(self.open_requested)
        self.matches.hide()
        layout.addWidget(self.matches)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New call"))
        self.new_button.clicked.connect(self.reset)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        self.submit_button = QPushButton(self.tr("&Log call"))
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        SubmitKeyFilter(self.notes, self.submit)

    # -- state ---------------------------------------------------------------------------

    def reset(self) -> None:
        """A blank form for a new call, prefilled from settings."""
        self._clear_fields()
        self.message.setStyleSheet("")
        self.message.clear()
        self.matches.hide()

    def _clear_fields(self) -> None:
        """Every field as for a new call; the message line and matches are left alone."""
        settings = self._settings
        self._in_flight = False
        self._retry_call_id = None
        self.from_field.set_text("")
        self.to_field.set_text(settings.own_number)
        self.extension.clear()
        self.started.setDateTime(QDateTime.currentDateTime())
        self.duration.setTime(QTime(0, 0, 0))
        self.title.clear()
        self.notes.clear()
        self.user_id.setText(str(settings.user_id) if settings.user_id else "")
        self.recipients.setText(", ".join(map(str, settings.recipient_user_ids)))
        self.engagement.setChecked(True)
        self.outcome.start_over(self.status.status())
        self.clear_errors()
        self.submit_button.setEnabled(True)
        self.from_field.setFocus()

    def set_region(self, region: str) -> None:
        self._region = region
        self.from_field.set_region(region)
        self.to_field.set_region(region)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.from_field.recheck()
        self.to_field.recheck()

    def show_field_error(self, field: str, message: str) -> None:
        """Show ``message`` under ``field`` (a form field name), or below the form."""
        phone = self._phone(field)
        if phone is not None:
            phone.show_error(message)
            return
        label = self._errors.get(field)
        if label is None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message)
            return
        label.setText(message)
        label.show()

    def error_text(self, field: str) -> str:
        phone = self._phone(field)
        if phone is not None:
            return phone.feedback.text() if phone.in_error else ""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _phone(self, field: str) -> PhoneField | None:
        return {"from": self.from_field, "to": self.to_field}.get(field)

    # -- submitting ----------------------------------------------------------------------

    def field_errors(self) -> list[InputError]:
        """Every problem the form can see by itself, one per field."""
        region = self._region
        checks = (
            lambda: check_number(self.from_field.text(), region, "from"),
            lambda: check_number(self.to_field.text(), region, "to"),
            lambda: check_extension(self.extension.text()),
            lambda: self._user_id(),
            lambda: parse_user_ids(self.recipients.text()),
        )
        errors: list[InputError] = []
        for check in checks:
            try:
                check()
            except InputError as error:
                errors.append(error)
        return errors

    def _user_id(self) -> int | None:
        text = self.user_id.text().strip()
        if text and not (text.isdigit() and text.isascii()):
            raise InputError("user id", text, USER_IDS_FORMAT())
        return int(text) if text else None

    def build_request(self) -> ManualLog:
        """The form as a request; raises the first InputError :meth:`field_errors` finds."""
        errors = self.field_errors()
        if errors:
            raise errors[0]
        seconds = QTime(0, 0, 0).secsTo(self.duration.time())
        started = datetime.fromtimestamp(self.started.dateTime().toSecsSinceEpoch(), UTC)
        return ManualLog(
            from_text=self.from_field.text(),
            to_text=self.to_field.text(),
            status=self.status.status(),
            started_at=started,
            duration_seconds=seconds,
            extension=self.extension.text(),
            notes=self.notes.toPlainText(),
            title=self.title.text(),
            user_id=self._user_id(),
            recipient_user_ids=parse_user_ids(self.recipients.text()),
            create_engagement=self.engagement.isChecked(),
            external_call_id=self._retry_call_id,
            outcome=self.outcome.outcome(),
        )

    @property
    def in_flight(self) -> bool:
        """A submission is waiting for its answer (a second one is refused)."""
        return self._in_flight

    def submit(self) -> None:
        if self._in_flight or not self.submit_button.isEnabled():
            return
        self.clear_errors()
        self.message.setStyleSheet("")
        self.matches.hide()
        errors = self.field_errors()
        if errors:
            for error in errors:
                self.show_input_error(error)
            return
        request = self.build_request()
        self._in_flight = True
        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("Logging the call…"))
        self.submitted.emit(request)

    def _answered(self) -> None:
        self._in_flight = False
        self.submit_button.setEnabled(True)

    def show_input_error(self, error: InputError) -> None:
        self._answered()
        self.message.clear()
        self.show_field_error(error.field, message_text(error.problem))

    def show_refusal(self, message: str) -> None:
        """Refused before it was sent (already queued, already logged, no keyring ...)."""
        self._answered()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message_text(message))

    def show_result(self, result: ManualResult, ui_domain: str) -> None:
        self._answered()
        if result.delivered or result.queued:
            # HubSpot has this call (or the outbox will send it): the form is for the next
            # one, so the same call cannot be logged twice; the message says what happened.
            self._clear_fields()
            self.message.setStyleSheet("")
        if result.delivered:
            if result.matches:
                self.message.setText(
                    self.tr(
                        "Logged in HubSpot; the form is ready for the next call. HubSpot matched:"
                    )
                )
                self.matches.set_matches(result.matches, ui_domain)
                self.matches.show()
            else:
                self.message.setText(
                    self.tr(
                        "Logged in HubSpot; the form is ready for the next call. HubSpot has "
                        "no contact or company with this number."
                    )
                )
            return
        if result.queued and result.verdict.waits_for_connection and result.error is not None:
            # Not HubSpot being slow: the token or the keyring needs the agent first.
            why = message_text(result.error.user_message)
            self.message.setText(
                why
                + " "
                + self.tr(
                    "The call is queued and will be logged once that is fixed; the form is "
                    "ready for the next call."
                )
            )
            return
        if result.queued:
            self.message.setText(
                self.tr(
                    "HubSpot has not answered yet. The call is queued and will be logged "
                    "automatically (see the history); the form is ready for the next call."
                )
            )
            return
        self._retry_call_id = result.call.external_call_id  # resubmitting fixes this call
        message = (
            message_text(result.error.user_message)
            if result.error is not None
            else self.tr("HubSpot refused the call.")
        )
        fields = [f for f in (form_field_for(name) for name in result.error_fields) if f]
        for field in fields:
            self.show_field_error(field, message)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(
            message if not fields else self.tr("HubSpot refused the call; see the marked field.")
        )
