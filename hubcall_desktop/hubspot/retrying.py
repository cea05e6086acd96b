"""When and how long to wait before trying HubSpot again, on tenacity."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from hubcall_desktop.hubspot.errors import HubSpotError, HubSpotRateLimited


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard one request tries before the error goes back to the caller (the outbox
    then keeps the call and tries again later, with its own growing intervals)."""

    attempts: int = 4
    max_total_seconds: float = 30.0
    initial_wait: float = 0.5
    max_wait: float = 8.0


NO_RETRY = RetryPolicy(attempts=1)


def should_retry(error: BaseException) -> bool:
    """Transient failures, except a daily 429, which will not clear for hours."""
    if isinstance(error, HubSpotRateLimited) and error.daily:
        return False
    return isinstance(error, HubSpotError) and error.transient


class _WaitHonouringServer:
    """Exponential backoff with jitter, unless HubSpot said how long to wait."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._backoff = wait_random_exponential(multiplier=policy.initial_wait, max=policy.max_wait)
        self._cap = policy.max_total_seconds

    def __call__(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, HubSpotRateLimited) and error.retry_after is not None:
            return min(max(0.0, error.retry_after), self._cap)
        return float(self._backoff(state))


def retrying(
    policy: RetryPolicy, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
) -> AsyncRetrying:
    """``sleep`` waits between attempts (a test's clock may stand in for asyncio's)."""
    return AsyncRetrying(
        sleep=sleep,
        retry=retry_if_exception(should_retry),
        stop=stop_after_attempt(policy.attempts) | stop_after_delay(policy.max_total_seconds),
        wait=_WaitHonouringServer(policy),
        reraise=True,
    )
