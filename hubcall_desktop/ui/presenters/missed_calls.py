"""Missed calls in the UI: one grouped notification, the tray's badge, the view, Call back.

The desk logs a missed call by itself (see ``auto_log_delay``); its pop-up closes then.
Here each missed call is counted as unseen until the agent opens the Missed calls view
(opening it is looking at them: the badge goes, the way a phone's missed-call badge does;
the history keeps every call). The time of that look is a setting, so the count survives
a restart.

Notifications follow the app's rule: none while the call's pop-up is on screen. A missed
call whose pop-up shows is announced once the pop-up has closed by itself (logged on the
agent's behalf); one the agent dealt with in its pop-up is not announced at all. Missed
calls that come close together share one notification.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from hubcall_desktop.core.call import Call, SyncState, ensure_utc, utc_now
from hubcall_desktop.core.call_back import call_back_number
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.lifecycle import is_missed
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.presenters.call_back import start_call_back
from hubcall_desktop.ui.text.formatting import remote_text, who_text

if TYPE_CHECKING:  # the view is built when first opened, not on the way to the first paint
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.windows.missed_calls import MissedCallsWindow

logger = logging.getLogger(__name__)

MAX_ROWS = 200  # unseen missed calls kept; older ones are in the history
GROUP_MS = 2000  # missed calls this close together share one notification
NAMES_SHOWN = 3
NOTICE_KEY = "missed-calls"


class MissedCalls(QObject):
    def __init__(self, context: AppContext, save_settings: Callable[[], None]) -> None:
        super().__init__(context)
        self._ctx = context
        self._save_settings = save_settings
        self._unseen: dict[str, Call] = {}  # newest last, at most MAX_ROWS
        self._held: set[str] = set()  # announced once their pop-up closes by itself
        self._batch: list[Call] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GROUP_MS)
        self._timer.timeout.connect(self._announce)
        self.window: MissedCallsWindow | None = None
        self.call_back_failed = ""  # the last failure to start the softphone (for tests)
        context.signals.updated.connect(self.on_update)
        context.ready.connect(self._restore)
        context.window.commands.missed_calls.triggered.connect(self.open_view)  # tray's too

    @property
    def unseen(self) -> int:
        return len(self._unseen)

    @property
    def pending(self) -> int:
        """Missed calls gathered for the next grouped notification."""
        return len(self._batch)

    def drop_pending(self) -> None:
        """Say nothing of the calls gathered so far (the app closes down)."""
        self._timer.stop()
        self._batch = []

    def _seen_until(self) -> datetime | None:
        text = self._ctx.settings.missed_seen_at
        return ensure_utc(datetime.fromisoformat(text)) if text else None

    def _is_new(self, call: Call) -> bool:
        seen = self._seen_until()
        end = call.ended_at or call.created_at
        return is_missed(call) and (seen is None or ensure_utc(end) > seen)

    # -- from the desk -----------------------------------------------------------------------

    def on_update(self, update: DeskUpdate) -> None:
        if update.kind is UpdateKind.ENDED:
            self.on_ended(update)
        elif update.kind is UpdateKind.SYNC:
            self.on_sync(update)

    def on_ended(self, update: DeskUpdate) -> None:
        call = update.call
        if not update.recorded or not self._is_new(call) or call.flagged:
            return  # calls cut off by a stop are the wrap-ups' (ui/presenters/wrap_ups.py)
        call_id = call.external_call_id
        if call_id in self._unseen:
            return
        self._remember(call)
        popup = self._ctx.popups.popup(call_id)
        if popup is not None and popup.isVisible():
            self._held.add(call_id)
        else:
            self._queue(call)

    def on_sync(self, update: DeskUpdate) -> None:
        call = update.call
        call_id = call.external_call_id
        if call_id in self._unseen:
            self._unseen[call_id] = call
        if call_id in self._held and call.sync_state is not SyncState.LOCAL:
            self._held.discard(call_id)
            self._queue(call)

    def _remember(self, call: Call) -> None:
        self._unseen[call.external_call_id] = call
        while len(self._unseen) > MAX_ROWS:
            del self._unseen[next(iter(self._unseen))]
        if self.window is not None and self.window.isVisible():
            self.window.add_call(call)
            self.mark_seen()
        self._show_count()

    def _restore(self) -> None:
        tasks.start(self._read_unseen(), "missed calls")

    async def _read_unseen(self) -> None:
        """After a restart: the missed calls that ended after the agent's last look."""
        desk = self._ctx.desk
        if desk is None:
            return
        for call in reversed(await desk.recent_calls(MAX_ROWS)):
            if self._is_new(call) and not call.flagged:
                self._unseen.setdefault(call.external_call_id, call)
        self._show_count()

    # -- notification ---------------------------------------------------------------------

    def _queue(self, call: Call) -> None:
        if self._ctx.settings.do_not_disturb:
            return  # counted and badged; nothing is said
        self._batch.append(call)
        self._timer.start()  # restarts: a burst ends in one notification

    def _announce(self) -> None:
        calls, self._batch = self._batch, []
        if not calls or not _loop_running():
            return  # nothing new, or the app is closing: its loop no longer runs tasks
        region = self._ctx.region
        names = [who_text(c.matches) or remote_text(c, region) for c in calls]
        body = ", ".join(names[:NAMES_SHOWN]) + (", …" if len(names) > NAMES_SHOWN else "")
        notifier = self._ctx.notifier
        notifier.withdraw(NOTICE_KEY)  # an earlier group still on screen: replaced
        notifier.notify(
            self.tr("%n missed call(s)", "", len(calls)),
            body,
            self.open_view,
            sound=self._ctx.settings.sound_enabled,
            key=NOTICE_KEY,
        )

    # -- the view ----------------------------------------------------------------------------

    def open_view(self) -> None:
        if self.window is None:
            from hubcall_desktop.ui.windows.missed_calls import MissedCallsWindow

            self.window = MissedCallsWindow(self._ctx.region)
            self.window.call_back_requested.connect(self.call_back)
        self.window.set_calls(list(self._unseen.values()))
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.mark_seen()

    def mark_seen(self) -> None:
        """The agent has looked: the badge goes, and stays gone after a restart."""
        self._unseen.clear()
        self._held.clear()
        self._ctx.notifier.withdraw(NOTICE_KEY)
        self._ctx.settings.missed_seen_at = utc_now().isoformat()
        self._show_count()
        self._save_settings()

    def _show_count(self) -> None:
        self._ctx.window.commands.set_missed(len(self._unseen))  # both menus' entry
        if self._ctx.tray is not None:
            self._ctx.tray.set_missed(len(self._unseen))  # the badge

    def call_back(self, call: Call) -> None:
        """The softphone's command when one is set (argument list, no shell), else a
        tel:/sip: link for the desktop's softphone."""
        number = call_back_number(call)
        if number is None:
            return
        try:
            started, how = start_call_back(self._ctx.settings, number)
        except ValueError as error:
            self._failed(str(error))
            return
        if started:
            return
        if self._ctx.settings.call_back_command:
            self._failed(
                self.tr("The call back command could not be started: %1").replace("%1", how)
            )
        else:
            self._failed(self.tr("No softphone is set up to open %1 links.").replace("%1", how))

    def _failed(self, text: str) -> None:
        logger.warning("call back failed: %s", text)
        self.call_back_failed = text
        self._ctx.say(text, 15_000)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
