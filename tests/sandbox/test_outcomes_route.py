"""The sandbox serves the portal's call outcomes as HubSpot's property endpoint does, and
refuses a log whose ``hs_call_disposition`` is not one of them, as HubSpot would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.outcomes import DISPOSITION_PATH, PORTAL_OUTCOME

INBOUND = "/crm/v3/extensions/calling/inbound-call"


async def test_the_property_lists_the_defaults_and_the_portals_own_outcome(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    answer = await client.get(DISPOSITION_PATH)
    assert answer.status_code == 200
    prop = answer.json()
    assert prop["name"] == "hs_call_disposition" and prop["type"] == "enumeration"
    options = {o["label"]: o["value"] for o in prop["options"]}
    assert options["Connected"] == "f240bbac-87c9-4f6e-bf70-924b57d47db7"
    assert options[PORTAL_OUTCOME[0]] == PORTAL_OUTCOME[1]
    assert len(options) == 7
    assert [o["displayOrder"] for o in prop["options"]] == list(range(7))
    (request,) = sandbox.requests
    assert request.accepted


async def test_the_property_needs_a_valid_token(sandbox: SandboxServer) -> None:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as anonymous:
        answer = await anonymous.get(DISPOSITION_PATH)
    assert answer.status_code == 401


@pytest.mark.parametrize(
    "guid", ["f240bbac-87c9-4f6e-bf70-924b57d47db7", PORTAL_OUTCOME[1]], ids=["default", "own"]
)
async def test_a_log_with_one_of_the_portals_outcomes_is_accepted(
    client: httpx.AsyncClient, make_body: Callable[..., dict[str, Any]], guid: str
) -> None:
    body = make_body(engagementProperties={"hs_call_disposition": guid})
    answer = await client.post(INBOUND, json=body)
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize(
    "value",
    [
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",  # well formed, not the portal's
        "Connected",  # the label instead of the GUID
        "F240BBAC-87C9-4F6E-BF70-924B57D47DB7",  # HubSpot's option values are exact
        "",
    ],
)
async def test_a_log_with_an_unknown_outcome_is_refused_naming_the_field(
    client: httpx.AsyncClient,
    sandbox: SandboxServer,
    make_body: Callable[..., dict[str, Any]],
    value: str,
) -> None:
    body = make_body(engagementProperties={"hs_call_disposition": value})
    answer = await client.post(INBOUND, json=body)
    assert answer.status_code == 400
    error = answer.json()
    assert error["category"] == "VALIDATION_ERROR"
    assert error["errors"][0]["in"] == "engagementProperties.hs_call_disposition"
    assert error["errors"][0]["code"] == "INVALID_ENUM"
    assert "hs_call_disposition" in error["message"]
    assert not sandbox.requests[-1].accepted
