"""Writing call rows: which sync state a save may store, and the events it records.

``pending`` and ``sending`` mean "an outbox entry is live": only the outbox moves a call
into or out of them. While a call has a live or delivered entry, a save keeps the state
the outbox gave it, so a screen saving an older copy of the call cannot undo a send.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.storage.codec import UPSERT_CALL, format_time
from hubcall_desktop.storage.events import EventKind, record_event
from hubcall_desktop.storage.outbox import live_states

logger = logging.getLogger(__name__)

_OUTBOX_ONLY_STATES = (SyncState.PENDING, SyncState.SENDING)


def stored_state(conn: sqlite3.Connection, external_call_id: str) -> SyncState | None:
    row = conn.execute(
        "SELECT sync_state FROM calls WHERE external_call_id = ?", (external_call_id,)
    ).fetchone()
    return None if row is None else SyncState(row[0])


def state_for_save(conn: sqlite3.Connection, call: Call) -> SyncState:
    """The state a plain save stores for ``call`` (see the module doc)."""
    stored = stored_state(conn, call.external_call_id)
    if stored is not None and live_states(conn, call.external_call_id):
        chosen = stored
    elif call.sync_state in _OUTBOX_ONLY_STATES:
        chosen = SyncState.LOCAL if stored in (None, *_OUTBOX_ONLY_STATES) else stored
    else:
        chosen = call.sync_state
    if chosen != call.sync_state:
        logger.debug("call %s saved as %s, not %s", call.external_call_id, chosen, call.sync_state)
    return chosen


def write_call(
    conn: sqlite3.Connection,
    row: dict[str, object],
    state: SyncState,
    now: datetime,
    *,
    record_state_change: bool = True,
) -> None:
    """Upsert the row with ``state``; record its creation or a change of state."""
    ext_id = str(row["external_call_id"])
    previous = stored_state(conn, ext_id)
    conn.execute(UPSERT_CALL, {**row, "sync_state": state.value})
    if previous is None:
        record_event(conn, now, ext_id, EventKind.CREATED, state)
    elif previous != state and record_state_change:
        record_event(conn, now, ext_id, EventKind.STATE, state, detail={"from": previous.value})


def set_call_state(
    conn: sqlite3.Connection, external_call_id: str, state: SyncState, now: datetime
) -> None:
    conn.execute(
        "UPDATE calls SET sync_state = ?, updated_at = ? WHERE external_call_id = ?",
        (state.value, format_time(now), external_call_id),
    )
