"""The desk journals first and remembers second: nothing accepted is lost, nothing new is
taken for a duplicate. Real sqlite files, the real sandbox, the real webhook."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.sources.webhook import WebhookServer

from ..sources.helpers import SECRET
from .desk_journal import ANNA, OTTO, event, open_desk, rows, write_locked


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
async def runtime(journal_path: Path, sandbox: SandboxServer) -> AsyncIterator[DeskRuntime]:
    opened = await open_desk(journal_path, sandbox)
    await opened.desk.start()
    yield opened
    await opened.close()


@pytest.fixture
async def webhook(runtime: DeskRuntime) -> AsyncIterator[WebhookServer]:
    server = WebhookServer(runtime.desk.handle_event, SECRET, port=0, region="DE")
    await server.start()
    yield server
    await server.stop()


# -- a failed write changes nothing ------------------------------------------------------


async def test_a_ringing_refused_by_a_locked_journal_is_journaled_on_retry(
    runtime: DeskRuntime, journal_path: Path
) -> None:
    ringing = event(EventKind.RINGING)
    with write_locked(journal_path), pytest.raises(StorageError, match="locked"):
        await runtime.desk.handle_event(ringing)
    assert rows(journal_path) == []
    call_id = await runtime.desk.handle_event(ringing)
    assert rows(journal_path) == [(ANNA, None, "sip-1")]
    assert (await runtime.journal.get_call(call_id)) is not None


async def test_an_end_refused_by_a_locked_journal_is_journaled_on_retry(
    runtime: DeskRuntime, journal_path: Path
) -> None:
    await runtime.desk.handle_event(event(EventKind.RINGING))
    ended = event(EventKind.ENDED, reason=EndReason.HUNG_UP)
    with write_locked(journal_path), pytest.raises(StorageError):
        await runtime.desk.handle_event(ended)
    assert rows(journal_path) == [(ANNA, None, "sip-1")]
    await runtime.desk.handle_event(ended)
    assert rows(journal_path) == [(ANNA, "MISSED", "sip-1")]


async def test_through_the_webhook_a_503_is_followed_by_a_journaled_202(
    webhook: WebhookServer, journal_path: Path
) -> None:
    body = {"event": "ringing", "from": "030 55501234", "call_id": "sip-9"}
    headers = {"Authorization": f"Bearer {SECRET.reveal()}"}
    async with httpx.AsyncClient(base_url=webhook.url, trust_env=False, timeout=10) as http:
        with write_locked(journal_path):
            refused = await http.post("/v1/events", json=body, headers=headers)
        assert refused.status_code == 503
        retried = await http.post("/v1/events", json=body, headers=headers)
    assert retried.status_code == 202, retried.text
    assert rows(journal_path) == [("030 55501234", None, "sip-9")]


# -- a reused call id is a new call ------------------------------------------------------


async def test_the_same_ringing_again_is_idempotent(
    runtime: DeskRuntime, journal_path: Path
) -> None:
    at = utc_now()
    first = await runtime.desk.handle_event(event(EventKind.RINGING, at=at))
    again = await runtime.desk.handle_event(event(EventKind.RINGING, at=at))
    assert again == first and len(rows(journal_path)) == 1


async def test_a_reused_id_after_the_end_is_a_new_call(
    runtime: DeskRuntime, journal_path: Path
) -> None:
    t0 = utc_now() - timedelta(minutes=5)
    first = await runtime.desk.handle_event(event(EventKind.RINGING, at=t0))
    ended = event(EventKind.ENDED, at=t0 + timedelta(seconds=20), reason=EndReason.HUNG_UP)
    await runtime.desk.handle_event(ended)
    second = await runtime.desk.handle_event(event(EventKind.RINGING, number=ANNA))
    assert second != first
    assert rows(journal_path) == [(ANNA, "MISSED", "sip-1"), (ANNA, None, "sip-1")]
    # The id now names the new call: its end closes it, not the old one.
    await runtime.desk.handle_event(event(EventKind.ENDED, reason=EndReason.BUSY))
    assert rows(journal_path) == [(ANNA, "MISSED", "sip-1"), (ANNA, "BUSY", "sip-1")]


async def test_a_reused_id_from_another_caller_is_a_new_call(
    runtime: DeskRuntime, journal_path: Path
) -> None:
    first = await runtime.desk.handle_event(event(EventKind.RINGING))
    second = await runtime.desk.handle_event(event(EventKind.RINGING, number=OTTO))
    assert second != first
    assert [r[0] for r in rows(journal_path)] == [ANNA, OTTO]


# -- the journal file deleted or replaced under the running app ---------------------------


async def post_ringing(webhook: WebhookServer, call_id: str) -> httpx.Response:
    body = {"event": "ringing", "from": "030 55501234", "call_id": call_id}
    headers = {"Authorization": f"Bearer {SECRET.reveal()}"}
    async with httpx.AsyncClient(base_url=webhook.url, trust_env=False, timeout=10) as http:
        return await http.post("/v1/events", json=body, headers=headers)


async def test_a_journal_deleted_under_the_app_keeps_every_accepted_event(
    runtime: DeskRuntime, webhook: WebhookServer, journal_path: Path
) -> None:
    assert (await post_ringing(webhook, "before")).status_code == 202
    for name in (journal_path.name, journal_path.name + "-wal", journal_path.name + "-shm"):
        (journal_path.parent / name).unlink(missing_ok=True)
    answer = await post_ringing(webhook, "after")
    assert answer.status_code == 202, answer.text
    assert [r[2] for r in rows(journal_path)] == ["before", "after"]


async def test_a_journal_replaced_under_the_app_refuses_events_and_says_why(
    runtime: DeskRuntime, webhook: WebhookServer, journal_path: Path
) -> None:
    assert (await post_ringing(webhook, "before")).status_code == 202
    stranger = journal_path.with_name("restored-backup.sqlite3")
    sqlite3.connect(stranger).close()  # an empty database: the "backup" being restored
    stranger.replace(journal_path)
    refused = await post_ringing(webhook, "after")
    assert refused.status_code == 503
    assert "replaced by another file" in runtime.desk.current_status().message
    assert not _has_calls_table(journal_path)  # the other file is left as it was
    [saved] = [p for p in journal_path.parent.iterdir() if ".saved-" in p.name]
    assert [r[2] for r in rows(saved)] == ["before"]


def _has_calls_table(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'calls'")
        return bool(found.fetchone()[0])


async def test_the_status_shows_a_journal_failure_until_a_write_works(
    runtime: DeskRuntime, journal_path: Path
) -> None:
    with write_locked(journal_path), pytest.raises(StorageError):
        await runtime.desk.handle_event(event(EventKind.RINGING))
    assert "locked" in runtime.desk.current_status().message
    await runtime.desk.handle_event(event(EventKind.RINGING))
    assert runtime.desk.current_status().message == ""


async def test_the_last_hundred_refused_calls_keep_their_id_for_a_retry_older_ones_do_not(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    hasty = await open_desk(journal_path, sandbox, busy_timeout=0.01)
    refused: list[str] = []
    hasty.desk.add_listener(
        lambda u: (
            refused.append(u.call.external_call_id) if u.kind is UpdateKind.NOT_RECORDED else None
        )
    )
    try:
        with write_locked(journal_path):
            for n in range(101):
                with pytest.raises(StorageError):
                    await hasty.desk.handle_event(event(EventKind.RINGING, f"sip-{n}"))
        oldest = await hasty.desk.handle_event(event(EventKind.RINGING, "sip-0"))
        kept = await hasty.desk.handle_event(event(EventKind.RINGING, "sip-1"))
    finally:
        await hasty.close()
    assert len(refused) == 101
    assert oldest != refused[0]  # forgotten: its retry is a call of its own
    assert kept == refused[1]  # its pop-up follows the retry
