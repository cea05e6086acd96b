"""The call journal: every call and every outbox change, committed before anything is sent.

:class:`CallJournal` is synchronous and owns one SQLite connection, so it must be used
from one thread; the app reaches it through :class:`~.async_journal.AsyncJournal`, which
runs it on a worker thread. Each method is one transaction: when it returns, the change
is on disk (WAL, ``synchronous=FULL``); when it raises, nothing changed.

The sync states ``pending`` and ``sending`` mean "an outbox entry is live"; only the
outbox moves a call into or out of them, and while a call has a live or delivered entry
:meth:`CallJournal.save_call` keeps the state the outbox gave it. So a screen that saves
an edited, older copy of a call cannot undo what the outbox did.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from hubcall_desktop.core.call import Call, CallSource, SyncState, ensure_utc, utc_now
from hubcall_desktop.core.call_order import NEWEST_FIRST, CallOrder
from hubcall_desktop.core.errors import NEEDS_CALLED_NUMBER, InputError, StorageError
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.messages import Template
from hubcall_desktop.storage.call_order import page_query
from hubcall_desktop.storage.call_rows import (
    set_call_state,
    state_for_save,
    stored_state,
    write_call,
)
from hubcall_desktop.storage.codec import (
    call_from_row,
    call_to_row,
    dump_json,
    format_time,
    matches_from_json,
)
from hubcall_desktop.storage.database import (
    DEFAULT_BUSY_TIMEOUT,
    Database,
    inspect_read_only,
    prepare_file,
)
from hubcall_desktop.storage.errors import (
    NUMBER_MISSING,
    NUMBER_WITHHELD,
    AlreadyLogged,
    AlreadyQueued,
    JournalClosed,
    NotSendable,
    OutboxRefusal,
    OutboxStateError,
)
from hubcall_desktop.storage.events import EventKind, JournalEvent, event_from_row, record_event
from hubcall_desktop.storage.migrations import check_file, migrate, read_file_facts
from hubcall_desktop.storage.outbox import (
    TO_DELIVERED,
    TO_FAILED,
    TO_RECOVERED,
    TO_RETRY,
    TO_SENDING,
    OutboxEntry,
    OutboxState,
    Transition,
    apply_transition,
    entry_from_row,
    insert_log_entry,
    live_states,
    load_entry,
    supersede_failed,
)
from hubcall_desktop.storage.queries import call_filter

UNREADABLE_CALL = Template(
    "journal.unreadable_call",
    "The call journal %1 holds a call it cannot read (%2). The file was changed by another "
    "program.",
)

__all__ = [
    "AlreadyLogged",
    "AlreadyQueued",
    "CallJournal",
    "EventKind",
    "JournalClosed",
    "JournalEvent",
    "NotSendable",
    "OutboxEntry",
    "OutboxRefusal",
    "OutboxState",
    "OutboxStateError",
]

logger = logging.getLogger(__name__)


class CallJournal:
    """Calls and their outbox in one SQLite file. Not thread-safe: one thread uses it."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], datetime] = utc_now,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        check_integrity: bool = True,
    ) -> None:
        """Open (creating and migrating as needed) the journal at ``path``.

        Raises :class:`StorageError` with a sentence for a damaged, foreign, newer or
        locked file; such a file is left exactly as it was.
        """
        self.path = Path(path)
        self._clock = clock
        prepare_file(self.path)
        facts = inspect_read_only(self.path, busy_timeout, read_file_facts, check_integrity)
        check_file(facts, self.path)
        db = Database(self.path, busy_timeout)
        try:
            db.connection.row_factory = sqlite3.Row
            migrate(db)
        except BaseException:
            db.close()
            raise
        self._db: Database | None = db

    def close(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # Calls

    def save_call(self, call: Call) -> None:
        """Insert or update ``call`` (by ``external_call_id``); see the module doc on states."""
        self.save_calls([call])

    def save_calls(self, calls: Iterable[Call]) -> None:
        """Save many calls in one transaction (imports, demo data): all or none."""
        now = self._now()
        rows = [(call, call_to_row(call, call.sync_state, now)) for call in calls]
        with self._database().writing() as conn:
            for call, row in rows:
                write_call(conn, row, state_for_save(conn, call), now)

    def save_group(self, calls: Sequence[Call]) -> list[Exception | None]:
        """Save calls that arrived together in one transaction: one disk sync for all
        (group commit; ``synchronous=FULL`` as ever). In order, so a later copy of a call
        wins. A call that cannot be stored (an :class:`InputError` for a value) is refused
        alone: its place in the answer holds the error, ``None`` for each call saved. If
        the transaction fails, it raises and none of them is saved."""
        now = self._now()
        refused: list[Exception | None] = []
        rows: list[tuple[Call, dict[str, object]]] = []
        for call in calls:
            try:
                rows.append((call, call_to_row(call, call.sync_state, now)))
            except InputError as error:
                refused.append(error)
            else:
                refused.append(None)
        if rows:
            with self._database().writing() as conn:
                for call, row in rows:
                    write_call(conn, row, state_for_save(conn, call), now)
        return refused

    def get_call(self, external_call_id: str) -> Call | None:
        return self._one_call("SELECT * FROM calls WHERE external_call_id = ?", (external_call_id,))

    def find_by_source(self, source: CallSource, source_call_id: str) -> Call | None:
        """The newest call the source named ``source_call_id`` (sources may reuse ids)."""
        return self._one_call(
            "SELECT * FROM calls WHERE source = ? AND source_call_id = ? "
            "ORDER BY sort_at DESC, rowid DESC LIMIT 1",
            (CallSource(source).value, source_call_id),
        )

    def list_calls(
        self,
        limit: int = 50,
        offset: int = 0,
        search: str | None = None,
        sync_states: Collection[SyncState] | None = None,
        order: CallOrder = NEWEST_FIRST,
        *,
        closed_only: bool = False,
    ) -> list[Call]:
        """Newest first (start time, else when journaled) unless ``order`` says otherwise.
        ``search`` looks in numbers (as written or E.164), matched names and emails, and
        notes; ``sync_states=None`` means any state, an empty collection none;
        ``closed_only`` leaves out calls still ringing or in progress."""
        if limit < 0 or offset < 0:
            raise ValueError("limit and offset must not be negative")
        where, params = call_filter(search, sync_states, closed_only=closed_only)
        with self._database().reading() as conn:
            rows = conn.execute(
                # Only constant SQL is formatted in; every value is a bound parameter.
                page_query(order, where),
                (*params, limit, offset),
            ).fetchall()
        return [self._decode(row) for row in rows]

    def open_calls(self) -> list[Call]:
        """Every call without a final status, oldest first: at start-up, the calls the last
        run left open. (A scan of the calls table, once per start: no index needed.)"""
        with self._database().reading() as conn:
            rows = conn.execute(
                "SELECT * FROM calls WHERE final_status IS NULL ORDER BY sort_at, rowid"
            ).fetchall()
        return [self._decode(row) for row in rows]

    def count_calls(
        self,
        search: str | None = None,
        sync_states: Collection[SyncState] | None = None,
        *,
        closed_only: bool = False,
    ) -> int:
        where, params = call_filter(search, sync_states, closed_only=closed_only)
        with self._database().reading() as conn:
            query = f"SELECT count(*) FROM calls{where}"  # noqa: S608 (constant SQL only)
            return int(conn.execute(query, params).fetchone()[0])

    def last_matches_for(self, e164: str) -> list[CallerMatch]:
        """The matches of the newest call with that party (caller if inbound, callee if
        outbound) that had any; ``[]`` if none did."""
        with self._database().reading() as conn:
            row = conn.execute(
                "SELECT matches FROM calls WHERE remote_e164 = ? AND matches <> '[]' "
                "ORDER BY sort_at DESC, rowid DESC LIMIT 1",
                (e164,),
            ).fetchone()
        return [] if row is None else matches_from_json(row["matches"])

    def history(self, external_call_id: str) -> list[JournalEvent]:
        """Every recorded change of the call, oldest first."""
        with self._database().reading() as conn:
            rows = conn.execute(
                "SELECT * FROM events WHERE external_call_id = ? ORDER BY id", (external_call_id,)
            ).fetchall()
        return [event_from_row(row) for row in rows]

    # Outbox

    def enqueue_log(self, call: Call, body: dict[str, Any]) -> OutboxEntry:
        """Save ``call`` as ``pending`` and queue ``body`` (the exact request) in one
        transaction. A call is sent for logging once: raises :class:`AlreadyLogged` or
        :class:`AlreadyQueued`; a ``failed`` entry is superseded by the new one. Raises
        :class:`NotSendable` when a number is withheld or missing. ``call`` itself is not
        changed: read the call back for its new state."""
        ext_id = call.external_call_id
        if not call.can_be_sent:
            if call.number_withheld:
                raise NotSendable(ext_id, NUMBER_WITHHELD())
            if call.needs_called_number:  # the agent can enter it: say which one
                raise NotSendable(ext_id, NEEDS_CALLED_NUMBER())
            raise NotSendable(ext_id, NUMBER_MISSING())
        if body.get("externalCallId", ext_id) != ext_id:
            raise ValueError("the request body is for another call (externalCallId differs)")
        dump_json(body)  # refuse a body that is not JSON before the transaction starts
        now = self._now()
        row = call_to_row(call, SyncState.PENDING, now)
        with self._database().writing() as conn:
            live = live_states(conn, ext_id)
            stored = stored_state(conn, ext_id)
            if OutboxState.DELIVERED in live or SyncState.LOGGED in (stored, call.sync_state):
                raise AlreadyLogged(ext_id)
            if live:
                raise AlreadyQueued(ext_id)
            superseded = supersede_failed(conn, ext_id, now)
            write_call(conn, row, SyncState.PENDING, now, record_state_change=False)
            entry_id = insert_log_entry(conn, ext_id, body, now)
            for old in superseded:
                detail = {"by": entry_id}
                record_event(
                    conn, now, ext_id, EventKind.SUPERSEDED, SyncState.PENDING, old, detail
                )
            record_event(conn, now, ext_id, EventKind.ENQUEUED, SyncState.PENDING, entry_id)
            entry = load_entry(conn, entry_id)
        assert entry is not None  # inserted in this very transaction
        return entry

    def due_entries(self, now: datetime, limit: int = 20) -> list[OutboxEntry]:
        """Pending entries whose time has come, oldest first."""
        if limit < 0:
            raise ValueError("limit must not be negative")
        with self._database().reading() as conn:
            rows = conn.execute(
                "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
                "ORDER BY id LIMIT ?",
                (format_time(now), limit),
            ).fetchall()
        return [entry_from_row(row) for row in rows]

    def mark_sending(self, entry_id: int) -> None:
        """Commit "on the wire" BEFORE sending, so a crash leaves a trace (see
        :meth:`recover_interrupted`)."""
        self._move(entry_id, TO_SENDING, SyncState.SENDING, EventKind.SENDING)

    def mark_delivered(self, entry_id: int) -> None:
        """HubSpot answered 2xx: the entry is delivered and the call logged."""
        self._move(entry_id, TO_DELIVERED, SyncState.LOGGED, EventKind.DELIVERED)

    def mark_retry(self, entry_id: int, error: dict[str, Any], next_attempt_at: datetime) -> None:
        """A transient failure: back to pending until ``next_attempt_at``."""
        when = ensure_utc(next_attempt_at)
        self._move(entry_id, TO_RETRY, SyncState.PENDING, EventKind.RETRY, error, when)

    def mark_failed(self, entry_id: int, error: dict[str, Any]) -> None:
        """A refusal for good (4xx): the error is kept for the agent, who may resend."""
        self._move(entry_id, TO_FAILED, SyncState.FAILED, EventKind.FAILED, error)

    def recover_interrupted(self) -> list[OutboxEntry]:
        """At start-up: entries left ``sending`` by a crash go back to ``pending``.

        They are returned because HubSpot may have accepted them before the app could
        record it: resending them may log those calls twice. Only call this while no
        other process can be sending (see ``sender_lock``).
        """
        now = self._now()
        recovered: list[OutboxEntry] = []
        with self._database().writing() as conn:
            ids = [int(r[0]) for r in conn.execute("SELECT id FROM outbox WHERE state = 'sending'")]
            for entry_id in ids:
                ext_id = apply_transition(conn, entry_id, TO_RECOVERED, now)
                set_call_state(conn, ext_id, SyncState.PENDING, now)
                record_event(conn, now, ext_id, EventKind.INTERRUPTED, SyncState.PENDING, entry_id)
                entry = load_entry(conn, entry_id)
                assert entry is not None  # read in this very transaction
                recovered.append(entry)
        return recovered

    def pending_count(self) -> int:
        """Entries not yet settled: pending or sending."""
        with self._database().reading() as conn:
            query = "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"
            return int(conn.execute(query).fetchone()[0])

    def outbox_entries(self, external_call_id: str) -> list[OutboxEntry]:
        """All entries of the call, oldest first."""
        with self._database().reading() as conn:
            rows = conn.execute(
                "SELECT * FROM outbox WHERE external_call_id = ? ORDER BY id", (external_call_id,)
            ).fetchall()
        return [entry_from_row(row) for row in rows]

    def get_entry(self, entry_id: int) -> OutboxEntry | None:
        with self._database().reading() as conn:
            return load_entry(conn, entry_id)

    # Internals

    @property
    def database(self) -> Database:
        """The open file, for tables kept beside the calls (``contact_writes``)."""
        return self._database()

    def _database(self) -> Database:
        if self._db is None:
            raise JournalClosed(f"the call journal {self.path} is closed")
        return self._db

    def _now(self) -> datetime:
        return ensure_utc(self._clock())

    def _one_call(self, query: str, params: tuple[object, ...]) -> Call | None:
        with self._database().reading() as conn:
            row = conn.execute(query, params).fetchone()
        return None if row is None else self._decode(row)

    def _decode(self, row: sqlite3.Row) -> Call:
        try:
            return call_from_row(row)
        except (ValueError, KeyError, TypeError) as exc:
            detail = f"{row['external_call_id']!r}: {exc}"
            raise StorageError(UNREADABLE_CALL(str(self.path), detail)) from exc

    def _move(
        self,
        entry_id: int,
        step: Transition,
        call_state: SyncState,
        event: EventKind,
        error: dict[str, Any] | None = None,
        next_attempt_at: datetime | None = None,
    ) -> None:
        if error is not None:
            dump_json(error)  # refuse an error that is not JSON before the transaction
        now = self._now()
        with self._database().writing() as conn:
            ext_id = apply_transition(conn, entry_id, step, now, error, next_attempt_at)
            set_call_state(conn, ext_id, call_state, now)
            detail: dict[str, Any] = {}
            if error is not None:
                detail["error"] = error
            if next_attempt_at is not None:
                detail["next_attempt_at"] = format_time(next_attempt_at)
            record_event(conn, now, ext_id, event, call_state, entry_id, detail or None)
