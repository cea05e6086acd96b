"""Call outcomes (HubSpot's ``hs_call_disposition``): the portal's list, and the one to suggest.

HubSpot stores an outcome as a GUID, not a label, and each portal may define its own
outcomes besides the six defaults every portal starts with. The portal's list is the
options of the ``hs_call_disposition`` call property; when it cannot be read (offline,
never connected) the defaults are used, which every portal knows by the same GUIDs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from hubcall_desktop.core.statuses import CallStatus

logger = logging.getLogger(__name__)

DISPOSITION_PROPERTY: Final = "hs_call_disposition"

_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True, slots=True)
class CallOutcome:
    """One outcome: ``guid`` is what HubSpot stores, ``label`` what the portal shows."""

    guid: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"guid": self.guid, "label": self.label}


BUSY: Final = CallOutcome("9d9162e7-6cf3-4944-bf63-4dff82258764", "Busy")
CONNECTED: Final = CallOutcome("f240bbac-87c9-4f6e-bf70-924b57d47db7", "Connected")
LEFT_LIVE_MESSAGE: Final = CallOutcome("a4c4c377-d246-4b32-a13b-75a56a4cd0ff", "Left live message")
LEFT_VOICEMAIL: Final = CallOutcome("b2cf5968-551e-4856-9783-52b3da59a7d0", "Left voicemail")
NO_ANSWER: Final = CallOutcome("73a0d17f-1163-4015-bdd5-ec830791da20", "No answer")
WRONG_NUMBER: Final = CallOutcome("17b47fee-58de-441e-a44c-c6300d46f273", "Wrong number")

# HubSpot's defaults in the order its call dialog lists them.
DEFAULT_OUTCOMES: Final = (
    BUSY,
    CONNECTED,
    LEFT_LIVE_MESSAGE,
    LEFT_VOICEMAIL,
    NO_ANSWER,
    WRONG_NUMBER,
)
DEFAULT_GUIDS: Final = frozenset(o.guid for o in DEFAULT_OUTCOMES)

# What happened on the line → the outcome to suggest. Other statuses (failed, unknown, ...)
# suggest nothing: the agent knows better than a guess.
_SUGGESTED: Final[Mapping[CallStatus, CallOutcome]] = {
    CallStatus.COMPLETED: CONNECTED,
    CallStatus.MISSED: NO_ANSWER,
    CallStatus.NO_ANSWER: NO_ANSWER,
    CallStatus.CANCELED: NO_ANSWER,  # the caller hung up before anyone answered
    CallStatus.BUSY: BUSY,
}


def is_guid(text: str) -> bool:
    return _GUID.fullmatch(text.strip().lower()) is not None


def _name_key(text: str) -> str:
    """Case, spaces, dashes and underscores do not matter: ``no_answer`` is "No answer"."""
    return " ".join(re.split(r"[\s_-]+", text.strip().casefold()))


@dataclass(frozen=True, slots=True)
class OutcomeList:
    """A portal's outcomes in display order. ``fetched_at`` is ``None`` for the defaults
    (nothing read from HubSpot yet)."""

    outcomes: tuple[CallOutcome, ...] = DEFAULT_OUTCOMES
    fetched_at: datetime | None = None

    @property
    def is_default(self) -> bool:
        return self.fetched_at is None

    def by_guid(self, guid: str | None) -> CallOutcome | None:
        if not guid:
            return None
        key = guid.strip().lower()
        return next((o for o in self.outcomes if o.guid.lower() == key), None)

    def find(self, text: str) -> CallOutcome | None:
        """The outcome whose GUID or name (any case) is ``text``."""
        found = self.by_guid(text)
        if found is not None:
            return found
        key = _name_key(text)
        return next((o for o in self.outcomes if _name_key(o.label) == key), None)

    def choices(self) -> str:
        return ", ".join(o.label for o in self.outcomes)

    def suggest(self, status: CallStatus | None) -> CallOutcome | None:
        """The outcome that fits what happened (answered → Connected, missed → No answer,
        busy → Busy), as this portal names it; ``None`` when nothing fits or the portal
        has no such outcome."""
        default = _SUGGESTED.get(status) if status is not None else None
        if default is None:
            return None
        return self.by_guid(default.guid) or self.find(default.label)

    def to_json(self) -> dict[str, Any]:
        return {
            "fetchedAt": self.fetched_at.isoformat() if self.fetched_at else None,
            "outcomes": [o.to_json() for o in self.outcomes],
        }


DEFAULT_LIST: Final = OutcomeList()


def outcomes_from_property(data: object, fetched_at: datetime) -> OutcomeList:
    """The list from HubSpot's property answer (``{"options": [{"label", "value",
    "displayOrder", "hidden"}, ...]}``): hidden options and values that are not GUIDs are
    left out, the rest sorted by ``displayOrder`` (unordered ones last, as HubSpot does).
    Raises ``ValueError`` when the answer holds no usable option."""
    options = data.get("options") if isinstance(data, dict) else None
    if not isinstance(options, list):
        raise ValueError("the property answer has no options")
    ordered: list[tuple[int, int, CallOutcome]] = []
    for option in options:
        outcome = _option(option)
        if outcome is None:
            continue
        order = option.get("displayOrder") if isinstance(option, dict) else None
        rank = (
            order if isinstance(order, int) and not isinstance(order, bool) and order >= 0 else None
        )
        ordered.append((0 if rank is not None else 1, rank or 0, outcome))
    if not ordered:
        raise ValueError("the property answer lists no outcome")
    ordered.sort(key=lambda item: (item[0], item[1]))
    return OutcomeList(_unique(item[2] for item in ordered), fetched_at)


def _option(option: object) -> CallOutcome | None:
    if not isinstance(option, dict) or option.get("hidden") is True:
        return None
    value, label = option.get("value"), option.get("label")
    if not isinstance(value, str) or not is_guid(value):
        logger.info("call outcome option skipped: its value is not a GUID")
        return None
    shown = label.strip() if isinstance(label, str) and label.strip() else value
    return CallOutcome(value.strip().lower(), shown)


def _unique(outcomes: Iterable[CallOutcome]) -> tuple[CallOutcome, ...]:
    seen: dict[str, CallOutcome] = {}
    for outcome in outcomes:
        seen.setdefault(outcome.guid, outcome)
    return tuple(seen.values())
