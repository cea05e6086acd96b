"""The "Create contact" form for a caller HubSpot does not know: name, e-mail, company
and the number.

Checked as the agent types (the number by the same field as the manual form, the e-mail's
shape, a name or an e-mail at least); "Create" is enabled only when nothing is wrong. The
form holds no logic: it emits the draft and shows the outcome the app reports. A created
contact closes the form (the pop-up or call window then shows it); a duplicate stays with
a link to the existing contact; a refusal stays with HubSpot's words, to correct and retry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.contacts import (
    MAX_FIELD_CHARS,
    ContactDraft,
    ContactOutcome,
    Problem,
    Result,
)
from hubcall_desktop.core.links import record_url
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE, PhoneField


class ContactForm(QDialog):
    submitted = Signal(object)  # ContactDraft
    open_requested = Signal(str)  # a record URL

    def __init__(
        self, number: str, region: str, ui_domain: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._ui_domain = ui_domain
        self._existing_url = ""
        self.setWindowTitle(self.tr("Create contact"))
        self.setWindowIcon(icon("hubcall"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("HubSpot does not know this caller. Create a contact for them:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first_name = self._line(self.tr("First name"))
        self.last_name = self._line(self.tr("Last name"))
        self.email = self._line(self.tr("E-mail"))
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.email_problem = QLabel()
        self.email_problem.setStyleSheet(ERROR_STYLE)
        self.email_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.company = self._line(self.tr("Company"))
        self.phone = PhoneField("phone", region)
        self.phone.edit.setAccessibleName(self.tr("Phone number"))
        self.phone.set_text(number)
        form.addRow(self.tr("&First name:"), self.first_name)
        form.addRow(self.tr("L&ast name:"), self.last_name)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow("", self.email_problem)
        form.addRow(self.tr("C&ompany:"), self.company)
        form.addRow(self.tr("&Phone:"), self.phone)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.hint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.open_existing = QPushButton(self.tr("Open the &existing contact"))
        self.open_existing.clicked.connect(lambda: self.open_requested.emit(self._existing_url))
        self.open_existing.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.create_button = QPushButton(self.tr("&Create"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create)
        buttons.addWidget(self.open_existing)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        for edit in (self.first_name, self.last_name, self.email, self.company):
            edit.textChanged.connect(self._recheck)
        self.phone.changed.connect(self._recheck)
        self._recheck()
        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setMaxLength(MAX_FIELD_CHARS)
        return edit

    def draft(self) -> ContactDraft:
        return ContactDraft(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            company=self.company.text(),
            phone=self.phone.text(),
        )

    def _recheck(self) -> None:
        """What is wrong now; "Create" only when nothing is."""
        problems = self.draft().problems(self._region)
        email_wrong = problems.get("email") is Problem.EMAIL and bool(self.email.text().strip())
        self.email_problem.setText(
            self.tr("Not an e-mail address (name@example.com)") if email_wrong else ""
        )
        self.email_problem.setVisible(email_wrong)
        self.email.setAccessibleDescription(self.email_problem.text())
        needs_name = problems.get("first_name") is Problem.NAME_OR_EMAIL
        self.hint.setText(self.tr("Enter a name or an e-mail address.") if needs_name else "")
        self.hint.setVisible(needs_name)
        self.create_button.setEnabled(not problems)
        self._existing_url = ""
        self.open_existing.hide()

    def _on_create(self) -> None:
        draft = self.draft()
        if draft.problems(self._region):
            return
        self.show_sending()
        self.submitted.emit(draft)

    # -- what the app reports --------------------------------------------------------------

    def show_sending(self) -> None:
        self.create_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Creating the contact in HubSpot…"))

    def show_outcome(self, outcome: ContactOutcome) -> None:
        if outcome.result is Result.CREATED:
            self.accept()  # the pop-up or the call window shows the new contact
            return
        if outcome.result is Result.DUPLICATE:
            self.create_button.setEnabled(False)  # the same details would only conflict again
            self.status.setStyleSheet(ERROR_STYLE)
            # HubSpot keeps e-mail addresses unique; without one, a portal's own unique
            # property (a number, say) was taken.
            self.status.setText(
                self.tr("HubSpot already has a contact with this e-mail address.")
                if self.email.text().strip()
                else self.tr("HubSpot already has a contact with these details.")
            )
            if outcome.match is not None:
                self._existing_url = record_url(outcome.match.coordinates, self._ui_domain)
                self.open_existing.show()
                self.open_existing.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if outcome.result is Result.QUEUED:
            self.status.setStyleSheet("")
            why = message_text(outcome.error.user_message) if outcome.error else ""
            sentence = self.tr(
                "Saved. HubCall Desktop creates the contact as soon as HubSpot can be reached."
            )
            self.status.setText(f"{sentence}\n{why}" if why else sentence)
            self.cancel_button.setText(self.tr("Close"))
            return
        self.show_error(outcome.error.user_message if outcome.error else "")

    def show_error(self, message: str) -> None:
        """Refused (or not journaled): say why; the agent may correct and try again."""
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(
            self.tr("The contact was not created. %1").replace("%1", message_text(message))
        )
        self.create_button.setEnabled(not self.draft().problems(self._region))
