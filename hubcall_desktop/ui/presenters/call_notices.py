"""Desktop notifications about calls: a ringing call (named when HubSpot knows the caller)
and a log HubSpot refused. Do-not-disturb silences them; the journal never stops.

A ringing call whose pop-up is on screen gets no desktop notification, only the line in
the main window (and the sound): the pop-up already says who calls, and where the
notification daemon draws (the tray's corner on KDE and Windows, the top on GNOME) is not
known, so a notification could cover the caller's name and Answer. A call waiting for a
pop-up place is notified; its notification is withdrawn once its pop-up opens, and as soon
as the call is answered or ends.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.ui.presenters.missed_calls import MissedCalls
from hubcall_desktop.ui.text.formatting import remote_text, who_text
from hubcall_desktop.ui.text.messages import message_text

if TYPE_CHECKING:
    from hubcall_desktop.ui.presenters.context import AppContext
    from hubcall_desktop.ui.presenters.secondary_windows import Dialogs

RUNG_KEPT = 256  # calls remembered as announced (a burst is far smaller)
NAME_WAIT_MS = 1500  # how long a ringing notification waits for HubSpot to name the caller


class CallNotices:
    def __init__(self, context: AppContext, windows: Callable[[], Dialogs]) -> None:
        self._ctx = context
        self._windows = windows  # built when first needed
        self._unnamed: dict[str, Call] = {}  # ringing; the notification waits for a name
        self._rung: dict[str, None] = {}  # calls already announced, oldest first
        context.popups.opened.connect(context.notifier.withdraw)
        # their notification, badge and view
        self.missed = MissedCalls(context, lambda: windows().save_settings_quietly())

    def on_ringing(self, update: DeskUpdate) -> None:
        call = update.call
        call_id = call.external_call_id
        # A new call rings twice for us: at once (the pop-up) and once journaled. One
        # notification; a second one would also stay behind when the call moves on.
        if call_id in self._rung:
            return
        self._rung[call_id] = None
        while len(self._rung) > RUNG_KEPT:
            del self._rung[next(iter(self._rung))]
        if update.matches or not call.can_be_sent:
            self._ringing(call, update.matches)
            return
        # Wait briefly for HubSpot's answer so the notification can name the caller.
        self._unnamed[call.external_call_id] = call
        QTimer.singleShot(NAME_WAIT_MS, functools.partial(self._named, call.external_call_id))

    def on_update(self, update: DeskUpdate) -> None:
        call = update.call
        call_id = call.external_call_id
        if call.answered_at or call.ended_at or call.final_status is not None:
            self._unnamed.pop(call_id, None)  # nothing to announce any more
            self._ctx.notifier.withdraw(call_id)
            return
        if call_id in self._unnamed and update.kind in (
            UpdateKind.MATCHES,
            UpdateKind.LOOKUP_FAILED,
        ):
            self._named(call_id, update.matches)

    def on_sync(self, update: DeskUpdate) -> None:
        call = update.call
        settings = self._ctx.settings
        if call.sync_state is SyncState.FAILED and update.error and not settings.do_not_disturb:
            self._ctx.notifier.notify(
                QCoreApplication.translate("CallNotices", "Could not log a call"),
                message_text(update.error),
                functools.partial(self._open_call, call),
                sound=settings.sound_enabled,
            )

    def _open_call(self, call: Call) -> None:
        self._windows().open_call(call)

    def clear(self) -> None:
        """The app closes down: nothing said after it (a missed-call group still gathering
        would otherwise speak once the desk is gone)."""
        self._unnamed.clear()
        self.missed.drop_pending()

    def _named(self, call_id: str, matches: Sequence[CallerMatch] = ()) -> None:
        call = self._unnamed.pop(call_id, None)
        if call is not None and not self._ctx.settings.do_not_disturb:
            self._ringing(call, matches)

    def _ringing(self, call: Call, matches: Sequence[CallerMatch]) -> None:
        who = who_text(tuple(matches)) or remote_text(call, self._ctx.region)
        call_id = call.external_call_id
        popup = self._ctx.popups.popup(call_id)
        self._ctx.notifier.notify(
            QCoreApplication.translate("CallNotices", "Incoming call"),
            who,
            functools.partial(self._windows().open_popup_by_id, call_id),
            sound=self._ctx.settings.sound_enabled,
            key=call_id,
            in_app_only=popup is not None and popup.isVisible(),
        )
