"""The app's token providers: read on first use, kept, and read again when told."""

from __future__ import annotations

import asyncio

import pytest
from keyring.backends.fail import Keyring as FailKeyring

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import StaticToken, TokenProvider
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import NoKeyringBackend
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.tokens import ConnectionTokens, KeyringToken


class FakeManager:
    def __init__(self) -> None:
        self.refreshed = 0
        self.auth_errors: list[object] = []
        self.token = "first"

    async def refresh_state(self) -> None:
        self.refreshed += 1

    def token_provider(self) -> TokenProvider:
        return StaticToken(Secret(self.token))

    async def on_auth_error(self, error: object) -> None:
        self.auth_errors.append(error)


async def test_connection_tokens_ask_the_manager_once_until_reset() -> None:
    manager = FakeManager()
    tokens = ConnectionTokens(manager)
    assert manager.refreshed == 0  # nothing read before the first request
    first = await asyncio.gather(*(tokens.access_token() for _ in range(5)))
    assert {t.reveal() for t in first} == {"first"} and manager.refreshed == 1
    manager.token = "second"
    assert (await tokens.access_token()).reveal() == "first"
    tokens.reset()
    assert (await tokens.access_token()).reveal() == "second" and manager.refreshed == 2
    await tokens.on_auth_error("401")
    assert manager.auth_errors == ["401"]
    assert "second" not in repr(tokens)


async def test_keyring_token_without_a_keyring_is_a_sentence() -> None:
    token = KeyringToken(AsyncSecretStore(SecretStore(backend=FailKeyring(), environ={})))
    with pytest.raises(NoKeyringBackend, match="No secure keyring"):
        await token.access_token()
    assert "cached=False" in repr(token)


async def test_keyring_token_prefers_the_environment() -> None:
    store = SecretStore(backend=FailKeyring(), environ={"HUBCALL_ACCESS_TOKEN": "pat-env-123"})
    token = KeyringToken(AsyncSecretStore(store))
    assert (await token.access_token()).reveal() == "pat-env-123"
    token.forget()
    assert "pat-env" not in repr(token)
