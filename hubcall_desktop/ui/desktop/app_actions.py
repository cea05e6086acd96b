"""The app's commands as QActions, one object each, shared by the main window's menus and
the tray's menu.

Both menus hold the same action, so what one shows the other shows too (enabled or not,
do-not-disturb's tick, the missed-call count) and one connection runs it from either.
The tray rebuilds its menu when it opens (tray.py says why); it adds these actions again
and never owns them, so the rebuild deletes none of them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence


class AppActions(QObject):
    simulate = Signal(int)  # demo mode: the index of the demo caller

    def __init__(self, demo_callers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_call = self._make(self.tr("&Log a call…"), "Ctrl+L")
        self.popup = self._make(self.tr("Go to the call &pop-up"), "Ctrl+Shift+P")
        self.missed_calls = self._make(self.tr("&Missed calls…"), "Ctrl+Shift+M")
        self.dnd = self._make(self.tr("&Do not disturb"), "Ctrl+Shift+D")
        self.dnd.setCheckable(True)
        self.settings = self._make(self.tr("&Settings…"), "Ctrl+,")
        self.quit = self._make(self.tr("&Quit"), "Ctrl+Q")
        self.show_window = self._make(self.tr("Show &window"))  # the tray's only
        self.reconnect = self._make(self.tr("&Reconnect to HubSpot…"))  # while it is needed
        self.simulate_calls: list[QAction] = []
        self.add_demo(demo_callers)

    def add_demo(self, callers: Sequence[str]) -> None:
        """Demo mode: one "ring me" action per demo caller."""
        for position, label in enumerate(callers, start=len(self.simulate_calls)):
            action = self._make(label.replace("&", "&&"))
            action.triggered.connect(functools.partial(self._simulate, position))
            self.simulate_calls.append(action)

    def set_missed(self, count: int) -> None:
        """The count of unseen missed calls, in both menus (0: none)."""
        self.missed_calls.setText(
            self.tr("&Missed calls (%n)…", "", count) if count else self.tr("&Missed calls…")
        )

    def set_dnd(self, on: bool) -> None:
        """Tick do-not-disturb without it asking to change (it already has)."""
        self.dnd.blockSignals(True)
        self.dnd.setChecked(on)
        self.dnd.blockSignals(False)

    def _simulate(self, position: int, _checked: bool = False) -> None:
        self.simulate.emit(position)

    def _make(self, text: str, keys: str = "") -> QAction:
        action = QAction(text, self)
        if keys:
            # setShortcuts, not setShortcut: choosing among setShortcut's overloads makes
            # PySide6 build the Qt namespace's enums (see history_columns), a list does not.
            action.setShortcuts([QKeySequence(keys)])
        return action
