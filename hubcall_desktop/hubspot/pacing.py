"""Client-side pacing so a burst of calls never earns a 429.

Written by hand, deliberately: HubSpot counts requests in a *rolling* window and tells us
its view through ``X-HubSpot-RateLimit-*`` headers; token-bucket libraries (aiolimiter,
limits) can neither mirror a rolling window exactly nor be tightened from a server's
``Remaining`` count. The logic is a deque of send times and a pause window.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping

logger = logging.getLogger(__name__)

DEFAULT_BUDGET = 100
DEFAULT_WINDOW_S = 10.0
# Requests kept in reserve below HubSpot's own count, for other apps sharing the account.
RESERVE = 2
# Ceilings on what a server may make us wait. HubSpot documents a 10-second rolling
# window for its burst limit, so a longer X-HubSpot-RateLimit-Interval-Milliseconds is
# not believed; and no Retry-After or pause holds requests longer than a minute (an
# answer saying "inf", or a date next year, must not stall the app until a restart).
MAX_WINDOW_S = 10.0
MAX_SERVER_WAIT_S = 60.0


class RequestPacer:
    """At most ``budget`` requests per rolling ``window`` seconds, tightened by the server."""

    def __init__(
        self,
        budget: int = DEFAULT_BUDGET,
        window: float = DEFAULT_WINDOW_S,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if budget < 1 or window <= 0:
            raise ValueError("budget must be >= 1 and window > 0")
        self._budget = budget
        self._configured_budget = budget
        self._window = window
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    @property
    def budget(self) -> int:
        return self._budget

    def delay_needed(self) -> float:
        """Seconds to wait before the next request may go (0 when it may go now)."""
        now = self._clock()
        while self._sent and self._sent[0] <= now - self._window:
            self._sent.popleft()
        wait = max(0.0, self._paused_until - now)
        if len(self._sent) >= self._budget:
            wait = max(wait, self._sent[0] + self._window - now)
        return wait

    async def acquire(self) -> None:
        """Wait for a slot, then take it. Callers are served in arrival order."""
        async with self._lock:
            while (wait := self.delay_needed()) > 0:
                logger.debug("pacing: waiting %.3f s", wait)
                await self._sleep(wait)
            self._sent.append(self._clock())

    def observe(self, headers: Mapping[str, str], *, rate_limited: bool = False) -> None:
        """Learn from HubSpot's rate-limit headers on any answer.

        On a 429 the caller pauses by the answer's own ``Retry-After`` instead, which
        HubSpot (or a proxy) may set shorter than the whole window.
        """
        max_ = _int_header(headers, "X-HubSpot-RateLimit-Max")
        remaining = _int_header(headers, "X-HubSpot-RateLimit-Remaining")
        interval_ms = _int_header(headers, "X-HubSpot-RateLimit-Interval-Milliseconds")
        if interval_ms and interval_ms > 0:
            self._window = max(self._window, min(interval_ms / 1000, MAX_WINDOW_S))
        if max_ and max_ > 0:
            self._budget = max(1, min(self._configured_budget, max_ - RESERVE))
        if remaining is not None and remaining <= RESERVE and not rate_limited:
            self.pause(self._window)

    def pause(self, seconds: float) -> None:
        """Hold every request for ``seconds`` (a 429 or an exhausted server count), at
        most ``MAX_SERVER_WAIT_S``."""
        if math.isnan(seconds):
            return
        seconds = min(max(0.0, seconds), MAX_SERVER_WAIT_S)
        self._paused_until = max(self._paused_until, self._clock() + seconds)


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None
