"""The tray icon: its look and tooltip say the state; its menu is rebuilt each time it opens.

Platform notes, kept here so nowhere else needs them:
- Linux/X11 with an XEmbed tray (trayer, XFCE, MATE): Qt draws the icon itself.
- Linux with StatusNotifierItem hosts (KDE, GNOME with the AppIndicator extension): Qt
  exports the icon and menu over D-Bus (dbusmenu); ``aboutToShow`` still fires there,
  which is what lets the menu be rebuilt on opening.
- Plain GNOME and headless sessions have no tray: ``available()`` is False and the app
  lives as a normal window (the caller says so once).
- macOS opens the menu on a left click, so "Show window" is also the menu's first entry.

The menu's commands are the main window's own QActions (app_actions.py): the rebuild adds
them again and owns none of them, so ``clear()`` deletes only the recent-call entries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from hubcall_desktop.core.call import Call
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.formatting import remote_text, time_text, who_text
from hubcall_desktop.ui.widgets.plain_text import plain_tooltip

if TYPE_CHECKING:
    from hubcall_desktop.ui.desktop.app_actions import AppActions

RECENT_CALLS = 5
BADGE_SIZES = (16, 22, 24, 32, 48, 64)  # what tray hosts ask for, small to HiDPI
BADGE_COLOUR = QColor(200, 30, 30)  # red: seen at a glance on light and dark panels


class TrayState(StrEnum):
    IDLE = "idle"
    RINGING = "ringing"
    OFFLINE = "offline"
    DND = "dnd"


_ICONS = {
    TrayState.IDLE: "tray-idle",
    TrayState.RINGING: "tray-ringing",
    TrayState.OFFLINE: "tray-offline",
    TrayState.DND: "tray-dnd",
}


class Tray(QObject):
    call_requested = Signal(str)  # a recent call's id

    def __init__(
        self,
        actions: AppActions,
        recent_calls: Callable[[], Sequence[Call]],
        region: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.commands = actions  # the main window's: one action per command, in both menus
        self._recent_calls = recent_calls
        self._region = region
        self.state = TrayState.IDLE
        self._tooltip = ""
        self._detail = ""
        self.missed = 0  # unseen missed calls: a badge on the icon and a line in the tooltip
        self.reconnect_needed = False  # the menu then offers "Reconnect to HubSpot…" first
        self.icon = QSystemTrayIcon(icon(_ICONS[self.state]), self)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.rebuild_menu()  # SNI hosts read the menu once at registration
        self.set_state(TrayState.IDLE)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def geometry(self) -> QRect | None:
        rect = self.icon.geometry()
        return rect if self.icon.isVisible() and rect.isValid() and not rect.isEmpty() else None

    def set_missed(self, count: int) -> None:
        """Show ``count`` unseen missed calls on the icon and in the tooltip (0: none)."""
        if count != self.missed:
            self.missed = count
            self.set_state(self.state, self._detail)
            self.commands.set_missed(count)
            self.rebuild_menu()

    def set_state(self, state: TrayState, detail: str = "") -> None:
        self.state = state
        self._detail = detail
        self.icon.setIcon(badged(icon(_ICONS[state]), self.missed))
        words = {
            TrayState.IDLE: self.tr("Ready"),
            TrayState.RINGING: self.tr("Ringing"),
            TrayState.OFFLINE: self.tr("Not connected to HubSpot"),
            TrayState.DND: self.tr("Do not disturb"),
        }[state]
        text = f"HubCall Desktop: {words}"
        lines = [text, detail] if detail else [text]
        if self.missed:
            lines.append(self.tr("%n missed call(s)", "", self.missed))
        self._tooltip = "\n".join(lines)
        # The detail names the caller (HubSpot's data, or the number the webhook sent).
        self.icon.setToolTip(plain_tooltip(self._tooltip))

    def set_reconnect_needed(self, needed: bool) -> None:
        if needed != self.reconnect_needed:
            self.reconnect_needed = needed
            self.rebuild_menu()  # SNI hosts may not ask again before the menu opens

    def tooltip(self) -> str:
        """The tooltip's text, as the agent reads it."""
        return self._tooltip

    def rebuild_menu(self) -> None:
        """Build the menu afresh from the current state (called as it opens)."""
        menu, shared = self.menu, self.commands
        menu.clear()  # deletes the submenu and the recent calls; the shared actions stay
        if self.reconnect_needed:
            menu.addAction(shared.reconnect)
            menu.addSeparator()
        menu.addActions([shared.show_window, shared.popup, shared.log_call, shared.missed_calls])
        if shared.simulate_calls:
            demo = menu.addMenu(self.tr("Simulate &incoming call"))
            demo.addActions(shared.simulate_calls)
        menu.addAction(shared.dnd)
        menu.addSeparator()
        recent = list(self._recent_calls())[:RECENT_CALLS]
        if recent:
            header = menu.addAction(self.tr("Recent calls"))
            header.setEnabled(False)
            for call in recent:
                self._add(
                    menu,
                    self._call_label(call),
                    functools.partial(self.call_requested.emit, call.external_call_id),
                )
        else:
            empty = menu.addAction(self.tr("No calls yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addActions([shared.settings, shared.quit])

    def _call_label(self, call: Call) -> str:
        who = who_text(call.matches) or remote_text(call, self._region())
        when = time_text(call.start_time or call.created_at)
        # "&" would become a mnemonic (a company called "Thames & Pike"): escape it.
        return f"{when}  {who}".replace("&", "&&")

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], None]) -> None:
        action = menu.addAction(text)  # the menu's own: deleted by the next rebuild
        action.triggered.connect(lambda _checked=False: slot())

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.commands.show_window.trigger()


def badged(base: QIcon, count: int) -> QIcon:
    """``base`` with ``count`` in a red circle in its lower right corner (``base`` at 0)."""
    if count <= 0:
        return base
    text = str(count) if count < 100 else "99+"
    badged_icon = QIcon()
    for size in BADGE_SIZES:
        pixmap = base.pixmap(size, size)
        if pixmap.isNull():
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Drawn in logical pixels, so HiDPI pixmaps get the same share of the icon.
        side = pixmap.width() / pixmap.devicePixelRatio()
        circle = QRectF(side * 0.4, side * 0.4, side * 0.6, side * 0.6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawEllipse(circle)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, round(circle.height() * (0.7 if len(text) == 1 else 0.5))))
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        badged_icon.addPixmap(pixmap)
    return badged_icon
