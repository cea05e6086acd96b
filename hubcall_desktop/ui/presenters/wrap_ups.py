"""Calls the last stop cut off: ask the agent to wrap each one up.

At start-up the desk ends the calls the journal still had open (answered: COMPLETED with
no duration; only rang: MISSED), flags them "interrupted", never logs them on the agent's
behalf, and sends an ENDED update for each. Nothing else would ask about them, so here:

- each gets its ended-stage pop-up (status pre-selected, notes, Log / Discard), through
  the pop-up queue like ringing calls: at most ``MAX_VISIBLE`` at once, the rest follow as
  those close, so a long list never covers the screen;
- with pop-ups turned off, one notification says how many and opens them when clicked;
- under do-not-disturb nothing pops up and nothing is said (as for ringing calls); the
  pop-ups come when do-not-disturb ends, for the calls still waiting by then;
- the status bar says how many in every case, and the history keeps them flagged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate
from hubcall_desktop.core.lifecycle import INTERRUPTED_FLAG
from hubcall_desktop.services.test_ring import is_test_call
from hubcall_desktop.ui import tasks

if TYPE_CHECKING:
    from hubcall_desktop.ui.presenters.context import AppContext

logger = logging.getLogger(__name__)

STATUS_MS = 60_000  # how long the status bar keeps the count


def needs_wrap_up(call: Call) -> bool:
    """Cut off by a stop and still waiting for the agent's decision (a set-up guide's
    test call cut off is not: it is discarded, see ui/presenters/setup_guide.py)."""
    return (
        call.flagged == INTERRUPTED_FLAG
        and call.sync_state is SyncState.LOCAL
        and not is_test_call(call)
    )


class WrapUps(QObject):
    """Collects the desk's start-up ENDED updates of interrupted calls and asks about them."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self._ctx = context
        self._new: list[Call] = []  # heard of in this turn of the event loop
        self._held: list[str] = []  # call ids waiting for do-not-disturb to end

    def on_ended(self, update: DeskUpdate) -> None:
        call = update.call
        if not needs_wrap_up(call):
            return
        # The desk tells of all of them in one go at start-up: ask once, after the last.
        if not self._new:
            QTimer.singleShot(0, self._ask)
        self._new.append(call)

    def _ask(self) -> None:
        calls, self._new = self._new, []
        if not calls:
            return
        c = self._ctx
        logger.info("%d calls cut off by the last stop wait for a wrap-up", len(calls))
        c.say(
            self.tr(
                "%n call(s) were cut off when HubCall Desktop stopped: check the status, then log or discard them.",
                "",
                len(calls),
            ),
            STATUS_MS,
        )
        if c.settings.do_not_disturb:
            self._held.extend(call.external_call_id for call in calls)
            return
        if c.settings.popup_enabled:
            self._show(calls)
            return
        ids = [call.external_call_id for call in calls]
        c.notifier.notify(
            self.tr("Calls cut off by a stop"),
            self.tr(
                "%n call(s) need a status before they are logged. Click to wrap them up.",
                "",
                len(calls),
            ),
            lambda: self._reopen(ids, focus=True),
            sound=c.settings.sound_enabled,
        )

    def release(self) -> None:
        """Do-not-disturb ended: ask about the calls it held back."""
        held, self._held = self._held, []
        if held:
            self._reopen(held)

    def _reopen(self, call_ids: list[str], *, focus: bool = False) -> None:
        tasks.start(self._show_current(call_ids, focus), "wrap up cut-off calls")

    async def _show_current(self, call_ids: list[str], focus: bool) -> None:
        """The journal's copy of each: the agent may have logged it from the history, or
        its real end may have come, since."""
        desk = self._ctx.desk
        if desk is None:
            return
        calls = []
        for call_id in call_ids:
            call = await desk.get_call(call_id)
            if call is not None and needs_wrap_up(call):
                calls.append(call)
        self._show(calls)
        if focus and calls:
            self._ctx.popups.focus_newest()

    def _show(self, calls: list[Call]) -> None:
        for call in calls:
            self._ctx.popups.ask_wrap_up(call)
