"""An OAuth access token kept fresh: a TokenProvider for HubSpotService.

The access token lives in memory only; the refresh token lives in the keyring under
``oauth-refresh-token:<portal>``. A refresh happens ahead of expiry, once: concurrent
callers wait on one lock and find the new token when they get it. A 401 (HubSpot's clock
may say "expired" before ours does) drops the token it was sent with, never a newer one,
so a burst of late 401s still costs one refresh. A dead refresh token
flips the provider to "reconnect needed" and raises :class:`ReconnectNeeded`, which the
outbox treats like any other "not now": calls stay queued.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Final

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.listeners import Listeners
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_errors import (
    NO_REFRESH_SAVED,
    NO_REFRESH_SENT,
    InvalidGrant,
    ReconnectNeeded,
)
from hubcall_desktop.secrets.store import refresh_token_entry

logger = logging.getLogger(__name__)

MAX_MARGIN_S: Final = 300.0  # refresh at most 5 minutes early ...
MARGIN_FRACTION: Final = 0.1  # ... and at most 10 % of the token's life early

Clock = Callable[[], float]
TokensListener = Callable[[TokenSet], Awaitable[None]]
StateListener = Callable[[bool], None]  # True: reconnect needed


# Which token (provider serial, generation) the current task was last handed. HubSpotService
# asks for the token and reports its 401 in the same task, so the hook can tell a 401 for
# the current token from a late one for a token that another task has already replaced.
_handed_out: ContextVar[tuple[int, int] | None] = ContextVar("oauth_handed_out", default=None)
_serials = itertools.count(1)


def refresh_margin(lifetime: float) -> float:
    return min(MAX_MARGIN_S, max(0.0, lifetime) * MARGIN_FRACTION)


class OAuthTokenProvider:
    """``async access_token()`` for one portal's OAuth connection."""

    def __init__(
        self,
        client: HubSpotOAuthClient,
        store: AsyncSecretStore,
        portal: str,
        *,
        clock: Clock = time.monotonic,
        on_tokens: TokensListener | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self._portal = portal
        self._entry = refresh_token_entry(portal)
        self._clock = clock
        self._on_tokens = on_tokens
        self._lock = asyncio.Lock()
        self._access: Secret | None = None
        self._refresh_at = 0.0
        self._expires_at = 0.0
        self._reconnect_needed = False
        self._listeners: Listeners[bool] = Listeners("reconnect")
        self._serial = next(_serials)
        self._generation = 0  # bumped with every new access token
        self._unsaved_refresh: Secret | None = None  # rotated, not yet in the keyring
        self.refresh_count = 0

    def __repr__(self) -> str:
        return (
            f"OAuthTokenProvider(portal={self._portal!r}, cached={self._access is not None}, "
            f"reconnect_needed={self._reconnect_needed})"
        )

    @property
    def portal(self) -> str:
        return self._portal

    @property
    def reconnect_needed(self) -> bool:
        return self._reconnect_needed

    @property
    def client(self) -> HubSpotOAuthClient:
        return self._client

    def seconds_left(self) -> float | None:
        """Seconds until the in-memory access token expires, None when there is none."""
        return None if self._access is None else self._expires_at - self._clock()

    def add_listener(self, listener: StateListener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: StateListener) -> None:
        self._listeners.remove(listener)

    async def adopt(self, tokens: TokenSet) -> None:
        """Use a fresh token answer (after the browser step): save the refresh token."""
        if tokens.refresh_token is None:
            raise ReconnectNeeded(self._portal, NO_REFRESH_SENT())
        await self._store.set(self._entry, tokens.refresh_token)
        async with self._lock:
            self._unsaved_refresh = None
            self._keep(tokens)
        self._set_reconnect_needed(False)

    async def access_token(self) -> Secret:
        async with self._lock:
            if self._access is None or self._clock() >= self._refresh_at:
                access = await self._refresh()
            else:
                access = self._access
            _handed_out.set((self._serial, self._generation))
            return access

    async def on_auth_error(self, error: object) -> None:
        """HubSpotService's 401 hook: drop the cached token; the next call refreshes.

        A 401 for a token this task was handed before a refresh elsewhere is ignored: the
        new token has not been refused, and dropping it would refresh once per late 401.
        """
        async with self._lock:
            handed = _handed_out.get()
            if handed is not None and handed[0] == self._serial and handed[1] != self._generation:
                logger.debug("a 401 for a token already replaced; keeping the new one")
                return
            self._access = None

    def forget(self) -> None:
        self._access = None

    async def _refresh(self) -> Secret:
        if self._reconnect_needed:
            raise ReconnectNeeded(self._portal)
        refresh = self._unsaved_refresh or await self._store.get(self._entry)
        if refresh is None:
            self._set_reconnect_needed(True)
            raise ReconnectNeeded(self._portal, NO_REFRESH_SAVED())
        self.refresh_count += 1
        try:
            tokens = await self._client.refresh(refresh)
        except InvalidGrant as exc:
            self._access = None
            self._set_reconnect_needed(True)
            logger.warning("refresh refused for portal %s: %s", self._portal, exc.status)
            raise ReconnectNeeded(self._portal) from None
        self._keep(tokens)  # first: this session works on, whatever the keyring does next
        if tokens.refresh_token is not None and tokens.refresh_token != refresh:
            await self._save_refresh_token(tokens.refresh_token)
        logger.info("access token refreshed for portal %s", self._portal)
        if self._on_tokens is not None:
            await self._on_tokens(tokens)
        return tokens.access_token

    async def _save_refresh_token(self, refresh: Secret) -> None:
        """HubSpot rotated the refresh token: the old one no longer works, so the new one
        must reach the keyring. If the keyring refuses now (locked, gone), the new token
        is kept in memory, used for the next refresh, and saved then."""
        try:
            await self._store.set(self._entry, refresh)
        except UserError as error:
            self._unsaved_refresh = refresh
            logger.warning(
                "the renewed refresh token for portal %s could not be saved yet (%s); "
                "it is kept in memory until it can be",
                self._portal,
                type(error).__name__,
            )
            return
        self._unsaved_refresh = None

    def _keep(self, tokens: TokenSet) -> None:
        now = self._clock()
        self._access = tokens.access_token
        self._generation += 1
        self._expires_at = now + tokens.expires_in
        self._refresh_at = self._expires_at - refresh_margin(tokens.expires_in)

    def _set_reconnect_needed(self, value: bool) -> None:
        if value == self._reconnect_needed:
            return
        self._reconnect_needed = value
        self._listeners.notify(value)
