"""What the agent does in a pop-up, handed to the call desk in the background.

Logging never blocks: the pop-up closes at once and the history shows how it goes. A
refusal that comes before anything is queued (notes too long, a withheld number) brings
the pop-up back with the reason, and with what the agent typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui import tasks

if TYPE_CHECKING:
    from hubcall_desktop.services.call_desk import CallDesk
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.presenters.history_actions import HistoryActions


class PopupActions:
    def __init__(self, context: AppContext, history: HistoryActions) -> None:
        self._ctx = context
        self._history = history  # a discard offers the history's Undo
        popups = context.popups
        popups.log_requested.connect(self._on_log)
        popups.discard_requested.connect(self._on_discard)
        popups.notes_edited.connect(self._on_notes_edited)
        popups.status_touched.connect(self._on_touched)
        popups.answer_requested.connect(lambda call_id: self._control(call_id, answer=True))
        popups.hangup_requested.connect(lambda call_id: self._control(call_id, answer=False))
        popups.called_number_entered.connect(self._on_called_number)

    def _on_log(self, call_id: str, status: CallStatus, notes: str, title: str) -> None:
        desk = self._ctx.desk
        if desk is None:
            return
        self._ctx.popups.close(call_id)
        tasks.start(self._log(desk, call_id, status, notes, title), "log call")

    async def _log(
        self, desk: CallDesk, call_id: str, status: CallStatus, notes: str, title: str
    ) -> None:
        try:
            await desk.log_call(call_id, status, notes, title)
        except UserError as error:
            call = await desk.get_call(call_id)
            if call is not None:
                self._ctx.popups.open_for(call, focus=True).show_error(error.user_message)

    def _on_discard(self, call_id: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            self._ctx.popups.close(call_id)
            self._history.discard(call_id)  # with "Undo" for a few seconds

    def _on_touched(self, call_id: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            desk.mark_edited(call_id)

    def _on_notes_edited(self, call_id: str, notes: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            desk.save_notes_draft(call_id, notes)

    def _on_called_number(self, call_id: str, number: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            tasks.start(self._set_called_number(desk, call_id, number), "called number")

    async def _set_called_number(self, desk: CallDesk, call_id: str, number: str) -> None:
        """The desk refuses what is not a number: the pop-up (or, once it closed for a
        Log, a new one) says why under the field."""
        try:
            await desk.set_called_number(call_id, number)
        except UserError as error:
            call = await desk.get_call(call_id)
            popup = self._ctx.popups.popup(call_id)
            if popup is None and call is not None:
                popup = self._ctx.popups.open_for(call, focus=True)
            if popup is not None:
                popup.called_number.show_error(error.user_message)

    def _control(self, call_id: str, *, answer: bool) -> None:
        desk = self._ctx.desk
        if desk is not None:
            tasks.start(self._run_control(desk, call_id, answer), "answer" if answer else "hang up")

    async def _run_control(self, desk: CallDesk, call_id: str, answer: bool) -> None:
        try:
            await (desk.answer(call_id) if answer else desk.hangup(call_id))
        except UserError as error:
            popup = self._ctx.popups.popup(call_id)
            if popup is not None:
                popup.show_error(error.user_message)
