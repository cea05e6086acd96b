"""The access token for the app: read from the keyring on first use, off the UI thread.

Start-up never touches the keyring; the first request to HubSpot does, through the
async store (a worker thread with a timeout), and the token is then kept in memory.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import TokenProvider
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.store import DEFAULT_PORTAL

logger = logging.getLogger(__name__)


class ConnectionManagerLike(Protocol):
    """What :class:`ConnectionTokens` needs of services.connection.ConnectionManager
    (a protocol, because that module imports this one)."""

    async def refresh_state(self) -> Any: ...

    def token_provider(self) -> TokenProvider: ...

    async def on_auth_error(self, error: object) -> None: ...


class KeyringToken:
    """A :class:`~hubcall_desktop.hubspot.service.TokenProvider` over the secret store."""

    def __init__(self, store: AsyncSecretStore, portal: str = DEFAULT_PORTAL) -> None:
        self._store = store
        self._portal = portal
        self._token: Secret | None = None
        self._lock = asyncio.Lock()  # one keyring read even when many requests start at once

    def __repr__(self) -> str:
        return f"KeyringToken(portal={self._portal!r}, cached={self._token is not None})"

    async def access_token(self) -> Secret:
        """The token; raises NoTokenError, NoKeyringBackend, KeyringTimeout, ... (UserErrors)."""
        async with self._lock:
            if self._token is None:
                self._token = await self._store.access_token(self._portal)
            return self._token

    async def replace(self, token: Secret) -> None:
        """Save a new token in the keyring, then use it."""
        await self._store.set_access_token(token, self._portal)
        async with self._lock:
            self._token = token

    def forget(self) -> None:
        """Read the keyring again next time (after a 401, or another portal)."""
        self._token = None


class ConnectionTokens:
    """The token provider the app's service uses: whatever the connection manager says the
    active portal is connected with (private token, OAuth, environment).

    Nothing is read before the first request; then the manager's state is read once (off
    the loop) and its provider kept until the connection changes (:meth:`reset`).
    """

    def __init__(self, manager: ConnectionManagerLike) -> None:
        self._manager = manager
        self._provider: TokenProvider | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"ConnectionTokens(ready={self._provider is not None})"

    async def access_token(self) -> Secret:
        async with self._lock:
            if self._provider is None:
                await self._manager.refresh_state()
                self._provider = self._manager.token_provider()
            provider = self._provider
        return await provider.access_token()

    def reset(self) -> None:
        """The connection changed (new token, OAuth, logout): ask the manager again."""
        self._provider = None

    async def on_auth_error(self, error: object) -> None:
        """A 401: let OAuth refresh; a private token is read from the keyring again."""
        await self._manager.on_auth_error(error)
        if isinstance(self._provider, KeyringToken):
            self._provider.forget()
