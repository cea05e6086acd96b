"""The set-up guide's presenter: when it opens by itself, what it keeps, the test ring.

At start it opens once the desk runs, outside demo mode, while no token is saved, until
the agent finishes or skips it (the ``setup_guide_done`` setting; quitting the app with
the guide open is neither). Help → Set-up guide and the status bar's "Set up…" open it
at any time, demo mode included. Connecting goes through the Settings' presenter, which
the guide's HubSpot page is bound to; numbers and the softphone are saved through it too.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.connection_types import ConnectionStatus
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.services.test_ring import discard_test_call, is_test_call
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.text.messages import message_text

if TYPE_CHECKING:  # built when first opened: nothing here is on the way to the first paint
    from hubcall_desktop.services.test_ring import TestRinger
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.presenters.settings import SettingsPresenter
    from hubcall_desktop.ui.windows.setup_guide import SetupGuide, SoftphoneStep

logger = logging.getLogger(__name__)

# Nothing saved to connect with: the guide helps (with no keyring, its first step says so).
_NO_TOKEN = frozenset({ConnectionStatus.NOT_CONNECTED, ConnectionStatus.NO_KEYRING})


def opens_at_start(*, demo: bool, done: bool, status: ConnectionStatus | None) -> bool:
    """Whether the guide opens by itself: a real start, never finished or skipped, and no
    token (a token from the environment, or one to reconnect, is a token)."""
    return not demo and not done and status in _NO_TOKEN


class SetupGuidePresenter(QObject):
    def __init__(self, context: AppContext, connecting: Callable[[], SettingsPresenter]) -> None:
        super().__init__(context)
        self._ctx = context
        self._connecting = connecting  # the settings' presenter, built when first needed
        self.guide: SetupGuide | None = None
        self.ringer: TestRinger | None = None
        self.test_calls: list[str] = []  # the test calls rung, newest last
        self.start_check: asyncio.Task[None] | None = None  # "first start?" at start-up
        self._quitting = False
        context.window.guide_requested.connect(self.open)
        context.ready.connect(self._on_ready)
        context.quitting.connect(self._on_quitting)
        context.signals.updated.connect(self._on_ended)

    # -- opening -----------------------------------------------------------------------------

    def _on_ready(self) -> None:
        if not self._ctx.options.demo and not self._ctx.settings.setup_guide_done:
            self.start_check = tasks.start(self._open_if_first_start(), "first start")

    async def _open_if_first_start(self) -> None:
        """On the boot's own look at the connection (a second look would ask the keyring
        again at the busiest moment of the start)."""
        boot = self._ctx.boot
        if boot.connection is None:
            return
        await boot.checked.wait()
        snapshot = boot.first_state
        if snapshot is None:  # a locked keyring: the status bar says so; no guess here
            logger.info("set-up guide not offered: the connection's state is unknown")
            return
        settings = self._ctx.settings
        if self._quitting:  # the answer came while the app closes down
            return
        if opens_at_start(
            demo=self._ctx.options.demo, done=settings.setup_guide_done, status=snapshot.status
        ):
            self.open()

    def open(self) -> SetupGuide:
        """The guide, from its first step (brought to the front if already open)."""
        from hubcall_desktop.ui.windows.setup_guide import SetupGuide

        connecting = self._connecting()
        guide = self.guide
        if guide is None:
            guide = SetupGuide(self._ctx.settings, self._ctx.window)
            connecting.bind(guide.hubspot)
            guide.number_chosen.connect(self._on_number)
            guide.test_ring_requested.connect(self._on_test_ring)
            guide.finished.connect(self._on_finished)
            self.guide = guide
        elif guide.isVisible():  # where the agent is in it, as it is
            guide.raise_()
            guide.activateWindow()
            return guide
        else:
            guide.load(self._ctx.settings)
            guide.restart()
        connecting.show_page(guide.hubspot)
        sources = self._ctx.boot.sources
        guide.third.set_templates(sources.hookups() if sources is not None else [])
        guide.show()
        guide.raise_()
        guide.activateWindow()
        return guide

    # -- what the steps keep -------------------------------------------------------------------

    def _on_number(self, region: str, text: str) -> None:
        """Left the number step forwards: the country and number (checked) are the app's."""
        settings = self._ctx.settings
        own = ""
        if text and self.guide is not None:
            number = self.guide.second.number_field.number()
            own = number.e164 if number is not None else ""
        if (region, own) == (settings.region, settings.own_number):
            return
        new = dataclasses.replace(
            settings, portals=list(settings.portals), region=region, own_number=own
        )
        self._connecting().apply(new)

    def _on_finished(self, result: int) -> None:
        """Finish keeps the softphone step; Finish or Skip: the guide does not open by
        itself again. Test calls still ringing end."""
        settings = self._ctx.settings
        new = dataclasses.replace(settings, portals=list(settings.portals), setup_guide_done=True)
        guide = self.guide
        if result == QDialog.DialogCode.Accepted and guide is not None:
            new.webhook_enabled = guide.softphone.webhook.isChecked()
            new.webhook_port = guide.softphone.port.value()
            new.baresip_endpoints = guide.softphone.endpoints()
        self._connecting().apply(new)
        if self.ringer is not None and self.ringer.ringing():
            tasks.start(self.ringer.end_all(), "end test calls")

    def _on_ended(self, update: DeskUpdate) -> None:
        """A test call the app's last stop cut off (its ringer is gone with that run):
        discarded, as it would have been at its end; never asked about as a wrap-up."""
        if update.kind is not UpdateKind.ENDED:
            return
        call, desk = update.call, self._ctx.desk
        if desk is None or not (is_test_call(call) and call.flagged):
            return
        if call.sync_state is SyncState.LOCAL:
            tasks.start(discard_test_call(desk, call.external_call_id), "discard test call")

    def _on_quitting(self) -> None:
        self._quitting = True
        if self.ringer is not None:
            self.ringer.close()
        if self.guide is not None:
            self.guide.finished.disconnect(self._on_finished)  # quitting is not skipping
            self.guide.close()

    # -- the test ring ---------------------------------------------------------------------------

    def _on_test_ring(self) -> None:
        if self.guide is None:
            return
        step = self.guide.third
        desk, settings = self._ctx.desk, self._ctx.settings
        if desk is None:
            step.show_test_state(
                self.tr("HubCall Desktop is still starting; try again in a moment."), ok=False
            )
        elif settings.do_not_disturb:
            step.show_test_state(
                self.tr(
                    "Do not disturb is on, so no pop-up shows. Turn it off (Options menu), "
                    "then ring again."
                ),
                ok=False,
            )
        elif not settings.popup_enabled:
            step.show_test_state(
                self.tr(
                    "Pop-ups are turned off. Turn them on in Settings (Notifications), then "
                    "ring again."
                ),
                ok=False,
            )
        else:
            if self.ringer is None:
                from hubcall_desktop.services.test_ring import TestRinger

                self.ringer = TestRinger(desk)
            tasks.start(self._ring(self.ringer, step), "test ring")

    async def _ring(self, ringer: TestRinger, step: SoftphoneStep) -> None:
        try:
            call_id = await ringer.ring(self.tr("Test call from HubCall Desktop"))
        except UserError as error:
            step.show_test_state(message_text(error.user_message), ok=False)
            return
        self.test_calls.append(call_id)
        step.show_test_state(
            self.tr(
                "Ringing: the pop-up is in the corner of your screen; answer and hang up "
                "there. This test call stays on this computer and is never logged in HubSpot."
            ),
            ok=True,
        )
