"""The HubSpot connection the UI and the command line share (no Qt here).

One portal is active at a time; each portal has its own connection: a private-app
token (keyring ``access-token:<portal>``), an OAuth connection (refresh token in the
keyring, non-secret metadata in ``oauth.json``), or ``HUBCALL_ACCESS_TOKEN`` from the
environment (for the active portal only). Listeners hear every change of the active
portal's :class:`ConnectionSnapshot`, e.g. to show "reconnect needed" in the tray and to
send the outbox once reconnected. Each portal has one token provider
(:meth:`ConnectionManager.tokens_for`), which also hears of HubSpot's 401 for its token,
so calls queued for one portal are sent with its own token.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import time
from collections.abc import Callable, Mapping
from typing import Final

import httpx

from hubcall_desktop.core.connection_types import (
    AccountDetails,
    ConnectionKind,
    ConnectionSnapshot,
    ConnectionStatus,
    SnapshotListener,
    WhoAmI,
)
from hubcall_desktop.core.listeners import Listeners
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.oauth import DEFAULT_REDIRECT_PORT, OAuthMetadata, scope_warning
from hubcall_desktop.core.portals import DEFAULT_PORTAL, validate_portal
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, TokenProvider, build_client
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import ACCESS_TOKEN_ENV, NoKeyringBackend
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES, MetadataFile, OAuthEndpoints
from hubcall_desktop.secrets.oauth_errors import NoClientId, OAuthError, OAuthUnreachable
from hubcall_desktop.secrets.oauth_flow import (
    DEFAULT_TIMEOUT,
    BrowserOpener,
    authorize,
    system_browser,
)
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import (
    OAUTH_CLIENT_SECRET,
    access_token_entry,
    refresh_token_entry,
    validate_token,
)
from hubcall_desktop.services.tokens import KeyringToken, PortalTokens

__all__ = [
    "WHO_AM_I_RETRY",
    "ConnectionManager",
]

logger = logging.getLogger(__name__)

NOT_CONNECTED = Template("connection.none", "Not connected to HubSpot.")
RECONNECT_NEEDED = Template(
    "connection.reconnect_needed",
    "HubSpot needs you to connect again; calls are queued until you do.",
)
NOT_OAUTH = Template("connection.not_oauth", "Portal %1 is not connected with OAuth.")
# A warning after logging out; %1 says why
NOT_REVOKED = Template(
    "connection.not_revoked", "HubSpot could not be told to forget the connection: %1"
)

WHO_AM_I_RETRY: Final = RetryPolicy(
    attempts=2, max_total_seconds=10.0, initial_wait=0.5, max_wait=2.0
)


class ConnectionManager:
    """Connect, inspect and disconnect the active portal. Every keyring call runs off the
    event loop (through :class:`AsyncSecretStore`)."""

    def __init__(
        self,
        store: AsyncSecretStore,
        metadata: MetadataFile,
        *,
        api_base: str,
        portal: str = DEFAULT_PORTAL,
        client_id: str = "",
        legacy: bool = False,
        redirect_port: int = DEFAULT_REDIRECT_PORT,
        authorize_url: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self._store = store
        self._metadata = metadata
        self._api_base = api_base
        self._portal = validate_portal(portal)
        self.client_id = client_id
        self.legacy = legacy
        # The sign-in's redirect http://localhost:<port>/oauth-callback (a setting): the
        # settings may change it between sign-ins, as they change the client id.
        self.redirect_port = redirect_port
        self._authorize_url = authorize_url
        self._transport = transport
        self._clock = clock
        self._wall_clock = wall_clock
        self._environ = environ
        self._providers: dict[str, OAuthTokenProvider] = {}
        self._portal_tokens: dict[str, PortalTokens] = {}
        # The active portal's provider, what the app's HubSpotService is given; it follows
        # set_portal (the environment's token stands for the active portal only).
        self._active_tokens = PortalTokens(None, self._resolve_provider)
        self._listeners: Listeners[ConnectionSnapshot] = Listeners("connection")
        self._snapshot = ConnectionSnapshot(self._portal)
        # One look at a time: a look that read oauth.json before a change must not publish
        # after the look that read it after the change.
        self._looking = asyncio.Lock()

    def __repr__(self) -> str:
        return f"ConnectionManager(portal={self._portal!r}, status={self._snapshot.status.value!r})"

    # -- state -----------------------------------------------------------------------

    @property
    def portal(self) -> str:
        return self._portal

    @property
    def snapshot(self) -> ConnectionSnapshot:
        return self._snapshot

    def add_listener(self, listener: SnapshotListener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: SnapshotListener) -> None:
        self._listeners.remove(listener)

    async def set_portal(self, portal: str) -> ConnectionSnapshot:
        """Make another portal the active one (settings' choice) and read its state."""
        self._portal = validate_portal(portal)
        self._reset_all_tokens()  # the environment token moves along
        return await self.refresh_state()

    async def refresh_state(self) -> ConnectionSnapshot:
        """Work out kind and status from the environment, the keyring and ``oauth.json``."""
        async with self._looking:
            return await self._look()

    async def _look(self) -> ConnectionSnapshot:
        portal = self._portal
        if self._environ.get(ACCESS_TOKEN_ENV, "").strip():
            return self._publish(
                ConnectionSnapshot(portal, ConnectionKind.ENVIRONMENT, ConnectionStatus.CONNECTED)
            )
        meta = await asyncio.to_thread(self._metadata.get, portal)
        try:
            refresh = await self._store.get(refresh_token_entry(portal)) if meta else None
            private = await self._store.get(access_token_entry(portal))
        except NoKeyringBackend as exc:
            return self._publish(
                ConnectionSnapshot(
                    portal, status=ConnectionStatus.NO_KEYRING, message=exc.user_message
                )
            )
        if meta is not None and refresh is not None:
            provider = self._providers.get(portal)
            if provider is None:  # built here, where the client secret can be read
                self._oauth_provider(meta, await self._store.get(OAUTH_CLIENT_SECRET))
            elif provider.reconnect_needed:
                return self._publish(self._reconnect_snapshot(meta))
            return self._publish(
                ConnectionSnapshot(
                    portal, ConnectionKind.OAUTH, ConnectionStatus.CONNECTED, oauth=meta
                )
            )
        if meta is not None:  # metadata without a refresh token: the keyring lost it
            return self._publish(self._reconnect_snapshot(meta))
        if private is not None:
            return self._publish(
                ConnectionSnapshot(portal, ConnectionKind.PRIVATE_APP, ConnectionStatus.CONNECTED)
            )
        return self._publish(ConnectionSnapshot(portal, message=NOT_CONNECTED()))

    def _reconnect_snapshot(self, meta: OAuthMetadata | None) -> ConnectionSnapshot:
        return ConnectionSnapshot(
            self._portal,
            ConnectionKind.OAUTH,
            ConnectionStatus.RECONNECT_NEEDED,
            RECONNECT_NEEDED(),
            oauth=meta,
        )

    def _publish(self, snapshot: ConnectionSnapshot) -> ConnectionSnapshot:
        changed = snapshot != self._snapshot
        self._snapshot = snapshot
        if changed:
            self._listeners.notify(snapshot)
        return snapshot

    # -- token providers ---------------------------------------------------------------

    @property
    def active_tokens(self) -> PortalTokens:
        """The active portal's token provider: the app's HubSpotService is built with it."""
        return self._active_tokens

    def tokens_for(self, portal: str | None) -> PortalTokens:
        """The provider for a call of ``portal``: the active one's for the active portal
        (and for calls journaled before portals were remembered), else that portal's."""
        if portal is None or portal == self._portal:
            return self._active_tokens
        return self.provider_for(portal)

    def provider_for(self, portal: str) -> PortalTokens:
        """Any portal's token provider, worked out on its first request: OAuth when the
        portal has OAuth metadata and a refresh token, else its keyring token (the
        environment's token only for the active portal). One per portal, kept; reset
        when that portal is connected or logged out here."""
        key = validate_portal(portal)
        tokens = self._portal_tokens.get(key)
        if tokens is None:
            tokens = self._portal_tokens[key] = PortalTokens(key, self._resolve_provider)
        return tokens

    async def _resolve_provider(self, portal: str | None) -> TokenProvider:
        """``portal``'s provider (``None``: the active portal's, read as it is now)."""
        if portal is None:
            await self.refresh_state()  # the first request's one look at the connection
            portal = self._portal
        if portal == self._portal and self._environ.get(ACCESS_TOKEN_ENV, "").strip():
            return KeyringToken(self._store, portal)
        meta = await asyncio.to_thread(self._metadata.get, portal)
        if meta is not None:
            provider = self._providers.get(portal)
            if provider is not None:
                return provider
            if await self._store.get(refresh_token_entry(portal)) is None:
                return self._oauth_provider(meta)  # the keyring lost it: reconnect needed
            return self._oauth_provider(meta, await self._store.get(OAUTH_CLIENT_SECRET))
        return KeyringToken(self._store, portal, environment=portal == self._portal)

    def _portal_changed(self, portal: str) -> None:
        """``portal`` was connected or logged out: its provider is worked out again."""
        tokens = self._portal_tokens.get(portal)
        if tokens is not None:
            tokens.reset()
        if portal == self._portal:
            self._active_tokens.reset()

    def _reset_all_tokens(self) -> None:
        self._active_tokens.reset()
        for tokens in self._portal_tokens.values():
            tokens.reset()

    def _oauth_client(
        self, client_id: str, secret: Secret | None, legacy: bool
    ) -> HubSpotOAuthClient:
        endpoints = OAuthEndpoints.for_api_base(
            self._api_base, legacy=legacy, authorize_url=self._authorize_url
        )
        return HubSpotOAuthClient(endpoints, client_id, secret, transport=self._transport)

    def _oauth_provider(
        self, meta: OAuthMetadata, secret: Secret | None = None
    ) -> OAuthTokenProvider:
        provider = self._providers.get(meta.portal)
        if provider is None:
            client = self._oauth_client(meta.client_id, secret, meta.legacy)
            provider = self._new_oauth_provider(client, meta.portal)
            self._providers[meta.portal] = provider
        return provider

    def _new_oauth_provider(self, client: HubSpotOAuthClient, portal: str) -> OAuthTokenProvider:
        """A provider whose refreshes and "reconnect needed" concern ``portal`` only,
        whichever portal is active when they happen."""

        async def refreshed(tokens: TokenSet) -> None:
            await self._tokens_refreshed(portal, tokens)

        def reconnect_flag(needed: bool) -> None:
            self._on_reconnect_flag(portal, needed)

        provider = OAuthTokenProvider(
            client, self._store, portal, clock=self._clock, on_tokens=refreshed
        )
        provider.add_listener(reconnect_flag)
        return provider

    async def oauth_provider(self) -> OAuthTokenProvider:
        """The active portal's OAuth provider (the client secret read from the keyring)."""
        meta = await asyncio.to_thread(self._metadata.get, self._portal)
        if meta is None:
            raise OAuthError(NOT_OAUTH(repr(self._portal)))
        if meta.portal not in self._providers:
            secret = await self._store.get(OAUTH_CLIENT_SECRET)
            return self._oauth_provider(meta, secret)
        return self._providers[meta.portal]

    def _on_reconnect_flag(self, portal: str, needed: bool) -> None:
        if needed and portal == self._portal:  # another portal's calls just stay queued
            self._publish(self._reconnect_snapshot(self._snapshot.oauth))

    async def _tokens_refreshed(self, portal: str, tokens: TokenSet) -> None:
        meta = await asyncio.to_thread(self._metadata.get, portal)
        if meta is not None:
            meta.expires_at = self._wall_clock() + tokens.expires_in
            await asyncio.to_thread(self._metadata.put, meta)

    # -- connect -------------------------------------------------------------------------

    async def set_client_secret(self, secret: Secret | str) -> None:
        await self._store.set(OAUTH_CLIENT_SECRET, secret)

    async def connect_private_token(self, token: Secret | str) -> WhoAmI:
        """Check the token against HubSpot, then keep it for the active portal."""
        checked = validate_token(token)
        details = await self._account_details(StaticToken(checked))
        await self.save_private_token(checked)
        return WhoAmI(details.portal_id, details.ui_domain)

    async def save_private_token(self, token: Secret | str) -> None:
        """Keep the token for the active portal without checking it; it replaces the
        portal's OAuth connection (revoked at HubSpot, best effort)."""
        checked = validate_token(token)
        await self._store.set_access_token(checked, self._portal)
        await self._drop_oauth(self._portal, revoke=True)
        self._portal_changed(self._portal)
        await self.refresh_state()

    async def connect_oauth(
        self,
        *,
        client_id: str | None = None,
        scopes: tuple[str, ...] = DEFAULT_SCOPES,
        legacy: bool | None = None,
        open_browser: BrowserOpener = system_browser,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> WhoAmI:
        """The browser flow; then the refresh token goes to the keyring, the rest to oauth.json."""
        chosen = (client_id or self.client_id).strip()
        if not chosen:
            raise NoClientId
        use_legacy = self.legacy if legacy is None else legacy
        secret = await self._store.get(OAUTH_CLIENT_SECRET)
        client = self._oauth_client(chosen, secret, use_legacy)
        try:
            tokens = await authorize(
                client,
                scopes,
                port=self.redirect_port,
                open_browser=open_browser,
                timeout=timeout,
            )
        except BaseException:
            await client.aclose()
            raise
        old = self._providers.pop(self._portal, None)
        self._portal_changed(self._portal)
        if old is not None:
            await old.client.aclose()
        provider = self._new_oauth_provider(client, self._portal)
        await provider.adopt(tokens)
        self._providers[self._portal] = provider
        meta = OAuthMetadata(
            self._portal,
            client_id=chosen,
            legacy=use_legacy,
            hub_id=tokens.hub_id,
            user_id=tokens.user_id,
            scopes=list(tokens.scopes),
            expires_at=self._wall_clock() + tokens.expires_in,
        )
        await asyncio.to_thread(self._metadata.put, meta)
        self._portal_changed(self._portal)
        await self.refresh_state()
        return await self.who_am_i()

    # -- who am I -------------------------------------------------------------------------

    async def who_am_i(self) -> WhoAmI:
        """Portal and domain (account details); for OAuth also user, hub and scopes."""
        snapshot = self._snapshot
        if snapshot.kind is ConnectionKind.OAUTH:
            provider = await self.oauth_provider()
            details = await self._account_details(provider)
            info = await provider.client.introspect(await provider.access_token())
            # A new record, not the published one changed in place: the look below would
            # otherwise find nothing changed, and the listeners never learn who signed in.
            meta = dataclasses.replace(
                snapshot.oauth or OAuthMetadata(self._portal),
                hub_id=info.hub_id,
                user_id=info.user_id,
                user=info.user,
                hub_domain=info.hub_domain,
                scopes=list(info.scopes),
            )
            await asyncio.to_thread(self._metadata.put, meta)
            if self._portal == snapshot.portal:
                await self.refresh_state()
            return WhoAmI(
                details.portal_id,
                details.ui_domain,
                info.user_id,
                info.hub_id,
                info.user,
                info.scopes,
                scope_warning(info.scopes),
            )
        details = await self._account_details(self._active_tokens)
        return WhoAmI(details.portal_id, details.ui_domain)

    async def _account_details(self, tokens: TokenProvider) -> AccountDetails:
        async with build_client(self._transport) as http:
            service = HubSpotService(
                http, tokens, base_url=self._api_base, retry_policy=WHO_AM_I_RETRY
            )
            return await service.account_details()

    # -- logout -------------------------------------------------------------------------

    async def logout(self) -> list[str]:
        """Revoke at HubSpot (best effort) and delete every secret kept for the portal.

        Returns warnings to show (e.g. the revocation could not reach HubSpot); the local
        secrets are deleted either way. The client secret goes too when no OAuth portal
        remains connected.
        """
        portal = self._portal
        warnings = await self._drop_oauth(portal, revoke=True)
        await self._store.delete_access_token(portal)
        if not await asyncio.to_thread(self._metadata.load_all):
            await self._store.delete(OAUTH_CLIENT_SECRET)
        self._portal_changed(portal)
        await self.refresh_state()
        return warnings

    async def _drop_oauth(self, portal: str, *, revoke: bool) -> list[str]:
        warnings: list[str] = []
        meta = await asyncio.to_thread(self._metadata.get, portal)
        refresh = await self._store.get(refresh_token_entry(portal))
        provider = self._providers.pop(portal, None)
        self._portal_changed(portal)  # nobody may keep using the provider closed below
        if refresh is not None and revoke and meta is not None:
            secret = await self._store.get(OAUTH_CLIENT_SECRET)
            client = (
                provider.client
                if provider is not None
                else self._oauth_client(meta.client_id, secret, meta.legacy)
            )
            try:
                await client.revoke(refresh)
            except (OAuthError, OAuthUnreachable) as exc:
                warnings.append(NOT_REVOKED(exc.user_message))
                logger.warning("revocation failed: %s", type(exc).__name__)
            finally:
                with contextlib.suppress(Exception):
                    await client.aclose()
        elif provider is not None:
            await provider.client.aclose()
        await self._store.delete(refresh_token_entry(portal))
        if meta is not None:
            await asyncio.to_thread(self._metadata.remove, portal)
        return warnings

    async def aclose(self) -> None:
        self._reset_all_tokens()  # their OAuth clients close below
        providers, self._providers = self._providers, {}
        for provider in providers.values():
            await provider.client.aclose()
