"""What a webhook holds whether or not it has served a request yet: its limits, its
secret and region, its rate limiters. Nothing here imports aiohttp, so the listening
port can be held from the start while the HTTP server is loaded on the first
connection (:mod:`hubcall_desktop.sources.webhook`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from hubcall_desktop.core.events import CallEvent
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook_guard import FloodLog, RateLimiter

EVENTS_PATH = "/v1/events"

EventSink = Callable[[CallEvent], Awaitable[str]]
"""Journals the event (through the lifecycle) and returns the call's external id. It may
raise InputError only before it journaled anything, StorageError if the journal failed."""


@dataclass(frozen=True, slots=True)
class WebhookLimits:
    max_body_bytes: int = 64 * 1024
    max_query_params: int = 16
    rate_per_second: float = 20.0  # sustained requests per client address, with the secret
    burst: int = 40  # requests a client with the secret may send at once
    # All requests without the right secret together, from whatever address.
    stranger_rate_per_second: float = 5.0
    stranger_burst: int = 20
    body_timeout: float = 5.0  # seconds for a whole request body to arrive
    sink_timeout: float = 10.0  # seconds before answering 503 while the journal still works
    keepalive_timeout: float = 15.0
    bind_retry_s: float = 5.0  # how long a taken port is retried before giving up


@dataclass(slots=True)
class State:
    sink: EventSink
    secret: Secret
    region: str
    limits: WebhookLimits
    clock: Callable[[], datetime]
    limiter: RateLimiter
    strangers: RateLimiter
    flood_log: FloodLog = field(default_factory=FloodLog)
    pending: set[asyncio.Task[str]] = field(default_factory=set)
    demo: bool = False  # a wrong secret is then most likely the real app's: say so
