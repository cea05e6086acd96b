"""How a call pop-up presents itself to screen readers (AT-SPI on Linux, UIA, macOS).

Its role is an alert, so it is announced when it appears although it never takes the
keyboard, and its accessible name carries the caller (name and number). Labels that show a
value keep what they are as their name and give the value as their description: "Caller
number" reads the number, "Call duration" the time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

logger = logging.getLogger(__name__)

POPUP_OBJECT_NAME = "callPopup"
_installed: list[bool] = []


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QWidget) and obj.objectName() == POPUP_OBJECT_NAME:
        return QAccessibleWidget(obj, QAccessible.Role.AlertMessage)
    return None  # every other widget: Qt's own interface


def install() -> None:
    """Make call pop-ups alerts for assistive technology (once per process)."""
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)


def announce(popup: QWidget) -> None:
    """Tell assistive technology an alert appeared (the pop-up was shown)."""
    QAccessible.updateAccessibility(QAccessibleEvent(popup, QAccessible.Event.Alert))
