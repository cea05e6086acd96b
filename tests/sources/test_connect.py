"""The webhook secret and the templates the settings page offers to copy."""

from __future__ import annotations

import re

import httpx

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.connect import (
    NUMBER,
    ensure_webhook_secret,
    event_url,
    new_webhook_secret,
    templates,
)
from hubcall_desktop.sources.webhook import WebhookServer

from .helpers import SECRET, RecordingSink


def test_the_secret_is_created_once_and_kept() -> None:
    keyring: dict[str, Secret] = {}
    first = ensure_webhook_secret(lambda: keyring.get("w"), lambda s: keyring.__setitem__("w", s))
    assert keyring == {"w": first}
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", first.reveal())  # 32 random bytes, URL-safe
    again = ensure_webhook_secret(lambda: keyring.get("w"), lambda s: keyring.__setitem__("w", s))
    assert again == first
    assert new_webhook_secret() != new_webhook_secret()


def test_templates_name_the_url_and_secret() -> None:
    found = {t.title: t.text for t in templates("http://127.0.0.1:47831", SECRET)}
    assert found["Ringing (URL)"] == (
        f"http://127.0.0.1:47831/v1/events/ringing?token={SECRET.reveal()}&from={NUMBER}"
    )
    assert found["Ended (command)"] == 'hubcall-desktop notify ended --from "{number}"'
    assert SECRET.reveal() in found["curl"] and "/v1/events" in found["curl"]
    assert len(found) == 7


async def test_a_filled_in_template_is_accepted(server: WebhookServer, sink: RecordingSink) -> None:
    url = event_url(server.url, SECRET, "ringing", with_call_id=True)
    filled = url.replace("{number}", "+4930123456").replace("{call_id}", "mx-17")
    async with httpx.AsyncClient(trust_env=False) as http:
        response = await http.get(httpx.URL(filled))
    assert response.status_code == 202
    assert sink.events[0].source_call_id == "mx-17"
    assert sink.events[0].raw_from == "+4930123456"
