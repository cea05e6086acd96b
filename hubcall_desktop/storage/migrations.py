"""Schema versions of the journal: numbered steps applied in order, in one transaction.

``PRAGMA user_version`` holds the version the file is at; ``PRAGMA application_id`` marks
the file as ours. A file from a newer version, or a SQLite file of another program, is
refused before anything is written to it. To change the schema, append a step: never
edit a released one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.storage.database import Database

logger = logging.getLogger(__name__)

FOREIGN = Template(
    "journal.foreign",
    "The file %1 is not a HubCall Desktop call journal (it holds another program's data). It "
    "was left untouched: move it elsewhere or choose another data folder.",
)
NEWER = Template(
    "journal.newer",
    "The call journal %1 was written by a newer version of HubCall Desktop (journal version "
    "%2; this version knows up to %3). It was left untouched: update HubCall Desktop, or "
    "start this version with another data folder.",
)

APPLICATION_ID = int.from_bytes(b"HCdj", "big")  # "HubCall desktop journal"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # the file's user_version once this step is applied
    description: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE calls (
        external_call_id TEXT PRIMARY KEY NOT NULL,
        raw_from TEXT NOT NULL,
        raw_to TEXT NOT NULL,
        from_e164 TEXT, from_type TEXT, from_extension TEXT, from_region TEXT,
        to_e164 TEXT, to_type TEXT, to_extension TEXT, to_region TEXT,
        remote_e164 TEXT,  -- the other party: the caller if inbound, the callee if outbound
        direction TEXT NOT NULL,
        source TEXT NOT NULL,
        source_call_id TEXT,
        ringing_at TEXT, answered_at TEXT, ended_at TEXT, started_at TEXT,
        duration_seconds INTEGER,
        final_status TEXT,
        notes TEXT NOT NULL,
        title TEXT NOT NULL,
        engagement_properties TEXT NOT NULL,  -- JSON object
        recipient_user_ids TEXT NOT NULL,  -- JSON array
        user_id INTEGER,
        portal_id INTEGER,
        matches TEXT NOT NULL,  -- JSON array of callerIdMatches
        match_text TEXT NOT NULL,  -- case-folded names and emails, for search
        sync_state TEXT NOT NULL,
        number_withheld INTEGER NOT NULL,
        flagged TEXT,
        created_at TEXT NOT NULL,
        sort_at TEXT NOT NULL,  -- start time, else created_at: the history's order
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX calls_newest ON calls (sort_at)",
    "CREATE INDEX calls_by_state ON calls (sync_state, sort_at)",
    "CREATE INDEX calls_by_remote ON calls (remote_e164, sort_at)",
    "CREATE INDEX calls_by_source ON calls (source, source_call_id)",
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        external_call_id TEXT NOT NULL REFERENCES calls (external_call_id),
        kind TEXT NOT NULL CHECK (kind IN ('log')),
        body TEXT NOT NULL,  -- JSON: the exact request body to send
        state TEXT NOT NULL
            CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'superseded')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,  -- JSON
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
    "CREATE INDEX outbox_by_call ON outbox (external_call_id)",
    # A call is sent for logging once: the file itself refuses a second live entry.
    """CREATE UNIQUE INDEX outbox_once_per_call ON outbox (external_call_id)
        WHERE state IN ('pending', 'sending', 'delivered')""",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        external_call_id TEXT NOT NULL REFERENCES calls (external_call_id) ON DELETE CASCADE,
        outbox_id INTEGER REFERENCES outbox (id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        sync_state TEXT NOT NULL,  -- the call's state after the event
        detail TEXT  -- JSON
    )""",
    "CREATE INDEX events_by_call ON events (external_call_id, id)",
)

# The connection (portal key, e.g. ``default`` or ``12345678``) a call belongs to, so a
# call queued before the agent switched portals still goes to its own HubSpot account.
# NULL for calls journaled before: they go with the active portal.
_V2 = ("ALTER TABLE calls ADD COLUMN portal TEXT",)

# Calls the agent asked to log while the number that was called was not known were kept
# as "withheld" and never sent, though the caller was known. They wait for the number now
# ("needs_number", sent once it is entered). The version also keeps older releases, which
# do not know that state, from opening the file. (The unary + keeps the query planner off
# the state index: a once-only scan, and "PRAGMA optimize" at close then finds no index
# use worth an ANALYZE, so a new journal's schema stays exactly the released one.)
_V3 = (
    """UPDATE calls SET sync_state = 'needs_number'
        WHERE +sync_state = 'withheld' AND number_withheld = 0 AND direction = 'INBOUND'
            AND from_e164 IS NOT NULL AND to_e164 IS NULL""",
)

# What came of the call (hs_call_disposition): the outcome's GUID, and its label as the
# agent saw it, so the history names it even when the portal's list no longer has it.
_V4 = (
    "ALTER TABLE calls ADD COLUMN outcome TEXT",
    "ALTER TABLE calls ADD COLUMN outcome_label TEXT",
)

# Contacts the agent asked to create wait here until HubSpot has them (see
# ``contact_writes``): journaled before they are sent, like calls in the outbox.
_V5 = (
    """CREATE TABLE contact_writes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        external_call_id TEXT,  -- the call it was created for, if any
        portal TEXT,  -- the connection (portal key) it goes to; NULL: the active one
        properties TEXT NOT NULL,  -- JSON: the exact "properties" to send
        state TEXT NOT NULL
            CHECK (state IN ('pending', 'sending', 'created', 'duplicate', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        contact_id INTEGER,  -- the new contact, or the existing one for a duplicate
        last_error TEXT,  -- JSON
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX contact_writes_due ON contact_writes (state, next_attempt_at)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "calls, outbox and events", _V1),
    Migration(2, "calls remember their portal", _V2),
    Migration(3, "calls without the called number wait for it", _V3),
    Migration(4, "calls keep their outcome", _V4),
    Migration(5, "contacts to create wait in the journal", _V5),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What a read-only look at the file found."""

    user_version: int
    application_id: int
    table_count: int


def read_file_facts(conn: sqlite3.Connection) -> FileFacts:
    return FileFacts(
        user_version=int(conn.execute("PRAGMA user_version").fetchone()[0]),
        application_id=int(conn.execute("PRAGMA application_id").fetchone()[0]),
        table_count=int(
            conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        ),
    )


def check_file(facts: FileFacts, path: Path, known: int = SCHEMA_VERSION) -> None:
    """Refuse a file we must not write: another program's, or from a newer version."""
    foreign = (facts.user_version == 0 and facts.table_count > 0) or (
        facts.user_version > 0 and facts.application_id != APPLICATION_ID
    )
    if foreign:
        raise StorageError(FOREIGN(str(path)))
    if facts.user_version > known:
        raise StorageError(NEWER(str(path), facts.user_version, known))


def migrate(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the file to the newest version; returns the version it was at.

    All pending steps run in one transaction, so a failure leaves the file at its old
    version with its old schema.
    """
    _check_steps(migrations)
    latest = migrations[-1].version if migrations else 0
    with db.reading() as conn:
        found = read_file_facts(conn)
    check_file(found, db.path, latest)
    if found.user_version == latest:
        return latest
    with db.writing() as conn:
        # Read again under the write lock: another process may have migrated meanwhile.
        facts = read_file_facts(conn)
        check_file(facts, db.path, latest)
        for step in migrations:
            if step.version <= facts.user_version:
                continue
            logger.info(
                "journal %s: migrating to version %d (%s)", db.path, step.version, step.description
            )
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version:d}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
    return facts.user_version


def _check_steps(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1, 2, 3, ... in order; got {versions}")
