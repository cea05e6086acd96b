"""The 13 ``finalCallStatus`` values HubSpot accepts, spelled as the API spells them."""

from __future__ import annotations

from enum import StrEnum

from hubcall_desktop.core.errors import InputError


class CallStatus(StrEnum):
    BUSY = "BUSY"
    CALLING_CRM_USER = "CALLING_CRM_USER"
    CANCELED = "CANCELED"
    COMPLETED = "COMPLETED"
    CONNECTING = "CONNECTING"
    FAILED = "FAILED"
    HOLD = "HOLD"
    IN_PROGRESS = "IN_PROGRESS"
    MISSED = "MISSED"
    NO_ANSWER = "NO_ANSWER"
    QUEUED = "QUEUED"
    RINGING = "RINGING"
    UNKNOWN = "UNKNOWN"

    @property
    def label(self) -> str:
        """The human label shown to the agent (English source text, translated by the UI)."""
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str, field: str = "status") -> CallStatus:
        """Accept any case and spaces or dashes for underscores: ``no answer`` → NO_ANSWER."""
        key = text.strip().upper().replace("-", "_").replace(" ", "_")
        try:
            return cls(key)
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise InputError(field, text, f"not a call status; use one of {allowed}") from None


_LABELS: dict[CallStatus, str] = {
    CallStatus.BUSY: "Busy",
    CallStatus.CALLING_CRM_USER: "Calling CRM user",
    CallStatus.CANCELED: "Canceled",
    CallStatus.COMPLETED: "Completed",
    CallStatus.CONNECTING: "Connecting",
    CallStatus.FAILED: "Failed",
    CallStatus.HOLD: "On hold",
    CallStatus.IN_PROGRESS: "In progress",
    CallStatus.MISSED: "Missed",
    CallStatus.NO_ANSWER: "No answer",
    CallStatus.QUEUED: "Queued",
    CallStatus.RINGING: "Ringing",
    CallStatus.UNKNOWN: "Unknown",
}
