"""What the agent does to calls from the history: the row menu's actions, "Send queued
calls now", and discards that can be undone for a few seconds.

Each action reads the call from the journal in the background (the row knows only what
it shows) and hands it to the call desk or the desktop. A refusal is said in the status
bar in the agent's words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.call_back import call_back_number
from hubcall_desktop.core.errors import INPUT_PROBLEM, InputError, UserError
from hubcall_desktop.core.links import record_url
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.presenters.call_back import start_call_back
from hubcall_desktop.ui.text.formatting import remote_text, who_text
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.windows.history_menu import UNDO_SECONDS, RowAction
from hubcall_desktop.ui.windows.popup import Stage

if TYPE_CHECKING:
    from hubcall_desktop.services.call_desk import CallDesk
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.presenters.secondary_windows import Dialogs
    from hubcall_desktop.ui.windows.popup import CallPopup

logger = logging.getLogger(__name__)

_UNDO_KEY = "undo-discard-"  # + the call's id: the notification that offers the undo


class HistoryActions:
    def __init__(self, context: AppContext, windows: Callable[[], Dialogs]) -> None:
        self._ctx = context
        self._windows = windows  # built when first needed
        window = context.window
        window.row_action_requested.connect(self.run)
        window.send_queued_requested.connect(self.send_queued)
        window.undo_discard_requested.connect(self.undo_discard)
        context.popups.opened.connect(self._watch_popup)

    def run(self, name: str, call_id: str) -> None:
        tasks.start(self._run(RowAction(name), call_id), f"history {name}")

    async def _run(self, action: RowAction, call_id: str) -> None:
        desk = self._ctx.desk
        call = await desk.get_call(call_id) if desk is not None else None
        if desk is None or call is None:
            return
        try:
            await self._do(desk, action, call)
        except InputError as error:
            self._say(INPUT_PROBLEM(error.field, error.problem))
        except UserError as error:
            self._say(error.user_message)

    async def _do(self, desk: CallDesk, action: RowAction, call: Call) -> None:
        if action is RowAction.OPEN_HUBSPOT and call.matches:
            self._ctx.open_url(
                record_url(call.matches[0].coordinates, self._ctx.settings.ui_domain)
            )
        elif action is RowAction.CALL_BACK:
            self._call_back(call)
        elif action is RowAction.COPY_NUMBER:
            self._ctx.window.copy_number(call_back_number(call) or "", "")
        elif action is RowAction.SEND_NOW:
            self.send_queued()
        elif action is RowAction.RESEND:
            await desk.resend(call.external_call_id)
            self._say(
                QCoreApplication.translate(
                    "HistoryActions", "The call is queued for HubSpot again."
                )
            )
        elif action is RowAction.EDIT_NOTES:
            self._windows().open_call(call).focus_notes()

    def _call_back(self, call: Call) -> None:
        """The softphone's command when the settings name one (an argument list, never a
        shell), else a tel:/sip: link for the desktop's softphone; as Missed calls does."""
        number = call_back_number(call)
        if not number:
            return
        shown = remote_text(call, self._ctx.region)
        try:
            started, _how = start_call_back(self._ctx.settings, number)
        except ValueError as error:
            self._say(str(error))
            return
        if started:
            self._say(
                QCoreApplication.translate("HistoryActions", "Calling %1…").replace("%1", shown)
            )
        else:
            self._say(
                QCoreApplication.translate(
                    "HistoryActions", "Calling %1 back did not start: check Call back in Settings."
                ).replace("%1", shown)
            )

    def send_queued(self) -> None:
        """Every queued call now, retries that were waiting included."""
        desk = self._ctx.desk
        if desk is not None:
            desk.retry_outbox()
            self._say(QCoreApplication.translate("HistoryActions", "Sending the queued calls now…"))

    # -- discard, and its undo -------------------------------------------------------------

    def discard(self, call_id: str) -> None:
        """Discard in the background, then offer "Undo" for a few seconds."""
        desk = self._ctx.desk
        if desk is not None:
            tasks.start(self._discard(desk, call_id), "discard")

    async def _discard(self, desk: CallDesk, call_id: str) -> None:
        call = await desk.discard(call_id)
        if call.sync_state != "discarded":
            return
        who = self._who(call)
        self._ctx.window.offer_undo(call_id, who)
        if not self._ctx.window.isVisible():
            # Behind the tray the bar is out of sight: a notification, clicked to undo,
            # taken back when the offer ends.
            key = _UNDO_KEY + call_id
            self._ctx.notifier.notify(
                QCoreApplication.translate("HistoryActions", "Call discarded"),
                QCoreApplication.translate(
                    "HistoryActions", "%1 will not be logged. Click to undo."
                ).replace("%1", who),
                lambda: self.undo_discard(call_id),
                key=key,
            )
            QTimer.singleShot(UNDO_SECONDS * 1000, lambda: self._ctx.notifier.withdraw(key))

    def undo_discard(self, call_id: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            tasks.start(self._undo(desk, call_id), "undo discard")

    async def _undo(self, desk: CallDesk, call_id: str) -> None:
        self._ctx.notifier.withdraw(_UNDO_KEY + call_id)
        bar = self._ctx.window.undo_bar
        if bar is not None and bar.call_id == call_id:
            bar.dismiss()
        call = await desk.undiscard(call_id)
        self._say(
            QCoreApplication.translate(
                "HistoryActions", "Discard undone: %1 is back to wrap up."
            ).replace("%1", self._who(call))
        )

    # -- a wrap-up put aside (Esc) ------------------------------------------------------------

    def _watch_popup(self, call_id: str) -> None:
        popup = self._ctx.popups.popup(call_id)
        if popup is not None:
            popup.dismissed.connect(lambda _id, p=popup: self._on_dismissed(p))

    def _on_dismissed(self, popup: CallPopup) -> None:
        """Esc (or the window's close button) on a wrap-up hides it; the call waits in
        the history under "To wrap up", and the agent is told where to find it."""
        if popup.stage is not Stage.ENDED:
            return  # still ringing or talking: its wrap-up pop-up comes when it ends
        who = self._who(popup.call)
        text = QCoreApplication.translate(
            "HistoryActions", 'Not logged yet: the call with %1 waits under "To wrap up".'
        )
        self._ctx.notifier.notify(
            QCoreApplication.translate("HistoryActions", "Wrap-up put aside"),
            text.replace("%1", who),
            in_app_only=True,
        )

    # -- helpers ------------------------------------------------------------------------------

    def _who(self, call: Call) -> str:
        return who_text(call.matches) or remote_text(call, self._ctx.region)

    def _say(self, text: str) -> None:
        self._ctx.say(message_text(text), 8000)
