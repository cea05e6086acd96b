"""``HubSpotService.create_contact`` against the real sandbox: the new id, a taken e-mail
read as the existing contact's id, refusals raised, a transient failure retried, the
contact made in the portal whose token is given, and an overall deadline."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot import service as service_module
from hubcall_desktop.hubspot.contacts import CONTACTS_PATH, ContactCreation, duplicate_of
from hubcall_desktop.hubspot.errors import (
    ErrorDetails,
    HubSpotProtocolError,
    HubSpotSlow,
    HubSpotValidationError,
)
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, Fault, SandboxServer

OTHER_TOKEN, OTHER_PORTAL = "pat-other-portal", 900_000_002
FAST = RetryPolicy(attempts=3, max_total_seconds=5.0, initial_wait=0.01, max_wait=0.05)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer(portal_tokens={OTHER_TOKEN: OTHER_PORTAL})
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def service(sandbox: SandboxServer) -> AsyncIterator[HubSpotService]:
    async with build_client() as client:
        token = StaticToken(Secret(DEMO_TOKEN))
        yield HubSpotService(client, token, base_url=sandbox.base_url, retry_policy=FAST)


async def test_a_new_contact_comes_back_with_its_id(
    service: HubSpotService, sandbox: SandboxServer
) -> None:
    made = await service.create_contact({"firstname": "Ada", "phone": "+16175550100"})
    assert made.contact_id is not None and made.contact_id > 2**31
    assert made.existing is False
    [request] = sandbox.requests
    assert request.path == "/crm/v3/objects/contacts"
    assert request.body == {"properties": {"firstname": "Ada", "phone": "+16175550100"}}


async def test_a_taken_email_is_the_existing_contact(service: HubSpotService) -> None:
    made = await service.create_contact({"email": "anna.schmidt@example.com"})
    assert made == ContactCreation(51_200_000_101, existing=True)


async def test_a_refusal_is_raised(service: HubSpotService) -> None:
    with pytest.raises(HubSpotValidationError) as caught:
        await service.create_contact({"email": "not an address"})
    assert caught.value.details.fields == ("properties.email",)


async def test_a_server_error_is_tried_again(
    service: HubSpotService, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.status(503, times=1))
    made = await service.create_contact({"firstname": "Ada"})
    assert made.contact_id is not None
    assert [r.status for r in sandbox.requests] == [503, 201]


def test_a_conflict_without_an_id_is_still_a_duplicate() -> None:
    error = HubSpotValidationError("x", ErrorDetails(status_code=409, message="Conflict"))
    assert duplicate_of(error) == ContactCreation(None, existing=True)
    other = HubSpotValidationError("x", ErrorDetails(status_code=400, message="Existing ID: 5"))
    assert duplicate_of(other) is None


async def test_an_answer_without_an_id_is_a_protocol_error(
    service: HubSpotService, sandbox: SandboxServer
) -> None:
    sandbox.faults.add(Fault.odd_answer(answer_status=201, body=b"{}"))
    with pytest.raises(HubSpotProtocolError):
        await service.create_contact({"firstname": "Ada"})


async def test_a_contact_is_made_in_the_portal_whose_token_is_given(
    service: HubSpotService, sandbox: SandboxServer
) -> None:
    # Anna's address is taken in the default portal only: in the other one it is new.
    email = {"email": "anna.schmidt@example.com"}
    made = await service.create_contact(email, tokens=StaticToken(Secret(OTHER_TOKEN)))
    assert made.existing is False and made.contact_id is not None
    assert (await service.create_contact(email)).existing is True
    assert [r.portal_id for r in sandbox.requests] == [OTHER_PORTAL, SANDBOX_PORTAL_ID]


async def test_a_contact_answer_that_never_comes_ends_at_its_deadline(
    service: HubSpotService, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The answer would come after 5 s, inside httpx's own timeouts: only the overall
    # deadline (shortened here from its 30 s) ends the wait.
    monkeypatch.setattr(service_module, "CONTACT_DEADLINE_S", 0.3)
    sandbox.faults.add(Fault.latency_before(5.0, path=CONTACTS_PATH))
    with pytest.raises(HubSpotSlow) as caught:
        await service.create_contact({"firstname": "Ada"})
    assert caught.value.deadline_s == 0.3
