"""The sandbox app's registered redirect URLs: only those are accepted, exactly as written,
as HubSpot accepts only the redirect URLs listed in the app's settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.oauth import redirect_uri
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID

ADMIN = "/_sandbox/oauth"
MINE = "http://localhost:50321/oauth-callback"


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with SandboxServer() as server, httpx.AsyncClient(base_url=server.base_url) as client:
        yield client


async def authorize(http: httpx.AsyncClient, redirect: str) -> httpx.Response:
    query = {
        "client_id": SANDBOX_CLIENT_ID,
        "redirect_uri": redirect,
        "scope": "oauth",
        "state": "s",
        "code_challenge": "c" * 43,
        "code_challenge_method": "S256",
    }
    return await http.get("/oauth/authorize", params=query)


async def test_the_default_is_registered_until_the_list_is_replaced(
    http: httpx.AsyncClient,
) -> None:
    assert (await http.get(ADMIN)).json()["redirect_uris"] == [redirect_uri()]
    assert (await authorize(http, redirect_uri())).status_code == 302
    assert (await authorize(http, MINE)).status_code == 400

    answer = await http.post(ADMIN, json={"redirect_uris": [MINE]})
    assert answer.status_code == 200 and answer.json()["redirect_uris"] == [MINE]
    moved = await authorize(http, MINE)
    assert moved.status_code == 302 and moved.headers["Location"].startswith(MINE + "?")
    refused = await authorize(http, redirect_uri())
    assert refused.status_code == 400 and refused.json()["status"] == "BAD_REDIRECT_URI"


@pytest.mark.parametrize(
    "value",
    [
        "http://localhost:50321/oauth-callback",  # not a list
        ["https://example.com/oauth-callback"],  # the sandbox serves loopback only
        ["http://localhost/oauth-callback"],  # no port
        ["http://localhost:50321/oauth-callback?x=1"],
        ["http://localhost:50321/oauth-callback#f"],
        [MINE, 7],
        [MINE] * 101,
    ],
)
async def test_a_bad_list_is_refused_and_changes_nothing(
    http: httpx.AsyncClient, value: Any
) -> None:
    answer = await http.post(ADMIN, json={"redirect_uris": value})
    assert answer.status_code == 400 and "redirect_uris" in answer.json()["error"]
    assert (await http.get(ADMIN)).json()["redirect_uris"] == [redirect_uri()]
