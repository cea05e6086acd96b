"""The incoming-call pop-up: who is calling, the call timer, then status, notes and "Log call".

It appears on top without taking keyboard focus (the agent may be typing elsewhere) and
holds no logic: it shows what the desk reports and asks for what the agent decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.call import Call, utc_now
from hubcall_desktop.core.lifecycle import INTERRUPTED_FLAG
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.formatting import duration_text, remote_text
from hubcall_desktop.ui.text.i18n import source_label
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.called_number import CalledNumberField
from hubcall_desktop.ui.widgets.match_list import MatchList
from hubcall_desktop.ui.widgets.outcome_combo import OutcomeCombo
from hubcall_desktop.ui.widgets.plain_text import make_plain
from hubcall_desktop.ui.widgets.status_combo import StatusCombo
from hubcall_desktop.ui.widgets.submit_keys import SubmitKeyFilter
from hubcall_desktop.ui.windows import popup_access

POPUP_WIDTH = 380  # device-independent pixels: Qt scales them at 200 %
# How HubSpotSlow's sentences begin (hubspot/errors.py): past the lookup's deadline.
SLOW = "HubSpot is slow:"


class Stage(StrEnum):
    RINGING = "ringing"
    TALKING = "talking"
    ENDED = "ended"


class CallPopup(QWidget):
    """One call's pop-up. Signals carry the call id."""

    log_requested = Signal(str, object, str, str)  # call id, CallStatus, notes, title
    discard_requested = Signal(str)
    notes_edited = Signal(str, str)
    status_touched = Signal(str)
    answer_requested = Signal(str)
    hangup_requested = Signal(str)
    open_requested = Signal(str)  # a record URL
    dismissed = Signal(str)  # closed without a decision
    called_number_entered = Signal(str, str)  # call id, the number that was called
    create_contact_requested = Signal(str)  # call id: HubSpot does not know the caller

    def __init__(
        self, call: Call, region: str, ui_domain: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        # Shown without activation: the pop-up must not steal the keyboard from the agent.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow, True)
        self.call = call
        self.stage = Stage.RINGING
        self._region = region
        self._ui_domain = ui_domain
        self._decided = False
        self._controllable = False
        popup_access.install()  # an alert for screen readers
        self._setup_ui()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_tick)
        self.show_call(call)

    # -- building ---------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setObjectName("callPopup")
        self.setWindowTitle(self.tr("Incoming call"))
        self.setWindowIcon(icon("hubcall"))
        frame = QFrame(self)
        frame.setObjectName("popupFrame")
        # Frameless: the window manager draws no border, so the pop-up draws its own
        # (palette roles, so it follows light and dark themes).
        frame.setStyleSheet(
            "#popupFrame { border: 1px solid palette(mid); border-top: 4px solid #1f6feb;"
            " background: palette(window); }"
            # A focus ring on every button, whatever the style draws (Fusion draws none on
            # the default button or a flat tool button): the keyboard user sees where Space goes.
            " #popupFrame QPushButton:focus, #popupFrame QToolButton:focus {"
            " border: 2px solid palette(highlight); border-radius: 4px; padding: 3px 10px; }"
        )
        frame.setFixedWidth(POPUP_WIDTH)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The window is always exactly as big as what it shows (it shrinks when a line
        # goes away, also on X11, where a plain adjustSize() may be ignored).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(14, 10, 14, 14)
        layout.setSpacing(6)

        header = QHBoxLayout()
        badge = QLabel()
        badge.setPixmap(icon("hubcall").pixmap(18, 18))
        header.addWidget(badge)
        self.headline = QLabel()
        self.headline.setObjectName("popupHeadline")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close the pop-up"))
        self.close_button.setToolTip(self.tr("Close (the call stays in the history)"))
        self.close_button.clicked.connect(self.close)
        header.addWidget(self.headline, 1)
        header.addWidget(self.close_button)
        layout.addLayout(header)

        self.number = QLabel()
        self.number.setObjectName("popupNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.number.setFont(font)
        layout.addWidget(self.number)

        self.matches = MatchList()
        self.matches.open_requested.connect(self.open_requested)
        layout.addWidget(self.matches)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.info)
        self.create_contact_button = QPushButton(self.tr("Create c&ontact…"))
        self.create_contact_button.clicked.connect(
            lambda: self.create_contact_requested.emit(self.call_id)
        )
        self.create_contact_button.hide()  # for a caller HubSpot said it does not know
        layout.addWidget(self.create_contact_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.called_number = CalledNumberField(self._region)  # for calls that lack it
        self.called_number.entered.connect(
            lambda n: self.called_number_entered.emit(self.call_id, n)
        )
        layout.addWidget(self.called_number)
        self.timer_label = QLabel()
        self.timer_label.setAccessibleName(self.tr("Call duration"))
        layout.addWidget(self.timer_label)
        # The number and the headline come from the webhook, a softphone or the journal.
        make_plain(self.headline, self.number, self.timer_label)

        controls = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("&Answer"))
        self.answer_button.clicked.connect(lambda: self.answer_requested.emit(self.call_id))
        self.hangup_button = QPushButton(self.tr("&Hang up"))
        self.hangup_button.clicked.connect(lambda: self.hangup_requested.emit(self.call_id))
        for button in (self.answer_button, self.hangup_button):
            button.setAutoDefault(True)  # Enter clicks the focused button, like Space
        controls.addWidget(self.answer_button)
        controls.addWidget(self.hangup_button)
        controls.addStretch(1)
        layout.addLayout(controls)

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 4, 0, 0)
        self.status_combo = StatusCombo()
        self.status_combo.setAccessibleName(self.tr("Call status"))
        self.status_combo.activated.connect(lambda _index: self.status_touched.emit(self.call_id))
        self.outcome_combo = OutcomeCombo()  # the desk journals a choice at once
        self.status_combo.activated.connect(
            lambda _index: self.outcome_combo.follow_status(self.status_combo.status())
        )
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Call title"))
        self.title_edit.setPlaceholderText(self.tr("Optional"))
        self.title_edit.setMaxLength(512)
        self.title_edit.textEdited.connect(lambda _text: self.status_touched.emit(self.call_id))
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.tr("O&utcome:"), self.outcome_combo)
        form.addRow(self.tr("&Title:"), self.title_edit)
        layout.addWidget(self.form)

        self.notes_label = QLabel(self.tr("&Notes:"))
        make_plain(self.notes_label)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was the call about?"))
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.notes.textChanged.connect(self._on_notes_changed)
        self.notes_label.setBuddy(self.notes)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)

        buttons = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setToolTip(self.tr("Keep the call here, do not log it (Ctrl+D)"))
        self.discard_button.clicked.connect(self._on_discard)
        self.log_button = QPushButton(self.tr("&Log call"))
        self.log_button.setToolTip(self.tr("Log the call in HubSpot (Ctrl+Enter)"))
        self.log_button.setDefault(True)  # the only default: never a destructive button
        for button in (self.discard_button, self.log_button):
            button.setAutoDefault(True)
        self.log_button.clicked.connect(self._on_log)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        self.decision = QWidget()
        self.decision.setLayout(buttons)
        buttons.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.decision)

        for keys, slot in (
            ("Ctrl+Return", self._on_log),
            ("Ctrl+Enter", self._on_log),
            ("Ctrl+D", self._on_discard),
            ("Ctrl+O", self._open_first),
            ("Escape", self.close),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        SubmitKeyFilter(self.notes, self._on_log)
        self.setTabOrder(self.status_combo, self.outcome_combo)
        self.setTabOrder(self.outcome_combo, self.title_edit)
        self.setTabOrder(self.title_edit, self.notes)
        self.setTabOrder(self.notes, self.log_button)
        self.setTabOrder(self.log_button, self.discard_button)

    # -- what the desk reports --------------------------------------------------------------

    @property
    def call_id(self) -> str:
        return self.call.external_call_id

    def show_call(self, call: Call) -> None:
        self.call = call
        self.number.setText(remote_text(call, self._region))
        self.number.setAccessibleName(self.tr("Caller number"))
        self.number.setAccessibleDescription(self.number.text())  # the value it labels
        self.called_number.show_for(call)
        self.outcome_combo.show_for(call)
        self._refresh_stage()

    def show_matches(self, matches: Sequence[CallerMatch], *, fresh: bool) -> None:
        self.matches.set_matches(matches, self._ui_domain)
        self.create_contact_button.setVisible(fresh and not matches)
        if self._cut_off:
            self.info.setText(self._cut_off_text())  # nobody asks HubSpot about it now
        elif matches:
            self.info.setText("" if fresh else self.tr("From an earlier call; asking HubSpot…"))
        elif fresh:
            self.info.setText(
                self.tr("Unknown caller: HubSpot has no contact or company with this number.")
            )
        elif self.call.can_be_sent:
            self.info.setText(self.tr("Asking HubSpot who is calling…"))
        self._update_accessible_name()
        self._fit()

    def show_error(self, message: str) -> None:
        """Logging was refused before it was queued (e.g. notes too long): say why."""
        self._decided = False
        self.info.setText(message_text(message))
        self._fit()

    def show_lookup_failed(self, message: str) -> None:
        """The lookup ended without an answer: say why instead of "asking HubSpot…"."""
        why = message_text(message)
        if not message.startswith(SLOW):  # "HubSpot is slow: …" says it all by itself
            why = self.tr("Could not ask HubSpot: %1").replace("%1", why)
        if self.matches.urls:  # the journal's matches of an earlier call stay shown
            why = self.tr("From an earlier call. %1").replace("%1", why)
        self.info.setText(why)
        self._fit()

    def show_answered(self, call: Call) -> None:
        self.call = call
        self._refresh_stage()

    def show_ended(self, call: Call) -> None:
        self.call = call
        if call.final_status is not None:
            self.status_combo.set_status(call.final_status)
        self.outcome_combo.show_for(call)
        if self._cut_off:
            self.info.setText(self._cut_off_text())
        elif self.info.text() == self._cut_off_text():  # its real end came after all
            self.info.setText("")
        self._refresh_stage()

    @property
    def _cut_off(self) -> bool:
        """Ended by the app at start-up: it stopped during the call (see CallLifecycle)."""
        return self.call.flagged == INTERRUPTED_FLAG and self.call.final_status is not None

    def _cut_off_text(self) -> str:
        return self.tr(
            "HubCall Desktop stopped during this call, so how it ended is not known. Check the status, then log or discard it."
        )

    def set_controllable(self, controllable: bool) -> None:
        self._controllable = controllable
        self._refresh_stage()

    def set_notes(self, notes: str) -> None:
        if notes and not self.notes.toPlainText():
            self.notes.blockSignals(True)
            self.notes.setPlainText(notes)
            self.notes.blockSignals(False)

    # -- stages ---------------------------------------------------------------------------

    def _refresh_stage(self) -> None:
        call, previous = self.call, self.stage
        if call.final_status is not None or call.ended_at is not None:
            self.stage = Stage.ENDED
        elif call.answered_at is not None:
            self.stage = Stage.TALKING
        else:
            self.stage = Stage.RINGING
        source = source_label(call.source)
        headline = {
            Stage.RINGING: self.tr("Incoming call · %1"),
            Stage.TALKING: self.tr("Call in progress · %1"),
            Stage.ENDED: self.tr("Call ended · %1"),
        }[self.stage]
        title = self.tr("Incoming call")
        if self._cut_off:
            headline, title = self.tr("Call cut off · %1"), self.tr("Call cut off")
        self.setWindowTitle(title)  # what taskbars and screen readers name the window
        self._update_accessible_name()
        self.headline.setText(headline.replace("%1", source))
        controllable = self._controllable
        # What appears first, then the keyboard moves, then what goes away: a hidden button
        # that had the focus would hand it to its neighbour, and "Hang up" or "Discard"
        # must never catch the next space the agent types.
        self.notes_label.setVisible(self.stage is not Stage.RINGING)
        self.notes.setVisible(self.stage is not Stage.RINGING)
        self.form.setVisible(self.stage is Stage.ENDED)
        self.decision.setVisible(self.stage is Stage.ENDED)
        if self.stage is not previous and self.stage is not Stage.RINGING:
            # Also when the pop-up is not active: the notes get the keys once it is.
            self.notes.setFocus(Qt.FocusReason.OtherFocusReason)
        self.answer_button.setVisible(controllable and self.stage is Stage.RINGING)
        self.hangup_button.setVisible(controllable and self.stage is not Stage.ENDED)
        if self.stage is Stage.TALKING:
            self._timer.start()
        else:
            self._timer.stop()
        self._on_tick()
        self._fit()

    def _on_tick(self) -> None:
        call = self.call
        if self.stage is Stage.TALKING and call.answered_at is not None:
            self.timer_label.setText(
                self.tr("Talking %1").replace("%1", duration_text(_seconds_since(call.answered_at)))
            )
        elif self.stage is Stage.ENDED and call.answered_at and call.duration is not None:
            self.timer_label.setText(
                self.tr("Talked %1").replace("%1", duration_text(call.duration))
            )
        else:
            self.timer_label.setText("")
        self.timer_label.setVisible(bool(self.timer_label.text()))
        self.timer_label.setAccessibleDescription(self.timer_label.text())

    def _update_accessible_name(self) -> None:
        """What a screen reader announces: the window's title, who calls and the number."""
        who = [name.text() for name, _detail in self.matches.labels[:1]]
        caller = ", ".join([*who, self.number.text()])
        self.setAccessibleName(
            self.tr("%1: %2").replace("%1", self.windowTitle()).replace("%2", caller)
        )

    def _fit(self) -> None:
        self.info.setVisible(bool(self.info.text()))
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the size hint of what is shown now, not before
        self.adjustSize()

    # -- what the agent does ----------------------------------------------------------------

    def _on_notes_changed(self) -> None:
        self.notes_edited.emit(self.call_id, self.notes.toPlainText())

    def _on_log(self) -> None:
        if self.stage is not Stage.ENDED:
            return
        if not self.called_number.commit():  # typed, but not a number: the field says why
            return
        self._decided = True
        self.log_requested.emit(
            self.call_id,
            self.status_combo.status(),
            self.notes.toPlainText(),
            self.title_edit.text().strip(),
        )

    def _on_discard(self) -> None:
        if self.stage is not Stage.ENDED:
            return
        self._decided = True
        self.discard_requested.emit(self.call_id)

    def _open_first(self) -> None:
        if self.matches.urls:
            self.open_requested.emit(self.matches.urls[0])

    def selected_status(self) -> CallStatus:
        return self.status_combo.status()

    def focus_for_typing(self) -> None:
        """The agent asked for the pop-up (shortcut, tray): take the keyboard now."""
        self.raise_()
        self.activateWindow()
        target = self.notes if self.notes.isVisible() else self.log_button
        if self.stage is Stage.RINGING and self.answer_button.isVisible():
            target = self.answer_button
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        popup_access.announce(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        if not self._decided:
            self.dismissed.emit(self.call_id)
        super().closeEvent(event)


def _seconds_since(moment: datetime) -> int:
    return max(0, int((utc_now() - moment).total_seconds()))
