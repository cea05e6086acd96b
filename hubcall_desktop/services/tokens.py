"""One token provider per portal: it hands out the portal's access token and is the one
HubSpotService tells when HubSpot refuses it (a 401).

A portal is connected one of three ways; its :class:`PortalTokens` works out which on
first use (``ConnectionManager``'s resolver, off the UI thread) and keeps the answer until
the connection changes (:meth:`PortalTokens.reset`). The kind decides what a 401 means:

- OAuth (``secrets.oauth_tokens.OAuthTokenProvider``): the access token is dropped and
  the next request refreshes it, once; a refused refresh is "reconnect needed".
- A private-app token in the keyring, or ``HUBCALL_ACCESS_TOKEN`` (:class:`KeyringToken`):
  the token is marked refused, and the keyring is read again for each request until it
  holds another one (the agent may save a new token at any time).

Start-up never touches the keyring: the first request to HubSpot does, through the async
store (a worker thread with a timeout). A call queued for portal A is sent with A's
provider even while portal B is the active one (``ConnectionManager.tokens_for``).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.portals import DEFAULT_PORTAL
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import TokenProvider
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.secrets.store import access_token_entry

logger = logging.getLogger(__name__)


class KeyringToken:
    """A portal's private-app token from the secret store (or the environment's).

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
        self._refused: Secret | None = None  # the token HubSpot last answered 401 to
        self._lock = asyncio.Lock()  # one keyring read even when many requests start at once

    def __repr__(self) -> str:
        return (
            f"KeyringToken(portal={self._portal!r}, cached={self._token is not None}, "
            f"refused={self.refused})"
        )

    @property
    def refused(self) -> bool:
        """HubSpot refused this portal's token, and no other one has been read since."""
        refused, token = self._refused, self._token
        if refused is None:
            return False
        return token is None or hmac.compare_digest(token.reveal(), refused.reveal())

    async def access_token(self) -> Secret:
        """The token; raises NoTokenError, NoKeyringBackend, KeyringTimeout, ... (UserErrors).

        While HubSpot's last answer was a 401, every request reads the keyring again: the
        agent (or the command line) may have saved another token meanwhile."""
        async with self._lock:
            if self._token is None or self.refused:
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
        """Read the keyring again next time (another portal, a new token saved)."""
        self._token = None

    async def on_auth_error(self, error: object) -> None:
        """HubSpot refused the token: mark it refused and read the keyring again next time
        (the agent may have saved a new one meanwhile)."""
        async with self._lock:
            if self._token is not None:
                self._refused = self._token
                self._token = None
        logger.info("HubSpot refused the token of portal %s", self._portal)


Resolver = Callable[[str | None], Awaitable[TokenProvider]]


class PortalTokens:
    """One portal's token provider (``portal=None``: whichever portal is active), worked
    out on first use and kept until :meth:`reset`.

    When the provider has no token (never connected, logged out, reconnect needed) it is
    worked out again next time, so a portal connected meanwhile is found. A 401 goes to
    the provider that was worked out, which decides (see the module doc).
    """

    def __init__(self, portal: str | None, resolve: Resolver) -> None:
        self._portal = portal
        self._resolve = resolve
        self._provider: TokenProvider | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"PortalTokens(portal={self._portal!r}, ready={self._provider is not None})"

    @property
    def portal(self) -> str | None:
        """The portal; ``None`` for the active portal's provider."""
        return self._portal

    @property
    def provider(self) -> TokenProvider | None:
        """The provider worked out (OAuth or keyring), ``None`` before the first request."""
        return self._provider

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
        """A 401 for this portal's token: its own provider refreshes it or marks it refused."""
        provider = self._provider
        if provider is not None:
            await provider.on_auth_error(error)

    def reset(self) -> None:
        """The portal was connected or logged out: work the provider out again."""
        self._provider = None
