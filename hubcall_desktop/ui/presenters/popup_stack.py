"""Where pop-ups appear and how many: stacked from the tray's corner, at most a few at once.

A burst of calls (or of calls to wrap up after a stop) would otherwise cover the screen:
beyond ``MAX_VISIBLE`` the calls wait and their pop-ups appear as earlier ones close. A waiting call is only a snapshot (no
widget is built for it), so 200 calls ringing at once cost 3 pop-ups, not 200.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPoint, QRect, Signal
from PySide6.QtGui import QGuiApplication

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.windows.popup import CallPopup

logger = logging.getLogger(__name__)

MAX_VISIBLE = 3


@dataclass(slots=True)
class _Waiting:
    """A call whose pop-up waits for room: what it will show."""

    call: Call
    matches: Sequence[CallerMatch] = field(default_factory=tuple)
    fresh: bool = False
    error: str = ""


MARGIN = 12  # device-independent pixels between pop-ups and from the screen edge


class PopupManager(QObject):
    """Creates, places, updates and closes the call pop-ups; relays their requests."""

    log_requested = Signal(str, object, str, str)
    discard_requested = Signal(str)
    notes_edited = Signal(str, str)
    status_touched = Signal(str)
    answer_requested = Signal(str)
    hangup_requested = Signal(str)
    open_requested = Signal(str)
    opened = Signal(str)  # a call's pop-up came on screen (call id)
    called_number_entered = Signal(str, str)  # call id, the number that was called

    def __init__(
        self,
        region: Callable[[], str],
        ui_domain: Callable[[], str],
        can_control: Callable[[Call], bool],
        anchor: Callable[[], QRect | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._ui_domain = ui_domain
        self._can_control = can_control
        self._anchor = anchor
        self._popups: dict[str, CallPopup] = {}  # call id -> pop-up, in creation order
        self._waiting: dict[str, _Waiting] = {}  # in ringing order

    def popup(self, call_id: str) -> CallPopup | None:
        return self._popups.get(call_id)

    def visible(self) -> list[CallPopup]:
        return [p for p in self._popups.values() if p.isVisible()]

    # -- updates from the desk -------------------------------------------------------------

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def show_update(self, update: DeskUpdate) -> None:
        """Show a new ringing call, or bring an existing pop-up up to date."""
        call_id = update.call.external_call_id
        popup = self._popups.get(call_id)
        if popup is not None:
            self.update_popup(popup, update)
            return
        waiting = self._waiting.get(call_id)
        if waiting is not None:
            self._update_waiting(waiting, update)
        elif update.kind is UpdateKind.RINGING:
            if len(self.visible()) >= MAX_VISIBLE:
                self._waiting[call_id] = _Waiting(update.call, update.matches, update.fresh)
            else:
                self.open_for(update.call).show_matches(update.matches, fresh=update.fresh)

    def ask_wrap_up(self, call: Call) -> None:
        """An ended call the agent must still decide on (cut off by a stop): its
        ended-stage pop-up, or a place in the queue like a ringing call."""
        call_id = call.external_call_id
        popup = self._popups.get(call_id)
        if popup is not None:
            popup.show_ended(call)
            self._place()
        elif call_id in self._waiting:
            self._waiting[call_id].call = call
        elif len(self.visible()) >= MAX_VISIBLE:
            self._waiting[call_id] = _Waiting(call, call.matches, bool(call.matches))
        else:
            self.open_for(call)

    def _update_waiting(self, waiting: _Waiting, update: DeskUpdate) -> None:
        waiting.call = update.call
        if update.kind is UpdateKind.MATCHES:
            waiting.matches, waiting.fresh = update.matches, update.fresh
        elif update.kind is UpdateKind.LOOKUP_FAILED:
            waiting.error = update.error
        elif update.kind is UpdateKind.SYNC and update.call.sync_state is not SyncState.LOCAL:
            del self._waiting[update.call.external_call_id]  # logged or discarded elsewhere

    def update_popup(self, popup: CallPopup, update: DeskUpdate) -> None:
        kind = update.kind
        if kind is UpdateKind.MATCHES:
            popup.show_call(update.call)
            popup.show_matches(update.matches, fresh=update.fresh)
        elif kind is UpdateKind.NOT_RECORDED:
            why = self.tr("This call could not be recorded, so it is not in the history: %1")
            popup.show_error(why.replace("%1", message_text(update.error)))
        elif kind is UpdateKind.LOOKUP_FAILED:
            popup.show_lookup_failed(update.error)
        elif kind is UpdateKind.ANSWERED:
            popup.show_answered(update.call)
        elif kind is UpdateKind.ENDED:
            popup.show_ended(update.call)
        elif kind is UpdateKind.SYNC and update.call.sync_state is not SyncState.LOCAL:
            self.close(update.call.external_call_id)
            return
        elif kind in (UpdateKind.CHANGED, UpdateKind.RINGING):
            popup.show_call(update.call)
        self._place()

    def open_for(self, call: Call, *, focus: bool = False) -> CallPopup:
        """The pop-up of ``call`` (built if needed), shown; with ``focus`` it takes the keyboard."""
        popup = self._popups.get(call.external_call_id)
        if popup is None:
            waiting = self._waiting.pop(call.external_call_id, None)
            popup = self._build(waiting.call if waiting else call)
            if waiting is not None:
                popup.show_matches(waiting.matches, fresh=waiting.fresh)
                if waiting.error:
                    popup.show_lookup_failed(waiting.error)
        was_visible = popup.isVisible()
        popup.show()
        popup.repaint()  # paint now, before the loop turns to the caller lookup
        self._place()
        if not was_visible:
            self.opened.emit(call.external_call_id)
        if focus:
            popup.focus_for_typing()
        return popup

    def _build(self, call: Call) -> CallPopup:
        popup = CallPopup(call, self._region(), self._ui_domain())
        popup.set_notes(call.notes)
        popup.show_matches(call.matches, fresh=bool(call.matches))
        popup.set_controllable(self._can_control(call))
        if call.final_status is not None:
            popup.show_ended(call)
        self._connect(popup)
        self._popups[call.external_call_id] = popup
        return popup

    def _connect(self, popup: CallPopup) -> None:
        popup.log_requested.connect(self.log_requested)
        popup.discard_requested.connect(self.discard_requested)
        popup.notes_edited.connect(self.notes_edited)
        popup.status_touched.connect(self.status_touched)
        popup.answer_requested.connect(self.answer_requested)
        popup.hangup_requested.connect(self.hangup_requested)
        popup.open_requested.connect(self.open_requested)
        popup.called_number_entered.connect(self.called_number_entered)
        popup.dismissed.connect(self._forget)

    def close(self, call_id: str) -> None:
        self._waiting.pop(call_id, None)
        popup = self._popups.get(call_id)
        if popup is not None:
            popup._decided = True  # closed because of a decision, not dismissed
            popup.close()
            self._forget(call_id)

    def close_all(self) -> None:
        self._waiting.clear()
        for call_id in list(self._popups):
            self.close(call_id)

    def _forget(self, call_id: str) -> None:
        popup = self._popups.pop(call_id, None)
        if popup is not None:
            popup.deleteLater()
        while self._waiting and len(self.visible()) < MAX_VISIBLE:
            next_id = next(iter(self._waiting))
            self.open_for(self._waiting[next_id].call)
        self._place()

    def focus_newest(self) -> bool:
        """Give the keyboard to the newest visible pop-up; False if there is none."""
        shown = self.visible()
        if not shown:
            return False
        shown[-1].focus_for_typing()
        return True

    # -- placement ---------------------------------------------------------------------------

    def _place(self) -> None:
        shown = self.visible()
        if not shown:
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        anchor = self._anchor()
        corner = anchor.center() if anchor is not None and anchor.isValid() else area.bottomRight()
        from_top = corner.y() < area.center().y()
        from_left = corner.x() < area.center().x()
        y = area.top() + MARGIN if from_top else area.bottom() - MARGIN
        for popup in shown:
            size = popup.sizeHint().expandedTo(popup.minimumSizeHint())
            height = max(size.height(), popup.height())
            x = area.left() + MARGIN if from_left else area.right() - MARGIN - popup.width()
            top = y if from_top else y - height
            popup.move(QPoint(x, max(area.top(), top)))
            y = y + height + MARGIN if from_top else y - height - MARGIN
