"""The history of a call: one row per change of its sync state or of its outbox entry.

The journal writes an event in the same transaction as the change it records, so the
history never disagrees with the state. It is for the agent ("sent twice? when?") and
for support; nothing reads it to decide anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.storage.codec import dump_json, format_time, load_json, parse_time


class EventKind(StrEnum):
    CREATED = "created"  # first saved
    STATE = "state"  # sync state changed by a save
    ENQUEUED = "enqueued"
    SUPERSEDED = "superseded"  # a failed entry replaced by a resend
    SENDING = "sending"
    DELIVERED = "delivered"
    RETRY = "retry"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # was sending when the app stopped; maybe delivered


@dataclass(frozen=True, slots=True)
class JournalEvent:
    id: int
    at: datetime
    external_call_id: str
    event: EventKind
    sync_state: SyncState  # the call's state after the event
    outbox_id: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)


def record_event(
    conn: sqlite3.Connection,
    at: datetime,
    external_call_id: str,
    event: EventKind,
    sync_state: SyncState,
    outbox_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        "INSERT INTO events (at, external_call_id, outbox_id, event, sync_state, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            format_time(at),
            external_call_id,
            outbox_id,
            event.value,
            sync_state.value,
            None if detail is None else dump_json(detail),
        ),
    )


def event_from_row(row: sqlite3.Row) -> JournalEvent:
    return JournalEvent(
        id=row["id"],
        at=parse_time(row["at"]),
        external_call_id=row["external_call_id"],
        event=EventKind(row["event"]),
        sync_state=SyncState(row["sync_state"]),
        outbox_id=row["outbox_id"],
        detail={} if row["detail"] is None else load_json(row["detail"]),
    )
