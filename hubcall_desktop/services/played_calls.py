"""Calls the app plays itself (the demo's callers, the set-up guide's test ring): their
answer and end go to the desk as events, the way a softphone's would."""

from __future__ import annotations

from hubcall_desktop.core.call import Call, CallSource, utc_now
from hubcall_desktop.core.events import EndReason, EventKind, make_event
from hubcall_desktop.services.call_desk import CallDesk


async def play_event(
    desk: CallDesk,
    call: Call,
    kind: EventKind,
    reason: EndReason | None,
    *,
    lenient_numbers: bool = False,
) -> None:
    """Tell ``desk`` that ``call`` was answered or ended, now. ``lenient_numbers`` lets a
    caller that is a name, not a number, through (the test ring's)."""
    event = make_event(
        kind,
        CallSource.DEMO,
        source_call_id=call.source_call_id,
        raw_from=call.raw_from,
        raw_to=call.raw_to,
        at=utc_now(),
        reason=reason,
        region=desk.settings.region,
        lenient_numbers=lenient_numbers,
    )
    await desk.handle_event(event)
