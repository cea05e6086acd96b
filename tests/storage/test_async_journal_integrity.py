"""AsyncJournal.open reads every page of the file before it is used, unless told not to
(short-lived commands): a damaged page is refused at open, the file left as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.journal import CallJournal


def damage_a_middle_page(path: Path, make_call: Callable[..., Call]) -> bytes:
    with CallJournal(path) as journal:
        journal.save_calls(make_call(notes="n" * 500) for _ in range(300))
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + 64] = b"\xff" * 64  # the file header stays valid
    path.write_bytes(bytes(data))
    return bytes(data)


def unchanged(path: Path, before: bytes) -> bool:
    return path.read_bytes() == before


async def test_a_damaged_page_is_refused_at_open_unless_the_check_is_skipped(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    damaged = damage_a_middle_page(journal_path, make_call)
    with pytest.raises(StorageError, match="damaged"):
        await AsyncJournal.open(journal_path)
    assert unchanged(journal_path, damaged)
    journal = await AsyncJournal.open(journal_path, check_integrity=False)
    await journal.close()
