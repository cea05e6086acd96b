"""The manual form's three endings besides success: the journal refuses the call (the
refusal comes back as it is), HubSpot does not answer in time (queued), HubSpot fails for
now (queued, with the reason). In none of them does the outbox keep waiting for the form.
Real journal file, real sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.sandbox import Fault, SandboxServer
from hubcall_desktop.services.call_desk import CallDesk

from .desk_journal import manual_form, write_locked
from .desk_parts import desk_over


def _outbox_waits_for_nobody(desk: CallDesk) -> bool:
    # No public view of the waiters: a leak here grows with every form submitted.
    return desk.outbox._waiters == {}


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


async def test_a_form_the_journal_refuses_gets_the_refusal_and_leaves_no_waiter(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox)
    try:
        with write_locked(journal_path), pytest.raises(StorageError):
            await runtime.desk.log_manual(manual_form())
        assert _outbox_waits_for_nobody(runtime.desk)
    finally:
        await runtime.close()
    assert sandbox.requests == ()


async def test_a_form_hubspot_does_not_answer_in_time_is_queued_and_leaves_no_waiter(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(journal_path, sandbox)  # not started: nothing is sent
    try:
        result = await runtime.desk.log_manual(manual_form(), wait_s=0)
        assert _outbox_waits_for_nobody(runtime.desk)
    finally:
        await runtime.close()
    assert result.delivered is False
    assert result.queued is True
    assert result.verdict is Verdict.QUEUED
    assert result.call.sync_state is SyncState.PENDING


async def test_a_form_hubspot_fails_for_now_stays_queued_and_says_why(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(503))
    runtime = await desk_over(journal_path, sandbox)
    try:
        await runtime.desk.start()
        result = await runtime.desk.log_manual(manual_form(), wait_s=10.0)
        assert _outbox_waits_for_nobody(runtime.desk)
    finally:
        await runtime.close()
    assert result.delivered is False
    assert result.queued is True  # the outbox tries again later
    assert result.verdict is Verdict.QUEUED
    assert result.error is not None
    assert result.call.sync_state is SyncState.PENDING


async def test_a_form_whose_token_hubspot_refuses_waits_for_the_connection(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    """The verdict the CLI's log would give: the call waits, for the agent, not HubSpot."""
    sandbox.faults.add(Fault.status(401))
    runtime = await desk_over(journal_path, sandbox)
    try:
        await runtime.desk.start()
        result = await runtime.desk.log_manual(manual_form(), wait_s=10.0)
    finally:
        await runtime.close()
    assert result.verdict is Verdict.CONNECTION_REFUSED
    assert result.queued and not result.delivered
    assert result.verdict.waits_for_connection
    assert result.call.sync_state is SyncState.PENDING
