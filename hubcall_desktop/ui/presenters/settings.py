"""The presenter of the settings window: saving settings, and the HubSpot connection.

Connecting (OAuth in the browser, a private app token), logging out and switching the
portal all go through the app's :class:`~hubcall_desktop.services.connection.ConnectionManager`
as background tasks, never on the UI thread. What the connection decides (portal, account,
the agent's user id) is applied and saved at once, as ``hubcall-desktop auth login`` does.
The same HubSpot page serves the set-up guide (:meth:`SettingsPresenter.bind`): each
answer goes to the page that asked.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from hubcall_desktop.core.account import apply_account
from hubcall_desktop.core.connection_types import ConnectionSnapshot, ConnectionStatus, WhoAmI
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.secrets.oauth_config import METADATA_FILE, MetadataFile, resolve_client_id
from hubcall_desktop.secrets.oauth_flow import BrowserOpener
from hubcall_desktop.secrets.store import validate_secret, validate_token
from hubcall_desktop.services import autostart
from hubcall_desktop.services.account import account_for_token, learn_account
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.storage.settings import save_settings
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.widgets.hubspot_page import HubSpotPage
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.presenters.wrap_ups import WrapUps
    from hubcall_desktop.ui.windows.log_form import LogCallForm

logger = logging.getLogger(__name__)


class SettingsPresenter:
    def __init__(
        self,
        context: AppContext,
        wrap_ups: WrapUps,
        log_form: Callable[[], LogCallForm | None],
    ) -> None:
        self._ctx = context
        self._wrap_ups = wrap_ups  # do-not-disturb ended here: the calls it held come
        self._log_form = log_form  # follows the region
        self.dialog: SettingsDialog | None = None
        # How the sign-in address reaches a browser; tests put in one that follows it.
        self.open_browser: BrowserOpener = self._desktop_browser
        self.connect_task: asyncio.Task[None] | None = None
        self._listening: ConnectionManager | None = None
        self.logout_box: QMessageBox | None = None
        self._pages: list[HubSpotPage] = []  # the settings' page, the set-up guide's
        self._signing_in: HubSpotPage | None = None  # the page waiting for the browser

    @property
    def _connection(self) -> ConnectionManager | None:
        return self._ctx.boot.connection

    # -- the window -----------------------------------------------------------------------

    def open(self, *, hubspot_tab: bool = False) -> SettingsDialog:
        dialog = self.dialog
        if dialog is None:
            dialog = SettingsDialog(self._ctx.settings, autostart.unsupported_reason() is None)
            dialog.save_requested.connect(self.apply)
            self.bind(dialog.hubspot)
            self.dialog = dialog
        else:
            dialog.load(self._ctx.settings)
        self.show_page(dialog.hubspot)
        sources = self._ctx.boot.sources
        dialog.softphone.set_templates(sources.hookups() if sources is not None else [])
        if hubspot_tab:
            dialog.show_hubspot_tab()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def bind(self, page: HubSpotPage) -> None:
        """Let ``page`` connect, save a token, test, switch portal and log out; the
        answers go to it. Bound once, for the life of the page's window."""
        page.token_save_requested.connect(lambda text: self._on_token_save(text, page))
        page.test_requested.connect(lambda typed: self._on_test(typed, page))
        page.portal_chosen.connect(lambda portal: self._on_portal_chosen(portal, page))
        page.connect_requested.connect(
            lambda client_id, legacy, secret: self._on_connect(client_id, legacy, secret, page)
        )
        page.cancel_requested.connect(self.cancel_connect)
        page.logout_requested.connect(lambda: self._on_logout(page))
        self._pages.append(page)

    def show_page(self, page: HubSpotPage) -> None:
        """A bound page is about to show: the address in use, and the connection's state."""
        page.show_api_base_in_use(self._ctx.boot.api_base)
        connection = self._connection
        if connection is None:
            page.set_demo()
        elif self._listening is not connection:
            connection.add_listener(self._on_snapshot)  # the state line follows every change
            self._listening = connection
        tasks.start(self.show_connection_state(page), "connection state")

    def _on_snapshot(self, snapshot: ConnectionSnapshot) -> None:
        for page in self._pages:
            page.show_connection(snapshot)

    async def show_connection_state(self, page: HubSpotPage | None = None) -> None:
        """On opening: the active portal's state, and the portals to choose from."""
        connection = self._connection
        page = page or (self.dialog.hubspot if self.dialog is not None else None)
        if connection is None or page is None:
            return
        try:
            snapshot = await connection.refresh_state()
        except UserError as error:
            page.show_state_error(error.user_message)
        else:
            page.show_connection(snapshot)
        await self._show_portals()

    async def _show_portals(self) -> None:
        """Known portals: ``default``, those connected with OAuth, those added by name."""
        settings = self._ctx.settings
        if not self._pages:
            return
        metadata = MetadataFile(self._ctx.paths.data_dir / METADATA_FILE)
        oauth = await asyncio.to_thread(metadata.load_all)
        for page in self._pages:
            page.set_portals([*oauth, *settings.portals], settings.active_portal)

    # -- saving -----------------------------------------------------------------------------

    def apply(self, new: Settings) -> None:
        """Make ``new`` the app's settings (the desk shares the object) and save them."""
        current = self._ctx.settings
        autostart_changed = new.start_at_login != current.start_at_login
        portal_changed = new.active_portal != current.active_portal
        dnd_ended = current.do_not_disturb and not new.do_not_disturb
        own_number_changed = new.own_number != current.own_number
        # Finished or skipped stays so: a settings window opened before must not undo it.
        new.setup_guide_done = new.setup_guide_done or current.setup_guide_done
        for item in dataclasses.fields(Settings):
            setattr(current, item.name, getattr(new, item.name))  # the desk shares this object
        self._ctx.window.set_dnd(current.do_not_disturb)
        if dnd_ended:
            self._wrap_ups.release()
        self._ctx.model.set_region(self._ctx.region)
        log_form = self._log_form()
        if log_form is not None:
            log_form.set_region(self._ctx.region)
        tasks.start(self.persist(autostart_changed), "save settings")
        desk = self._ctx.desk
        if own_number_changed and desk is not None:  # calls waiting for it are sent now
            tasks.start(desk.fill_in_own_number(), "calls waiting for the own number")
        if portal_changed:  # typed into the portal field, then OK without Enter
            self._on_portal_chosen(current.active_portal)

    def save_quietly(self) -> None:
        tasks.start(self.persist(False), "save settings")

    async def persist(self, autostart_changed: bool) -> None:
        snapshot = dataclasses.replace(self._ctx.settings)
        try:
            await asyncio.to_thread(save_settings, snapshot, self._ctx.paths.settings)
            if autostart_changed:
                await asyncio.to_thread(autostart.set_enabled, snapshot.start_at_login)
        except (UserError, OSError) as error:
            message = error.user_message if isinstance(error, UserError) else str(error)
            logger.warning("settings not saved: %s", message)
            if self.dialog is not None:
                self.dialog.show_error(message)

    def _adopt(self) -> None:
        """The connection changed settings: the dialog's copy follows, the file too."""
        if self.dialog is not None:
            self.dialog.adopt_connection(self._ctx.settings)
        self.save_quietly()

    # -- the portal ------------------------------------------------------------------------

    def _on_portal_chosen(self, portal: str, page: HubSpotPage | None = None) -> None:
        settings = self._ctx.settings
        settings.use_portal(portal)
        # Another portal is another HubSpot account: its id and domain are learnt anew.
        settings.portal_id, settings.ui_domain = None, Settings().ui_domain
        self._adopt()  # at once, before any await: OK must not put the old portal back
        page = page or (self.dialog.hubspot if self.dialog is not None else None)
        if page is not None:
            tasks.start(self._switch_portal(portal, page), "switch portal")

    async def _switch_portal(self, portal: str, page: HubSpotPage) -> None:
        """Make ``portal`` the manager's active one (its listener resets the app's token),
        show its state, and learn its account when it is connected."""
        connection = self._connection
        if connection is None:
            return
        page.show_oauth_message("")
        try:
            snapshot = await connection.set_portal(portal)
            await self._show_portals()
            if snapshot.status is not ConnectionStatus.CONNECTED:
                return
            who = await learn_account(connection=connection)
        except UserError as error:
            page.show_state_error(error.user_message)
            return
        settings = self._ctx.settings
        if settings.active_portal == portal:  # not switched again meanwhile
            apply_account(settings, who)
            self._adopt()
            page.show_connection(connection.snapshot)

    # -- OAuth -------------------------------------------------------------------------------

    def _on_connect(self, client_id: str, legacy: bool, secret: str, page: HubSpotPage) -> None:
        if self.connect_task is not None and not self.connect_task.done():
            return
        self.connect_task = tasks.start(
            self._connect_oauth(client_id, legacy, secret, page), "OAuth"
        )

    def cancel_connect(self) -> None:
        """Stop waiting for the browser; the loopback listener closes with the task."""
        if self.connect_task is not None:
            self.connect_task.cancel()

    async def _connect_oauth(
        self, typed_id: str, legacy: bool, secret: str, page: HubSpotPage
    ) -> None:
        connection = self._connection
        if connection is None:
            page.set_demo()
            return
        client_id = resolve_client_id(typed_id)
        self._signing_in = page
        page.show_waiting()
        try:
            if secret:
                await connection.set_client_secret(validate_secret(secret, "client secret"))
            connection.client_id = client_id
            connection.redirect_port = page.redirect_port.value()
            who = await connection.connect_oauth(legacy=legacy, open_browser=self.open_browser)
        except asyncio.CancelledError:
            page.show_oauth_message(
                QCoreApplication.translate("Dialogs", "Sign-in cancelled; nothing was changed.")
            )
            raise
        except UserError as error:
            page.show_oauth_message(error.user_message)
            return
        except Exception:  # a bug: say so rather than wait forever
            logger.exception("the OAuth sign-in failed")
            from hubcall_desktop.services.log_files import active_log_folder

            page.show_oauth_message(
                QCoreApplication.translate(
                    "Dialogs",
                    "The sign-in failed unexpectedly; the details are in the log in %1 "
                    "(Help → Open log folder in the main window).",
                ).replace("%1", str(active_log_folder()))
            )
            return
        finally:
            page.done_waiting()
        settings = self._ctx.settings
        apply_account(settings, who)  # the agent's user id prefilled, never overwritten
        settings.oauth_client_id = client_id
        page.show_connection(connection.snapshot)  # now with the user who_am_i learnt
        page.show_signed_in(who)
        self._adopt()
        desk = self._ctx.desk
        if desk is not None:
            desk.connection_worked()
        await self._show_portals()

    async def _desktop_browser(self, url: str) -> None:
        """The desktop's browser (xdg-open, a portal, the system's handler); when none
        opens, the address is shown to open by hand, and the sign-in keeps waiting."""
        if not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
            logger.warning("no browser opened the sign-in address")
            if self._signing_in is not None:
                self._signing_in.show_address(url)

    # -- log out ----------------------------------------------------------------------------

    def _on_logout(self, page: HubSpotPage) -> None:
        """Ask first (without blocking the event loop, as quitting does), then log out."""
        connection = self._connection
        if connection is None:
            return
        box = QMessageBox(page.window())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "Log out of HubSpot"))
        box.setText(
            QCoreApplication.translate(
                "Dialogs",
                "Log out of portal %1? HubCall Desktop asks HubSpot to forget the connection "
                "and deletes its secrets from the keyring. Calls stay queued until you connect "
                "again.",
            ).replace("%1", connection.portal)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Dialogs", "&Log out")
        )
        box.accepted.connect(lambda: tasks.start(self._logout(page), "log out"))
        self.logout_box = box
        box.open()

    async def _logout(self, page: HubSpotPage) -> None:
        connection = self._connection
        if connection is None:
            return
        portal = connection.portal
        try:
            warnings = await connection.logout()
        except UserError as error:
            page.show_oauth_message(error.user_message)
            return
        page.show_logged_out(portal, warnings)
        page.show_connection(connection.snapshot)

    # -- private app token --------------------------------------------------------------------

    def _on_token_save(self, text: str, page: HubSpotPage) -> None:
        tasks.start(self._save_token(text, page), "save token")

    async def _save_token(self, text: str, page: HubSpotPage) -> None:
        """Check the token with HubSpot, then keep it in the keyring (the manager does both)."""
        connection = self._connection
        if connection is None:
            page.show_token_state(
                QCoreApplication.translate(
                    "Dialogs", "Demo mode uses the sandbox's token; nothing is saved."
                ),
                ok=False,
            )
            return
        page.show_token_state(QCoreApplication.translate("Dialogs", "Asking HubSpot…"), ok=True)
        try:
            who = await connection.connect_private_token(text)
        except UserError as error:
            page.show_token_state(error.user_message, ok=False)
            return
        page.token_saved()
        self._show_account(page, who)
        desk = self._ctx.desk
        if desk is not None:
            desk.connection_worked()
            desk.retry_outbox()

    def _on_test(self, typed: str, page: HubSpotPage) -> None:
        tasks.start(self._test(typed, page), "test connection")

    async def _test(self, typed: str, page: HubSpotPage) -> None:
        page.show_token_state(QCoreApplication.translate("Dialogs", "Asking HubSpot…"), ok=True)
        desk, boot = self._ctx.desk, self._ctx.boot
        try:
            if typed:  # the typed token's account, else the connected one's
                who = await account_for_token(
                    validate_token(typed), api_base=boot.api_base, api_version=boot.api_version
                )
            else:
                who = await learn_account(connection=boot.connection, service=desk)
        except UserError as error:
            page.show_token_state(error.user_message, ok=False)
            if desk is not None and not typed and boot.connection is not None:
                desk.connection_failed(error)  # the desk noted it itself when it asked
            return
        if desk is not None and not typed and boot.connection is not None:
            desk.connection_worked()
        self._show_account(page, who)

    def _show_account(self, page: HubSpotPage, who: WhoAmI) -> None:
        """HubSpot's account for the token. The settings window keeps it with its values
        (saved on OK or Apply); elsewhere (the set-up guide) it is saved at once."""
        dialog = self.dialog
        if dialog is not None and page is dialog.hubspot:
            dialog.show_account(who)
            return
        page.show_account(who)
        apply_account(self._ctx.settings, who)
        self._adopt()
