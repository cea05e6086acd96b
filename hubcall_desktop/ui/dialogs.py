"""The presenter of the secondary windows: the log form, settings, and calls from the history.

Each window is created on first use and reused; every slow step (the journal, the
keyring, HubSpot, the settings file) runs as a background task and reports back.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.errors import InputError, UserError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.service import (
    AccountDetails,
    HubSpotService,
    StaticToken,
    build_client,
)
from hubcall_desktop.secrets.store import validate_token
from hubcall_desktop.services import autostart
from hubcall_desktop.services.desk_types import DeskUpdate, ManualLog
from hubcall_desktop.services.runtime import APP_RETRY
from hubcall_desktop.storage.settings import Settings, save_settings
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.i18n import problem_text
from hubcall_desktop.ui.windows.call_dialog import CallDialog
from hubcall_desktop.ui.windows.log_form import LogCallForm
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from hubcall_desktop.ui.controller import AppController

logger = logging.getLogger(__name__)


class Dialogs:
    def __init__(self, controller: AppController) -> None:
        self._c = controller
        self.log_form: LogCallForm | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.call_dialogs: dict[str, CallDialog] = {}

    # -- manual logging ---------------------------------------------------------------------

    def open_log_form(self) -> LogCallForm:
        form = self.log_form
        if form is None:
            form = LogCallForm(self._c.settings)
            form.submitted.connect(self._on_manual_submitted)
            form.open_requested.connect(self._c.open_url)
            self.log_form = form
        form.set_region(self._c.region)
        form.show()
        form.raise_()
        form.activateWindow()
        return form

    def _on_manual_submitted(self, request: ManualLog) -> None:
        tasks.start(self._log_manual(request), "manual log")

    async def _log_manual(self, request: ManualLog) -> None:
        form, desk = self.log_form, self._c.desk
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
            form.show_result(result, self._c.settings.ui_domain)

    # -- calls from the history --------------------------------------------------------------

    def open_call(self, call: Call) -> CallDialog:
        dialog = self.call_dialogs.get(call.external_call_id)
        if dialog is None:
            dialog = CallDialog(call, self._c.region, self._c.settings.ui_domain)
            dialog.save_requested.connect(self._on_call_save)
            dialog.log_requested.connect(self._on_call_log)
            dialog.open_requested.connect(self._c.open_url)
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
        desk = self._c.desk
        call = await desk.journal.get_call(call_id) if desk is not None else None
        if call is None:
            return
        if popup and call.sync_state is SyncState.LOCAL:
            self._c.popups.open_for(call, focus=True)
        else:
            self.open_call(call)

    async def _load_call(self, call_id: str) -> None:
        """The journal's newest copy and HubSpot's last refusal, for the dialog."""
        desk = self._c.desk
        dialog = self.call_dialogs.get(call_id)
        if desk is None or dialog is None:
            return
        call, entries = await asyncio.gather(
            desk.journal.get_call(call_id), desk.journal.outbox_entries(call_id)
        )
        error = ""
        if entries and entries[-1].last_error:
            error = str(
                entries[-1].last_error.get("sentence")
                or entries[-1].last_error.get("message")
                or ""
            )
        if call is not None:
            dialog.show_call(call, error or self._c.model.error_for(call_id))

    def refresh_call(self, update: DeskUpdate) -> None:
        dialog = self.call_dialogs.get(update.call.external_call_id)
        if dialog is not None:
            dialog.show_call(update.call, update.error)

    def _on_call_save(self, call_id: str, status: CallStatus, notes: str, title: str) -> None:
        desk = self._c.desk
        if desk is not None:
            tasks.start(
                self._call_action(
                    call_id, desk.update_call(call_id, status=status, notes=notes, title=title)
                ),
                "save call",
            )

    def _on_call_log(self, call_id: str, status: CallStatus, notes: str, title: str) -> None:
        desk = self._c.desk
        if desk is not None:
            tasks.start(
                self._call_action(call_id, desk.log_call(call_id, status, notes, title)), "log call"
            )

    async def _call_action(self, call_id: str, action: object) -> None:
        try:
            await action  # type: ignore[misc]
        except InputError as error:
            self._show_call_error(call_id, f"{error.field}: {problem_text(error.problem)}")
        except UserError as error:
            self._show_call_error(call_id, error.user_message)

    def _show_call_error(self, call_id: str, message: str) -> None:
        dialog = self.call_dialogs.get(call_id)
        if dialog is not None:
            dialog.show_error(message)

    # -- settings ---------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = self.settings_dialog
        if dialog is None:
            dialog = SettingsDialog(self._c.settings, autostart.unsupported_reason() is None)
            dialog.save_requested.connect(self._on_settings_saved)
            dialog.token_save_requested.connect(self._on_token_save)
            dialog.test_requested.connect(self._on_test)
            self.settings_dialog = dialog
        else:
            dialog.load(self._c.settings)
        tasks.start(self.show_connection_state(), "connection state")
        sources = self._c.boot.sources
        dialog.softphone.set_templates(sources.hookups() if sources is not None else [])
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_settings_saved(self, new: Settings) -> None:
        current = self._c.settings
        autostart_changed = new.start_at_login != current.start_at_login
        for item in dataclasses.fields(Settings):
            setattr(current, item.name, getattr(new, item.name))  # the desk shares this object
        self._c.window.set_dnd(current.do_not_disturb)
        self._c.model.set_region(self._c.region)
        if self.log_form is not None:
            self.log_form.set_region(self._c.region)
        tasks.start(self._persist(autostart_changed), "save settings")

    def save_settings_quietly(self) -> None:
        tasks.start(self._persist(False), "save settings")

    async def _persist(self, autostart_changed: bool) -> None:
        snapshot = dataclasses.replace(self._c.settings)
        try:
            await asyncio.to_thread(save_settings, snapshot, self._c.paths.settings)
            if autostart_changed:
                await asyncio.to_thread(autostart.set_enabled, snapshot.start_at_login)
        except (UserError, OSError) as error:
            message = error.user_message if isinstance(error, UserError) else str(error)
            logger.warning("settings not saved: %s", message)
            if self.settings_dialog is not None:
                self.settings_dialog.show_error(message)

    def _on_token_save(self, text: str) -> None:
        tasks.start(self._save_token(text), "save token")

    async def _save_token(self, text: str) -> None:
        """Check the token with HubSpot, then keep it in the keyring (the manager does both)."""
        dialog = self.settings_dialog
        connection = self._c.boot.connection
        if dialog is None:
            return
        if connection is None:
            dialog.show_token_state(
                QCoreApplication.translate(
                    "Dialogs", "Demo mode uses the sandbox's token; nothing is saved."
                ),
                ok=False,
            )
            return
        dialog.show_token_state(QCoreApplication.translate("Dialogs", "Asking HubSpot…"), ok=True)
        try:
            who = await connection.connect_private_token(text)
        except UserError as error:
            dialog.show_token_state(error.user_message, ok=False)
            return
        dialog.token_saved()
        dialog.show_account(AccountDetails(who.portal_id, who.ui_domain))
        desk = self._c.desk
        if desk is not None:
            desk.status.after_success()
            desk.outbox.retry_now()

    async def show_connection_state(self) -> None:
        """On opening settings: say at once if there is no keyring or no connection."""
        connection, dialog = self._c.boot.connection, self.settings_dialog
        if connection is None or dialog is None:
            return
        try:
            snapshot = await connection.refresh_state()
        except UserError as error:
            dialog.show_token_state(error.user_message, ok=False)
            return
        if snapshot.message:
            dialog.show_token_state(snapshot.message, ok=False)
        else:
            kind = {
                "private-app": QCoreApplication.translate(
                    "Dialogs", "Connected with a private app token."
                ),
                "oauth": QCoreApplication.translate("Dialogs", "Connected with OAuth."),
                "environment": QCoreApplication.translate(
                    "Dialogs", "Using the token from HUBCALL_ACCESS_TOKEN."
                ),
            }.get(snapshot.kind.value, "")
            dialog.show_token_state(kind, ok=True)

    def _on_test(self, typed: str) -> None:
        tasks.start(self._test(typed), "test connection")

    async def _test(self, typed: str) -> None:
        dialog = self.settings_dialog
        if dialog is None:
            return
        dialog.show_token_state(QCoreApplication.translate("Dialogs", "Asking HubSpot…"), ok=True)
        desk = self._c.desk
        try:
            details = await self._account_details(validate_token(typed) if typed else None)
        except UserError as error:
            dialog.show_token_state(error.user_message, ok=False)
            if desk is not None and not typed:
                desk.status.after_error(error)
            return
        if desk is not None and not typed:
            desk.status.after_success()
        dialog.show_account(details)

    async def _account_details(self, typed: Secret | None) -> AccountDetails:
        """The typed token's account, else the connected one's."""
        boot = self._c.boot
        if typed is None:
            if boot.connection is not None:
                await boot.connection.refresh_state()
                who = await boot.connection.who_am_i()
                return AccountDetails(who.portal_id, who.ui_domain)
            desk = self._c.desk
            if desk is None:
                raise InputError("token", "", "paste a token first")
            return await desk.service.account_details()
        async with build_client() as client:
            service = HubSpotService(
                client,
                StaticToken(typed),
                base_url=boot.api_base,
                api_version=boot.api_version,
                retry_policy=APP_RETRY,
            )
            return await service.account_details()

    def close_all(self) -> None:
        for window in (self.log_form, self.settings_dialog, *self.call_dialogs.values()):
            if window is not None:
                window.close()
