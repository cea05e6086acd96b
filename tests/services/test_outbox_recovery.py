"""Start-up recovery in the app's outbox loop: an entry a crash left ``sending`` goes out
again, but only under the sender lock: while another process holds it, that process's
``sending`` entry is in flight, and recovery waits for a later pass."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer
from hubcall_desktop.services.desk_status import StatusKeeper
from hubcall_desktop.services.outbox_loop import OutboxLoop
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.outbox import OutboxState
from hubcall_desktop.storage.sender_lock import SenderLock

from .test_outbox_policies import NOW, _queue


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


@pytest.fixture
async def loop_and_journal(
    sandbox: SandboxServer, tmp_path: Path
) -> AsyncIterator[tuple[OutboxLoop, AsyncJournal]]:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    async with build_client() as client:
        service = HubSpotService(
            client,
            StaticToken(Secret(DEMO_TOKEN)),
            base_url=sandbox.base_url,
            retry_policy=NO_RETRY,
        )
        yield OutboxLoop(journal, service, StatusKeeper(), clock=lambda: NOW), journal
    await journal.close()


async def test_an_entry_a_crash_left_sending_is_sent_after_start_up(
    sandbox: SandboxServer, loop_and_journal: tuple[OutboxLoop, AsyncJournal]
) -> None:
    outbox, journal = loop_and_journal
    entry_id = await _queue(journal)
    await journal.mark_sending(entry_id)  # then the process died

    assert [e.id for e in await outbox.recover_interrupted()] == [entry_id]
    assert await outbox.one_pass()
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.DELIVERED
    assert len(sandbox.logged_calls()) == 1


async def test_recovery_waits_while_another_process_sends(
    sandbox: SandboxServer, loop_and_journal: tuple[OutboxLoop, AsyncJournal], tmp_path: Path
) -> None:
    outbox, journal = loop_and_journal
    entry_id = await _queue(journal)
    await journal.mark_sending(entry_id)
    async with SenderLock(tmp_path).held(0):  # the other process, mid-send
        assert await outbox.recover_interrupted() == []
        assert not await outbox.one_pass()  # busy: try again shortly
        entry = await journal.get_entry(entry_id)
        assert entry is not None and entry.state is OutboxState.SENDING
    # The other process stopped without settling it (it crashed): the next pass recovers.
    assert await outbox.one_pass()
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.DELIVERED
    assert len(sandbox.logged_calls()) == 1
