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


def test_a_file_put_in_place_while_the_journal_is_written_back_is_not_overwritten(
    journal_path: Path, make_call: Callable[..., Call], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted, and another program puts a file there just before ours goes back: theirs
    stays, ours is kept beside it, reads go on from ours and writes are refused."""
    real_link = os.link

    def someone_was_faster(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        Path(dst).write_bytes(b"theirs")
        real_link(src, dst)

    with CallJournal(journal_path) as journal:
        kept = make_call()
        journal.save_call(kept)
        journal_path.unlink()
        monkeypatch.setattr(os, "link", someone_was_faster)
        with pytest.raises(StorageError, match="replaced by another file") as refused:
            journal.save_call(make_call())
        monkeypatch.undo()
        assert [c.external_call_id for c in journal.list_calls()] == [kept.external_call_id]
        with pytest.raises(StorageError, match="replaced by another file"):
            journal.save_call(make_call())
    assert journal_path.read_bytes() == b"theirs"
    [saved] = [p for p in journal_path.parent.iterdir() if ".saved-" in p.name]
    assert str(saved) in refused.value.user_message
    with CallJournal(saved) as rescued:
        assert [c.external_call_id for c in rescued.list_calls()] == [kept.external_call_id]
