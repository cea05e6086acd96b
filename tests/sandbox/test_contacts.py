"""The sandbox's contacts API on a real loopback server: it creates like HubSpot (201 and
the id), refuses what HubSpot would (unknown properties, a bad e-mail or phone, a token
without the contacts scope), answers a taken e-mail with 409 naming the existing id, and
matches a created contact in inbound-call lookups of its own portal from then on."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer

from .helpers import VALID_BODY

PATH = "/crm/v3/objects/contacts"
UNKNOWN = "+16175550100"  # valid, and nobody in the seed has it
NARROW = "token-without-contact-scopes"
OTHER_PORTAL = "token-of-another-portal"


@pytest.fixture
async def server() -> AsyncIterator[SandboxServer]:
    sandbox = SandboxServer(
        tokens=(DEMO_TOKEN, NARROW),
        token_scopes={NARROW: ("crm.schemas.contacts.write",)},
        portal_tokens={OTHER_PORTAL: 99},
    )
    await sandbox.start()
    yield sandbox
    await sandbox.stop()


@pytest.fixture
async def http(server: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=server.base_url, headers={"Authorization": f"Bearer {DEMO_TOKEN}"}, timeout=10
    ) as client:
        yield client


def lookup_body(number: str) -> dict[str, Any]:
    body = copy.deepcopy(VALID_BODY)
    body.update(createEngagement=False, finalCallStatus="RINGING")
    body["fromNumber"] = {"e164Number": number, "phoneNumberType": "FIXED_LINE"}
    return body


async def test_a_created_contact_is_matched_from_then_on(http: httpx.AsyncClient) -> None:
    before = await http.post("/crm/v3/extensions/calling/inbound-call", json=lookup_body(UNKNOWN))
    assert before.json()["callerIdMatches"] == []
    props = {"firstname": "Ada", "lastname": "Byron", "email": "ada@example.org", "phone": UNKNOWN}
    answer = await http.post(PATH, json={"properties": props})
    assert answer.status_code == 201
    new_id = answer.json()["id"]
    assert new_id.isdigit() and int(new_id) > 2**31  # an int64, like the seed's
    assert answer.json()["properties"]["email"] == "ada@example.org"
    after = await http.post("/crm/v3/extensions/calling/inbound-call", json=lookup_body(UNKNOWN))
    [match] = after.json()["callerIdMatches"]
    assert match["callerIdType"] == "CONTACT"
    assert match["objectCoordinates"] == {
        "objectId": int(new_id),
        "objectTypeId": "0-1",
        "portalId": SANDBOX_PORTAL_ID,
    }
    assert (match["firstName"], match["lastName"]) == ("Ada", "Byron")


async def test_another_portal_does_not_see_the_contact(http: httpx.AsyncClient) -> None:
    props = {"firstname": "Ada", "phone": UNKNOWN}
    assert (await http.post(PATH, json={"properties": props})).status_code == 201
    other = await http.post(
        "/crm/v3/extensions/calling/inbound-call",
        json=lookup_body(UNKNOWN),
        headers={"Authorization": f"Bearer {OTHER_PORTAL}"},
    )
    assert other.json()["callerIdMatches"] == []


@pytest.mark.parametrize("email", ["anna.schmidt@example.com", "ANNA.Schmidt@Example.com"])
async def test_a_taken_email_is_a_conflict_naming_the_existing_id(
    http: httpx.AsyncClient, email: str
) -> None:
    answer = await http.post(PATH, json={"properties": {"email": email}})
    assert answer.status_code == 409
    body = answer.json()
    assert body["category"] == "CONFLICT"
    assert body["message"] == "Contact already exists. Existing ID: 51200000101"


async def test_a_created_contacts_email_is_taken_too(http: httpx.AsyncClient) -> None:
    first = await http.post(PATH, json={"properties": {"email": "new@example.org"}})
    again = await http.post(PATH, json={"properties": {"email": "new@example.org"}})
    assert again.status_code == 409
    assert again.json()["message"].endswith(f"Existing ID: {first.json()['id']}")


@pytest.mark.parametrize(
    ("properties", "where"),
    [
        ({"first_name": "Ada"}, "properties.first_name"),
        ({"email": "ada at example.org"}, "properties.email"),
        ({"email": "ada@localhost"}, "properties.email"),
        ({"phone": "030 5550123"}, "properties.phone"),
        ({"phone": "+4930"}, "properties.phone"),  # E.164-shaped, not a valid number
        ({"firstname": 7}, "properties.firstname"),
    ],
)
async def test_invalid_properties_are_refused_with_their_path(
    http: httpx.AsyncClient, properties: dict[str, Any], where: str
) -> None:
    answer = await http.post(PATH, json={"properties": properties})
    assert answer.status_code == 400
    assert answer.json()["category"] == "VALIDATION_ERROR"
    assert [e["in"] for e in answer.json()["errors"]] == [where]


async def test_a_token_without_the_contacts_scope_is_refused(
    server: SandboxServer, http: httpx.AsyncClient
) -> None:
    answer = await http.post(
        PATH,
        json={"properties": {"firstname": "Ada"}},
        headers={"Authorization": f"Bearer {NARROW}"},
    )
    assert answer.status_code == 403
    assert answer.json()["context"]["requiredGranularScopes"] == ["crm.objects.contacts.write"]


async def test_reset_forgets_created_contacts(
    server: SandboxServer, http: httpx.AsyncClient
) -> None:
    await http.post(PATH, json={"properties": {"email": "new@example.org", "phone": UNKNOWN}})
    server.reset()
    again = await http.post(PATH, json={"properties": {"email": "new@example.org"}})
    assert again.status_code == 201
