"""The HubSpot routes over real loopback HTTP: caller-ID matches, account details, auth, recording."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, Outcome, SandboxServer
from hubcall_desktop.sandbox.paths import (
    ACCOUNT_DETAILS_PATH,
    INBOUND_CALL_PATH,
    INBOUND_CALL_PATH_2026_03,
    INBOUND_CALL_PATHS,
)
from hubcall_desktop.sandbox.seed import (
    NORDLICHT_SWITCHBOARD,
    UNKNOWN_CALLER_NUMBER,
)

from .helpers import PRIVATE_APP_TOKEN

MakeBody = Callable[..., dict[str, Any]]
LEGACY, DATED = INBOUND_CALL_PATH, INBOUND_CALL_PATH_2026_03


def _caller(make_body: MakeBody, e164: str, **changes: Any) -> dict[str, Any]:
    body = make_body(**changes)
    body["fromNumber"] = {"e164Number": e164, "phoneNumberType": "FIXED_LINE"}
    return body


def _contact(object_id: int, first: str, last: str, email: str) -> dict[str, Any]:
    return {
        "callerIdType": "CONTACT",
        "objectCoordinates": {
            "objectId": object_id,
            "objectTypeId": "0-1",
            "portalId": SANDBOX_PORTAL_ID,
        },
        "firstName": first,
        "lastName": last,
        "email": email,
    }


ANNA = _contact(51_200_000_101, "Anna", "Schmidt", "anna.schmidt@example.com")


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
@pytest.mark.parametrize("number", ["+493055501234", "+4915155501234"])
async def test_a_contact_is_matched_by_each_of_her_numbers(
    client: httpx.AsyncClient, make_body: MakeBody, path: str, number: str
) -> None:
    answer = await client.post(path, json=_caller(make_body, number))

    assert answer.status_code == 200
    assert answer.json() == {"callerIdMatches": [ANNA]}


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
async def test_a_shared_company_number_returns_the_company_and_both_contacts(
    client: httpx.AsyncClient, make_body: MakeBody, path: str
) -> None:
    answer = await client.post(path, json=_caller(make_body, NORDLICHT_SWITCHBOARD))

    assert answer.json() == {
        "callerIdMatches": [
            _contact(51_200_000_106, "Lukas", "Becker", "lukas.becker@example.de"),
            _contact(51_200_000_107, "Marie", "Fischer", "marie.fischer@example.de"),
            {
                "callerIdType": "COMPANY",
                "objectCoordinates": {
                    "objectId": 62_300_000_201,
                    "objectTypeId": "0-2",
                    "portalId": SANDBOX_PORTAL_ID,
                },
                "name": "Nordlicht Logistik GmbH",
            },
        ]
    }


@pytest.mark.parametrize(
    ("number", "expected_id"),
    [
        ("+12125550143", 51_200_000_102),
        ("+442079460018", 51_200_000_103),
        ("+33199001234", 51_200_000_104),
        ("+61491570156", 51_200_000_105),
        ("+442079460500", 62_300_000_202),
    ],
)
async def test_callers_from_each_country_are_matched(
    client: httpx.AsyncClient, make_body: MakeBody, number: str, expected_id: int
) -> None:
    answer = await client.post(LEGACY, json=_caller(make_body, number))

    matches = answer.json()["callerIdMatches"]
    assert [m["objectCoordinates"]["objectId"] for m in matches] == [expected_id]


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
async def test_an_unknown_caller_gets_an_empty_list(
    client: httpx.AsyncClient, make_body: MakeBody, path: str
) -> None:
    answer = await client.post(path, json=_caller(make_body, UNKNOWN_CALLER_NUMBER))

    assert answer.status_code == 200
    assert answer.json() == {"callerIdMatches": []}


async def test_matching_uses_the_caller_not_the_called_number(
    client: httpx.AsyncClient, make_body: MakeBody
) -> None:
    body = _caller(make_body, UNKNOWN_CALLER_NUMBER)
    body["toNumber"] = {"e164Number": "+493055501234", "phoneNumberType": "FIXED_LINE"}

    answer = await client.post(LEGACY, json=body)

    assert answer.json() == {"callerIdMatches": []}


async def test_account_details_describe_the_sandbox_portal(client: httpx.AsyncClient) -> None:
    answer = await client.get(ACCOUNT_DETAILS_PATH)

    assert answer.status_code == 200
    details = answer.json()
    assert details["portalId"] == SANDBOX_PORTAL_ID
    assert details["uiDomain"] == "app-eu1.hubspot.com"
    assert details["additionalCurrencies"] == []
    assert set(details) >= {
        "timeZone",
        "dataHostingLocation",
        "accountType",
        "companyCurrency",
        "utcOffset",
        "utcOffsetMilliseconds",
    }
    assert isinstance(details["utcOffsetMilliseconds"], int)


@pytest.mark.parametrize(
    ("request_args", "category"),
    [
        pytest.param({}, "INVALID_AUTHENTICATION", id="no-header"),
        pytest.param({"Authorization": ""}, "INVALID_AUTHENTICATION", id="empty"),
        pytest.param({"Authorization": "Bearer"}, "INVALID_AUTHENTICATION", id="no-token"),
        pytest.param({"Authorization": DEMO_TOKEN}, "INVALID_AUTHENTICATION", id="no-scheme"),
        pytest.param(
            {"Authorization": f"Basic {DEMO_TOKEN}"}, "INVALID_AUTHENTICATION", id="basic"
        ),
        pytest.param(
            {"Authorization": "Bearer not-a-token"}, "INVALID_AUTHENTICATION", id="unknown"
        ),
        pytest.param(
            {"Authorization": f"Bearer {DEMO_TOKEN}x"}, "INVALID_AUTHENTICATION", id="longer"
        ),
        pytest.param({"Authorization": "Bearer {expired}"}, "EXPIRED_AUTHENTICATION", id="expired"),
    ],
)
@pytest.mark.parametrize(
    ("method", "path"), [("POST", LEGACY), ("POST", DATED), ("GET", ACCOUNT_DETAILS_PATH)]
)
async def test_requests_without_an_accepted_bearer_token_get_401(
    sandbox: SandboxServer,
    make_body: MakeBody,
    expired_token: str,
    request_args: dict[str, str],
    category: str,
    method: str,
    path: str,
) -> None:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as anonymous:
        body = make_body() if method == "POST" else None
        headers = {k: v.format(expired=expired_token) for k, v in request_args.items()}
        answer = await anonymous.request(method, path, json=body, headers=headers)

    assert answer.status_code == 401
    error = answer.json()
    assert error["category"] == category
    assert error["status"] == "error"
    assert uuid.UUID(error["correlationId"]).version == 4
    assert answer.headers["X-HubSpot-Correlation-Id"] == error["correlationId"]
    assert sandbox.accepted_bodies() == []
    assert sandbox.requests[-1].accepted is False


async def test_the_bearer_scheme_is_case_insensitive(sandbox: SandboxServer) -> None:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        answer = await http.get(
            ACCOUNT_DETAILS_PATH, headers={"Authorization": f"bearer {DEMO_TOKEN}"}
        )

    assert answer.status_code == 200


async def test_several_tokens_can_be_accepted() -> None:
    async with (
        SandboxServer(tokens=("first-token", "second-token")) as server,
        httpx.AsyncClient(base_url=server.base_url) as http,
    ):
        statuses = [
            (
                await http.get(ACCOUNT_DETAILS_PATH, headers={"Authorization": f"Bearer {t}"})
            ).status_code
            for t in ("first-token", "second-token", DEMO_TOKEN)
        ]

    assert statuses == [200, 200, 401]


async def test_unknown_routes_and_methods_answer_in_hubspots_shape(
    client: httpx.AsyncClient,
) -> None:
    missing = await client.get("/crm/v3/objects/deals")  # contacts: POST only
    wrong_method = await client.get(LEGACY)

    assert missing.status_code == 404
    assert missing.json()["category"] == "OBJECT_NOT_FOUND"
    assert wrong_method.status_code == 405
    assert wrong_method.json()["status"] == "error"


async def test_every_answer_carries_the_rate_limit_headers(
    client: httpx.AsyncClient, make_body: MakeBody
) -> None:
    answers = [
        await client.post(LEGACY, json=make_body()),
        await client.post(DATED, json={"bad": True}),
        await client.get(ACCOUNT_DETAILS_PATH),
        await client.get(ACCOUNT_DETAILS_PATH, headers={"Authorization": "Bearer nope"}),
        await client.get("/nowhere"),
    ]

    for answer in answers:
        assert answer.headers["X-HubSpot-RateLimit-Max"] == "100"
        assert answer.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000"
        # The client's token is an OAuth app's: HubSpot sets it no daily cap, nor says one.
        assert "X-HubSpot-RateLimit-Daily" not in answer.headers
    # The 401 did not count: only authenticated requests use up the limits.
    remaining = [int(a.headers["X-HubSpot-RateLimit-Remaining"]) for a in answers]
    assert remaining == [99, 98, 97, 97, 96]
    private = await client.get(
        ACCOUNT_DETAILS_PATH, headers={"Authorization": f"Bearer {PRIVATE_APP_TOKEN}"}
    )
    assert private.headers["X-HubSpot-RateLimit-Daily"] == "250000"
    assert private.headers["X-HubSpot-RateLimit-Daily-Remaining"] == "249999"  # its first


async def test_requests_are_recorded_with_the_token_redacted(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    body = make_body()
    await client.post(LEGACY, json=body, params={"trace": "1"})
    await client.post(DATED, content=b"not json", headers={"Content-Type": "text/plain"})
    await client.get(ACCOUNT_DETAILS_PATH)

    first, second, third = sandbox.requests
    assert (first.method, first.path, first.query, first.status) == ("POST", LEGACY, "trace=1", 200)
    assert first.body == body
    assert first.accepted
    assert first.outcome is Outcome.ANSWERED
    assert first.headers["authorization"] == "Bearer ***"
    assert first.headers["content-type"] == "application/json"
    assert (second.body, second.status, second.accepted) == ("not json", 400, False)
    assert (third.method, third.body, third.accepted) == ("GET", None, True)
    assert first.received_at <= second.received_at <= third.received_at
    assert first.received_at.tzinfo is not None
    for record in sandbox.requests:
        assert DEMO_TOKEN not in repr(record)
        assert DEMO_TOKEN not in str(record.to_json())
    assert DEMO_TOKEN not in repr(sandbox)


async def test_accepted_bodies_and_logged_calls(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody
) -> None:
    ring = make_body(createEngagement=False, finalCallStatus="RINGING")
    logged = make_body(createEngagement=True, finalCallStatus="COMPLETED")
    await client.post(LEGACY, json=ring)
    await client.post(DATED, json=logged)
    await client.post(LEGACY, json=make_body(createEngagement="true"))  # refused
    await client.get(ACCOUNT_DETAILS_PATH)  # accepted, but not an inbound call

    assert sandbox.accepted_bodies() == [ring, logged]
    assert sandbox.logged_calls() == [logged]


async def test_reset_forgets_requests_faults_and_limits(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    from hubcall_desktop.sandbox import Fault

    await client.get(ACCOUNT_DETAILS_PATH)
    sandbox.faults.add(Fault.status(500))

    sandbox.reset()
    answer = await client.get(ACCOUNT_DETAILS_PATH)

    assert answer.status_code == 200
    assert answer.headers["X-HubSpot-RateLimit-Remaining"] == "99"
    assert [r.path for r in sandbox.requests] == [ACCOUNT_DETAILS_PATH]


async def test_admin_requests_are_not_recorded(
    client: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    await client.get("/_sandbox/requests")
    await client.post("/_sandbox/faults", json=[])

    assert sandbox.requests == ()
