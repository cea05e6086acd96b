"""Where the app is put together: the main window, the tray, the pop-ups, one
:class:`~hubcall_desktop.ui.presenters.context.AppContext` and the presenters given it; the
boot; and the route of the desk's updates to the pop-ups, notices, history and tray.

Start-up paints the main window first and does everything slow (journal, keyring, the
sandbox, call sources) afterwards on the event loop, so the first paint waits on none of
them. The commands both menus offer are shared QActions (ui/desktop/app_actions.py),
connected here once. What the agent does in a pop-up, the history, a secondary window or
the set-up guide is answered by that part's presenter, which reaches the desk through the
context; no presenter imports this module. Windows never call the desk themselves.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QApplication, QMessageBox

from hubcall_desktop.core.call import Call, CallSource
from hubcall_desktop.core.desk_types import DeskStatus, DeskUpdate, TokenState, UpdateKind
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.storage.paths import AppPaths
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.desktop.notifications import Notifier
from hubcall_desktop.ui.desktop.tray import RECENT_CALLS, Tray, TrayState
from hubcall_desktop.ui.models.history_model import HistoryModel
from hubcall_desktop.ui.presenters.call_notices import CallNotices
from hubcall_desktop.ui.presenters.contact_actions import ContactActions
from hubcall_desktop.ui.presenters.context import AppContext
from hubcall_desktop.ui.presenters.desk_signals import DeskSignals
from hubcall_desktop.ui.presenters.history_actions import HistoryActions
from hubcall_desktop.ui.presenters.log_folder import open_log_folder
from hubcall_desktop.ui.presenters.popup_actions import PopupActions
from hubcall_desktop.ui.presenters.popup_stack import PopupManager
from hubcall_desktop.ui.presenters.setup_guide import SetupGuidePresenter
from hubcall_desktop.ui.presenters.wrap_ups import WrapUps
from hubcall_desktop.ui.startup.options import AppOptions
from hubcall_desktop.ui.text.formatting import remote_text, who_text
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.outcome_combo import OUTCOME_CHOICES
from hubcall_desktop.ui.windows.main_window import MainWindow

if TYPE_CHECKING:  # imported when first needed: none of these is on the way to the first paint
    from hubcall_desktop.core.outcomes import CallOutcome
    from hubcall_desktop.services.call_desk import CallDesk
    from hubcall_desktop.services.runtime import DeskRuntime
    from hubcall_desktop.ui.presenters.secondary_windows import Dialogs
    from hubcall_desktop.ui.startup.boot import Boot

logger = logging.getLogger(__name__)


class AppController(QObject):
    def __init__(
        self,
        options: AppOptions,
        paths: AppPaths,
        settings: Settings,
        warnings: list[str],
        *,
        window: MainWindow | None = None,
        model: HistoryModel | None = None,
    ) -> None:
        super().__init__()
        self.options = options
        self.paths = paths
        self.settings = settings
        self._warnings = warnings
        self.signals = DeskSignals(self)
        region = options.region or settings.region
        self.model = model or HistoryModel(region)
        self.model.set_region(region)
        self._open_calls: dict[str, Call] = {}  # ringing or talking, newest last
        self._recent: deque[Call] = deque(maxlen=RECENT_CALLS)
        self._quitting = False
        self._closing: asyncio.Future[None] | None = None
        self._reconnect_told = False  # one notification each time reconnecting becomes needed
        demo_labels = _demo_labels() if options.demo else []
        self.window = window or MainWindow(self.model)
        if demo_labels:
            self.window.add_demo(demo_labels)
        tray: Tray | None = None
        if Tray.available():
            tray = Tray(
                self.window.commands, lambda: list(self._recent), lambda: self.context.region
            )
        self.popups = PopupManager(
            lambda: self.context.region,
            lambda: self.settings.ui_domain,
            self._can_control,
            anchor=lambda: self.tray.geometry() if self.tray is not None else None,
        )
        self.notifier = Notifier(
            lambda: self.tray.icon if self.tray is not None else None,
            lambda title, body: self.window.statusBar().showMessage(f"{title}: {body}", 15_000),
            use_system=options.system_notifications,
        )
        # What every presenter is given instead of this controller.
        self.context = ctx = AppContext(
            options,
            paths,
            settings,
            window=self.window,
            model=self.model,
            signals=self.signals,
            popups=self.popups,
            notifier=self.notifier,
            tray=tray,
            parent=self,
        )
        self.notices = CallNotices(ctx, lambda: self.dialogs)
        self.history_actions = HistoryActions(ctx, lambda: self.dialogs)  # row menu, Undo
        self.popup_actions = PopupActions(ctx, self.history_actions)
        self.contact_actions = ContactActions(ctx)  # "Create contact" for unknown callers
        self.wrap_ups = WrapUps(ctx)  # calls the last stop cut off
        # first start, Help → Set-up guide
        self.setup_guide = SetupGuidePresenter(ctx, lambda: self.dialogs.settings)
        self._dialogs: Dialogs | None = None
        self._boot: Boot | None = None
        self._connect()

    # -- properties ------------------------------------------------------------------------

    @property
    def dialogs(self) -> Dialogs:
        if self._dialogs is None:
            from hubcall_desktop.ui.presenters.secondary_windows import Dialogs

            self._dialogs = Dialogs(self.context, self.contact_actions, self.wrap_ups)
        return self._dialogs

    @property
    def boot(self) -> Boot:
        if self._boot is None:
            from hubcall_desktop.ui.startup.boot import Boot

            self._boot = Boot(self.context, self)
        return self._boot

    # The context's, under the names the entry point and the tests use.
    @property
    def ready(self) -> SignalInstance:
        return self.context.ready

    @property
    def boot_failed(self) -> SignalInstance:
        return self.context.boot_failed

    @property
    def tray(self) -> Tray | None:
        return self.context.tray

    @tray.setter
    def tray(self, tray: Tray | None) -> None:
        self.context.tray = tray

    @property
    def runtime(self) -> DeskRuntime | None:
        return self.context.runtime

    @property
    def desk(self) -> CallDesk | None:
        return self.context.desk

    def _can_control(self, call: Call) -> bool:
        desk = self.desk
        return desk is not None and desk.can_control(call)

    # -- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.signals.updated.connect(self._on_update)
        self.signals.status_changed.connect(self._on_status)
        w = self.window
        # One connection per command: the window's menus and the tray's hold the same actions.
        a = w.commands
        a.quit.triggered.connect(self.request_quit)
        a.popup.triggered.connect(self.focus_popup)
        a.simulate.connect(self.simulate)
        a.dnd.toggled.connect(self.set_do_not_disturb)
        a.log_call.triggered.connect(self.open_log_form)
        a.settings.triggered.connect(self.open_settings)
        a.reconnect.triggered.connect(self.open_connection_settings)  # status bar's too
        a.show_window.triggered.connect(self.show_window)
        w.log_folder_requested.connect(partial(open_log_folder, w))
        w.call_open_requested.connect(self._open_call_by_id)
        w.set_dnd(self.settings.do_not_disturb)
        self.popups.open_requested.connect(self.open_url)
        if self.tray is not None:
            self.tray.call_requested.connect(self._open_call_by_id)

    # -- start -----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the window (or the tray), then boot the desk in the background."""
        if self.tray is not None:
            self.tray.show()
        else:
            self.window.hide_on_close = False
        if not (self.settings.start_minimised and self.tray is not None):
            self.window.show()
        if self.tray is None:
            self.window.statusBar().showMessage(
                self.tr(
                    "No system tray was found: HubCall Desktop runs as a normal window, and closing it quits."
                ),
                30_000,
            )
            logger.info("no system tray: running as a normal window")
        for warning in self._warnings:
            logger.warning("%s", warning)
        self._refresh_tray()
        tasks.start(self.boot.run(), "boot")

    def attach(self, runtime: DeskRuntime) -> None:
        """The desk is built: listen to it, give the model its journal."""
        self.context.runtime = runtime
        self.signals.attach(runtime.desk)
        _attach_outcomes(runtime.desk)
        if self.options.demo:
            from hubcall_desktop.services.demo import DemoControl

            runtime.desk.set_control(CallSource.DEMO, DemoControl(runtime.desk))
        self.model.set_journal(runtime.journal)

    def remember_recent(self, calls: list[Call]) -> None:
        for call in reversed(calls):
            self._recent.appendleft(call)

    # -- desk updates ----------------------------------------------------------------------

    def _on_update(self, update: DeskUpdate) -> None:
        """The desk's one route to the pop-ups, notices, wrap-ups, history and tray."""
        kind = update.kind
        if kind is UpdateKind.RINGING:
            self._on_ringing(update)
        elif kind is UpdateKind.ENDED:
            self.wrap_ups.on_ended(update)
        elif kind is UpdateKind.SYNC:
            self.notices.on_sync(update)
        self._on_updated(update)

    def _on_ringing(self, update: DeskUpdate) -> None:
        if self.settings.do_not_disturb:
            return  # journaled and in the history; nothing pops up, nothing is said
        if self.settings.popup_enabled:
            self.popups.show_update(update)
        self.notices.on_ringing(update)

    def _on_updated(self, update: DeskUpdate) -> None:
        call = update.call
        call_id = call.external_call_id
        self.notices.on_update(update)
        if update.kind is not UpdateKind.RINGING:
            # Shown or still waiting for a place: either way it follows the call, so a
            # waiting call that got logged never opens as a pop-up that cannot close.
            self.popups.show_update(update)
        if not update.recorded:
            return  # the pop-up shows it at once; the history follows the journal
        if call.final_status is None and call.ended_at is None:
            self._open_calls.pop(call_id, None)
            self._open_calls[call_id] = call
        else:
            self._open_calls.pop(call_id, None)
        self._recent = deque(
            [c for c in self._recent if c.external_call_id != call_id], maxlen=RECENT_CALLS
        )
        self._recent.appendleft(call)
        self.model.apply_update(update)
        if self._dialogs is not None:
            self._dialogs.refresh_call(update)
        current = next(reversed(self._open_calls.values()), None)
        self.window.show_current_call(current, self.context.region)
        self._refresh_tray()

    def _open_call_by_id(self, call_id: str) -> None:
        self.dialogs.open_call_by_id(call_id)

    def open_log_form(self) -> None:
        self.dialogs.open_log_form()

    def open_settings(self) -> None:
        self.dialogs.open_settings()

    def open_connection_settings(self) -> None:
        """Settings at the HubSpot page, where "Connect with OAuth…" is."""
        self.show_window()
        self.dialogs.open_settings(hubspot_tab=True)

    def _on_status(self, status: DeskStatus) -> None:
        self.window.set_status(status)
        self._tell_reconnect(status)
        self._refresh_tray()

    def _tell_reconnect(self, status: DeskStatus) -> None:
        """Notify once when HubSpot starts needing a new sign-in; the tray and status bar
        keep saying so until it is done. Do-not-disturb silences the notification only."""
        needed = status.token is TokenState.RECONNECT
        if needed and not self._reconnect_told:
            self._reconnect_told = True
            if not self.settings.do_not_disturb:
                self.notifier.notify(
                    self.tr("HubSpot needs you to connect again"),
                    self.tr(
                        "Calls are kept and logged once you connect again. Open the settings "
                        "and choose Connect with OAuth."
                    ),
                    self.open_connection_settings,
                    sound=self.settings.sound_enabled,
                )
        elif not needed:
            self._reconnect_told = False
        if self.tray is not None:
            self.tray.set_reconnect_needed(needed)

    def _refresh_tray(self) -> None:
        if self.tray is None:
            return
        status = self.desk.current_status() if self.desk is not None else DeskStatus()
        ringing = [c for c in self._open_calls.values() if c.answered_at is None]
        if ringing:
            call = ringing[-1]
            self.tray.set_state(
                TrayState.RINGING, who_text(call.matches) or remote_text(call, self.context.region)
            )
        elif status.token is TokenState.RECONNECT:  # before do-not-disturb: calls are waiting
            self.tray.set_state(
                TrayState.OFFLINE,
                self.tr(
                    "HubSpot needs you to connect again; %n call(s) queued", "", status.pending
                ),
            )
        elif self.settings.do_not_disturb:
            self.tray.set_state(TrayState.DND, self.tr("Calls are journaled, nothing pops up."))
        elif not status.healthy:
            self.tray.set_state(TrayState.OFFLINE, message_text(status.message))
        else:
            pending = (
                self.tr("%n call(s) waiting to be logged", "", status.pending)
                if status.pending
                else ""
            )
            self.tray.set_state(TrayState.IDLE, pending)

    # -- what the agent does ---------------------------------------------------------------

    def simulate(self, index: int) -> None:
        from hubcall_desktop.services.demo import DEMO_CALLERS, ring

        desk = self.desk
        if desk is not None and 0 <= index < len(DEMO_CALLERS):
            tasks.start(ring(desk, DEMO_CALLERS[index]), "simulate call")

    def set_do_not_disturb(self, on: bool) -> None:
        self.settings.do_not_disturb = on
        self.window.set_dnd(on)
        if on:
            self.popups.close_all()
        else:
            self.wrap_ups.release()
        self._refresh_tray()
        self.dialogs.save_settings_quietly()

    def focus_popup(self) -> None:
        if not self.popups.focus_newest():
            current = next(reversed(self._open_calls.values()), None)
            if current is not None:
                self.popups.open_for(current, focus=True)

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def open_url(self, url: str) -> None:
        self.context.open_url(url)

    # -- quitting ----------------------------------------------------------------------------

    def request_quit(self) -> None:
        """Quit; with calls still queued, say how many stay queued first."""
        if self._quitting:
            return
        pending = self.desk.current_status().pending if self.desk is not None else 0
        if pending == 0:
            self.quit_now()
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Quit HubCall Desktop"))
        box.setText(
            self.tr(
                "%n call(s) are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.",
                "",
                pending,
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("&Quit"))
        box.accepted.connect(self.quit_now)
        self.quit_box = box
        box.open()

    def quit_now(self) -> None:
        """Close down, then leave Qt's loop. Nothing cancels the close-down once begun."""
        if self._quitting:
            return
        self._quitting = True
        self.context.quitting.emit()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # Qt's loop has already ended: run() closes down from there
            logger.info("quit asked while the app is already closing down")
            return
        if self._closing is None:
            self._closing = loop.create_task(self._close_down(), name="close down")
        # exit, not quit: Qt's quit asks every window first, and a window may say no.
        self._closing.add_done_callback(lambda _: QApplication.exit(0))

    async def close_down(self) -> None:
        """Close the windows and stop everything the boot started. Safe to call twice, even
        at once (a quit in progress when Qt's loop ends): every caller waits for the one
        close-down, which no cancelled caller can interrupt half-way."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close_down())
        await asyncio.shield(self._closing)

    async def _close_down(self) -> None:
        self.notices.clear()
        self.popups.close_all()
        if self._dialogs is not None:
            self._dialogs.close_all()
        await tasks.UI_TASKS.cancel_all()  # nothing may use the desk once it closes
        try:
            await self.boot.stop()
        finally:
            if self.tray is not None:
                self.tray.hide()
            self.window.hide_on_close = False
            self.window.hide()

    def data_dir(self) -> Path:
        return self.paths.data_dir


def _demo_labels() -> list[str]:
    from hubcall_desktop.sandbox.seed import DEMO_CALLERS

    return [caller.label for caller in DEMO_CALLERS]


def _attach_outcomes(desk: CallDesk) -> None:
    """Offer the desk's outcome list in every outcome combo, and hand it the agent's
    choices (journaled at once)."""
    OUTCOME_CHOICES.set_outcomes(desk.outcome_list())
    desk.listen_to_outcomes(OUTCOME_CHOICES.set_outcomes)

    def choose(call_id: str, outcome: CallOutcome | None) -> None:
        tasks.start(desk.set_outcome(call_id, outcome), "call outcome")

    OUTCOME_CHOICES.chooser = choose
