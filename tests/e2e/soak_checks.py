"""What a soak run must show, read from outside the app: every 202-accepted event is in
``history --json``, every call was logged, and HubSpot (the sandbox) received each logged
call exactly once; no traceback on the app's stderr.

:func:`problems` lists every broken promise in words, so a failing test says what was lost
or sent twice rather than only that something was.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from soak_calls import Feed
from soak_driver import TRACE_MARKERS

SHOWN = 10  # examples per kind of problem in a message


def _some(items: list[str]) -> str:
    more = f" (and {len(items) - SHOWN} more)" if len(items) > SHOWN else ""
    return "; ".join(items[:SHOWN]) + more


def problems(
    feed: Feed, history: list[dict[str, Any]], logged: list[str], stderr: str
) -> list[str]:
    found: list[str] = []
    by_source = {(c["source"], c["call_id"]): c for c in history}
    if feed.refused:
        found.append(f"{len(feed.refused)} events refused: {_some(feed.refused)}")
    if feed.sipp_failures:
        found.append(f"{len(feed.sipp_failures)} sipp calls failed: {_some(feed.sipp_failures)}")

    lost: list[str] = []
    for event in feed.accepted:
        call = by_source.get(("webhook", event.source_call_id))
        if call is None or call["externalCallId"] != event.call_id:
            lost.append(f"{event.kind} of {event.source_call_id} (202 as {event.call_id})")
        elif event.kind == "ended" and call["status"] is None:
            lost.append(f"ended of {event.source_call_id}: the call is still open")
        elif event.kind == "answered" and call["answeredAt"] is None:
            lost.append(f"answered of {event.source_call_id}: no answer time")
    if lost:
        found.append(f"{len(lost)} accepted events missing from history: {_some(lost)}")

    wrong: list[str] = []
    for sip_id, answered in feed.baresip_calls.items():
        call = by_source.get(("baresip", sip_id))
        want = "COMPLETED" if answered else "MISSED"
        if call is None:
            wrong.append(f"{sip_id}: not in history")
        elif call["status"] != want:
            wrong.append(f"{sip_id}: {call['status']}, expected {want}")
    for source_id, answered in feed.webhook_calls.items():
        call = by_source.get(("webhook", source_id))
        if call is None:
            wrong.append(f"{source_id}: not in history")
        elif (call["answeredAt"] is not None) != answered:
            wrong.append(f"{source_id}: answered is {not answered}, expected {answered}")
    if wrong:
        found.append(f"{len(wrong)} calls not as made: {_some(wrong)}")

    counts = Counter(logged)
    ours = {c["externalCallId"] for c in history}
    not_logged = [
        f"{c['externalCallId']} ({c['syncState']})" for c in history if c["syncState"] != "logged"
    ]
    if not_logged:
        found.append(f"{len(not_logged)} calls not logged: {_some(not_logged)}")
    never_received = [
        c["externalCallId"]
        for c in history
        if c["syncState"] == "logged" and counts[c["externalCallId"]] == 0
    ]
    if never_received:
        found.append(
            f"{len(never_received)} calls logged but never received: {_some(never_received)}"
        )
    twice = [f"{ext} x{n}" for ext, n in counts.items() if n > 1]
    if twice:
        found.append(f"{len(twice)} calls received more than once: {_some(twice)}")
    strangers = sorted(set(counts) - ours)
    if strangers:
        found.append(f"{len(strangers)} logged calls not in history: {_some(strangers)}")

    traces = [line for line in stderr.splitlines() if line.startswith(TRACE_MARKERS)]
    if traces:
        found.append(f"the app's stderr has {len(traces)} tracebacks:\n{stderr[-4000:]}")
    return found


def expected_calls(feed: Feed) -> int:
    return len(feed.webhook_calls) + len(feed.baresip_calls)
