"""Ctrl+Enter submits from inside a multi-line text field.

A QPlainTextEdit takes Ctrl+Return as typing (it overrides window shortcuts for it), so a
QShortcut on the window never fires while the notes field has the focus; this filter
catches the key first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SubmitKeyFilter(QObject):
    def __init__(self, target: QWidget, submit: Callable[[], None]) -> None:
        super().__init__(target)
        self._submit = submit
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl and event.key() in _SUBMIT_KEYS:
                if event.type() == QEvent.Type.KeyPress:
                    self._submit()
                event.accept()
                return True
        return False
