"""The sandbox's OAuth server on its own: PKCE, single-use codes, refresh, introspection,
revocation (current and legacy paths), HubSpot-shaped errors and the admin route."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from hubcall_desktop.core.api_versions import API_VERSIONS, VERSIONS
from hubcall_desktop.core.oauth import redirect_uri
from hubcall_desktop.sandbox import SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_HUB_DOMAIN,
    SANDBOX_USER_ID,
)

REDIRECT = redirect_uri()  # the sandbox app's registered default
VERIFIER = "v" * 50


async def get_code(http: httpx.AsyncClient, scope: str = "oauth crm.objects.contacts.write") -> str:
    answer = await http.get(
        "/oauth/authorize",
        params={
            "client_id": SANDBOX_CLIENT_ID,
            "redirect_uri": REDIRECT,
            "scope": scope,
            "state": "st",
            "code_challenge": create_s256_code_challenge(VERIFIER),
            "code_challenge_method": "S256",
        },
    )
    assert answer.status_code == 302
    location = urlsplit(answer.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["st"]
    return query["code"][0]


async def exchange(http: httpx.AsyncClient, code_: str, **changes: str) -> httpx.Response:
    form = {
        "grant_type": "authorization_code",
        "code": code_,
        "redirect_uri": REDIRECT,
        "client_id": SANDBOX_CLIENT_ID,
        "client_secret": SANDBOX_CLIENT_SECRET,
        "code_verifier": VERIFIER,
        **changes,
    }
    return await http.post("/oauth/2026-03/token", data=form)


@pytest.fixture
async def http(sandbox: SandboxServer) -> Any:
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10) as client:
        yield client


async def test_code_exchange_issues_tokens_hubspot_routes_accept(http: httpx.AsyncClient) -> None:
    answer = await exchange(http, await get_code(http))
    assert answer.status_code == 200
    tokens = answer.json()
    assert tokens["hub_id"] == SANDBOX_PORTAL_ID and tokens["user_id"] == SANDBOX_USER_ID
    assert tokens["expires_in"] == 1800 and tokens["token_type"] == "bearer"
    details = await http.get(
        "/account-info/v3/details",
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    assert details.status_code == 200


@pytest.mark.parametrize("version", API_VERSIONS)
async def test_a_token_is_held_to_the_scopes_it_was_granted(
    http: httpx.AsyncClient, make_body: Callable[..., dict[str, Any]], version: str
) -> None:
    """Granted only reading, the token is refused where HubSpot needs a write scope (the
    inbound call on every version, creating a contact); granted a write scope, accepted."""
    read_only = await exchange(http, await get_code(http, "oauth crm.objects.contacts.read"))
    writer = await exchange(http, await get_code(http, "oauth crm.schemas.contacts.write"))
    bearer = {"Authorization": f"Bearer {read_only.json()['access_token']}"}
    refused = await http.post(VERSIONS[version].path, json=make_body(), headers=bearer)
    assert refused.status_code == 403
    assert refused.json()["category"] == "MISSING_SCOPES"
    assert "crm.objects.contacts.write" in refused.json()["context"]["requiredGranularScopes"]
    contact = await http.post(
        "/crm/v3/objects/contacts", json={"properties": {"firstname": "Ada"}}, headers=bearer
    )
    assert contact.status_code == 403
    assert (await http.get("/account-info/v3/details", headers=bearer)).status_code == 200
    allowed = {"Authorization": f"Bearer {writer.json()['access_token']}"}
    accepted = await http.post(VERSIONS[version].path, json=make_body(), headers=allowed)
    assert accepted.status_code == 200, accepted.text


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"code_verifier": "w" * 50}, "BAD_CODE_VERIFIER"),
        ({"code_verifier": ""}, "BAD_CODE_VERIFIER"),
        ({"redirect_uri": "http://127.0.0.1:9/other"}, "BAD_REDIRECT_URI"),
        ({"code": "made-up"}, "BAD_AUTH_CODE"),
        ({"client_id": "other"}, "BAD_CLIENT_ID"),
        ({"client_secret": "wrong"}, "BAD_CLIENT_SECRET"),
        ({"grant_type": "password"}, "BAD_GRANT_TYPE"),
    ],
)
async def test_bad_exchanges_are_refused(
    http: httpx.AsyncClient, changes: dict[str, str], status: str
) -> None:
    answer = await exchange(http, await get_code(http), **changes)
    assert answer.status_code in (400, 401)
    body = answer.json()
    assert body["status"] == status
    assert body["message"] and body["correlationId"] and body["error"]


async def test_codes_are_single_use(http: httpx.AsyncClient) -> None:
    code = await get_code(http)
    assert (await exchange(http, code)).status_code == 200
    again = await exchange(http, code)
    assert again.json()["status"] == "BAD_AUTH_CODE"


async def test_refresh_then_revoke_then_invalid_grant(http: httpx.AsyncClient) -> None:
    tokens = (await exchange(http, await get_code(http))).json()
    form = {
        "grant_type": "refresh_token",
        "refresh_token": tokens["refresh_token"],
        "client_id": SANDBOX_CLIENT_ID,
    }
    refreshed = await http.post("/oauth/v1/token", data=form)
    assert refreshed.status_code == 200
    assert refreshed.json()["access_token"] != tokens["access_token"]
    revoked = await http.post(
        "/oauth/2026-03/token/revoke",
        data={"token": tokens["refresh_token"], "client_id": SANDBOX_CLIENT_ID},
    )
    assert revoked.status_code == 200
    dead = await http.post("/oauth/2026-03/token", data=form)
    assert dead.status_code == 400
    assert dead.json()["status"] == "BAD_REFRESH_TOKEN" and dead.json()["error"] == "invalid_grant"
    # Access tokens from a revoked grant stop working on HubSpot routes too.
    for access in (tokens["access_token"], refreshed.json()["access_token"]):
        details = await http.get(
            "/account-info/v3/details", headers={"Authorization": f"Bearer {access}"}
        )
        assert details.status_code == 401


async def test_introspection_current_and_legacy(http: httpx.AsyncClient) -> None:
    tokens = (await exchange(http, await get_code(http))).json()
    current = await http.post(
        "/oauth/2026-03/token/introspect",
        data={"token": tokens["access_token"], "client_id": SANDBOX_CLIENT_ID},
    )
    info = current.json()
    assert info["active"] is True and info["hub_domain"] == SANDBOX_HUB_DOMAIN
    assert info["user_id"] == SANDBOX_USER_ID and "oauth" in info["scopes"]
    legacy = await http.get(f"/oauth/v1/access-tokens/{tokens['access_token']}")
    assert legacy.status_code == 200 and legacy.json()["hub_id"] == SANDBOX_PORTAL_ID
    unknown = await http.post(
        "/oauth/2026-03/token/introspect", data={"token": "x", "client_id": SANDBOX_CLIENT_ID}
    )
    assert unknown.json() == {"active": False}
    assert (await http.get("/oauth/v1/access-tokens/x")).status_code == 404


async def test_legacy_revoke(http: httpx.AsyncClient) -> None:
    tokens = (await exchange(http, await get_code(http))).json()
    path = f"/oauth/v1/refresh-tokens/{tokens['refresh_token']}"
    assert (await http.delete(path)).status_code == 204
    assert (await http.delete(path)).status_code == 404


async def test_oauth_routes_need_no_bearer_and_skip_rate_limits() -> None:
    async with (
        SandboxServer(rate_limit=1) as server,
        httpx.AsyncClient(base_url=server.base_url) as client,
    ):
        for _ in range(3):
            code = await get_code(client)
            assert (await exchange(client, code)).status_code == 200


async def test_admin_sets_expiry_and_counts(http: httpx.AsyncClient) -> None:
    assert (await http.post("/_sandbox/oauth", json={"expires_in": 5})).status_code == 200
    for bad in (
        {"expires_in": 0},
        {"expires_in": True},
        {"expires_in": "5"},
        {},
        {"rotate_refresh_tokens": "yes"},
        {"rotate_refresh_tokens": 1},
        [1],
    ):
        assert (await http.post("/_sandbox/oauth", json=bad)).status_code == 400
    tokens = (await exchange(http, await get_code(http))).json()
    assert tokens["expires_in"] == 5
    summary = (await http.get("/_sandbox/oauth")).json()
    assert summary["counts"] == {"token:authorization_code": 1}
    assert summary["refresh_tokens"] == 1
    after = (await http.post("/_sandbox/oauth/revoke-all")).json()
    assert after["refresh_tokens"] == 0 and after["access_tokens"] == 0
