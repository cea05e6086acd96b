"""Demo mode: the bundled sandbox instead of HubSpot, callers to ring with, and a terminal demo.

Nothing here reaches beyond this computer: the sandbox listens on a free loopback port
and the demo token opens nothing but the sandbox.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import uuid
from collections.abc import Callable

from hubcall_desktop.core.api_versions import DEFAULT_API_VERSION
from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.service import StaticToken
from hubcall_desktop.sandbox.seed import DEMO_AGENT_NUMBER, DEMO_CALLERS, DEMO_TOKEN, DemoCaller
from hubcall_desktop.sandbox.server import SandboxServer
from hubcall_desktop.services.call_desk import CallDesk
from hubcall_desktop.services.demo_dir import resolve_demo_dir
from hubcall_desktop.services.played_calls import play_event
from hubcall_desktop.services.runtime import open_runtime

logger = logging.getLogger(__name__)

__all__ = [
    "DEMO_CALLERS",
    "DemoControl",
    "resolve_demo_dir",
    "ring",
    "run_terminal_demo",
    "start_sandbox",
]

DEMO_USER_ID = 7  # the sandbox accepts any user id; a fixed one keeps bodies readable
TERMINAL_WAIT_S = 15.0


async def start_sandbox() -> SandboxServer:
    """The sandbox on a free loopback port, accepting the demo token."""
    server = SandboxServer(tokens=(DEMO_TOKEN,))
    await server.start("127.0.0.1", 0)
    return server


def demo_token() -> StaticToken:
    return StaticToken(Secret(DEMO_TOKEN))


def demo_settings(region: str = "DE") -> Settings:
    return Settings(
        region=region,
        own_number=DEMO_AGENT_NUMBER,
        user_id=DEMO_USER_ID,
        recipient_user_ids=[DEMO_USER_ID],
        # Listening, so curl or a softphone can ring the demo too (on another free port
        # when the usual one is taken; see services/call_sources).
        webhook_enabled=True,
    )


async def ring(desk: CallDesk, caller: DemoCaller) -> str:
    """A demo call starts ringing, as a softphone would report it; returns the call id."""
    event = make_event(
        EventKind.RINGING,
        CallSource.DEMO,
        source_call_id=f"demo-{uuid.uuid4()}",
        raw_from=caller.number,
        raw_to=DEMO_AGENT_NUMBER,
        at=utc_now(),
        region=desk.settings.region,
    )
    return await desk.handle_event(event)


class DemoControl:
    """Answers and hangs up demo calls, by sending the events a softphone would."""

    def __init__(self, desk: CallDesk) -> None:
        self._desk = desk

    async def answer(self, call: Call) -> None:
        await self._send(call, EventKind.ANSWERED, None)

    async def hangup(self, call: Call) -> None:
        await self._send(call, EventKind.ENDED, EndReason.HUNG_UP)

    async def _send(self, call: Call, kind: EventKind, reason: EndReason | None) -> None:
        await play_event(self._desk, call, kind, reason)


# -- the terminal demo ----------------------------------------------------------------------


def run_terminal_demo(
    data_dir: str | None = None,
    region: str | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """Sandbox up, a call rings, the caller is looked up, the call is logged; each step
    printed. For machines without a display. Returns the exit code."""
    try:
        return asyncio.run(_terminal_demo(data_dir, region or "DE", out))
    except UserError as error:
        out(f"The demo stopped: {error.user_message}")
        return 1


async def _terminal_demo(data_dir: str | None, region: str, out: Callable[[str], None]) -> int:
    folder, throwaway = resolve_demo_dir(data_dir)
    sandbox = await start_sandbox()
    out(f"1. HubSpot sandbox listening on {sandbox.base_url} (a local stand-in, not HubSpot)")
    where = "a throwaway folder" if throwaway else "the folder you named"
    out(f"   Journal: {folder / 'journal.sqlite3'} ({where})")
    runtime = await open_runtime(
        folder / "journal.sqlite3",
        demo_settings(region),
        demo_token(),
        api_base=sandbox.base_url,
        api_version=DEFAULT_API_VERSION,
    )
    updates: asyncio.Queue[DeskUpdate] = asyncio.Queue()
    runtime.desk.add_listener(updates.put_nowait)
    runtime.desk.set_control(CallSource.DEMO, DemoControl(runtime.desk))
    try:
        await runtime.desk.start()
        return await _walk_through(runtime.desk, updates, region, out)
    finally:
        await runtime.close()
        await sandbox.stop()
        out("Sandbox stopped.")
        if throwaway:
            shutil.rmtree(folder, ignore_errors=True)


async def _walk_through(
    desk: CallDesk, updates: asyncio.Queue[DeskUpdate], region: str, out: Callable[[str], None]
) -> int:
    caller = DEMO_CALLERS[0]
    call_id = await ring(desk, caller)
    ringing = await _next(updates, call_id, UpdateKind.RINGING)
    number = (
        ringing.call.from_number.for_humans(region) if ringing.call.from_number else caller.number
    )
    out(f"2. Incoming call from {number} (call id {call_id})")
    found = await _next(updates, call_id, UpdateKind.MATCHES, UpdateKind.LOOKUP_FAILED)
    while found.kind is UpdateKind.MATCHES and not found.fresh:  # the journal's memory first
        found = await _next(updates, call_id, UpdateKind.MATCHES, UpdateKind.LOOKUP_FAILED)
    if found.kind is UpdateKind.LOOKUP_FAILED:
        out(f"   Lookup failed: {found.error}")
        return 1
    for match in found.matches:
        detail = f" <{match.email}>" if match.email else ""
        out(f"3. HubSpot matched {match.kind.lower()}: {match.display_name}{detail}")
    if not found.matches:
        out("3. HubSpot knows no one with this number: Unknown caller")
    await desk.answer(call_id)
    await _next(updates, call_id, UpdateKind.ANSWERED)
    out("4. Answered")
    await desk.hangup(call_id)
    ended = await _next(updates, call_id, UpdateKind.ENDED)
    status = ended.call.final_status or CallStatus.UNKNOWN
    out(f"5. Hung up: status {status.label}")
    await desk.log_call(call_id, status, "Demo call: asked about the delivery date.", "Demo call")
    out("6. Logging the call (journaled first, then sent) ...")
    while True:
        update = await _next(updates, call_id, UpdateKind.SYNC)
        if update.call.sync_state is SyncState.LOGGED:
            out("7. Logged in the sandbox. Done.")
            return 0
        if update.call.sync_state is SyncState.FAILED:
            out(f"7. Logging failed: {update.error}")
            return 1


async def _next(updates: asyncio.Queue[DeskUpdate], call_id: str, *kinds: UpdateKind) -> DeskUpdate:
    async with asyncio.timeout(TERMINAL_WAIT_S):
        while True:
            update = await updates.get()
            if update.call.external_call_id == call_id and update.kind in kinds:
                return update
