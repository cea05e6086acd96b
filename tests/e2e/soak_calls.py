"""Calls for the soak: what a softphone sends the webhook, what sipp does to baresip, and
what is recorded of each so the checks can compare it with what the app kept.

A webhook call is ``ringing``, maybe ``answered``, then ``ended``, each a POST with the
secret. Like a softphone, a 429 is retried after its ``Retry-After`` and a 503 after a
second; every 202 is recorded with the call id the app answered. Baresip calls alternate
between a caller who gives up while it rings (missed) and one the auto-answering baresip
takes (answered, then the caller hangs up).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from soak_driver import Baresip, run_sipp

# Callers: people in the sandbox's seed (a lookup finds them) and numbers nobody has.
KNOWN_CALLERS = ("+493055501234", "+12125550143", "+442079460018", "+442079460500")
UNKNOWN_CALLERS = tuple(f"+4930555{n:05d}" for n in range(20, 60))
RETRY_503_S = 1.0
MAX_ATTEMPTS = 30  # a softphone gives up some time; here only a guard against a loop


@dataclass
class Accepted:
    """One event the webhook answered 202."""

    kind: str
    source_call_id: str
    call_id: str  # the app's id for the call, from the 202 body


@dataclass
class Feed:
    """What was sent and how it was answered, across all calls of a run."""

    accepted: list[Accepted] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "status body" of final refusals
    retried: dict[int, int] = field(default_factory=dict)  # status -> retries
    latencies_ms: list[float] = field(default_factory=list)  # POST -> 202, every 202
    webhook_calls: dict[str, bool] = field(default_factory=dict)  # source id -> answered
    baresip_calls: dict[str, bool] = field(default_factory=dict)  # sipp Call-ID -> answered
    sipp_failures: list[str] = field(default_factory=list)
    done: int = 0  # calls whose last event was answered (both sources)
    on_done: Callable[[int], None] | None = None

    def finished_one(self) -> None:
        self.done += 1
        if self.on_done is not None:
            self.on_done(self.done)


class Pacer:
    """At most ``rate`` sends per second in total: the webhook allows a client 20 a second
    (40 at once). A next-slot clock (a few lines, so no rate-limiting library)."""

    def __init__(self, rate: float) -> None:
        self._gap = 1.0 / rate
        self._next = time.monotonic()

    async def wait(self) -> None:
        now = time.monotonic()
        slot = max(now, self._next)
        self._next = slot + self._gap
        if slot > now:
            await asyncio.sleep(slot - now)


async def post_event(
    client: httpx.AsyncClient, pacer: Pacer, feed: Feed, body: dict[str, str]
) -> str | None:
    """POST one event until it is accepted or finally refused; the app's call id or None."""
    for _ in range(MAX_ATTEMPTS):
        await pacer.wait()
        sent = time.perf_counter()
        answer = await client.post("/v1/events", json=body)
        if answer.status_code == 202:
            feed.latencies_ms.append((time.perf_counter() - sent) * 1000)
            call_id = str(answer.json()["call_id"])
            feed.accepted.append(Accepted(body["event"], body["call_id"], call_id))
            return call_id
        if answer.status_code in (429, 503):
            feed.retried[answer.status_code] = feed.retried.get(answer.status_code, 0) + 1
            wait = float(answer.headers.get("Retry-After", RETRY_503_S))
            await asyncio.sleep(min(wait, 10.0))
            continue
        feed.refused.append(f"{answer.status_code} {answer.text[:200]}")
        return None
    feed.refused.append(f"gave up after {MAX_ATTEMPTS} attempts: {body}")
    return None


async def webhook_call(
    client: httpx.AsyncClient, pacer: Pacer, feed: Feed, rng: random.Random, answered: bool
) -> None:
    source_id = f"soak-{uuid.uuid4()}"
    caller = rng.choice(KNOWN_CALLERS if rng.random() < 0.3 else UNKNOWN_CALLERS)
    feed.webhook_calls[source_id] = answered
    common = {"call_id": source_id, "from": caller, "to": "+4930555012300"}
    await post_event(client, pacer, feed, {"event": "ringing", **common})
    await asyncio.sleep(rng.uniform(0.05, 0.4))
    if answered:
        await post_event(client, pacer, feed, {"event": "answered", **common})
        await asyncio.sleep(rng.uniform(0.05, 0.4))
    reason = "hung-up" if answered else rng.choice(("canceled", "no-answer", "busy"))
    await post_event(client, pacer, feed, {"event": "ended", "reason": reason, **common})
    feed.finished_one()


async def feed_webhook(
    url: str,
    secret: str,
    feed: Feed,
    *,
    calls: int,
    lines: int = 4,
    events_per_s: float = 18.0,
    answered_share: float = 0.6,
    seed: int = 9,
) -> None:
    """``calls`` webhook calls, ``lines`` at a time (an agent's softphone plus a queue)."""
    rng = random.Random(seed)
    pacer = Pacer(events_per_s)
    todo: asyncio.Queue[bool] = asyncio.Queue()
    for _ in range(calls):
        todo.put_nowait(rng.random() < answered_share)
    headers = {"Authorization": f"Bearer {secret}"}
    limits = httpx.Limits(max_connections=lines)
    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=30
    ) as client:

        async def line() -> None:
            while not todo.empty():
                await webhook_call(client, pacer, feed, rng, todo.get_nowait())

        await asyncio.gather(*(line() for _ in range(lines)))


async def feed_baresip(
    manual: Baresip,
    auto: Baresip,
    folder: Path,
    feed: Feed,
    *,
    calls: int,
    tag: str,
    gap_s: float = 0.0,
) -> None:
    """``calls`` SIP calls from sipp, one after the other, ``gap_s`` apart (to spread them
    over a long run): even ones missed, odd answered."""
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    for n in range(calls):
        answered = n % 2 == 1
        call_id = f"soak-{tag}-{n}@sipp.test"
        feed.baresip_calls[call_id] = answered
        result = await run_sipp(
            "answered.xml" if answered else "cancel.xml",
            auto if answered else manual,
            folder,
            pause_ms=300,
            call_id=call_id,
        )
        trace = folder / f"{call_id}.messages"  # sipp's traces add up over a long run
        await asyncio.to_thread(trace.unlink, missing_ok=True)
        if result.returncode != 0:
            feed.sipp_failures.append(f"{call_id}: exit {result.returncode}\n{result.output}")
        feed.finished_one()
        await asyncio.sleep(gap_s)


def percentiles(values: list[float]) -> str:
    if not values:
        return "no values"
    ordered = sorted(values)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]

    return (
        f"p50 {statistics.median(ordered):.1f}  p95 {at(0.95):.1f}  p99 {at(0.99):.1f}  "
        f"max {ordered[-1]:.1f} ms  (n={len(ordered)})"
    )
