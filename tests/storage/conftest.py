"""Fixtures for the journal tests: a journal in a temporary folder, a clock we move by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.call import Call, CallSource, Direction
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.storage.journal import CallJournal

START = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
CALLER = "+4930901820"
AGENT_LINE = "+12025550143"


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def journal(journal_path: Path, clock: FakeClock) -> Iterator[CallJournal]:
    with CallJournal(journal_path, clock=clock) as opened:
        yield opened


def _contact(object_id: int = 101, **changes: Any) -> CallerMatch:
    match = CallerMatch(
        kind="CONTACT",
        coordinates=ObjectCoordinates(object_id, "0-1", 4242),
        first_name="Anna",
        last_name="Müller",
        email="anna@example.com",
    )
    return replace(match, **changes)


def _make_call(**changes: Any) -> Call:
    """A sendable inbound call that rang at START; ``changes`` override any field."""
    call = Call(
        raw_from="+49 30 901820",
        raw_to="+1 202-555-0143",
        from_number=parse_phone(CALLER),
        to_number=parse_phone(AGENT_LINE),
        direction=Direction.INBOUND,
        source=CallSource.WEBHOOK,
        ringing_at=START,
        created_at=START,
    )
    return replace(call, **changes)


def _log_body(call: Call, **extra: Any) -> dict[str, Any]:
    """A request body shaped like the real one (the journal stores it verbatim)."""
    return {
        "createEngagement": True,
        "engagementProperties": {"hs_call_body": call.notes},
        "externalCallId": call.external_call_id,
        "finalCallStatus": "COMPLETED",
        "fromNumber": {"e164Number": CALLER, "phoneNumberType": "FIXED_LINE"},
        "toNumber": {"e164Number": AGENT_LINE, "phoneNumberType": "FIXED_LINE_OR_MOBILE"},
        "potentialRecipientUserIds": [],
        **extra,
    }


# The helpers are fixtures so test modules need not import conftest.
@pytest.fixture
def make_call() -> Callable[..., Call]:
    return _make_call


@pytest.fixture
def contact() -> Callable[..., CallerMatch]:
    return _contact


@pytest.fixture
def log_body() -> Callable[..., dict[str, Any]]:
    return _log_body
