"""The app's outbox loop: what the desk hears after each log (the outcome, the status
bar, the pending count), waiting for one call's outcome and giving up waiting, sending
waiting retries at once when the token was replaced, and what a journal that went away
tells whoever waits. Real sandbox, real journal files."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hubcall_desktop.core.desk_types import DeskUpdate, TokenState, UpdateKind
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.outbox import OutboxState

from .test_outbox_policies import NOW, _queue, finished_call

Loop = tuple[OutboxLoop, AsyncJournal, StatusKeeper]


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


@pytest.fixture
async def outbox(sandbox: SandboxServer, tmp_path: Path) -> AsyncIterator[Loop]:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    status = StatusKeeper()
    async with build_client() as client:
        token = StaticToken(Secret(DEMO_TOKEN))
        service = HubSpotService(client, token, base_url=sandbox.base_url, retry_policy=NO_RETRY)
        yield OutboxLoop(journal, service, status, clock=lambda: NOW), journal, status
    await journal.close()


async def _running(outbox: OutboxLoop) -> asyncio.Task[None]:
    task = asyncio.create_task(outbox.run())
    await asyncio.sleep(0)
    return task


async def _stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def test_a_delivered_log_is_told_to_the_desk_and_its_waiter(outbox: Loop) -> None:
    loop, journal, status = outbox
    heard: list[DeskUpdate] = []

    async def hear(update: DeskUpdate) -> None:
        heard.append(update)

    loop.on_outcome = hear
    await _queue(journal, "told-1")
    waiting = loop.expect("told-1")
    assert await loop.one_pass()
    outcome = waiting.result()
    assert outcome.delivered and outcome.external_call_id == "told-1"
    [update] = heard
    assert (update.kind, update.call.external_call_id, update.error) == (
        UpdateKind.SYNC,
        "told-1",
        "",
    )
    assert status.current.token is TokenState.OK and status.current.reachable is True
    assert status.current.pending == 0


async def test_a_refused_log_tells_the_desk_which_fields(outbox: Loop) -> None:
    loop, journal, status = outbox
    heard: list[DeskUpdate] = []

    async def hear(update: DeskUpdate) -> None:
        heard.append(update)

    loop.on_outcome = hear
    call = finished_call("refused-1")
    await journal.enqueue_log(call, {**build_log_body(call), "durationSeconds": -1})
    assert await loop.one_pass()
    [update] = heard
    assert update.error.startswith("HubSpot rejected the call: check")
    assert update.error_fields and "durationSeconds" in update.error_fields[0]
    assert status.current.reachable is True and status.current.message == update.error


async def test_a_waiter_that_gave_up_is_not_answered_the_others_are(outbox: Loop) -> None:
    loop, journal, _ = outbox
    await _queue(journal, "waited-1")
    gave_up = loop.expect("waited-1")
    still = loop.expect("waited-1")
    loop.forget("waited-1", gave_up)
    loop.forget("waited-1", gave_up)  # twice is harmless
    loop.forget("never-queued", still)  # so is a call nobody waits for
    assert await loop.one_pass()
    assert still.result().delivered
    assert not gave_up.done()


async def test_after_the_last_waiter_gave_up_a_new_one_is_answered(outbox: Loop) -> None:
    loop, journal, _ = outbox
    await _queue(journal, "again-1")
    first = loop.expect("again-1")
    loop.forget("again-1", first)
    second = loop.expect("again-1")
    assert await loop.one_pass()
    assert second.result().delivered and not first.done()


async def test_a_replaced_token_sends_waiting_retries_at_once(
    sandbox: SandboxServer, outbox: Loop
) -> None:
    loop, journal, status = outbox
    entry_id = await _queue(journal, "waits-1")
    sandbox.faults.add(Fault.status(503))
    assert await loop.one_pass()  # refused for now: it waits about 30 s (the fixed clock)
    assert status.current.pending == 1 and status.current.reachable is True
    task = await _running(loop)
    try:
        await asyncio.sleep(0.2)
        assert sandbox.logged_calls() == []  # not due, and nothing woke the loop
        sent = loop.expect("waits-1")
        loop.retry_now()
        async with asyncio.timeout(30):
            assert (await sent).delivered
    finally:
        await _stop(task)
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.DELIVERED
    assert len(sandbox.logged_calls()) == 1


async def test_a_queued_call_is_counted_and_sent_without_waiting(
    sandbox: SandboxServer, outbox: Loop
) -> None:
    loop, journal, status = outbox
    task = await _running(loop)
    try:
        await asyncio.sleep(0.3)  # its first pass found nothing; it sleeps for 30 s
        await _queue(journal, "queued-1")
        await loop.queued()
        assert status.current.pending == 1
        async with asyncio.timeout(30):
            await sandbox.wait_for(lambda rs: any(r.is_inbound_call for r in rs))
    finally:
        await _stop(task)
    assert len(sandbox.logged_calls()) == 1


async def test_a_journal_that_went_away_fails_every_waiter(outbox: Loop, tmp_path: Path) -> None:
    loop, journal, status = outbox
    await _queue(journal, "lost-1")
    await _queue(journal, "lost-2")
    first, second = loop.expect("lost-1"), loop.expect("lost-2")
    # Another file takes the journal's place while the app runs.
    stranger = tmp_path / "stranger.sqlite3"
    stranger.write_bytes(b"not the journal")
    os.replace(stranger, journal.path)
    assert await loop.one_pass()
    for waiting in (first, second):
        error = waiting.exception()
        assert isinstance(error, StorageError)
    assert status.current.message == str(first.exception())
