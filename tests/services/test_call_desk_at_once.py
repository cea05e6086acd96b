"""A new call's pop-up comes at once, while the journal commits; the source hears 202 only
after the commit; a failed commit is a 503 and the pop-up is told; many calls at once are
committed together. Real sqlite files, the real sandbox, the real webhook; "another
program" holding the journal's write lock is a second SQLite connection."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.messages import Message
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.sources.webhook import WebhookServer

from ..sources.helpers import SECRET
from ..storage.wal_frames import wal_commits
from .desk_journal import ANNA, event, open_desk, rows

HOLD_S = 0.3  # how long another program keeps the write lock
LONG_BUSY_S = 10.0  # the journal waits this long for the lock: the hold ends well before


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


async def _started(journal_path: Path, sandbox: SandboxServer, busy: float) -> DeskRuntime:
    opened = await open_desk(journal_path, sandbox, busy_timeout=busy)
    await opened.desk.start()
    return opened


@pytest.fixture
async def patient(journal_path: Path, sandbox: SandboxServer) -> AsyncIterator[DeskRuntime]:
    """A desk whose journal waits out another program's short hold on the lock."""
    opened = await _started(journal_path, sandbox, LONG_BUSY_S)
    yield opened
    await opened.close()


@pytest.fixture
async def hasty(journal_path: Path, sandbox: SandboxServer) -> AsyncIterator[DeskRuntime]:
    """A desk whose journal gives up on a held lock after 0.2 s."""
    opened = await _started(journal_path, sandbox, 0.2)
    yield opened
    await opened.close()


async def _webhook(runtime: DeskRuntime) -> WebhookServer:
    server = WebhookServer(runtime.desk.handle_event, SECRET, port=0, region="DE")
    await server.start()
    return server


def _lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def _release(other: sqlite3.Connection) -> None:
    other.execute("ROLLBACK")
    other.close()


def _ringing(call_id: str) -> dict[str, str]:
    return {"event": "ringing", "from": "030 55501234", "call_id": call_id}


HEADERS = {"Authorization": f"Bearer {SECRET.reveal()}"}


async def test_the_popup_comes_before_the_commit_and_the_202_after_it(
    patient: DeskRuntime, journal_path: Path
) -> None:
    updates: list[tuple[DeskUpdate, list[tuple[str, str | None, str | None]]]] = []
    # What a restart would find at the moment each update is heard.
    patient.desk.add_listener(lambda u: updates.append((u, rows(journal_path))))
    server = await _webhook(patient)
    other = _lock(journal_path)
    loop = asyncio.get_running_loop()
    try:
        async with httpx.AsyncClient(base_url=server.url, trust_env=False, timeout=30) as http:
            loop.call_later(HOLD_S, _release, other)  # the other program lets go
            answer = await http.post("/v1/events", json=_ringing("sip-7"), headers=HEADERS)
            on_disk = rows(journal_path)  # read at the 202, before anything else runs
    finally:
        await server.stop()
    assert answer.status_code == 202, answer.text
    assert on_disk == [("030 55501234", None, "sip-7")]  # a 202 means it is on disk
    shown, on_disk_when_shown = updates[0]
    assert shown.kind is UpdateKind.RINGING and not shown.recorded
    assert on_disk_when_shown == []  # the pop-up did not wait for the commit
    recorded = [u for u, _ in updates if u.recorded]
    assert recorded and recorded[0].call.external_call_id == answer.json()["call_id"]


