"""A drop-down of the call outcomes (Connected, Left voicemail, …) of the active portal.

The list is the portal's own as HubSpot names it (in the portal's language, shown as
given); until it has been read, HubSpot's six defaults stand in, labelled in the UI
language. Every combo hears of a new list through :data:`OUTCOME_CHOICES`, which the
controller feeds from the desk; an outcome the agent picks for a call is handed to the
desk at once (journaled), so it survives a restart and goes with the log.

An ended call shows the outcome the desk suggested (answered → Connected, …). Until the
agent picks one, a new status chosen in the same window moves the outcome along with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.outcomes import DEFAULT_LIST, CallOutcome, OutcomeList
from hubcall_desktop.core.statuses import CallStatus

logger = logging.getLogger(__name__)

_CONTEXT = "CallOutcome"


# HubSpot's default outcomes in the UI language (a portal's own list is shown as given).
_DEFAULT_LABELS = (
    QT_TRANSLATE_NOOP("CallOutcome", "Busy"),
    QT_TRANSLATE_NOOP("CallOutcome", "Connected"),
    QT_TRANSLATE_NOOP("CallOutcome", "Left live message"),
    QT_TRANSLATE_NOOP("CallOutcome", "Left voicemail"),
    QT_TRANSLATE_NOOP("CallOutcome", "No answer"),
    QT_TRANSLATE_NOOP("CallOutcome", "Wrong number"),
)

Chooser = Callable[[str, CallOutcome | None], None]  # call id, the outcome (None: none)


class OutcomeChoices(QObject):
    """The app's current outcome list and where a choice goes (set once the desk runs)."""

    changed = Signal(object)  # OutcomeList

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: OutcomeList = DEFAULT_LIST
        self.chooser: Chooser | None = None

    def set_outcomes(self, outcomes: OutcomeList) -> None:
        self.outcomes = outcomes
        self.changed.emit(outcomes)

    def choose(self, call_id: str, outcome: CallOutcome | None) -> None:
        if self.chooser is not None:
            self.chooser(call_id, outcome)


OUTCOME_CHOICES = OutcomeChoices()


def outcome_label(outcome: CallOutcome, outcomes: OutcomeList | None = None) -> str:
    """A default outcome in the UI language while the defaults are the list; else as given."""
    if (outcomes or OUTCOME_CHOICES.outcomes).is_default and outcome.label in _DEFAULT_LABELS:
        return QCoreApplication.translate(_CONTEXT, outcome.label)
    return outcome.label


class OutcomeCombo(QComboBox):
    """ "No outcome" and the portal's outcomes; item data is the outcome's GUID."""

    def __init__(
        self, parent: QWidget | None = None, choices: OutcomeChoices | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices or OUTCOME_CHOICES
        self.setAccessibleName(self.tr("Call outcome"))
        self.setToolTip(self.tr("What came of the call, as your HubSpot portal lists it"))
        self._call_id: str | None = None
        self._touched = False  # the agent picked the outcome: a status change leaves it be
        self._current: CallOutcome | None = None
        self._fill(self._choices.outcomes)
        self._choices.changed.connect(self._fill)
        self.activated.connect(self._on_activated)

    # -- what the window tells it ------------------------------------------------------------

    def show_for(self, call: Call) -> None:
        """Show ``call``'s outcome (the desk's suggestion, or the agent's choice)."""
        if call.external_call_id != self._call_id:
            self._call_id, self._touched = call.external_call_id, False
        if not self._touched:
            self._show(call.outcome)

    def follow_status(self, status: CallStatus) -> None:
        """The agent chose another status: the outcome that fits it, unless they picked one."""
        if self._touched:
            return
        suggested = self._choices.outcomes.suggest(status)
        if suggested != self._current:
            self._show(suggested)
            if self._call_id is not None:
                self._choices.choose(self._call_id, suggested)

    def start_over(self, status: CallStatus) -> None:
        """A new call in a form: no choice yet, the outcome that fits ``status``."""
        self._call_id, self._touched = None, False
        self._show(self._choices.outcomes.suggest(status))

    def set_outcome(self, outcome: CallOutcome | None) -> None:
        self._show(outcome)

    def outcome(self) -> CallOutcome | None:
        return self._current

    # -- inside ------------------------------------------------------------------------------

    def _fill(self, outcomes: OutcomeList) -> None:
        """(Re)build the list, keeping the current outcome, also one the new list lacks."""
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("No outcome"), "")
        for outcome in outcomes.outcomes:
            self.addItem(outcome_label(outcome, outcomes), outcome.guid)
        self._outcomes = outcomes
        self.blockSignals(False)
        self._show(self._current)

    def _show(self, outcome: CallOutcome | None) -> None:
        self._current = outcome
        index = 0 if outcome is None else self.findData(outcome.guid)
        if index < 0:  # chosen from an older list, or typed in elsewhere: shown as stored
            self.addItem(outcome.label if outcome else "", outcome.guid if outcome else "")
            index = self.count() - 1
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(False)

    def _on_activated(self, index: int) -> None:
        guid = self.itemData(index)
        found = self._outcomes.by_guid(guid) if guid else None
        if guid and found is None and self._current is not None and self._current.guid == guid:
            found = self._current  # the stored one that is not in the list
        self._touched = True
        if found == self._current:
            return
        self._current = found
        if self._call_id is not None:
            self._choices.choose(self._call_id, found)
