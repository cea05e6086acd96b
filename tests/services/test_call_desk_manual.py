"""Manual call logging: every field checked and named, HubSpot's answer handed back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.call import CallSource, SyncState
from hubcall_desktop.core.desk_types import ManualLog
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.manual_log import (
    build_manual_call,
    form_field_for,
    parse_user_ids,
)
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.services.demo import demo_settings, demo_token
from hubcall_desktop.services.runtime import DeskRuntime, open_runtime

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _request(**changes: Any) -> ManualLog:
    values: dict[str, Any] = {
        "from_text": "030 55501234",
        "to_text": DEMO_AGENT_NUMBER,
        "status": CallStatus.COMPLETED,
        "started_at": NOW - timedelta(minutes=5),
        "duration_seconds": 184,
        "notes": "Asked for a quote",
        "title": "Quote",
        "user_id": 7,
        "recipient_user_ids": (7, 8),
    }
    values.update(changes)
    return ManualLog(**values)


def test_a_good_form_becomes_a_manual_call() -> None:
    call = build_manual_call(_request(extension="12"), "DE", NOW)
    assert call.source is CallSource.MANUAL
    assert call.from_number is not None and call.from_number.e164 == "+493055501234"
    assert call.to_number is not None and call.to_number.extension == "12"
    assert call.duration == 184 and call.start_time == NOW - timedelta(minutes=5)
    assert call.recipient_user_ids == [7, 8]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"from_text": ""}, "from"),
        ({"from_text": "not a number"}, "from"),
        ({"from_text": "anonymous"}, "from"),
        ({"to_text": "204"}, "to"),
        ({"to_text": "+49 30 1"}, "to"),
        ({"extension": "12a"}, "extension"),
        ({"extension": "1" * 11}, "extension"),
        ({"duration_seconds": -1}, "duration"),
        ({"duration_seconds": 2**31}, "duration"),
        ({"started_at": datetime(2026, 11, 24, 9, 30)}, "started"),
        ({"started_at": NOW + timedelta(hours=2)}, "started"),
        ({"user_id": 0}, "user id"),
        ({"user_id": 2**31}, "user id"),
        ({"recipient_user_ids": (5, -1)}, "recipients"),
    ],
)
def test_bad_input_names_the_form_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        build_manual_call(_request(**changes), "DE", NOW)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", ()), ("12", (12,)), ("12, 34 56;12", (12, 34, 56)), (" 7 ,\n8 ", (7, 8))],
)
def test_recipient_ids_are_read_generously(text: str, expected: tuple[int, ...]) -> None:
    assert parse_user_ids(text) == expected


@pytest.mark.parametrize("text", ["12,abc", "-3", "1.5", "٣", "99999999999"])
def test_bad_recipient_ids_are_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_user_ids(text)
    assert caught.value.field == "recipients"


@pytest.mark.parametrize(
    ("request_field", "form_field"),
    [
        ("fromNumber", "from"),
        ("fromNumber.e164Number", "from"),
        ("toNumber.extension", "to"),
        ("durationSeconds", "duration"),
        ("potentialRecipientUserIds[0]", "recipients"),
        ("userId", "user id"),
        ("engagementProperties.hs_call_title", "notes"),
        ("somethingElse", None),
        ("", None),
    ],
)
def test_hubspot_fields_map_to_form_fields(request_field: str, form_field: str | None) -> None:
    assert form_field_for(request_field) == form_field


async def _open(
    tmp_path: Path, url: str, transport: httpx.AsyncBaseTransport | None = None
) -> DeskRuntime:
    runtime = await open_runtime(
        tmp_path / "journal.sqlite3",
        demo_settings("DE"),
        demo_token(),
        api_base=url,
        api_version="v3",
        retry_policy=NO_RETRY,
        transport=transport,
    )
    await runtime.desk.start()
    return runtime


async def test_manual_log_is_delivered_and_journaled(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await _open(tmp_path, sandbox.base_url)
    try:
        result = await runtime.desk.log_manual(_request(started_at=datetime.now(UTC)))
        assert result.delivered and not result.queued and result.error is None
        assert result.call.sync_state is SyncState.LOGGED
        assert [m.display_name for m in result.matches] == ["Anna Schmidt"]
        [body] = sandbox.logged_calls()
        assert body["durationSeconds"] == 184 and body["potentialRecipientUserIds"] == [7, 8]
    finally:
        await runtime.close()


async def test_engagement_can_be_left_out(tmp_path: Path, sandbox: SandboxServer) -> None:
    runtime = await _open(tmp_path, sandbox.base_url)
    try:
        result = await runtime.desk.log_manual(
            _request(started_at=datetime.now(UTC), create_engagement=False)
        )
        assert result.delivered
        assert [b["createEngagement"] for b in sandbox.accepted_bodies()] == [False]
    finally:
        await runtime.close()


async def test_bad_input_journals_nothing(tmp_path: Path, sandbox: SandboxServer) -> None:
    runtime = await _open(tmp_path, sandbox.base_url)
    try:
        with pytest.raises(InputError):
            await runtime.desk.log_manual(_request(from_text="hello"))
        assert await runtime.journal.count_calls() == 0
        assert sandbox.requests == ()
    finally:
        await runtime.close()


async def test_hubspot_refusal_comes_back_with_the_field_and_can_be_resubmitted(
    tmp_path: Path,
) -> None:
    answers = iter([400, 200])
    seen: list[dict[str, Any]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        if next(answers) == 400:
            return httpx.Response(
                400,
                json={
                    "message": "durationSeconds is too long",
                    "correlationId": "3f1f9a4e-0000-4000-8000-000000000002",
                    "category": "VALIDATION_ERROR",
                    "errors": [{"message": "too long", "in": "durationSeconds"}],
                },
            )
        return httpx.Response(200, json={"callerIdMatches": []})

    runtime = await _open(tmp_path, "http://127.0.0.1:9", httpx.MockTransport(handle))
    try:
        first = await runtime.desk.log_manual(_request(started_at=datetime.now(UTC)))
        assert not first.delivered and not first.queued
        assert first.error is not None and "durationSeconds" in first.error.user_message
        assert [form_field_for(f) for f in first.error_fields] == ["duration"]
        assert first.call.sync_state is SyncState.FAILED
        again = await runtime.desk.log_manual(
            _request(
                started_at=datetime.now(UTC),
                duration_seconds=60,
                external_call_id=first.call.external_call_id,
            )
        )
        assert again.delivered
        assert [b["durationSeconds"] for b in seen] == [184, 60]
        assert await runtime.journal.count_calls() == 1
    finally:
        await runtime.close()


async def test_no_answer_in_time_says_queued(tmp_path: Path, sandbox: SandboxServer) -> None:
    from hubcall_desktop.sandbox.faults import Fault

    sandbox.faults.add(Fault.latency_before(2.0))
    runtime = await _open(tmp_path, sandbox.base_url)
    try:
        result = await runtime.desk.log_manual(_request(started_at=datetime.now(UTC)), wait_s=0.05)
        assert result.queued and not result.delivered
    finally:
        await runtime.close()
