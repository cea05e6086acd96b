"""A damaged journal beside a WAL file another program left: refused as damaged, and the
files that were there before (that WAL too) are left exactly as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.journal import CallJournal


def test_garbage_beside_a_wal_someone_left_is_refused_and_both_are_left_alone(
    journal_path: Path,
) -> None:
    journal_path.parent.mkdir()
    garbage = bytes(range(256)) * 64
    journal_path.write_bytes(garbage)
    wal = journal_path.with_name(journal_path.name + "-wal")
    wal.write_bytes(b"not ours")
    with pytest.raises(StorageError, match="damaged"):
        CallJournal(journal_path)
    assert journal_path.read_bytes() == garbage
    assert wal.read_bytes() == b"not ours"
    assert sorted(p.name for p in journal_path.parent.iterdir()) == [
        journal_path.name,
        wal.name,
    ]
