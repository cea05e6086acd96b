"""The app's token providers: read on first use, kept, and worked out again when reset."""

from __future__ import annotations

import asyncio

import pytest
from keyring.backends.fail import Keyring as FailKeyring

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import TokenProvider
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import NoKeyringBackend
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.tokens import KeyringToken, PortalTokens


class Told:
    """A provider that hands out one token and records the 401s it hears of."""

    def __init__(self, token: str) -> None:
        self.token = Secret(token)
        self.told: list[object] = []

    async def access_token(self) -> Secret:
        return self.token

    async def on_auth_error(self, error: object) -> None:
        self.told.append(error)


async def test_portal_tokens_resolve_once_until_reset() -> None:
    resolved: list[str | None] = []
    providers = [Told("first"), Told("second")]

    async def resolve(portal: str | None) -> TokenProvider:
        resolved.append(portal)
        return providers[len(resolved) - 1]

    tokens = PortalTokens(None, resolve)
    assert resolved == []  # nothing read before the first request
    first = await asyncio.gather(*(tokens.access_token() for _ in range(5)))
    assert {t.reveal() for t in first} == {"first"} and resolved == [None]
    await tokens.on_auth_error("401")
    assert providers[0].told == ["401"]  # the provider that handed the token hears it
    tokens.reset()
    assert (await tokens.access_token()).reveal() == "second" and resolved == [None, None]
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
