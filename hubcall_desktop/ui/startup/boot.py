"""What happens after the first paint: the sandbox (demo), the journal, the desk, the sources.

Run on the event loop once the main window is up; ``stop`` undoes it in reverse order.
Nothing here blocks the UI thread: the journal opens on its own thread, the keyring is
read on a worker thread with a timeout, and only when a request first needs the token.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from hubcall_desktop.core.account import apply_account
from hubcall_desktop.core.connection_types import ConnectionSnapshot, ConnectionStatus
from hubcall_desktop.core.desk_types import TokenState
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.oauth import scope_warning
from hubcall_desktop.hubspot.service import TokenProvider
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.keyring_process import keyring_access
from hubcall_desktop.secrets.oauth_config import METADATA_FILE, MetadataFile
from hubcall_desktop.secrets.store import SecretStore
from hubcall_desktop.services.account import learn_account
from hubcall_desktop.services.call_sources import CallSources
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.runtime import DeskRuntime, open_runtime
from hubcall_desktop.sources.runtime import demo_runtime_file
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.desktop.tray import RECENT_CALLS
from hubcall_desktop.ui.text.messages import message_text

if TYPE_CHECKING:
    from hubcall_desktop.core.call import Call
    from hubcall_desktop.sandbox.server import SandboxServer
    from hubcall_desktop.ui.presenters.context import AppContext

logger = logging.getLogger(__name__)


class BootHost(Protocol):
    """What the boot hands back to the app (the controller) as it goes."""

    def attach(self, runtime: DeskRuntime) -> None: ...
    def remember_recent(self, calls: list[Call]) -> None: ...
    def open_connection_settings(self) -> None: ...


class Boot:
    def __init__(self, context: AppContext, host: BootHost) -> None:
        self._ctx = context
        self._host = host
        self.state = context.boot  # what presenters read: connection, sources, API address
        # Demo mode's temporary data folder, removed at the end (the entry point sets it).
        self.throwaway: Path | None = None
        self.sandbox: SandboxServer | None = None
        self.secrets: AsyncSecretStore | None = None
        self.tokens: TokenProvider | None = None
        self.done = asyncio.Event()

    @property
    def connection(self) -> ConnectionManager | None:
        return self.state.connection

    @connection.setter
    def connection(self, value: ConnectionManager | None) -> None:
        self.state.connection = value

    @property
    def sources(self) -> CallSources | None:
        return self.state.sources

    @sources.setter
    def sources(self, value: CallSources | None) -> None:
        self.state.sources = value

    async def run(self) -> None:
        ctx, state = self._ctx, self.state
        options, settings, paths = ctx.options, ctx.settings, ctx.paths
        try:
            await asyncio.to_thread(paths.ensure)
            if options.demo:  # the sandbox (aiohttp's server, authlib) loads for the demo only
                from hubcall_desktop.services.demo import demo_token, start_sandbox

                self.sandbox = await start_sandbox()
                state.api_base, self.tokens = self.sandbox.base_url, demo_token()
            else:
                state.api_base = options.api_base or settings.api_base
                self.secrets = AsyncSecretStore(SecretStore(access=keyring_access()))
                self.connection = ConnectionManager(
                    self.secrets,
                    MetadataFile(paths.data_dir / METADATA_FILE),
                    api_base=state.api_base,
                    portal=settings.active_portal,
                    client_id=settings.oauth_client_id,
                    redirect_port=settings.oauth_redirect_port,
                )
                self.tokens = self.connection.active_tokens
            state.api_version = options.api_version or settings.api_version
            tokens = self.tokens
            runtime: DeskRuntime = await open_runtime(
                paths.journal,
                settings,
                tokens,
                api_base=state.api_base,
                api_version=state.api_version,
                tokens_for=self.connection.tokens_for if self.connection is not None else None,
            )
        except UserError as error:
            logger.error("start-up failed: %s", error.user_message)
            ctx.boot_failed.emit(error.user_message)
            self.done.set()
            return
        if options.demo:
            await self._learn_account(runtime)  # the sandbox portal's, for record links
        self._host.attach(runtime)
        if self.connection is not None:
            self.connection.add_listener(self._on_connection)
        await runtime.desk.start()
        runtime.desk.keep_outcomes_fresh()
        if not options.demo:
            tasks.start(self._check_connection(runtime), "check the connection")
        self._host.remember_recent(await runtime.desk.recent_calls(RECENT_CALLS))
        if options.start_sources:
            # A demo says where it listens in a file of its own, not in a data folder: the
            # commands find it while its folder is a throwaway one, and the real app's
            # runtime file stays the real app's.
            demo_file = demo_runtime_file()
            runtime_file = demo_file if options.demo else paths.runtime_file
            self.sources = CallSources(
                runtime.desk, runtime_file, demo_file=None if options.demo else demo_file
            )
            await self.sources.start(
                secrets=self.secrets,
                webhook=settings.webhook_enabled,
                port=settings.webhook_port,
                configured_baresip=settings.baresip_endpoints,
                cli_baresip=options.baresip,
                region=ctx.region,
                demo=options.demo,
            )
            for problem in self.sources.problems:
                ctx.say(message_text(problem), 30_000)
            webhook = self.sources.webhook
            if options.demo and webhook is not None and webhook.port != settings.webhook_port:
                text = QCoreApplication.translate(
                    "Boot", "Port %1 is taken, so the demo's webhook listens on %2 instead."
                )
                text = text.replace("%1", str(settings.webhook_port)).replace("%2", webhook.url)
                ctx.say(text, 30_000)
        self.done.set()
        # Everything alive once booted lives as long as the app: keep it out of the cycle
        # collector's full passes, whose pauses would otherwise grow with it (see bench_ui).
        gc.freeze()
        ctx.ready.emit()

    def _on_connection(self, snapshot: ConnectionSnapshot) -> None:
        """The connection manager's view of the token, for the status bar and tray."""
        desk = self._ctx.desk
        if self.connection is not None:
            self.connection.active_tokens.reset()
        if desk is None:
            return
        state = {
            ConnectionStatus.CONNECTED: TokenState.UNKNOWN,
            ConnectionStatus.RECONNECT_NEEDED: TokenState.RECONNECT,
            ConnectionStatus.NO_KEYRING: TokenState.MISSING,
            ConnectionStatus.NOT_CONNECTED: TokenState.MISSING,
        }[snapshot.status]
        if state is not TokenState.UNKNOWN or desk.current_status().token is not TokenState.OK:
            desk.token_state(state, snapshot.message)
        if snapshot.status is ConnectionStatus.CONNECTED:
            desk.retry_outbox()
            tasks.start(desk.refresh_outcomes(), "call outcomes")  # a new connection's own

    async def _learn_account(self, runtime: DeskRuntime, *, keep_known: bool = False) -> None:
        """The token's portal id and domain (record links need them), asked with the
        desk's own token; the answer is also the status bar's first word on HubSpot."""
        try:
            who = await learn_account(service=runtime.desk)  # the desk notes how it went
        except UserError as error:
            logger.warning("account details: %s", error.user_message)
            return
        apply_account(self._ctx.settings, who, keep_known=keep_known)  # Settings saves it

    def _warn_scope(self, warning: str) -> None:
        """The OAuth connection cannot look callers up: say so now, before a call is missed
        (the status bar keeps it; one notification opens the settings)."""
        text = message_text(warning)
        self._ctx.say(text)
        if not self._ctx.settings.do_not_disturb:
            self._ctx.notifier.notify(
                QCoreApplication.translate("Boot", "HubSpot connection lacks a scope"),
                text,
                self._host.open_connection_settings,
            )

    async def _check_connection(self, runtime: DeskRuntime) -> None:
        """At start-up, once: does HubSpot take the token? The status bar says so at once
        instead of "not checked yet" until the first call (no token: it says that). Its
        look at the connection is kept for the set-up guide (BootState.first_state)."""
        if self.connection is not None:
            try:
                snapshot = await self.connection.refresh_state()
            except UserError as error:  # a locked or hanging keyring: say so, go on
                runtime.desk.connection_failed(error)
                return
            else:
                self.state.first_state = snapshot
            finally:
                self.state.checked.set()
            if snapshot.status is not ConnectionStatus.CONNECTED:
                return  # the connection listener already shows why
            warning = scope_warning(snapshot.oauth.scopes) if snapshot.oauth else None
            if warning:
                self._warn_scope(warning)
        await self._learn_account(runtime, keep_known=True)  # a first start lacks it

    async def stop(self) -> None:
        """Stop the sources, the desk (writing pending notes), the journal, the sandbox."""
        ctx = self._ctx
        if self.connection is not None:  # a connection made now must not start new work
            self.connection.remove_listener(self._on_connection)
        try:
            if self.sources is not None:
                await self.sources.stop()
            # Work started while the sources stopped (a last event's notice, a connection's
            # outcome list) would otherwise meet a closed HubSpot client.
            await tasks.UI_TASKS.cancel_all()
            if ctx.runtime is not None:
                ctx.model.set_journal(None)
                await ctx.runtime.close()
        finally:
            if self.connection is not None:
                await self.connection.aclose()
            if self.sandbox is not None:
                await self.sandbox.stop()
            if self.throwaway is not None:
                shutil.rmtree(self.throwaway, ignore_errors=True)