async def test_a_failed_commit_is_a_503_the_popup_is_told_and_the_retry_keeps_its_call(
    hasty: DeskRuntime, journal_path: Path
) -> None:
    updates: list[DeskUpdate] = []
    hasty.desk.add_listener(updates.append)
    server = await _webhook(hasty)
    try:
        async with httpx.AsyncClient(base_url=server.url, trust_env=False, timeout=30) as http:
            other = _lock(journal_path)
            try:
                refused = await http.post("/v1/events", json=_ringing("sip-8"), headers=HEADERS)
            finally:
                _release(other)
            retried = await http.post("/v1/events", json=_ringing("sip-8"), headers=HEADERS)
    finally:
        await server.stop()
    assert refused.status_code == 503
    shown, told = updates[0], updates[1]
    assert (shown.kind, told.kind) == (UpdateKind.RINGING, UpdateKind.NOT_RECORDED)
    assert "locked" in told.error and not told.recorded
    assert isinstance(told.error, Message)  # with its id: the pop-up says it translated
    assert retried.status_code == 202, retried.text
    # The retry is the same call: its pop-up (the one that said "not recorded") follows it.
    assert retried.json()["call_id"] == shown.call.external_call_id
    assert rows(journal_path) == [("030 55501234", None, "sip-8")]
    assert hasty.desk.lifecycle.resolve(event(EventKind.RINGING, "sip-8")) is not None


async def test_a_burst_of_calls_is_committed_together_and_every_202_is_on_disk(
    patient: DeskRuntime, journal_path: Path
) -> None:
    server = await _webhook(patient)
    before = wal_commits(journal_path)
    other = _lock(journal_path)
    loop = asyncio.get_running_loop()
    try:
        async with httpx.AsyncClient(
            base_url=server.url,
            trust_env=False,
            timeout=30,
            limits=httpx.Limits(max_connections=30),
        ) as http:
            loop.call_later(HOLD_S * 2, _release, other)
            answers = await asyncio.gather(
                *(
                    http.post("/v1/events", json=_ringing(f"burst-{n}"), headers=HEADERS)
                    for n in range(30)
                )
            )
    finally:
        await server.stop()
    assert [a.status_code for a in answers] == [202] * 30
    assert {r[2] for r in rows(journal_path)} == {f"burst-{n}" for n in range(30)}
    # The calls that arrived while the journal waited were committed in one go (each
    # recorded call's own later writes, the caller lookups, may add a few more commits).
    assert wal_commits(journal_path) - before < 30


async def test_two_events_of_one_call_at_once_are_applied_one_after_the_other(
    patient: DeskRuntime, journal_path: Path
) -> None:
    updates: list[DeskUpdate] = []
    patient.desk.add_listener(updates.append)
    ringing = event(EventKind.RINGING, "sip-2")
    other = _lock(journal_path)
    asyncio.get_running_loop().call_later(HOLD_S, _release, other)
    # The softphone sent the same ringing twice (a retry) and then the end, all at once.
    first, again, ended = await asyncio.gather(
        patient.desk.handle_event(ringing),
        patient.desk.handle_event(ringing),
        patient.desk.handle_event(event(EventKind.ENDED, "sip-2", reason=EndReason.HUNG_UP)),
    )
    assert first == again == ended
    assert rows(journal_path) == [(ANNA, "MISSED", "sip-2")]
    await asyncio.sleep(0.1)  # the windows hear of the end right after the 202
    # ... in the order of the events: the ringing's record never comes after the end.
    told = [u for u in updates if u.kind in (UpdateKind.CHANGED, UpdateKind.ENDED)]
    assert [u.kind for u in told] == [UpdateKind.CHANGED, UpdateKind.CHANGED, UpdateKind.ENDED]
    assert told[0].call.final_status is None and told[-1].call.final_status is not None


async def test_a_journal_that_cannot_be_written_refuses_each_event_of_a_burst(
    hasty: DeskRuntime, journal_path: Path
) -> None:
    other = _lock(journal_path)
    try:
        results = await asyncio.gather(
            *(hasty.desk.handle_event(event(EventKind.RINGING, f"x-{n}")) for n in range(10)),
            return_exceptions=True,
        )
    finally:
        _release(other)
    assert all(isinstance(r, StorageError) for r in results), results
    assert rows(journal_path) == []
    assert hasty.desk.lifecycle.open_calls() == []  # the desk remembers none of them
