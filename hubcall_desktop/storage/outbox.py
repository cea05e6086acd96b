"""The outbox: requests to HubSpot waiting to be sent, and where each one stands.

States: ``pending`` (waiting, maybe for a retry) → ``sending`` (committed before the
request goes on the wire) → ``delivered`` (2xx) or ``failed`` (refused for good) or back
to ``pending`` (transient error). A failed entry that the agent resends becomes
``superseded`` by a new one. ``attempts`` counts the attempts that got an outcome; an
attempt cut short by a crash is not counted.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from hubcall_desktop.storage.codec import dump_json, format_time, load_json, parse_time
from hubcall_desktop.storage.errors import OutboxStateError

LOG_KIND = "log"


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"
    SUPERSEDED = "superseded"


# Entries that stop the same call from being queued again.
LIVE_STATES = (OutboxState.PENDING, OutboxState.SENDING, OutboxState.DELIVERED)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    external_call_id: str
    body: dict[str, Any]  # the exact JSON body to send
    state: OutboxState
    attempts: int
    next_attempt_at: datetime
    last_error: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime


def entry_from_row(row: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        id=row["id"],
        external_call_id=row["external_call_id"],
        body=load_json(row["body"]),
        state=OutboxState(row["state"]),
        attempts=row["attempts"],
        next_attempt_at=parse_time(row["next_attempt_at"]),
        last_error=None if row["last_error"] is None else load_json(row["last_error"]),
        created_at=parse_time(row["created_at"]),
        updated_at=parse_time(row["updated_at"]),
    )


def load_entry(conn: sqlite3.Connection, entry_id: int) -> OutboxEntry | None:
    row = conn.execute("SELECT * FROM outbox WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else entry_from_row(row)


def live_states(conn: sqlite3.Connection, external_call_id: str) -> set[OutboxState]:
    """The states of the call's entries that forbid queuing it again."""
    rows = conn.execute(
        "SELECT state FROM outbox WHERE external_call_id = ? AND state IN (?, ?, ?)",
        (external_call_id, *(s.value for s in LIVE_STATES)),
    )
    return {OutboxState(row[0]) for row in rows}


def supersede_failed(conn: sqlite3.Connection, external_call_id: str, now: datetime) -> list[int]:
    """Mark the call's failed entries superseded; returns their ids."""
    ids = [
        int(row[0])
        for row in conn.execute(
            "SELECT id FROM outbox WHERE external_call_id = ? AND state = 'failed'",
            (external_call_id,),
        )
    ]
    conn.executemany(
        "UPDATE outbox SET state = 'superseded', updated_at = ? WHERE id = ?",
        [(format_time(now), entry_id) for entry_id in ids],
    )
    return ids


def insert_log_entry(
    conn: sqlite3.Connection, external_call_id: str, body: dict[str, Any], now: datetime
) -> int:
    stamp = format_time(now)
    entry_id = conn.execute(
        "INSERT INTO outbox (external_call_id, kind, body, state, attempts, next_attempt_at, "
        "created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)",
        (external_call_id, LOG_KIND, dump_json(body), stamp, stamp, stamp),
    ).lastrowid
    if entry_id is None:  # pragma: no cover - sqlite3 sets it after every INSERT
        raise RuntimeError(
            "SQLite gave no id for the new outbox entry"  # pragma: no mutate
        )
    return entry_id


@dataclass(frozen=True, slots=True)
class Transition:
    allowed: frozenset[OutboxState]
    new: OutboxState
    counted: bool  # the attempt got an outcome


TO_SENDING = Transition(frozenset({OutboxState.PENDING}), OutboxState.SENDING, counted=False)
TO_DELIVERED = Transition(frozenset({OutboxState.SENDING}), OutboxState.DELIVERED, counted=True)
TO_RETRY = Transition(frozenset({OutboxState.SENDING}), OutboxState.PENDING, counted=True)
TO_FAILED = Transition(
    frozenset({OutboxState.PENDING, OutboxState.SENDING}), OutboxState.FAILED, counted=True
)
TO_RECOVERED = Transition(frozenset({OutboxState.SENDING}), OutboxState.PENDING, counted=False)


def apply_transition(
    conn: sqlite3.Connection,
    entry_id: int,
    step: Transition,
    now: datetime,
    error: dict[str, Any] | None = None,
    next_attempt_at: datetime | None = None,
) -> str:
    """Move the entry along ``step``; returns its call's id. Raises
    :class:`OutboxStateError` for an unknown entry or a move its state does not allow."""
    row = conn.execute(
        "SELECT external_call_id, state FROM outbox WHERE id = ?", (entry_id,)
    ).fetchone()
    if row is None:
        raise OutboxStateError(f"outbox entry {entry_id} does not exist")
    if OutboxState(row["state"]) not in step.allowed:
        raise OutboxStateError(
            f"outbox entry {entry_id} is {row['state']}, so it cannot become {step.new}"
        )
    conn.execute(
        "UPDATE outbox SET state = ?, attempts = attempts + ?, "
        "last_error = coalesce(?, last_error), next_attempt_at = coalesce(?, next_attempt_at), "
        "updated_at = ? WHERE id = ?",
        (
            step.new.value,
            int(step.counted),
            None if error is None else dump_json(error),
            None if next_attempt_at is None else format_time(next_attempt_at),
            format_time(now),
            entry_id,
        ),
    )
    return str(row["external_call_id"])
