"""The portal's call outcomes kept in the data folder: HubSpot's defaults until the portal's
list was read once, refreshed from the real sandbox when a day old or on connect, kept
through refusals and restarts, one list per portal."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.outcomes import DEFAULT_LIST, OutcomeList
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer
from hubcall_desktop.sandbox.outcomes import PORTAL_OUTCOME
from hubcall_desktop.services.outcomes import CACHE_FILE, OutcomeCache, OutcomeCatalog

NO_RETRY = RetryPolicy(attempts=1, max_total_seconds=2.0, initial_wait=0.01, max_wait=0.01)
OWN = PORTAL_OUTCOME[0]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def hubspot() -> AsyncIterator[tuple[HubSpotService, SandboxServer]]:
    async with SandboxServer() as sandbox, build_client() as client:
        service = HubSpotService(
            client,
            StaticToken(Secret(DEMO_TOKEN)),
            base_url=sandbox.base_url,
            retry_policy=NO_RETRY,
        )
        yield service, sandbox


def labels(outcomes: OutcomeList) -> list[str]:
    return [o.label for o in outcomes.outcomes]


async def test_defaults_until_read_then_the_portals_list_survives_a_restart(
    tmp_path: Path, hubspot: tuple[HubSpotService, SandboxServer]
) -> None:
    service, sandbox = hubspot
    cache = OutcomeCache(tmp_path / CACHE_FILE)
    catalog = OutcomeCatalog(cache, "default")
    assert catalog.current == DEFAULT_LIST and catalog.is_stale()
    heard: list[OutcomeList] = []
    catalog.listen(heard.append)

    fresh = await catalog.refresh(service.call_outcomes)
    assert labels(fresh)[-1] == OWN and catalog.current == fresh and heard == [fresh]
    assert (tmp_path / CACHE_FILE).is_file()

    restarted = OutcomeCatalog(OutcomeCache(tmp_path / CACHE_FILE), "default")
    assert restarted.current == fresh  # offline: nothing asked
    assert len(sandbox.requests) == 1


async def test_refreshed_once_a_day_and_whenever_forced(
    tmp_path: Path, hubspot: tuple[HubSpotService, SandboxServer]
) -> None:
    service, sandbox = hubspot
    clock = Clock()
    catalog = OutcomeCatalog(OutcomeCache(tmp_path / CACHE_FILE), "default", clock=clock)
    await catalog.refresh(service.call_outcomes)
    catalog.current = OutcomeList(catalog.current.outcomes, clock.now)  # read "now"
    clock.now += timedelta(hours=23, minutes=59)
    await catalog.refresh(service.call_outcomes)
    assert len(sandbox.requests) == 1  # not a day old yet
    await catalog.refresh(service.call_outcomes, force=True)  # a connection was made
    assert len(sandbox.requests) == 2
    catalog.current = OutcomeList(catalog.current.outcomes, clock.now)
    clock.now += timedelta(days=1)
    await catalog.refresh(service.call_outcomes)
    assert len(sandbox.requests) == 3


@pytest.mark.parametrize("fault", [Fault.status(403), Fault.status(500), Fault.drop()])
async def test_a_failed_refresh_keeps_the_list_it_had(
    tmp_path: Path, hubspot: tuple[HubSpotService, SandboxServer], fault: Fault
) -> None:
    service, sandbox = hubspot
    catalog = OutcomeCatalog(OutcomeCache(tmp_path / CACHE_FILE), "default")
    fresh = await catalog.refresh(service.call_outcomes)
    sandbox.faults.add(fault)
    assert await catalog.refresh(service.call_outcomes, force=True) == fresh
    assert catalog.current == fresh


async def test_offline_from_the_start_the_defaults_stay(tmp_path: Path) -> None:
    async with build_client() as client:
        service = HubSpotService(
            client,
            StaticToken(Secret(DEMO_TOKEN)),
            base_url="http://127.0.0.1:9",
            retry_policy=NO_RETRY,
        )
        catalog = OutcomeCatalog(OutcomeCache(tmp_path / CACHE_FILE), "default")
        assert await catalog.refresh(service.call_outcomes) == DEFAULT_LIST
    assert not (tmp_path / CACHE_FILE).exists()


async def test_each_portal_has_its_own_list(
    tmp_path: Path, hubspot: tuple[HubSpotService, SandboxServer]
) -> None:
    service, _ = hubspot
    catalog = OutcomeCatalog(OutcomeCache(tmp_path / CACHE_FILE), "acme")
    fresh = await catalog.refresh(service.call_outcomes)
    catalog.switch_portal("other")
    assert catalog.current == DEFAULT_LIST
    catalog.switch_portal("acme")
    assert catalog.current == fresh


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        json.dumps({"format": 99, "portals": {}}),
        json.dumps(
            {"format": 1, "portals": {"default": {"outcomes": [{"guid": "x", "label": "y"}]}}}
        ),
        json.dumps({"format": 1, "portals": {"default": {"outcomes": []}}}),
        json.dumps({"format": 1, "portals": {"default": "nonsense"}}),
    ],
)
def test_a_damaged_cache_means_the_defaults(tmp_path: Path, content: str) -> None:
    (tmp_path / CACHE_FILE).write_text(content, encoding="utf-8")
    assert OutcomeCatalog(OutcomeCache(tmp_path / CACHE_FILE), "default").current == DEFAULT_LIST
