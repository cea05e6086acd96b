"""Settings' "Softphone" page: where calls come from, and ready-made hook-ups to copy.

The templates carry the webhook secret, so they are not displayed: each has a Copy
button that puts it on the clipboard, to paste into the softphone's settings. A line
under them confirms what was copied, with the secret masked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

# The webhook secret in a template: a URL's token= value, a curl command's bearer token.
_SECRET = re.compile(r"(?i)(token=|bearer\s+)[^&\s\"']+")
MASK = "…"

# The hook-ups' titles as sources/connect.py names them, for the translation files; a
# title not listed here shows as given.
_TITLES = (
    QT_TRANSLATE_NOOP("SoftphonePage", "Ringing (URL)"),
    QT_TRANSLATE_NOOP("SoftphonePage", "Answered (URL)"),
    QT_TRANSLATE_NOOP("SoftphonePage", "Ended (URL)"),
    QT_TRANSLATE_NOOP("SoftphonePage", "Ringing (command)"),
    QT_TRANSLATE_NOOP("SoftphonePage", "Answered (command)"),
    QT_TRANSLATE_NOOP("SoftphonePage", "Ended (command)"),
)


def title_text(title: str) -> str:
    """A hook-up's title in the UI language."""
    return QCoreApplication.translate("SoftphonePage", title) if title in _TITLES else title


def masked(text: str) -> str:
    """``text`` with the webhook secret replaced by an ellipsis, to show on screen."""
    return _SECRET.sub(lambda m: m[1] + MASK, text)


class SoftphonePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.webhook = QCheckBox(self.tr("&Listen for softphone events on this computer (webhook)"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setAccessibleName(self.tr("Webhook port"))
        self.baresip = QLineEdit()
        self.baresip.setAccessibleName(self.tr("baresip control addresses"))
        self.baresip.setPlaceholderText(self.tr("e.g. 127.0.0.1:4444, separated by commas"))
        form.addRow(self.webhook)
        form.addRow(self.tr("Webhook &port:"), self.port)
        form.addRow(self.tr("&baresip:"), self.baresip)
        layout.addLayout(form)
        self.copy_box = QGroupBox(self.tr("Connect your softphone"))
        box = QVBoxLayout(self.copy_box)
        self._copy_layout = QFormLayout()
        # Copy buttons as wide as their word, not stretched across the page.
        self._copy_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        box.addLayout(self._copy_layout)
        self.copied = QLabel()  # what the last Copy put on the clipboard, secret masked
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        self.copied.setWordWrap(True)
        self.copied.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copied.setAccessibleName(self.tr("Copied to the clipboard"))
        self.copied.hide()
        box.addWidget(self.copied)
        layout.addWidget(self.copy_box)
        hint = QLabel(self.tr("Changes here take effect after HubCall Desktop restarts."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.set_templates([])

    def endpoints(self) -> list[str]:
        return [part.strip() for part in self.baresip.text().split(",") if part.strip()]

    def set_endpoints(self, endpoints: Sequence[str]) -> None:
        self.baresip.setText(", ".join(endpoints))

    def set_templates(self, templates: Sequence[tuple[str, str]]) -> None:
        """(title, text) pairs; text goes to the clipboard, never on screen."""
        while self._copy_layout.rowCount():
            self._copy_layout.removeRow(0)
        self.copied.hide()
        self.copy_buttons: list[QPushButton] = []
        if not templates:
            note = QLabel(self.tr("The webhook is not running, so there is nothing to copy yet."))
            note.setWordWrap(True)
            self._copy_layout.addRow(note)
            return
        for source_title, text in templates:
            title = title_text(source_title)
            button = QPushButton(self.tr("Copy"))
            button.setAccessibleName(self.tr("Copy %1").replace("%1", title))
            button.clicked.connect(lambda _c=False, t=text: self.copy(t))
            self._copy_layout.addRow(title, button)
            self.copy_buttons.append(button)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard and say so, showing it with the secret masked."""
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Copied: %1").replace("%1", masked(text)))
        self.copied.show()
