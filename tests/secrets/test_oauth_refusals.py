"""A refused OAuth request names the correlation id support asks for: the body's, else the
answer's X-HubSpot-Correlation-Id header (never a secret HubSpot echoed)."""

from __future__ import annotations

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient
from hubcall_desktop.secrets.oauth_config import OAuthEndpoints
from hubcall_desktop.secrets.oauth_errors import InvalidGrant, OAuthError

HEADER_ID = "9e1f3c0a-2b4d-4e6f-8a0b-1c2d3e4f5a6b"
BODY_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
REFRESH = "sbx-refresh-token-that-is-secret"


def _client(status: int, body: dict[str, object]) -> HubSpotOAuthClient:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers={"X-HubSpot-Correlation-Id": HEADER_ID})

    return HubSpotOAuthClient(
        OAuthEndpoints.for_api_base("https://api.hubapi.com"),
        "client-id",
        Secret("client-secret"),
        transport=httpx.MockTransport(answer),
    )


async def test_a_refusal_without_an_id_in_its_body_names_the_headers() -> None:
    client = _client(400, {"status": "BAD_REFRESH_TOKEN", "message": "missing or invalid"})
    with pytest.raises(InvalidGrant) as refused:
        await client.refresh(Secret(REFRESH))
    await client.aclose()
    assert str(refused.value) == (
        f"HubSpot refused: missing or invalid (correlation id {HEADER_ID})"
    )


async def test_the_bodys_id_wins_and_an_rfc_answer_gets_the_headers() -> None:
    client = _client(500, {"status": "error", "message": "oops", "correlationId": BODY_ID})
    with pytest.raises(OAuthError) as failed:
        await client.refresh(Secret(REFRESH))
    await client.aclose()
    assert str(failed.value).endswith(f"oops (correlation id {BODY_ID})")
    rfc = _client(400, {"error": "invalid_grant", "error_description": "expired"})
    with pytest.raises(InvalidGrant) as dead:
        await rfc.refresh(Secret(REFRESH))
    await rfc.aclose()
    assert str(dead.value).endswith(f"expired (correlation id {HEADER_ID})")
