"""The sender lock in one process: one holder at a time, a sentence for whoever waits too
long, released on the way out even after an error. Real ``flock`` on a real file."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.sender_lock import LOCK_NAME, SenderBusy, SenderLock

BUSY_SENTENCE = (
    "HubCall Desktop (or another 'hubcall-desktop sync') is sending the outbox right now; "
    "it sends what is queued."
)


def test_the_lock_lives_next_to_the_journal(tmp_path: Path) -> None:
    lock = SenderLock.beside(tmp_path / "journal.sqlite3")
    assert lock.path == tmp_path / LOCK_NAME == tmp_path / "outbox.lock"


async def test_a_second_sender_waits_then_gets_the_sentence(tmp_path: Path) -> None:
    first, second = SenderLock(tmp_path), SenderLock(tmp_path)
    async with first.held(0):
        with pytest.raises(SenderBusy) as busy:
            async with second.held(0.1):
                pytest.fail("two senders held the lock at once")
    assert isinstance(busy.value, StorageError)
    assert busy.value.user_message == BUSY_SENTENCE == str(busy.value)
    async with second.held(0):  # free again once the first is done
        pass


async def test_a_waiting_sender_gets_the_lock_when_the_holder_lets_go(tmp_path: Path) -> None:
    first, second = SenderLock(tmp_path), SenderLock(tmp_path)
    order: list[str] = []
    entered, release = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with first.held(0):
            order.append("first in")
            entered.set()
            await release.wait()
            order.append("first out")

    holder = asyncio.create_task(hold())
    await entered.wait()

    async def wait_then_hold() -> None:
        async with second.held(30):
            order.append("second in")

    waiter = asyncio.create_task(wait_then_hold())
    await asyncio.sleep(0.2)  # a few polls: the waiter must still be outside
    assert order == ["first in"]
    release.set()
    await asyncio.gather(holder, waiter)
    assert order == ["first in", "first out", "second in"]


async def test_a_negative_wait_is_no_wait(tmp_path: Path) -> None:
    first, second = SenderLock(tmp_path), SenderLock(tmp_path)
    async with first.held(0):
        with pytest.raises(SenderBusy):
            async with second.held(-5):
                pass
    async with second.held(-5):  # and a free lock is taken at once
        pass


async def test_an_error_inside_releases_the_lock(tmp_path: Path) -> None:
    lock = SenderLock(tmp_path)
    with pytest.raises(RuntimeError, match="send failed"):
        async with lock.held(0):
            raise RuntimeError("send failed")
    async with SenderLock(tmp_path).held(0):
        pass


async def test_waiting_for_the_lock_starts_no_thread(tmp_path: Path) -> None:
    # Polled on the event loop: a cancelled wait leaves no thread behind that could still
    # take the lock after its waiter gave up.
    first, second = SenderLock(tmp_path), SenderLock(tmp_path)
    before = set(threading.enumerate())
    async with first.held(0):
        with pytest.raises(SenderBusy):
            async with second.held(0.2):
                pass
    async with second.held(0):
        pass
    assert set(threading.enumerate()) - before == set()  # none started


async def test_senders_of_two_data_dirs_do_not_wait_for_each_other(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    async with SenderLock(tmp_path / "a").held(0), SenderLock(tmp_path / "b").held(0):
        assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [LOCK_NAME]
