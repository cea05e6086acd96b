"""Which answers are a success, and what an error answer without HubSpot's ids says: only
2xx succeeds (a 3xx is not followed, so it is never taken for the answer), and an error
that named no correlation id has none in its sentence (support would chase it)."""

from __future__ import annotations

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import HubSpotError
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client

DETAILS = {"portalId": 1, "uiDomain": "app.hubspot.com"}


async def _details(status: int, headers: dict[str, str] | None = None) -> object:
    answer = httpx.Response(status, headers=headers, json=DETAILS)
    transport = httpx.MockTransport(lambda request: answer)
    async with build_client(transport=transport) as client:
        service = HubSpotService(
            client, StaticToken(Secret("t")), base_url="http://h.invalid", retry_policy=NO_RETRY
        )
        return await service.account_details()


@pytest.mark.parametrize("status", [200, 299])
async def test_a_2xx_is_the_answer(status: int) -> None:
    assert await _details(status) is not None


@pytest.mark.parametrize("status", [300, 301, 302, 304, 307, 308])
async def test_a_3xx_is_an_error_not_the_answer(status: int) -> None:
    with pytest.raises(HubSpotError) as caught:
        await _details(status, {"Location": "http://elsewhere.invalid/"})
    assert caught.value.details.status_code == status


async def test_an_error_without_a_correlation_id_names_none() -> None:
    with pytest.raises(HubSpotError) as caught:
        await _details(400)
    assert caught.value.details.correlation_id == ""
    assert "correlation id" not in caught.value.user_message
    with pytest.raises(HubSpotError) as named:
        await _details(400, {"X-HubSpot-Correlation-Id": "c-7"})
    assert named.value.details.correlation_id == "c-7"
