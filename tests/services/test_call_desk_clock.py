"""The desk judges manual start times by its own clock, not the wall clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.desk_types import ManualLog
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.services.demo import demo_settings, demo_token
from hubcall_desktop.storage.async_journal import AsyncJournal

DESK_NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # the desk's clock, well behind the wall's


async def test_a_manual_call_after_the_desks_now_is_in_the_future(tmp_path: Path) -> None:
    journal = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    client = build_client(None)
    settings = demo_settings("DE")
    service = HubSpotService(
        client,
        demo_token(),
        base_url="http://127.0.0.1:9",  # never reached: the form is refused first
        api_version="v3",
        pacer=RequestPacer(settings.rate_limit_per_10s),
        retry_policy=NO_RETRY,
    )
    desk = CallDesk(journal, service, settings, clock=lambda: DESK_NOW)
    try:
        request = ManualLog(
            from_text="030 55501234",
            to_text=DEMO_AGENT_NUMBER,
            status=CallStatus.COMPLETED,
            started_at=DESK_NOW + timedelta(days=1),  # long past by the wall clock
            duration_seconds=60,
            notes="",
            title="",
        )
        with pytest.raises(InputError) as refused:
            await desk.log_manual(request, wait_s=0)
        assert (refused.value.field, refused.value.problem) == ("started", "is in the future")
        assert await journal.count_calls() == 0
    finally:
        await desk.close()
        await client.aclose()
        await journal.close()
