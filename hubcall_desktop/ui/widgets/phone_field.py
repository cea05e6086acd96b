"""A phone number input that checks as you type: E.164 and number type, or what is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.manual_log import check_number
from hubcall_desktop.core.phone import PhoneNumber
from hubcall_desktop.ui.text.i18n import number_type_label
from hubcall_desktop.ui.text.messages import message_text

ERROR_STYLE = "color: #cf222e;"


class PhoneField(QWidget):
    """``edit`` takes the text; ``feedback`` under it says what the number is, or is not."""

    changed = Signal()

    def __init__(self, field: str, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._region = region
        self.in_error = False  # the feedback shows a problem (as typed, or reported later)
        self.edit = QLineEdit()
        self.edit.setMaxLength(64)
        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("Number check"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.feedback)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)
        self._on_text_changed(self.edit.text())

    def set_region(self, region: str) -> None:
        self._region = region
        self._on_text_changed(self.edit.text())

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def number(self) -> PhoneNumber | None:
        try:
            return check_number(self.edit.text(), self._region, self.field)
        except InputError:
            return None

    def show_error(self, message: str) -> None:
        self.in_error = True
        self.feedback.setStyleSheet(ERROR_STYLE)
        self.feedback.setText(message)
        self.edit.setAccessibleDescription(message)

    def recheck(self) -> None:
        """Show what the text is again (drops a problem reported from elsewhere)."""
        self._on_text_changed(self.edit.text())

    def _on_text_changed(self, text: str) -> None:
        self.in_error = False
        if not text.strip():
            self.feedback.setStyleSheet("")
            self.feedback.setText(self.tr("Any format: +49 30 1234567, (212) 555-0143, 0049…"))
            self.changed.emit()
            return
        try:
            number = check_number(text, self._region, self.field)
        except InputError as error:
            self.show_error(message_text(error.problem))
        else:
            kind = number_type_label(number.number_type)
            self.feedback.setStyleSheet("")
            self.feedback.setText(f"{number.e164} · {kind}")
            self.edit.setAccessibleDescription(self.feedback.text())
        self.changed.emit()
