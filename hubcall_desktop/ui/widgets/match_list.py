"""The caller-ID matches of a call: each contact or company with "Open in HubSpot"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.links import record_url
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.ui.widgets.plain_text import plain_tooltip

MAX_VISIBLE_ROWS = 4  # more matches scroll, so the pop-up never outgrows the screen corner


class MatchList(QWidget):
    """Shows matches; emits ``open_requested(url)`` when the agent asks for a record."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[QPushButton] = []
        self._labels: list[tuple[QLabel, QLabel]] = []  # name, detail
        self._urls: list[str] = []
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._inner)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    @property
    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    @property
    def labels(self) -> list[tuple[QLabel, QLabel]]:
        """Each match's name and detail (e-mail, "Company"), in the order shown."""
        return list(self._labels)

    @property
    def urls(self) -> list[str]:
        return list(self._urls)

    def set_matches(self, matches: Sequence[CallerMatch], ui_domain: str) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not when the loop next deletes it
                widget.deleteLater()
        self._buttons, self._labels, self._urls = [], [], []
        for position, match in enumerate(matches):
            self._add(position, match, record_url(match.coordinates, ui_domain))
        self._fit(len(matches))
        self.setVisible(bool(matches))

    def _add(self, position: int, match: CallerMatch, url: str) -> None:
        name = QLabel(match.display_name)
        name.setTextFormat(Qt.TextFormat.PlainText)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail = QLabel(self._detail(match))
        detail.setTextFormat(Qt.TextFormat.PlainText)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Open in HubSpot"))
        button.setAccessibleName(self.tr("Open %1 in HubSpot").replace("%1", match.display_name))
        button.setToolTip(plain_tooltip(url))  # the domain comes from HubSpot
        button.clicked.connect(lambda _checked=False, link=url: self.open_requested.emit(link))
        self._grid.addWidget(name, position * 2, 0)
        self._grid.addWidget(detail, position * 2 + 1, 0)
        self._grid.addWidget(button, position * 2, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        # Rows added to a list already on screen stay hidden until Qt gets round to showing
        # them, and a hidden row measures 0 px: show them now, so _fit measures real rows.
        for widget in (name, detail, button):
            widget.show()
        self._buttons.append(button)
        self._labels.append((name, detail))
        self._urls.append(url)

    def _detail(self, match: CallerMatch) -> str:
        if match.is_contact:
            return match.email or self.tr("Contact")
        if match.is_company:
            return self.tr("Company")
        return match.kind.replace("_", " ").title()

    def _fit(self, count: int) -> None:
        """As tall as the matches, up to MAX_VISIBLE_ROWS of them; more scroll."""
        self._grid.activate()  # measure the new rows now, not the old ones
        shown = min(count, MAX_VISIBLE_ROWS)
        height = self._grid.sizeHint().height()
        if count > shown:
            height = height * shown // count
        self._scroll.setFixedHeight(height)
