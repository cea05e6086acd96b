"""How often one Log click from the pop-up waits on the journal's thread.

Every journal call is a round trip to the worker thread (and, for a write, a disk sync):
the pop-up's Log asks the desk to queue the call, the outbox sends it, and the windows
hear it was logged. The count is exact, so a change that reads the call back again (or
counts the outbox twice) shows up here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.async_journal import AsyncJournal

from .test_call_desk import Recorder, _event

# The journal's work for one Log, in order: the desk reads the call and queues its
# request with the edits (one transaction); the outbox's pass finds the entry due, reads
# it again under the lock, checks no contact is being created for the call, marks it
# sending, then delivered, reads the call (HubSpot named the caller: its matches are kept
# if it had none; the windows get this copy), and counts the outbox once at the end.
# Before the desk returned what it changed: 15 (the call read back after queueing, the
# outbox counted three times, the call read twice after delivery, an empty second batch).
LOG_ROUND_TRIPS = [
    "get_call",
    "enqueue_log",
    "due_entries",
    "get_entry",
    "<lambda>",  # ContactWrites.unsettled_for_call, on the journal's file
    "mark_sending",
    "mark_delivered",
    "get_call",
    "pending_count",
]


class Counter:
    """Wraps a journal so each round trip to its worker thread is written down by name."""

    def __init__(self, journal: AsyncJournal) -> None:
        self.names: list[str] = []
        self.counting = False
        run: Callable[..., Any] = journal._run
        save_soon: Callable[[Call], Any] = journal.save_call_soon

        async def counted_run(job: Any, **kwargs: Any) -> Any:
            if self.counting:
                func = job.func if isinstance(job, functools.partial) else job
                self.names.append(getattr(func, "__name__", "job"))
            return await run(job, **kwargs)

        def counted_save(call: Call) -> Any:
            if self.counting:
                self.names.append("save_call")
            return save_soon(call)

        journal._run = counted_run  # type: ignore[method-assign]
        journal.save_call_soon = counted_save  # type: ignore[method-assign]


async def test_one_log_from_the_popup_costs_the_fewest_round_trips(
    runtime: DeskRuntime,
) -> None:
    desk = runtime.desk
    recorder = Recorder()
    desk.add_listener(recorder)
    counter = Counter(runtime.journal)
    await desk.start()
    call_id = await desk.handle_event(_event(EventKind.RINGING))
    await recorder.wait(lambda u: u.kind is UpdateKind.MATCHES and u.fresh)
    await desk.handle_event(_event(EventKind.ANSWERED))
    await desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
    await recorder.wait_for(call_id, UpdateKind.ENDED)

    await desk.outbox.one_pass()  # a pass still under way (the start's) ends first
    counter.counting = True
    await desk.log_call(call_id, CallStatus.COMPLETED, "Wants a quote", "Quote")
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    counter.counting = False

    print(f"\nround trips for one Log: {len(counter.names)} {counter.names}")
    assert counter.names == LOG_ROUND_TRIPS
    logged = [u for u in recorder.updates if u.call.sync_state is SyncState.LOGGED]
    assert logged[-1].call.notes == "Wants a quote"  # the copy the windows get is current
    assert desk.current_status().pending == 0
