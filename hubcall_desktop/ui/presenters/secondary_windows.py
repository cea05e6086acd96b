"""The presenter of the secondary windows: the log form, settings, and calls from the history.

Each window is created on first use and reused; every slow step (the journal, the
keyring, HubSpot, the settings file) runs as a background task and reports back. The
settings window has its own presenter (:mod:`hubcall_desktop.ui.presenters.settings`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, ManualLog
from hubcall_desktop.core.errors import INPUT_PROBLEM, InputError, UserError
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.presenters.settings import SettingsPresenter
from hubcall_desktop.ui.windows.call_dialog import CallDialog
from hubcall_desktop.ui.windows.log_form import LogCallForm
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from hubcall_desktop.ui.presenters.contact_actions import ContactActions
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.presenters.wrap_ups import WrapUps

logger = logging.getLogger(__name__)


class Dialogs:
    def __init__(self, context: AppContext, contacts: ContactActions, wrap_ups: WrapUps) -> None:
        self._ctx = context
        self._contacts = contacts  # a call window's "Create contact"
        self._wrap_ups = wrap_ups  # the settings' do-not-disturb ending releases them
        self.log_form: LogCallForm | None = None
        self._settings: SettingsPresenter | None = None
        self.call_dialogs: dict[str, CallDialog] = {}

    # -- manual logging ---------------------------------------------------------------------

    def open_log_form(self) -> LogCallForm:
        form = self.log_form
        if form is None:
            form = LogCallForm(self._ctx.settings)
            form.submitted.connect(self._on_manual_submitted)
            form.open_requested.connect(self._ctx.open_url)
            self.log_form = form
        form.set_region(self._ctx.region)
        form.show()
        form.raise_()
        form.activateWindow()
        return form

    def _on_manual_submitted(self, request: ManualLog) -> None:
        tasks.start(self._log_manual(request), "manual log")

    async def _log_manual(self, request: ManualLog) -> None:
        form, desk = self.log_form, self._ctx.desk
        if form is None:
            return
        if desk is None:
            form.show_refusal(
                QCoreApplication.translate(
                    "Dialogs", "HubCall Desktop is still starting; try again in a moment."
                )
            )
            return
        try:
            result = await desk.log_manual(request)
        except InputError as error:
            form.show_input_error(error)
        except UserError as error:
            form.show_refusal(error.user_message)
        else:
            form.show_result(result, self._ctx.settings.ui_domain)

    # -- calls from the history --------------------------------------------------------------

    def open_call(self, call: Call) -> CallDialog:
        dialog = self.call_dialogs.get(call.external_call_id)
        if dialog is None:
            dialog = CallDialog(call, self._ctx.region, self._ctx.settings.ui_domain)
            dialog.save_requested.connect(self._on_call_save)
            dialog.log_requested.connect(self._on_call_log)
            dialog.called_number_entered.connect(self._on_called_number)
            dialog.create_contact_requested.connect(self._contacts.open_for_call_id)
            dialog.open_requested.connect(self._ctx.open_url)
            dialog.finished.connect(
                lambda _r, i=call.external_call_id: self.call_dialogs.pop(i, None)
            )
            self.call_dialogs[call.external_call_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        tasks.start(self._load_call(call.external_call_id), "load call")
        return dialog

    def open_call_by_id(self, call_id: str) -> None:
        tasks.start(self._open_by_id(call_id, popup=False), "open call")

    def open_popup_by_id(self, call_id: str) -> None:
        """A notification was clicked: the call's pop-up if it is still open, else the call."""
        tasks.start(self._open_by_id(call_id, popup=True), "open pop-up")

    async def _open_by_id(self, call_id: str, *, popup: bool) -> None:
        desk = self._ctx.desk
        call = await desk.get_call(call_id) if desk is not None else None
        if call is None:
            return
        if popup and call.sync_state is SyncState.LOCAL:
            self._ctx.popups.open_for(call, focus=True)
        else:
            self.open_call(call)

    async def _load_call(self, call_id: str) -> None:
        """The journal's newest copy and HubSpot's last refusal, for the dialog."""
        desk = self._ctx.desk
        dialog = self.call_dialogs.get(call_id)
        if desk is None or dialog is None:
            return
        call, error = await desk.call_details(call_id)
        if call is not None:
            dialog.show_call(call, error or self._ctx.model.error_for(call_id))

    def refresh_call(self, update: DeskUpdate) -> None:
        dialog = self.call_dialogs.get(update.call.external_call_id)
        if dialog is not None:
            dialog.show_call(update.call, update.error)

    def _on_call_save(self, call_id: str, status: CallStatus, notes: str, title: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            tasks.start(
                self._call_action(
                    call_id, desk.update_call(call_id, status=status, notes=notes, title=title)
                ),
                "save call",
            )

    def _on_call_log(self, call_id: str, status: CallStatus, notes: str, title: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            tasks.start(
                self._call_action(call_id, desk.log_call(call_id, status, notes, title)), "log call"
            )

    def _on_called_number(self, call_id: str, number: str) -> None:
        desk = self._ctx.desk
        if desk is not None:
            action = desk.set_called_number(call_id, number)
            tasks.start(self._call_action(call_id, action), "called number")

    async def _call_action(self, call_id: str, action: object) -> None:
        try:
            await action  # type: ignore[misc]
        except InputError as error:
            self._show_call_error(call_id, INPUT_PROBLEM(error.field, error.problem))
        except UserError as error:
            self._show_call_error(call_id, error.user_message)

    def _show_call_error(self, call_id: str, message: str) -> None:
        dialog = self.call_dialogs.get(call_id)
        if dialog is not None:
            dialog.show_error(message)

    # -- settings (its own presenter) ---------------------------------------------------------

    @property
    def settings(self) -> SettingsPresenter:
        if self._settings is None:
            self._settings = SettingsPresenter(self._ctx, self._wrap_ups, lambda: self.log_form)
        return self._settings

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._settings.dialog if self._settings is not None else None

    def open_settings(self, *, hubspot_tab: bool = False) -> SettingsDialog:
        return self.settings.open(hubspot_tab=hubspot_tab)

    def save_settings_quietly(self) -> None:
        self.settings.save_quietly()

    def close_all(self) -> None:
        for window in (self.log_form, self.settings_dialog, *self.call_dialogs.values()):
            if window is not None:
                window.close()
