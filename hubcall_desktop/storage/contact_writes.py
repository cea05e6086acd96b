"""Contacts the agent asked to create, journaled before they are sent to HubSpot.

The same rules as the call outbox (see :mod:`.outbox`): an entry is committed
``pending`` before anything goes on the wire, becomes ``sending`` (committed) just before
the request, and ``created`` (HubSpot's 201, with the new id), ``duplicate`` (409: the
e-mail belongs to a contact already, whose id is kept) or ``failed`` (refused for good)
after it; a transient failure puts it back to ``pending`` with a later attempt time. An
entry a crash left ``sending`` goes back to ``pending`` at start-up and is sent again:
at least once, and the duplicate window is the moment between HubSpot's 201 and our
commit. A second create with the same e-mail is answered 409 with the first one's id, so
within that window a contact with an e-mail is still not made twice.

:class:`ContactWrites` works on the journal's own connection and worker thread
(:meth:`AsyncJournal.run_on_file`), so the journal's file checks cover it too. The table
comes with the journal's migrations (version 5).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from hubcall_desktop.core.contacts import ContactWrite, WriteState
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.codec import dump_json, format_time, load_json, parse_time
from hubcall_desktop.storage.database import Database
from hubcall_desktop.storage.errors import OutboxStateError

T = TypeVar("T")


def _from_row(row: sqlite3.Row) -> ContactWrite:
    return ContactWrite(
        id=row["id"],
        external_call_id=row["external_call_id"],
        portal=row["portal"],
        properties=load_json(row["properties"]),
        state=WriteState(row["state"]),
        attempts=row["attempts"],
        next_attempt_at=parse_time(row["next_attempt_at"]),
        contact_id=row["contact_id"],
        last_error=None if row["last_error"] is None else load_json(row["last_error"]),
    )


# Which states each move starts from, and whether it counts as an attempt with an outcome.
_MOVES: dict[WriteState, tuple[frozenset[WriteState], bool]] = {
    WriteState.SENDING: (frozenset({WriteState.PENDING}), False),
    WriteState.CREATED: (frozenset({WriteState.SENDING}), True),
    WriteState.DUPLICATE: (frozenset({WriteState.SENDING}), True),
    WriteState.FAILED: (frozenset({WriteState.SENDING}), True),
    WriteState.PENDING: (frozenset({WriteState.SENDING}), True),  # a retry
}


class ContactWrites:
    """The journal's pending contact creations; every method is one transaction."""

    def __init__(self, journal: AsyncJournal) -> None:
        self._journal = journal

    async def _run(self, job: Callable[[Database], T]) -> T:
        return await self._journal.run_on_file(job)

    async def add(
        self,
        properties: dict[str, str],
        now: datetime,
        *,
        external_call_id: str | None = None,
        portal: str | None = None,
    ) -> ContactWrite:
        stamp = format_time(now)

        def job(db: Database) -> ContactWrite:
            with db.writing() as conn:
                cursor = conn.execute(
                    "INSERT INTO contact_writes (external_call_id, portal, properties, state, "
                    "next_attempt_at, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                    (external_call_id, portal, dump_json(properties), stamp, stamp, stamp),
                )
                return _load(conn, int(cursor.lastrowid or 0))

        return await self._run(job)

    async def get(self, write_id: int) -> ContactWrite | None:
        def job(db: Database) -> ContactWrite | None:
            with db.reading() as conn:
                row = conn.execute(
                    "SELECT * FROM contact_writes WHERE id = ?", (write_id,)
                ).fetchone()
            return None if row is None else _from_row(row)

        return await self._run(job)

    async def due(self, now: datetime, limit: int = 20) -> list[ContactWrite]:
        def job(db: Database) -> list[ContactWrite]:
            with db.reading() as conn:
                rows = conn.execute(
                    "SELECT * FROM contact_writes WHERE state = 'pending' AND "
                    "next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                    (format_time(now), limit),
                ).fetchall()
            return [_from_row(row) for row in rows]

        return await self._run(job)

    async def move(
        self,
        write_id: int,
        new: WriteState,
        now: datetime,
        *,
        contact_id: int | None = None,
        error: dict[str, Any] | None = None,
        next_attempt_at: datetime | None = None,
    ) -> ContactWrite:
        """Move the entry to ``new``; :class:`OutboxStateError` if its state forbids it."""
        allowed, counted = _MOVES[new]

        def job(db: Database) -> ContactWrite:
            with db.writing() as conn:
                current = _load(conn, write_id)
                if current.state not in allowed:
                    raise OutboxStateError(
                        f"contact write {write_id} is {current.state}, so it cannot become {new}"
                    )
                conn.execute(
                    "UPDATE contact_writes SET state = ?, attempts = attempts + ?, "
                    "contact_id = coalesce(?, contact_id), last_error = coalesce(?, last_error), "
                    "next_attempt_at = coalesce(?, next_attempt_at), updated_at = ? WHERE id = ?",
                    (
                        new.value,
                        int(counted),
                        contact_id,
                        None if error is None else dump_json(error),
                        None if next_attempt_at is None else format_time(next_attempt_at),
                        format_time(now),
                        write_id,
                    ),
                )
                return _load(conn, write_id)

        return await self._run(job)

    async def unsettled_for_call(self, external_call_id: str) -> bool:
        """Whether a contact for this call is still to be created (pending or sending)."""

        def job(db: Database) -> bool:
            with db.reading() as conn:
                row = conn.execute(
                    "SELECT 1 FROM contact_writes WHERE external_call_id = ? "
                    "AND state IN ('pending', 'sending') LIMIT 1",
                    (external_call_id,),
                ).fetchone()
            return row is not None

        return await self._run(job)

    async def recover_interrupted(self, now: datetime) -> list[ContactWrite]:
        """Entries a crash left ``sending`` go back to ``pending`` (not counted)."""

        def job(db: Database) -> list[ContactWrite]:
            with db.writing() as conn:
                rows = conn.execute(
                    "SELECT * FROM contact_writes WHERE state = 'sending' ORDER BY id"
                ).fetchall()
                conn.execute(
                    "UPDATE contact_writes SET state = 'pending', updated_at = ? "
                    "WHERE state = 'sending'",
                    (format_time(now),),
                )
            return [_from_row(row) for row in rows]

        return await self._run(job)


def _load(conn: sqlite3.Connection, write_id: int) -> ContactWrite:
    row = conn.execute("SELECT * FROM contact_writes WHERE id = ?", (write_id,)).fetchone()
    if row is None:
        raise OutboxStateError(f"contact write {write_id} does not exist")
    return _from_row(row)
