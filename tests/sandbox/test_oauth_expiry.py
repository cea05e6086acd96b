"""Issued OAuth access tokens expire on the sandbox's clock: every HubSpot route then
answers HubSpot's 401 ``EXPIRED_AUTHENTICATION``, introspection says "not active", and a
refresh brings a token that works. The clock is moved, never slept on."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from hubcall_desktop.core.oauth import redirect_uri
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID
from hubcall_desktop.sandbox.paths import (
    ACCOUNT_DETAILS_PATH,
    INBOUND_CALL_PATH,
    INBOUND_CALL_PATH_2026_03,
)

from .helpers import FakeClock

REDIRECT = redirect_uri()  # the sandbox app's registered default
VERIFIER = "v" * 50
ROUTES = [("POST", INBOUND_CALL_PATH), ("POST", INBOUND_CALL_PATH_2026_03)]
ROUTES += [("GET", ACCOUNT_DETAILS_PATH)]
MakeBody = Callable[..., dict[str, Any]]


@pytest.fixture
async def http(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10) as client:
        yield client


async def issue(http: httpx.AsyncClient) -> dict[str, Any]:
    """The token answer of a full PKCE code exchange."""
    consent = await http.get(
        "/oauth/authorize",
        params={
            "client_id": SANDBOX_CLIENT_ID,
            "redirect_uri": REDIRECT,
            "scope": "oauth crm.objects.contacts.write",
            "state": "st",
            "code_challenge": create_s256_code_challenge(VERIFIER),
            "code_challenge_method": "S256",
        },
    )
    code = parse_qs(urlsplit(consent.headers["Location"]).query)["code"][0]
    answer = await http.post(
        "/oauth/2026-03/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "client_id": SANDBOX_CLIENT_ID,
            "code_verifier": VERIFIER,
        },
    )
    assert answer.status_code == 200
    tokens: dict[str, Any] = answer.json()
    return tokens


async def call(
    http: httpx.AsyncClient, method: str, path: str, token: str, body: Any = None
) -> httpx.Response:
    return await http.request(method, path, json=body, headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize(("method", "path"), ROUTES)
async def test_a_token_works_until_it_expires_then_gets_hubspots_401(
    http: httpx.AsyncClient,
    sandbox: SandboxServer,
    clock: FakeClock,
    make_body: MakeBody,
    method: str,
    path: str,
) -> None:
    tokens = await issue(http)
    body = make_body() if method == "POST" else None
    clock.advance(tokens["expires_in"] - 1)
    assert (await call(http, method, path, tokens["access_token"], body)).status_code == 200
    clock.advance(1)  # exactly at the end: expired

    answer = await call(http, method, path, tokens["access_token"], body)

    assert answer.status_code == 401
    error = answer.json()
    assert set(error) == {"status", "message", "correlationId", "category"}
    assert error["status"] == "error" and error["category"] == "EXPIRED_AUTHENTICATION"
    assert error["message"] == "The OAuth token used to make this call expired 0 minute(s) ago."
    assert uuid.UUID(error["correlationId"]).version == 4
    assert answer.headers["X-HubSpot-Correlation-Id"] == error["correlationId"]
    assert sandbox.requests[-1].accepted is False
    assert len(sandbox.accepted_bodies()) == (1 if method == "POST" else 0)


async def test_the_401_has_the_same_shape_as_an_invalid_token(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await issue(http)
    invalid = await call(http, "GET", ACCOUNT_DETAILS_PATH, "sbx-at-made-up")
    clock.advance(tokens["expires_in"])
    expired = await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
    assert invalid.json()["category"] == "INVALID_AUTHENTICATION"
    assert set(invalid.json()) == set(expired.json())
    assert invalid.headers["Content-Type"] == expired.headers["Content-Type"]


async def test_the_message_says_how_many_minutes_ago(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await issue(http)
    clock.advance(tokens["expires_in"] + 5 * 60 + 59)
    answer = await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
    assert answer.json()["message"].endswith("expired 5 minute(s) ago.")


async def test_a_short_configured_expiry_is_enforced(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    assert (await http.post("/_sandbox/oauth", json={"expires_in": 60})).status_code == 200
    tokens = await issue(http)
    assert tokens["expires_in"] == 60
    clock.advance(59)
    assert (await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])).is_success
    clock.advance(1)
    refused = await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
    assert refused.json()["category"] == "EXPIRED_AUTHENTICATION"


async def test_introspection_counts_down_then_says_not_active(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await issue(http)
    form = {"token": tokens["access_token"], "client_id": SANDBOX_CLIENT_ID}
    clock.advance(600)
    live = (await http.post("/oauth/2026-03/token/introspect", data=form)).json()
    assert live["active"] is True and live["expires_in"] == 1200
    legacy = await http.get(f"/oauth/v1/access-tokens/{tokens['access_token']}")
    assert legacy.status_code == 200 and legacy.json()["expires_in"] == 1200

    clock.advance(1200)

    # RFC 7662: an expired token is "not active", with nothing else said about it.
    gone = await http.post("/oauth/2026-03/token/introspect", data=form)
    assert gone.status_code == 200 and gone.json() == {"active": False}
    legacy = await http.get(f"/oauth/v1/access-tokens/{tokens['access_token']}")
    assert legacy.status_code == 401
    assert legacy.json()["category"] == "EXPIRED_AUTHENTICATION"


async def test_a_refresh_after_expiry_brings_a_working_token(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await issue(http)
    clock.advance(tokens["expires_in"] + 1)
    refreshed = await http.post(
        "/oauth/v1/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": SANDBOX_CLIENT_ID,
        },
    )
    fresh = refreshed.json()
    assert refreshed.status_code == 200 and fresh["expires_in"] == 1800
    assert (await call(http, "GET", ACCOUNT_DETAILS_PATH, fresh["access_token"])).is_success
    old = await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
    assert old.json()["category"] == "EXPIRED_AUTHENTICATION"  # still known, still expired
    summary = (await http.get("/_sandbox/oauth")).json()
    assert summary["counts"]["token:refresh_token"] == 1
    assert summary["access_tokens"] == 2 and summary["live_access_tokens"] == 1


async def test_revoking_an_expired_grant_makes_its_tokens_invalid(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await issue(http)
    clock.advance(tokens["expires_in"])
    await http.post("/_sandbox/oauth/revoke-all")
    answer = await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
    assert answer.json()["category"] == "INVALID_AUTHENTICATION"


async def test_admin_expire_all_ends_every_access_token_now(http: httpx.AsyncClient) -> None:
    first, second = await issue(http), await issue(http)
    summary = (await http.post("/_sandbox/oauth/expire-all")).json()
    assert summary["access_tokens"] == 2 and summary["live_access_tokens"] == 0
    for tokens in (first, second):
        answer = await call(http, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
        assert answer.json()["category"] == "EXPIRED_AUTHENTICATION"
    later = await issue(http)  # tokens issued afterwards get their full life
    assert (await call(http, "GET", ACCOUNT_DETAILS_PATH, later["access_token"])).is_success


async def test_the_real_clock_is_the_default() -> None:
    async with (
        SandboxServer() as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=10) as client,
    ):
        tokens = await issue(client)
        answer = await call(client, "GET", ACCOUNT_DETAILS_PATH, tokens["access_token"])
    assert answer.status_code == 200
