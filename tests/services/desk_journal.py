"""The desk as the app builds it over a real journal file, and the events tests feed it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hubcall_desktop.core.call import CallSource, utc_now
from hubcall_desktop.core.desk_types import ManualLog
from hubcall_desktop.core.events import CallEvent, EndReason, EventKind, make_event
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.services.demo import demo_settings, demo_token
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.async_journal import AsyncJournal

ANNA = "+493055501234"
OTTO = "+493055507777"
BUSY_S = 0.2  # how long the desk's journal waits for a lock held by another connection


async def open_desk(
    path: Path, sandbox: SandboxServer, *, busy_timeout: float = BUSY_S
) -> DeskRuntime:
    """The desk as the app builds it, with a short busy timeout so a lock fails fast."""
    journal = await AsyncJournal.open(path, busy_timeout=busy_timeout)
    client = build_client(None)
    settings = demo_settings("DE")
    service = HubSpotService(
        client,
        demo_token(),
        base_url=sandbox.base_url,
        api_version="v3",
        pacer=RequestPacer(settings.rate_limit_per_10s),
        retry_policy=NO_RETRY,
    )
    return DeskRuntime(CallDesk(journal, service, settings), journal, client)


def manual_form(call_id: str | None = None) -> ManualLog:
    """The manual form as an agent fills it for Anna's call five minutes ago (``call_id``:
    given again for a call the journal knows)."""
    return ManualLog(
        from_text=ANNA,
        to_text=DEMO_AGENT_NUMBER,
        status=CallStatus.COMPLETED,
        started_at=datetime.now(UTC) - timedelta(minutes=5),
        duration_seconds=120,
        notes="Quote sent",
        external_call_id=call_id,
    )


@contextmanager
def write_locked(path: Path) -> Iterator[None]:
    """Another program holds the journal's write lock (as a backup tool or a second copy
    of the app would)."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def event(
    kind: EventKind,
    call_id: str | None = "sip-1",
    number: str = ANNA,
    at: datetime | None = None,
    reason: EndReason | None = None,
) -> CallEvent:
    return make_event(
        kind,
        CallSource.WEBHOOK,
        source_call_id=call_id,
        raw_from=number,
        raw_to=DEMO_AGENT_NUMBER,
        at=at or utc_now(),
        reason=reason,
        region="DE",
    )


def rows(path: Path) -> list[tuple[str, str | None, str | None]]:
    """(raw_from, final_status, source_call_id) of every call in the file, oldest first,
    read with a connection of our own: what a restart would find."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT raw_from, final_status, source_call_id FROM calls ORDER BY rowid"
        ).fetchall()
