-- The journal's schema as released (version 5), as SQLite stores it (sqlite_master, in order).
-- Released migration steps are never edited: tests/storage/test_migrations.py compares a
-- fresh journal against this file. A new version appends a step and a new snapshot.
-- table calls
CREATE TABLE calls (
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
    , portal TEXT, outcome TEXT, outcome_label TEXT);
-- index sqlite_autoindex_calls_1
(automatic);
-- index calls_newest
CREATE INDEX calls_newest ON calls (sort_at);
-- index calls_by_state
CREATE INDEX calls_by_state ON calls (sync_state, sort_at);
-- index calls_by_remote
CREATE INDEX calls_by_remote ON calls (remote_e164, sort_at);
-- index calls_by_source
CREATE INDEX calls_by_source ON calls (source, source_call_id);
-- table outbox
CREATE TABLE outbox (
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
    );
-- table sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);
-- index outbox_due
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
-- index outbox_by_call
CREATE INDEX outbox_by_call ON outbox (external_call_id);
-- index outbox_once_per_call
CREATE UNIQUE INDEX outbox_once_per_call ON outbox (external_call_id)
        WHERE state IN ('pending', 'sending', 'delivered');
-- table events
CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        external_call_id TEXT NOT NULL REFERENCES calls (external_call_id) ON DELETE CASCADE,
        outbox_id INTEGER REFERENCES outbox (id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        sync_state TEXT NOT NULL,  -- the call's state after the event
        detail TEXT  -- JSON
    );
-- index events_by_call
CREATE INDEX events_by_call ON events (external_call_id, id);
-- table contact_writes
CREATE TABLE contact_writes (
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
    );
-- index contact_writes_due
CREATE INDEX contact_writes_due ON contact_writes (state, next_attempt_at);
