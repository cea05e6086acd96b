"""The journal's contact writes: committed pending, moved only along the outbox's states,
an attempt counted only when it got an outcome, and a crash's ``sending`` put back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.contacts import WriteState
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.contact_writes import ContactWrites
from hubcall_desktop.storage.errors import OutboxStateError

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.fixture
async def writes(tmp_path: Path) -> AsyncIterator[ContactWrites]:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3")  # migrates the file
    yield ContactWrites(journal)
    await journal.close()


async def test_a_write_is_pending_and_due_at_once(writes: ContactWrites) -> None:
    write = await writes.add({"firstname": "Ada"}, NOW, external_call_id="c1", portal="default")
    assert (write.state, write.attempts, write.properties) == (
        WriteState.PENDING,
        0,
        {"firstname": "Ada"},
    )
    assert (write.external_call_id, write.portal) == ("c1", "default")
    assert [w.id for w in await writes.due(NOW)] == [write.id]
    assert await writes.due(NOW - timedelta(seconds=1)) == []


@pytest.mark.parametrize("target", [WriteState.CREATED, WriteState.DUPLICATE, WriteState.FAILED])
async def test_only_a_sending_write_gets_an_outcome(
    writes: ContactWrites, target: WriteState
) -> None:
    write = await writes.add({"firstname": "Ada"}, NOW)
    with pytest.raises(OutboxStateError, match=f"contact write {write.id} is pending"):
        await writes.move(write.id, target, NOW)
    await writes.move(write.id, WriteState.SENDING, NOW)
    done = await writes.move(write.id, target, NOW, contact_id=7)
    assert (done.state, done.attempts, done.contact_id) == (target, 1, 7)
    with pytest.raises(OutboxStateError):  # settled: never sent again
        await writes.move(write.id, WriteState.SENDING, NOW)


async def test_a_retry_counts_and_waits(writes: ContactWrites) -> None:
    write = await writes.add({"firstname": "Ada"}, NOW)
    await writes.move(write.id, WriteState.SENDING, NOW)
    later = NOW + timedelta(minutes=1)
    back = await writes.move(
        write.id, WriteState.PENDING, NOW, error={"status": 503}, next_attempt_at=later
    )
    assert (back.state, back.attempts, back.last_error) == (WriteState.PENDING, 1, {"status": 503})
    assert await writes.due(NOW) == []
    assert [w.id for w in await writes.due(later)] == [write.id]


async def test_a_crash_while_sending_puts_it_back_uncounted(writes: ContactWrites) -> None:
    write = await writes.add({"firstname": "Ada"}, NOW)
    await writes.move(write.id, WriteState.SENDING, NOW)
    assert [w.id for w in await writes.recover_interrupted(NOW)] == [write.id]
    again = await writes.get(write.id)
    assert again is not None and (again.state, again.attempts) == (WriteState.PENDING, 0)
    assert await writes.recover_interrupted(NOW) == []


async def test_an_unknown_write_is_none_and_cannot_move(writes: ContactWrites) -> None:
    assert await writes.get(404) is None
    with pytest.raises(OutboxStateError, match="contact write 404 does not exist"):
        await writes.move(404, WriteState.SENDING, NOW)


async def test_due_gives_the_oldest_twenty_unless_told(writes: ContactWrites) -> None:
    added = [
        await writes.add({"firstname": f"n{n}"}, NOW - timedelta(seconds=n)) for n in range(21)
    ]
    oldest_first = [w.id for w in reversed(added)]
    assert [w.id for w in await writes.due(NOW)] == oldest_first[:20]
    assert [w.id for w in await writes.due(NOW, limit=3)] == oldest_first[:3]


async def test_a_later_move_keeps_the_last_error_and_the_contact(writes: ContactWrites) -> None:
    write = await writes.add({"email": "ada@example.com"}, NOW)
    await writes.move(write.id, WriteState.SENDING, NOW)
    await writes.move(write.id, WriteState.PENDING, NOW, error={"status": 503})
    again = await writes.move(write.id, WriteState.SENDING, NOW)
    assert again.last_error == {"status": 503}  # still there for the agent to read
    done = await writes.move(write.id, WriteState.DUPLICATE, NOW, contact_id=9)
    assert (done.contact_id, done.last_error) == (9, {"status": 503})
