"""One submitted form is one call: the same form sent again while it is being logged is
refused by the desk, while a different call is never held up."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.desk_types import ManualLog
from hubcall_desktop.core.manual_log import AlreadySubmitting, SubmissionGuard
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.services.demo import demo_settings, demo_token
from hubcall_desktop.services.runtime import open_runtime


def _request(from_text: str = "030 55501234") -> ManualLog:
    return ManualLog(
        from_text=from_text,
        to_text=DEMO_AGENT_NUMBER,
        status=CallStatus.COMPLETED,
        started_at=datetime.now(UTC) - timedelta(minutes=3),
        duration_seconds=90,
        notes="Wants a callback",
    )


async def test_the_same_form_sent_twice_at_once_is_logged_once(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await open_runtime(
        tmp_path / "journal.sqlite3",
        demo_settings("DE"),
        demo_token(),
        api_base=sandbox.base_url,
        api_version="v3",
        retry_policy=NO_RETRY,
    )
    await runtime.desk.start()
    try:
        request = _request()
        first, second = await asyncio.gather(
            runtime.desk.log_manual(request),
            runtime.desk.log_manual(request),
            return_exceptions=True,
        )
        assert not isinstance(first, BaseException) and first.delivered
        assert isinstance(second, AlreadySubmitting)
        assert len(sandbox.logged_calls()) == 1
        assert await runtime.journal.count_calls() == 1
        # Another call at the same time goes through; the guard holds nothing afterwards.
        other, again = await asyncio.gather(
            runtime.desk.log_manual(_request("0151 55501234")),
            runtime.desk.log_manual(_other_notes(request)),
        )
        assert other.delivered and again.delivered
        assert len(sandbox.logged_calls()) == 3
    finally:
        await runtime.close()


def _other_notes(request: ManualLog) -> ManualLog:
    """The same call with other notes is another submission."""
    return dataclasses.replace(request, notes="Another note")


def test_the_guard_lets_go_when_the_submission_fails() -> None:
    guard = SubmissionGuard()
    request = _request()
    seen: list[bool] = []

    def fail_while_held() -> None:
        with guard.claim(request):
            seen.append(request in guard)
            raise RuntimeError("HubSpot went away")

    with pytest.raises(RuntimeError):
        fail_while_held()
    assert seen == [True] and request not in guard
    with guard.claim(request), pytest.raises(AlreadySubmitting), guard.claim(request):
        pass
