"""What the agent and the log are told when the journal file is replaced under the app, and
where the calls it held are saved."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.journal import CallJournal

STAMP = re.compile(r"journal\.sqlite3\.saved-(\d{8}T\d{6}\.\d{6}Z)$")


@pytest.fixture
def far_east_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time 14 hours ahead of UTC: a rescue stamped in local time would show it."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_replaced_journal_is_refused_in_words_and_logged_with_both_paths(
    journal_path: Path,
    make_call: Callable[..., Call],
    caplog: pytest.LogCaptureFixture,
    far_east_clock: None,
) -> None:
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        stranger = journal_path.with_name("other.sqlite3")
        with CallJournal(stranger) as other:
            other.save_call(make_call())
        os.replace(stranger, journal_path)
        with (
            caplog.at_level(logging.ERROR, "hubcall_desktop.storage.database"),
            pytest.raises(StorageError) as refused,
        ):
            journal.save_call(make_call())
    [saved] = [p for p in journal_path.parent.iterdir() if ".saved-" in p.name]
    assert refused.value.user_message == (
        f"The call journal {journal_path} was replaced by another file while HubCall "
        f"Desktop was running, so nothing more is written to it. The calls it held are "
        f"saved in {saved}. Quit HubCall Desktop and start it again."
    )
    assert [r.getMessage() for r in caplog.records] == [
        f"journal {journal_path} was replaced while open; its calls saved to {saved}"
    ]
    # The name says when, in UTC, to the microsecond (two rescues never collide).
    match = STAMP.search(saved.name)
    assert match is not None, saved.name
    stamped = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
    assert abs(stamped - datetime.now(UTC)) < timedelta(hours=1)
    # The connection's own WAL was emptied: nothing of it can reach the new file.
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_deleted_journal_is_logged_as_written_back(
    journal_path: Path, make_call: Callable[..., Call], caplog: pytest.LogCaptureFixture
) -> None:
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        journal_path.unlink()
        with caplog.at_level(logging.ERROR, "hubcall_desktop.storage.database"):
            journal.save_call(make_call())
    assert [r.getMessage() for r in caplog.records] == [
        f"journal {journal_path} was deleted while open; writing it back"
    ]
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.sqlite3"]
