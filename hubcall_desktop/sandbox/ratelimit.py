"""HubSpot's rate limits: a rolling ten-second window and a daily cap, with their headers.

Hand-written (a deque of timestamps) because no library in the fixed stack limits by a
rolling window *and* reports HubSpot's ``X-HubSpot-RateLimit-*`` headers; it is small.
The clock is injected so tests move time instead of sleeping.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

DAY_SECONDS = 86_400


class RatePolicy(StrEnum):
    """HubSpot's ``policyName`` in a 429 answer."""

    TEN_SECONDLY_ROLLING = "TEN_SECONDLY_ROLLING"
    DAILY = "DAILY"


@dataclass(frozen=True, slots=True)
class RateDecision:
    """Whether one request may proceed, and the headers its answer carries."""

    refused_by: RatePolicy | None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        return self.refused_by is None


class RateLimiter:
    """Counts the requests HubSpot would count; refused requests do not use up the window.

    The daily cap resets every 24 hours of the injected clock (HubSpot resets at midnight
    in the portal's time zone; a monotonic clock has no midnight).
    """

    def __init__(
        self,
        *,
        max_requests: int = 100,
        window_ms: int = 10_000,
        daily_limit: int = 250_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_requests < 1 or window_ms < 1 or daily_limit < 1:
            raise ValueError("rate limits must be positive")
        self.max_requests = max_requests
        self.window_ms = window_ms
        self.daily_limit = daily_limit
        self._clock = clock
        self._recent: deque[float] = deque()
        self._day: int | None = None
        self._day_count = 0

    def acquire(self, *, daily: bool = True) -> RateDecision:
        """Count one request if both limits allow it; otherwise say which limit refused it.
        ``daily=False`` (an OAuth app's request) is neither capped nor counted per day."""
        now = self._advance()
        refused_by: RatePolicy | None = None
        if daily and self._day_count >= self.daily_limit:
            refused_by = RatePolicy.DAILY
        elif len(self._recent) >= self.max_requests:
            refused_by = RatePolicy.TEN_SECONDLY_ROLLING
        else:
            self._recent.append(now)
            if daily:
                self._day_count += 1
        return RateDecision(refused_by, self.headers(exhausted=refused_by, daily=daily))

    def headers(self, exhausted: RatePolicy | None = None, *, daily: bool = True) -> dict[str, str]:
        """The current ``X-HubSpot-RateLimit-*`` headers; ``exhausted`` reports that limit as 0.
        ``daily=False``: without the daily ones, as HubSpot answers OAuth apps."""
        self._advance()
        remaining = max(0, self.max_requests - len(self._recent))
        daily_remaining = max(0, self.daily_limit - self._day_count)
        if exhausted is RatePolicy.TEN_SECONDLY_ROLLING:
            remaining = 0
        elif exhausted is RatePolicy.DAILY:
            daily_remaining = 0
        found = {
            "X-HubSpot-RateLimit-Max": str(self.max_requests),
            "X-HubSpot-RateLimit-Remaining": str(remaining),
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(self.window_ms),
        }
        if daily:
            found["X-HubSpot-RateLimit-Daily"] = str(self.daily_limit)
            found["X-HubSpot-RateLimit-Daily-Remaining"] = str(daily_remaining)
        return found

    def reset(self) -> None:
        self._recent.clear()
        self._day = None
        self._day_count = 0

    def _advance(self) -> float:
        """Forget what fell out of the window (and yesterday's count); return now."""
        now = self._clock()
        horizon = now - self.window_ms / 1000
        while self._recent and self._recent[0] <= horizon:
            self._recent.popleft()
        day = int(now // DAY_SECONDS)
        if day != self._day:
            self._day, self._day_count = day, 0
        return now
