"""The service reads the portal's call outcomes from the real sandbox, and a log carrying
one of them is accepted while a GUID the portal does not know is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from hubcall_desktop.core.outcomes import CONNECTED, CallOutcome
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot import service as service_module
from hubcall_desktop.hubspot.errors import (
    HubSpotProtocolError,
    HubSpotSlow,
    HubSpotValidationError,
)
from hubcall_desktop.hubspot.service import HubSpotService, build_client
from hubcall_desktop.sandbox import Fault, SandboxServer
from hubcall_desktop.sandbox.outcomes import PORTAL_OUTCOME
from tests.hubspot.test_service_sandbox import FAST, _service, ringing_call


@pytest.fixture
async def service() -> AsyncIterator[tuple[HubSpotService, SandboxServer]]:
    async with SandboxServer() as sandbox, build_client() as client:
        yield _service(sandbox, client=client, policy=FAST), sandbox


def _ended(outcome: CallOutcome) -> object:
    start = datetime.now(UTC) - timedelta(minutes=3)
    return ringing_call(
        ringing_at=start,
        answered_at=start + timedelta(seconds=2),
        ended_at=start + timedelta(seconds=60),
        final_status=CallStatus.COMPLETED,
        outcome=outcome,
    )


async def test_the_portals_outcomes_are_read_with_its_own(
    service: tuple[HubSpotService, SandboxServer],
) -> None:
    hubspot, sandbox = service
    before = datetime.now(UTC)
    outcomes = await hubspot.call_outcomes()
    assert not outcomes.is_default
    # An aware UTC time: it is stored, and compared with other UTC times.
    assert outcomes.fetched_at is not None and before <= outcomes.fetched_at
    assert outcomes.outcomes[1] == CONNECTED
    assert outcomes.outcomes[-1] == CallOutcome(PORTAL_OUTCOME[1], PORTAL_OUTCOME[0])
    (request,) = sandbox.requests
    assert request.method == "GET"
    assert request.path == "/crm/v3/properties/calls/hs_call_disposition"


@pytest.mark.parametrize("version", ["v3", "2026-03"])
async def test_a_log_with_the_portals_own_outcome_is_accepted(version: str) -> None:
    async with SandboxServer() as sandbox, build_client() as client:
        hubspot = _service(sandbox, client=client, policy=FAST, version=version)
        own = CallOutcome(PORTAL_OUTCOME[1], PORTAL_OUTCOME[0])
        await hubspot.log(_ended(own))  # type: ignore[arg-type]
        (body,) = sandbox.logged_calls()
    assert body["engagementProperties"]["hs_call_disposition"] == PORTAL_OUTCOME[1]


async def test_a_guid_the_portal_does_not_know_is_refused(
    service: tuple[HubSpotService, SandboxServer],
) -> None:
    hubspot, sandbox = service
    stranger = CallOutcome("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Sold")
    with pytest.raises(HubSpotValidationError) as refused:
        await hubspot.log(_ended(stranger))  # type: ignore[arg-type]
    assert refused.value.details.fields == ("engagementProperties.hs_call_disposition",)
    assert sandbox.logged_calls() == []


async def test_an_answer_without_outcomes_is_a_protocol_error(
    service: tuple[HubSpotService, SandboxServer],
) -> None:
    hubspot, sandbox = service
    sandbox.faults.add(Fault.odd_answer(body=b'{"options": []}'))
    with pytest.raises(HubSpotProtocolError) as caught:
        await hubspot.call_outcomes()
    assert caught.value.user_message == (
        "HubSpot's answer could not be read (no call outcomes in it)."
    )


async def test_outcomes_that_never_come_end_at_their_deadline(
    service: tuple[HubSpotService, SandboxServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Inside httpx's own timeouts: only the overall deadline (30 s, shortened) ends it.
    hubspot, sandbox = service
    monkeypatch.setattr(service_module, "ACCOUNT_DEADLINE_S", 0.3)
    sandbox.faults.add(Fault.latency_before(5.0))
    with pytest.raises(HubSpotSlow) as caught:
        await hubspot.call_outcomes()
    assert caught.value.deadline_s == 0.3
