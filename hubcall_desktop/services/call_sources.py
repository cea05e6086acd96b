"""Starts the places calls come from (the loopback webhook, baresip) and feeds them to the desk.

Each source that cannot start is reported with its sentence and the others still start:
a taken webhook port must not keep baresip calls from popping up.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.async_store import AsyncSecretStore, run_blocking
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.sources.baresip_pool import BaresipPool
from hubcall_desktop.sources.baresip_wire import BARESIP_ENV, BaresipEndpoint, collect_endpoints
from hubcall_desktop.sources.connect import WEBHOOK_SECRET_ENTRY, ensure_webhook_secret, templates
from hubcall_desktop.sources.runtime import remove_runtime, runtime_info, write_runtime
from hubcall_desktop.sources.webhook import WebhookServer

logger = logging.getLogger(__name__)

KEYRING_TIMEOUT_S = 30.0


@dataclass(slots=True)
class CallSources:
    """The running sources; :meth:`stop` ends them in reverse order."""

    desk: CallDesk
    runtime_file: Path
    problems: list[str] = field(default_factory=list)
    webhook: WebhookServer | None = None
    baresip: BaresipPool | None = None
    webhook_secret: Secret | None = field(default=None, repr=False)

    async def start(
        self,
        *,
        secrets: AsyncSecretStore | None,
        webhook: bool,
        port: int,
        configured_baresip: Sequence[str],
        cli_baresip: Sequence[str],
        region: str,
        demo: bool = False,
    ) -> None:
        if webhook and secrets is not None:
            await self._start_webhook(secrets, port, region, demo)
        try:
            endpoints = collect_endpoints(
                configured_baresip, cli_baresip, os.environ.get(BARESIP_ENV)
            )
        except UserError as error:
            self.problems.append(error.user_message)
            endpoints = []
        if endpoints:
            self._start_baresip(endpoints, region)
        self.report()

    async def _start_webhook(
        self, secrets: AsyncSecretStore, port: int, region: str, demo: bool
    ) -> None:
        store = secrets.store
        try:
            secret: Secret = await run_blocking(
                functools.partial(
                    ensure_webhook_secret,
                    lambda: store.get(WEBHOOK_SECRET_ENTRY),
                    lambda value: store.set(WEBHOOK_SECRET_ENTRY, value),
                ),
                timeout=KEYRING_TIMEOUT_S,
                action="read the webhook secret",
            )
            server = WebhookServer(self.desk.handle_event, secret, port=port, region=region)
            await server.start()
        except UserError as error:
            logger.warning("the webhook is off: %s", error.user_message)
            self.problems.append(error.user_message)
            return
        self.webhook, self.webhook_secret = server, secret
        try:
            write_runtime(self.runtime_file, runtime_info(server.url, server.port, demo=demo))
        except OSError as exc:
            logger.warning("could not write %s: %s", self.runtime_file, exc)

    def _start_baresip(self, endpoints: list[BaresipEndpoint], region: str) -> None:
        pool = BaresipPool(
            endpoints,
            self.desk.handle_event,
            on_connections=lambda _state: self.report(),
            region=region,
        )
        pool.start()
        self.baresip = pool
        self.desk.set_control(CallSource.BARESIP, pool)

    def hookups(self) -> list[tuple[str, str]]:
        """What the agent copies into a softphone: (title, text), secret included."""
        if self.webhook is None or self.webhook_secret is None:
            return []
        return [(t.title, t.text) for t in templates(self.webhook.url, self.webhook_secret)]

    def listening(self) -> tuple[str, ...]:
        """What the status bar shows: each source and whether it is up."""
        found: list[str] = []
        if self.webhook is not None:
            found.append(f"webhook {self.webhook.url.removeprefix('http://')}")
        if self.baresip is not None:
            for endpoint, connected in self.baresip.connections().items():
                state = "" if connected else " (not connected)"
                found.append(f"baresip {endpoint}{state}")
        return tuple(found)

    def report(self) -> None:
        self.desk.status.set_sources(self.listening())

    async def stop(self) -> None:
        if self.baresip is not None:
            self.desk.set_control(CallSource.BARESIP, None)
            await self.baresip.stop()
            self.baresip = None
        if self.webhook is not None:
            await self.webhook.stop()
            self.webhook = None
            remove_runtime(self.runtime_file)
        self.report()
