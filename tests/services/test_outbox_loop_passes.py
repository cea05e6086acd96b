"""When the app's outbox loop looks again: after its idle time with nobody waking it, soon
after a pass another process held up (with the waiting retries, if the token was replaced
meanwhile), and never early for a retry that is not due. Real sandbox, real journal file,
the data dir's real sender lock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.services.outbox_sender import SyncReport
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.outbox import OutboxState
from hubcall_desktop.storage.sender_lock import SenderLock

from .test_outbox_loop_rules import _running, _stop, sandbox
from .test_outbox_policies import NOW, _queue

__all__ = ["sandbox"]  # the fixture, shared with the loop's rules

WAIT_S = 10.0


@pytest.fixture
async def parts(
    sandbox: SandboxServer, tmp_path: Path
) -> AsyncIterator[tuple[AsyncJournal, HubSpotService]]:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    async with build_client() as client:
        token = StaticToken(Secret(DEMO_TOKEN))
        yield (
            journal,
            HubSpotService(client, token, base_url=sandbox.base_url, retry_policy=NO_RETRY),
        )
    await journal.close()


def _loop(parts: tuple[AsyncJournal, HubSpotService], idle_check_s: float) -> OutboxLoop:
    journal, service = parts
    return OutboxLoop(
        journal, service, StatusKeeper(), clock=lambda: NOW, idle_check_s=idle_check_s
    )


def _noting_passes(loop: OutboxLoop) -> asyncio.Event:
    """An event set whenever one of the loop's passes has ended (a spy on its sender)."""
    ended = asyncio.Event()
    send_due = loop.sender.send_due

    async def noting(**options: Any) -> SyncReport:
        try:
            return await send_due(**options)
        finally:
            ended.set()

    loop.sender.send_due = noting  # type: ignore[method-assign]
    return ended


async def test_the_loop_looks_again_after_its_idle_time(
    sandbox: SandboxServer, parts: tuple[AsyncJournal, HubSpotService]
) -> None:
    loop = _loop(parts, idle_check_s=0.2)
    first_pass = _noting_passes(loop)
    task = await _running(loop)
    try:
        async with asyncio.timeout(WAIT_S):
            await first_pass.wait()  # its first look found nothing
        await _queue(parts[0], "idle-1")  # nobody wakes the loop: a later look finds it
        async with asyncio.timeout(WAIT_S):
            await sandbox.wait_for(lambda rs: any(r.is_inbound_call for r in rs))
    finally:
        await _stop(task)


async def test_a_pass_another_process_held_up_is_tried_again_soon_with_the_waiting_retries(
    sandbox: SandboxServer, parts: tuple[AsyncJournal, HubSpotService], tmp_path: Path
) -> None:
    journal, _ = parts
    loop = _loop(parts, idle_check_s=3600)  # only the busy retry can send it in time
    entry_id = await _queue(journal, "held-1")
    sandbox.faults.add(Fault.status(503))
    assert await loop.one_pass()  # refused for now: it waits about 30 s (the fixed clock)
    loop.sender.lock_wait_s = 0  # the other process is not waited for: busy at once
    tried = _noting_passes(loop)
    async with SenderLock(tmp_path).held(0):  # another process is sending
        loop.retry_now()  # and the token was replaced meanwhile
        task = await _running(loop)
        async with asyncio.timeout(WAIT_S):
            await tried.wait()  # that pass found the lock taken
    try:
        sent = loop.expect("held-1")
        async with asyncio.timeout(WAIT_S):
            assert (await sent).delivered
    finally:
        await _stop(task)
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.DELIVERED


async def test_a_retry_that_is_not_due_waits_through_the_passes_before_it(
    sandbox: SandboxServer, parts: tuple[AsyncJournal, HubSpotService]
) -> None:
    journal, _ = parts
    loop = _loop(parts, idle_check_s=3600)
    waiting = await _queue(journal, "waits-1")
    sandbox.faults.add(Fault.status(503))
    assert await loop.one_pass()  # refused for now: it waits about 30 s (the fixed clock)
    assert await loop.one_pass()  # a pass of its own sends only what is due
    assert sandbox.logged_calls() == []
    passed = _noting_passes(loop)
    task = await _running(loop)
    try:
        async with asyncio.timeout(WAIT_S):
            await passed.wait()  # the loop's first pass: nothing due
        await _queue(journal, "new-1")
        sent = loop.expect("new-1")
        await loop.queued()
        async with asyncio.timeout(WAIT_S):
            assert (await sent).delivered
    finally:
        await _stop(task)
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["new-1"]
    entry = await journal.get_entry(waiting)
    assert entry is not None and entry.state is OutboxState.PENDING and entry.attempts == 1
