"""The access token for the app: read from the keyring on first use, off the UI thread.

Start-up never touches the keyring; the first request to HubSpot does, through the
async store (a worker thread with a timeout), and the token is then kept in memory.
Each portal has its own provider: a call queued for portal A is sent with A's token even
while portal B is the active one (:meth:`ConnectionTokens.for_portal`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.portals import DEFAULT_PORTAL
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import AuthErrorListener, TokenProvider
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.secrets.store import access_token_entry

logger = logging.getLogger(__name__)


class ConnectionManagerLike(Protocol):
    """What :class:`ConnectionTokens` needs of services.connection.ConnectionManager
    (a protocol, because that module imports this one)."""

    @property
    def portal(self) -> str: ...

    async def refresh_state(self) -> Any: ...

    def token_provider(self) -> TokenProvider: ...

    def provider_for(self, portal: str) -> TokenProvider: ...

    async def on_auth_error(self, error: object) -> None: ...


class KeyringToken:
    """A :class:`~hubcall_desktop.hubspot.service.TokenProvider` over the secret store.

    ``environment=False`` ignores ``HUBCALL_ACCESS_TOKEN``: that token stands for the
    active portal only, so another portal's calls must never be sent with it.
    """

    def __init__(
        self, store: AsyncSecretStore, portal: str = DEFAULT_PORTAL, *, environment: bool = True
    ) -> None:
        self._store = store
        self._portal = portal
        self._environment = environment
        self._token: Secret | None = None
        self._lock = asyncio.Lock()  # one keyring read even when many requests start at once

    def __repr__(self) -> str:
        return f"KeyringToken(portal={self._portal!r}, cached={self._token is not None})"

    async def access_token(self) -> Secret:
        """The token; raises NoTokenError, NoKeyringBackend, KeyringTimeout, ... (UserErrors)."""
        async with self._lock:
            if self._token is None:
                self._token = await self._read()
            return self._token

    async def _read(self) -> Secret:
        if self._environment:
            return await self._store.access_token(self._portal)
        token = await self._store.get(access_token_entry(self._portal))
        if token is None:
            raise NoTokenError(self._portal)
        return token

    async def replace(self, token: Secret) -> None:
        """Save a new token in the keyring, then use it."""
        await self._store.set_access_token(token, self._portal)
        async with self._lock:
            self._token = token

    def forget(self) -> None:
        """Read the keyring again next time (after a 401, or another portal)."""
        self._token = None

    async def on_auth_error(self, error: object) -> None:
        """HubSpot refused the token: read the keyring again (it may have been replaced)."""
        self.forget()


Resolver = Callable[[str], Awaitable[TokenProvider]]


class PortalTokens:
    """One portal's token provider, worked out on first use (OAuth or keyring, see
    ``ConnectionManager.provider_for``) and kept until :meth:`reset`.

    When the provider has no token (never connected, logged out, reconnect needed) it is
    worked out again next time, so a portal connected meanwhile is found.
    """

    def __init__(self, portal: str, resolve: Resolver) -> None:
        self._portal = portal
        self._resolve = resolve
        self._provider: TokenProvider | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"PortalTokens(portal={self._portal!r}, ready={self._provider is not None})"

    @property
    def portal(self) -> str:
        return self._portal

    async def access_token(self) -> Secret:
        async with self._lock:
            if self._provider is None:
                self._provider = await self._resolve(self._portal)
            provider = self._provider
        try:
            return await provider.access_token()
        except UserError:
            if self._provider is provider:
                self._provider = None
            raise

    async def on_auth_error(self, error: object) -> None:
        """A 401 for this portal's token: its own provider refreshes or re-reads it."""
        provider = self._provider
        if isinstance(provider, AuthErrorListener):
            await provider.on_auth_error(error)

    def reset(self) -> None:
        """The portal was connected or logged out: work the provider out again."""
        self._provider = None


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

    def for_portal(self, portal: str | None) -> TokenProvider:
        """The provider for a call of ``portal``: this one for the active portal (and for
        calls journaled before portals were remembered), else that portal's own."""
        if portal is None or portal == self._manager.portal:
            return self
        return self._manager.provider_for(portal)

    async def on_auth_error(self, error: object) -> None:
        """A 401: let OAuth refresh; a private token is read from the keyring again."""
        await self._manager.on_auth_error(error)
        if isinstance(self._provider, KeyringToken):
            self._provider.forget()
