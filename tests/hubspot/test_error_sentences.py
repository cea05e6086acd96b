"""The sentences the agent reads are looked up whole in the translation catalogue (the UI
translates a known sentence, and shows HubSpot's own words after it): a changed word in
one of them shows the agent English in a German app. These are checked word for word."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import HubSpotProtocolError, error_from_response
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer()
    await server.start()
    yield server
    await server.stop()


def test_the_expired_token_sentence_is_the_catalogues_then_hubspots_words() -> None:
    body = {
        "status": "error",
        "message": "The token expired 2 minute(s) ago.",
        "correlationId": "c-1",
        "category": "EXPIRED_AUTHENTICATION",
    }
    sentence = error_from_response(401, body, None).user_message
    assert sentence == (
        "The HubSpot access token expired; the app fetches a new one for the next request. "
        "Reconnect to HubSpot in Settings if this message stays. "
        "(HubSpot said: The token expired 2 minute(s) ago.; correlation id c-1)"
    )


async def test_account_details_without_a_portal_say_so_in_the_catalogues_words(
    sandbox: SandboxServer,
) -> None:
    sandbox.faults.add(Fault.odd_answer(body=json.dumps({"uiDomain": "x"}).encode()))
    client = build_client()
    try:
        service = HubSpotService(
            client,
            StaticToken(Secret(DEMO_TOKEN)),
            base_url=sandbox.base_url,
            retry_policy=NO_RETRY,
        )
        with pytest.raises(HubSpotProtocolError) as caught:
            await service.account_details()
    finally:
        await client.aclose()
    assert caught.value.user_message == "HubSpot's account details lacked the portal id or domain."
