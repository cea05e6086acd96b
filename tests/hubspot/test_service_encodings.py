"""The service asks HubSpot only for the encodings it can read under the size cap (gzip,
deflate), whatever the client would ask for by default: an httpx with brotli or zstd
installed offers them, and an answer in either could not be read at all."""

from __future__ import annotations

import httpx

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client


async def test_only_the_encodings_the_answer_reader_inflates_are_asked_for() -> None:
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(request.headers["Accept-Encoding"])
        return httpx.Response(200, json={"portalId": 1, "uiDomain": "app.hubspot.com"})

    async with build_client(transport=httpx.MockTransport(answer)) as client:
        client.headers["Accept-Encoding"] = "gzip, deflate, br, zstd"  # as such an httpx does
        service = HubSpotService(
            client, StaticToken(Secret("t")), base_url="http://h.invalid", retry_policy=NO_RETRY
        )
        await service.account_details()
    assert asked == ["gzip, deflate"]
