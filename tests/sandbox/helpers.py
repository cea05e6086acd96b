"""Test values and a fake clock shared by the sandbox tests."""

from __future__ import annotations

from typing import Any

from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER

EXPIRED_TOKEN = "expired-sandbox-token"
# A private app's token: the only kind HubSpot holds to a daily cap (and tells about it).
PRIVATE_APP_TOKEN = "pat-na1-sandbox-private-app"

VALID_BODY: dict[str, Any] = {
    "createEngagement": True,
    "engagementProperties": {
        "hs_call_body": "<p>Asked about the invoice</p>",
        "hs_call_title": "Call",
    },
    "externalCallId": "6f1c2a8e-6d0b-4f5e-9a41-0c1d2e3f4a5b",
    "finalCallStatus": "COMPLETED",
    "fromNumber": {"e164Number": "+493055501234", "phoneNumberType": "FIXED_LINE"},
    "toNumber": {
        "e164Number": DEMO_AGENT_NUMBER,
        "phoneNumberType": "FIXED_LINE",
        "extension": "12",
    },
    "potentialRecipientUserIds": [7, 2147483647],
    "callStartedTimestamp": "2026-11-24T09:30:00Z",
    "durationSeconds": 184,
    "userId": 7,
}


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
