"""The number that was called, for a call whose source did not say it.

HubSpot logs a call only with both numbers. When the softphone sent only the caller's
(``notify ringing --from ...``) and the agent's own number is not in Settings, the pop-up
and the call window ask for it here, checked as it is typed like the form's phone fields.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hubcall_desktop.core.call import Call
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.phone_field import PhoneField
from hubcall_desktop.ui.widgets.plain_text import make_plain

logger = logging.getLogger(__name__)


class CalledNumberField(QWidget):
    """Shown only for a call that lacks the called number; ``entered`` carries a valid
    number the agent confirmed (Enter in the field, or :meth:`commit` on Log or Save)."""

    entered = Signal(str)

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calledNumber")
        self._handed_on = ""  # the text last handed on: Enter then Log sends it once
        self.label = QLabel(self.tr("Number that was &called (your line):"))
        self.label.setWordWrap(True)
        make_plain(self.label)
        self.phone = PhoneField("to", region)
        self.phone.edit.setAccessibleName(self.tr("Number that was called"))
        self.phone.edit.setPlaceholderText(self.tr("Needed to log the call in HubSpot"))
        self.label.setBuddy(self.phone.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.phone)
        self.setFocusProxy(self.phone)
        self.phone.edit.returnPressed.connect(self.commit)
        self.hide()

    def show_for(self, call: Call) -> None:
        """Visible while ``call`` lacks the number that was called, hidden once it has it."""
        needed = call.needs_called_number
        self.setVisible(needed)
        if not needed:
            self._handed_on = ""

    def set_region(self, region: str) -> None:
        self.phone.set_region(region)

    def commit(self) -> bool:
        """Hand on the typed number if it is one. Returns ``False`` (and keeps the keyboard
        here, the check saying why) when text was typed that is not a number; ``True`` when
        the field is empty, hidden or handed on."""
        if self.isHidden():
            return True
        text = self.phone.text().strip()
        if not text:
            return True
        if self.phone.number() is None:
            self.phone.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if text != self._handed_on:
            self._handed_on = text
            logger.debug("called number entered")
            self.entered.emit(text)
        return True

    def show_error(self, message: str) -> None:
        """The desk refused the number: say why under the field, and let it be sent again."""
        self._handed_on = ""
        self.phone.show_error(message_text(message))
