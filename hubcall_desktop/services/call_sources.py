"""Starts the places calls come from (the loopback webhook, baresip) and feeds them to the desk.

Each source that cannot start is reported with its sentence and the others still start:
a taken webhook port must not keep baresip calls from popping up.

Demo mode listens too, so a newcomer can ring it with ``curl`` or a softphone: on the
usual port, else (the real app holds it, say) on any free one, and says which. Its secret
is made for the run and never touches the keyring: the demo runs where no keyring does,
and the real app's secret is never handed to a demo (see sources/runtime.py).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.async_store import AsyncSecretStore, run_blocking
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.sources.baresip_pool import BaresipPool
from hubcall_desktop.sources.baresip_wire import BARESIP_ENV, BaresipEndpoint, collect_endpoints
from hubcall_desktop.sources.connect import (
    WEBHOOK_SECRET_ENTRY,
    ensure_webhook_secret,
    new_webhook_secret,
    templates,
)
from hubcall_desktop.sources.runtime import (
    RuntimeInfo,
    remove_runtime,
    running_app,
    runtime_info,
    write_runtime,
)
from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer

logger = logging.getLogger(__name__)

# fmt: off
DEMO_HOLDS_PORT = Template("webhook.demo_holds_port", "The HubCall Desktop demo holds port %1, so the webhook is off; quit the demo, then restart HubCall Desktop.")
# The status bar's list of call sources.
WEBHOOK_AT = Template("sources.webhook_at", "webhook %1")
BARESIP_DOWN = Template("sources.baresip_down", "baresip %1 (not connected)")
# fmt: on

KEYRING_TIMEOUT_S = 30.0
# The demo does not wait for its usual port to come free: any other port serves as well.
DEMO_FIRST_TRY = WebhookLimits(bind_retry_s=0.0)


@dataclass(slots=True)
class CallSources:
    """The running sources; :meth:`stop` ends them in reverse order."""

    desk: CallDesk
    runtime_file: Path
    problems: list[str] = field(default_factory=list)
    webhook: WebhookServer | None = None
    baresip: BaresipPool | None = None
    webhook_secret: Secret | None = field(default=None, repr=False)
    demo: bool = False
    demo_file: Path | None = None  # where a running demo says its port (the real app's hint)

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
        self.demo = demo
        if webhook and demo:
            await self._start_demo_webhook(port, region)
        elif webhook and secrets is not None:
            await self._start_webhook(secrets, port, region)
        else:  # off in the settings: the commands can still tell that the app runs
            self._write_runtime(runtime_info("", 0, demo=demo))
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

    async def _start_webhook(self, secrets: AsyncSecretStore, port: int, region: str) -> None:
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
            problem = error.user_message
            if isinstance(error, ConfigurationError):
                problem = await self._demo_holds(port) or problem
            logger.warning("the webhook is off: %s", problem)
            self.problems.append(problem)
            self._write_runtime(runtime_info("", 0, webhook_problem=problem))
            return
        self.webhook, self.webhook_secret = server, secret
        self._write_runtime(runtime_info(server.url, server.port))

    async def _demo_holds(self, port: int) -> str | None:
        """The sentence for a port the demo took (it was started first, as the README
        has it): "another program" would leave the agent guessing which."""
        if self.demo_file is None or port == 0:
            return None
        demo = await asyncio.to_thread(running_app, self.demo_file)
        if demo is None or not demo.demo or demo.port != port:
            return None
        return DEMO_HOLDS_PORT(port)

    async def _start_demo_webhook(self, port: int, region: str) -> None:
        """The usual port at once (no waiting for it to be freed), else any free one."""
        secret = new_webhook_secret()
        server: WebhookServer | None = None
        problem = ""
        for attempt, limits in ((port, DEMO_FIRST_TRY), (0, WebhookLimits())):
            server = WebhookServer(
                self.desk.handle_event,
                secret,
                port=attempt,
                region=region,
                limits=limits,
                demo=True,
            )
            try:
                await server.start()
            except ConfigurationError as error:
                logger.info("demo webhook on port %d: %s", attempt, error.user_message)
                problem, server = error.user_message, None
                continue
            break
        if server is None:
            logger.warning("the demo's webhook is off: %s", problem)
            self.problems.append(problem)
            self._write_runtime(runtime_info("", 0, demo=True, webhook_problem=problem))
            return
        if server.port != port:  # the window says so in the agent's language (ui.boot)
            logger.info("port %d is taken; the demo listens on %s", port, server.url)
        self.webhook, self.webhook_secret = server, secret
        self._write_runtime(runtime_info(server.url, server.port, demo=True, secret=secret))

    def _write_runtime(self, info: RuntimeInfo) -> None:
        try:
            write_runtime(self.runtime_file, info)
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
        found = templates(self.webhook.url, self.webhook_secret, demo=self.demo)
        return [(t.title, t.text) for t in found]

    def listening(self) -> tuple[str, ...]:
        """What the status bar shows: each source and whether it is up."""
        found: list[str] = []
        if self.webhook is not None:
            found.append(WEBHOOK_AT(self.webhook.url.removeprefix("http://")))
        if self.baresip is not None:
            for endpoint, connected in self.baresip.connections().items():
                found.append(f"baresip {endpoint}" if connected else BARESIP_DOWN(str(endpoint)))
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
        remove_runtime(self.runtime_file)  # written at start, webhook on or not
        self.report()
