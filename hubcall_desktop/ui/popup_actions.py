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
    from hubcall_desktop.ui.controller import AppController


class PopupActions:
    def __init__(self, controller: AppController) -> None:
        self._c = controller
        popups = controller.popups
        popups.log_requested.connect(self._on_log)
        popups.discard_requested.connect(self._on_discard)
        popups.notes_edited.connect(self._on_notes_edited)
        popups.status_touched.connect(self._on_touched)
        popups.answer_requested.connect(lambda call_id: self._control(call_id, answer=True))
        popups.hangup_requested.connect(lambda call_id: self._control(call_id, answer=False))

    def _on_log(self, call_id: str, status: CallStatus, notes: str, title: str) -> None:
        desk = self._c.desk
        if desk is None:
            return
        self._c.popups.close(call_id)
        tasks.start(self._log(desk, call_id, status, notes, title), "log call")

    async def _log(
        self, desk: CallDesk, call_id: str, status: CallStatus, notes: str, title: str
    ) -> None:
        try:
            await desk.log_call(call_id, status, notes, title)
        except UserError as error:
            call = await desk.journal.get_call(call_id)
            if call is not None:
                self._c.popups.open_for(call, focus=True).show_error(error.user_message)

    def _on_discard(self, call_id: str) -> None:
        desk = self._c.desk
        if desk is not None:
            self._c.popups.close(call_id)
            tasks.start(desk.discard(call_id), "discard")

    def _on_touched(self, call_id: str) -> None:
        desk = self._c.desk
        if desk is not None:
            desk.mark_edited(call_id)

    def _on_notes_edited(self, call_id: str, notes: str) -> None:
        desk = self._c.desk
        if desk is not None:
            desk.save_notes_draft(call_id, notes)

    def _control(self, call_id: str, *, answer: bool) -> None:
        desk = self._c.desk
        if desk is not None:
            tasks.start(self._run_control(desk, call_id, answer), "answer" if answer else "hang up")

    async def _run_control(self, desk: CallDesk, call_id: str, answer: bool) -> None:
        try:
            await (desk.answer(call_id) if answer else desk.hangup(call_id))
        except UserError as error:
            popup = self._c.popups.popup(call_id)
            if popup is not None:
                popup.show_error(error.user_message)
