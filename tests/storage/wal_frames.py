"""Reads the journal's write-ahead log as a restart would: how many commits it holds."""

from __future__ import annotations

import struct
from pathlib import Path

WAL_HEADER = 32
FRAME_HEADER = 24


def wal_commits(journal_path: Path) -> int:
    """Commit records in the write-ahead log: frames that carry the database size after
    the commit (others carry 0) and the log header's current salts (older frames are
    left-overs of a log that was reset). See https://www.sqlite.org/fileformat.html."""
    wal = journal_path.with_name(journal_path.name + "-wal")
    data = wal.read_bytes() if wal.exists() else b""
    if len(data) < WAL_HEADER:
        return 0
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    commits = 0
    for at in range(WAL_HEADER, len(data) - FRAME_HEADER + 1, FRAME_HEADER + page_size):
        frame = data[at : at + FRAME_HEADER]
        if frame[8:16] != salts:
            break
        if struct.unpack(">I", frame[4:8])[0] != 0:
            commits += 1
    return commits
