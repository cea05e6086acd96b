"""A desk over a real journal file and the real sandbox, with the settings, lifecycle,
clock or outbox a test chooses; and a clock the test moves."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from hubcall_desktop.core.call import CallSource, utc_now
from hubcall_desktop.core.events import CallEvent, EndReason, EventKind, make_event
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, SandboxServer
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.services.demo import DemoControl, demo_settings, demo_token
from hubcall_desktop.services.runtime import DeskRuntime, open_runtime
from hubcall_desktop.storage.async_journal import AsyncJournal


class Clock:
    """Now, as the test says: starts at the real time and moves only when told."""

    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def settings_with(**changes: Any) -> Settings:
    """The demo settings (region DE, own number, user 1) with ``changes``."""
    return dataclasses.replace(demo_settings("DE"), **changes)


async def desk_over(
    path: Path,
    sandbox: SandboxServer,
    settings: Settings | None = None,
    *,
    busy_timeout: float = 0.2,
    **desk_options: Any,
) -> DeskRuntime:
    """The desk as the app builds it (no retries, a short busy timeout), not started."""
    journal = await AsyncJournal.open(path, busy_timeout=busy_timeout)
    client = build_client(None)
    chosen = settings or demo_settings("DE")
    service = HubSpotService(
        client,
        demo_token(),
        base_url=sandbox.base_url,
        api_version="v3",
        pacer=RequestPacer(chosen.rate_limit_per_10s),
        retry_policy=NO_RETRY,
    )
    desk = CallDesk(journal, service, chosen, **desk_options)
    return DeskRuntime(desk, journal, client)


def webhook_event(
    kind: EventKind,
    call_id: str | None,
    number: str,
    *,
    to: str = DEMO_AGENT_NUMBER,
    at: datetime | None = None,
    reason: EndReason | None = None,
) -> CallEvent:
    if kind is EventKind.ENDED and reason is None:
        reason = EndReason.HUNG_UP
    return make_event(
        kind,
        CallSource.WEBHOOK,
        source_call_id=call_id,
        raw_from=number,
        raw_to=to,
        at=at or utc_now(),
        reason=reason,
        region="DE",
    )


async def open_demo_runtime(
    tmp_path: Path, base_url: str, transport: httpx.AsyncBaseTransport | None = None
) -> DeskRuntime:
    """The desk over a fresh journal in ``tmp_path`` and the sandbox at ``base_url``, with
    the demo's softphone control; not started."""
    runtime = await open_runtime(
        tmp_path / "journal.sqlite3",
        demo_settings("DE"),
        demo_token(),
        api_base=base_url,
        api_version="v3",
        retry_policy=NO_RETRY,
        transport=transport,
    )
    runtime.desk.set_control(CallSource.DEMO, DemoControl(runtime.desk))
    return runtime
