"""What every command needs: resolved options, settings, paths, the HubSpot connection,
journal and service.

The connection is the app's own: one :class:`ConnectionManager` per command decides, by the
app's rule, what the active portal is connected with (``HUBCALL_ACCESS_TOKEN``, else OAuth
when the portal has OAuth metadata and a refresh token, else its private-app token) and
gives the token providers of other portals, for calls queued there.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hubcall_desktop.core.api_versions import API_VERSIONS
from hubcall_desktop.core.connection_types import ConnectionKind
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.phone import validate_region
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.pacing import RequestPacer
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import (
    HubSpotService,
    TokenProvider,
    build_client,
)
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_config import METADATA_FILE, MetadataFile
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.paths import AppPaths, resolve_paths
from hubcall_desktop.storage.settings import load_settings

ENV_API_BASE = "HUBCALL_API_BASE"
ENV_API_VERSION = "HUBCALL_API_VERSION"
ENV_REGION = "HUBCALL_REGION"

# A command-line call gives up sooner than the app: the outbox keeps the call anyway.
CLI_RETRY = RetryPolicy(attempts=3, max_total_seconds=10.0, initial_wait=0.5, max_wait=4.0)


@dataclass(slots=True)
class CliContext:
    paths: AppPaths
    settings: Settings
    api_base: str
    api_version: str
    region: str
    warnings: list[str] = field(default_factory=list)
    secrets: SecretStore = field(default_factory=SecretStore)

    @asynccontextmanager
    async def journal(self) -> AsyncIterator[AsyncJournal]:
        self.paths.ensure()
        journal = await AsyncJournal.open(self.paths.journal)
        try:
            yield journal
        finally:
            await journal.close()

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[ConnectionManager]:
        """The connection, as the app has it: ``active_tokens`` for the active portal,
        ``tokens_for`` for a call of another; the manager is closed at the end.

        Without OAuth the token is read here, before anything is journaled, so "no token"
        and "no keyring" stop a command exactly as they always have. An OAuth token is
        fetched (refreshed) on the first request instead: a connection HubSpot no longer
        accepts must not keep ``log`` from journaling its call.
        """
        manager = ConnectionManager(
            AsyncSecretStore(self.secrets),
            MetadataFile(self.paths.data_dir / METADATA_FILE),
            api_base=self.api_base,
            portal=self.settings.active_portal,
            client_id=self.settings.oauth_client_id,
            redirect_port=self.settings.oauth_redirect_port,
        )
        try:
            snapshot = await manager.refresh_state()
            if snapshot.kind is not ConnectionKind.OAUTH:
                await manager.active_tokens.access_token()  # NoTokenError, NoKeyringBackend, ...
            yield manager
        finally:
            await manager.aclose()

    @asynccontextmanager
    async def service(self, tokens: TokenProvider) -> AsyncIterator[HubSpotService]:
        """A service for the active portal. Its provider hears of a 401: OAuth then
        refreshes on the next request, a private token is marked refused and read again."""
        async with build_client() as client:
            yield HubSpotService(
                client,
                tokens,
                base_url=self.api_base,
                api_version=self.api_version,
                pacer=RequestPacer(self.settings.rate_limit_per_10s),
                retry_policy=CLI_RETRY,
            )


def build_context(args: argparse.Namespace) -> CliContext:
    """Command line wins over the environment, which wins over the settings file."""
    paths = resolve_paths(args.data_dir)
    settings, warnings = load_settings(paths.settings)
    api_base = args.api_base or os.environ.get(ENV_API_BASE) or settings.api_base
    api_version = args.api_version or os.environ.get(ENV_API_VERSION) or settings.api_version
    region = args.region or os.environ.get(ENV_REGION) or settings.region
    return CliContext(
        paths=paths,
        settings=settings,
        api_base=validate_api_base(api_base),
        api_version=validate_api_version(api_version),
        region=validate_region(region, "--region"),
        warnings=warnings,
    )


def validate_api_base(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError("--api-base", url, "must be an http(s) URL such as https://api.hubapi.com")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InputError("--api-base", url, "must not carry a query, fragment or credentials")
    return url.strip().rstrip("/")


def validate_api_version(version: str) -> str:
    if version not in API_VERSIONS:
        raise InputError("--api-version", version, f"must be one of {', '.join(API_VERSIONS)}")
    return version
