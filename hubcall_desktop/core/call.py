"""A phone call as the app journals it and as HubSpot logs it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import PhoneNumber
from hubcall_desktop.core.statuses import CallStatus


class Direction(StrEnum):
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"


class CallSource(StrEnum):
    """Where the app heard of the call."""

    WEBHOOK = "webhook"
    CLI = "cli"
    BARESIP = "baresip"
    MANUAL = "manual"
    DEMO = "demo"


class SyncState(StrEnum):
    """Where the call stands with HubSpot."""

    LOCAL = "local"  # journaled, not (yet) asked to be logged
    PENDING = "pending"  # in the outbox, waiting to be sent or retried
    SENDING = "sending"  # a request is on the wire
    LOGGED = "logged"  # HubSpot answered 2xx
    FAILED = "failed"  # HubSpot refused it (4xx); the agent can fix and resend
    WITHHELD = "withheld"  # number withheld: kept here, never sent (the API needs a number)
    # The agent asked to log it, but the number that was called (their own line) is not
    # known: it is sent once they enter that number (pop-up, call window, or Settings).
    NEEDS_NUMBER = "needs_number"
    DISCARDED = "discarded"  # the agent chose not to log it


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_call_id() -> str:
    return str(uuid.uuid4())


def ensure_utc(moment: datetime) -> datetime:
    """Timestamps are timezone-aware UTC everywhere; naive ones are refused, not guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC)


@dataclass(slots=True)
class Call:
    """One call. ``from_number``/``to_number`` are ``None`` when withheld or unparsable;
    the raw text is always kept so nothing the source said is lost."""

    external_call_id: str = field(default_factory=new_call_id)
    raw_from: str = ""
    raw_to: str = ""
    from_number: PhoneNumber | None = None
    to_number: PhoneNumber | None = None
    direction: Direction = Direction.INBOUND
    source: CallSource = CallSource.MANUAL
    source_call_id: str | None = None
    ringing_at: datetime | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    started_at: datetime | None = None  # explicit start (manual log); else derived
    duration_seconds: int | None = None  # explicit duration (manual log); else derived
    final_status: CallStatus | None = None
    notes: str = ""
    title: str = ""
    engagement_properties: dict[str, str] = field(default_factory=dict)
    # What came of the call (Connected, Left voicemail, ...): sent as hs_call_disposition.
    outcome: CallOutcome | None = None
    recipient_user_ids: list[int] = field(default_factory=list)
    user_id: int | None = None
    portal_id: int | None = None  # HubSpot's numeric account id, for record links
    # The connection (portal key, e.g. "default") the call belongs to and is logged with;
    # None for calls journaled before portals were remembered: they go with the active one.
    portal: str | None = None
    matches: list[CallerMatch] = field(default_factory=list)
    sync_state: SyncState = SyncState.LOCAL
    number_withheld: bool = False
    flagged: str | None = None  # why the app closed the call itself (e.g. never ended)
    created_at: datetime = field(default_factory=utc_now)

    @property
    def start_time(self) -> datetime | None:
        """When the call started: explicit, else when it rang, else when it was answered."""
        return self.started_at or self.ringing_at or self.answered_at

    @property
    def duration(self) -> int | None:
        """Seconds talked: explicit, else answer to end, else ``None`` (never answered: 0)."""
        if self.duration_seconds is not None:
            return self.duration_seconds
        if self.answered_at and self.ended_at:
            return max(0, round((self.ended_at - self.answered_at).total_seconds()))
        if self.ended_at is not None:
            return 0
        return None

    @property
    def can_be_sent(self) -> bool:
        """HubSpot requires real numbers on both sides."""
        return self.from_number is not None and self.to_number is not None

    @property
    def needs_called_number(self) -> bool:
        """The caller is known but not the line they called (the agent's own number): the
        agent can fill it in. A withheld caller cannot be fixed that way."""
        return (
            self.direction is Direction.INBOUND
            and self.from_number is not None
            and self.to_number is None
        )

    @property
    def unsendable_state(self) -> SyncState:
        """Where a call that cannot be sent waits: for the called number, or for good."""
        return SyncState.NEEDS_NUMBER if self.needs_called_number else SyncState.WITHHELD
