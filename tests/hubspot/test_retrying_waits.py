"""How one request tries again: how many attempts, how long it waits between them (its
own backoff, or HubSpot's Retry-After within the policy's ceiling), and what ends the
attempts, and that the service waits with the sleep it is given. A recording sleep
stands in for asyncio's, so nothing waits for real."""

from __future__ import annotations

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import (
    ErrorDetails,
    HubSpotError,
    HubSpotRateLimited,
    HubSpotServerError,
    HubSpotValidationError,
)
from hubcall_desktop.hubspot.retrying import RetryPolicy, retrying
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client


class Sleeps:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


async def _run(policy: RetryPolicy, errors: list[HubSpotError]) -> tuple[int, list[float], str]:
    """Attempts made, waits between them, and how it ended ("ok" or the error's type)."""
    sleeps = Sleeps()
    attempts = 0
    try:
        async for attempt in retrying(policy, sleeps):
            with attempt:
                attempts += 1
                if attempts <= len(errors):
                    raise errors[attempts - 1]
    except HubSpotError as error:
        return attempts, sleeps.waits, type(error).__name__
    return attempts, sleeps.waits, "ok"


def _limited(retry_after: float | None, policy: str = "TEN_SECONDLY_ROLLING") -> HubSpotError:
    return HubSpotRateLimited("429", ErrorDetails(policy_name=policy), retry_after)


async def test_retry_after_is_the_wait_within_the_requests_ceiling() -> None:
    policy = RetryPolicy(attempts=5, max_total_seconds=30.0)
    attempts, waits, end = await _run(
        policy, [_limited(2.5), _limited(0.0), _limited(-4.0), _limited(500.0)]
    )
    assert (attempts, end) == (5, "ok")
    assert waits == [2.5, 0.0, 0.0, 30.0]


async def test_without_retry_after_the_backoff_grows_up_to_its_maximum() -> None:
    policy = RetryPolicy(attempts=6, max_total_seconds=1000.0, initial_wait=1.0, max_wait=3.0)
    server_error = HubSpotServerError("500")
    attempts, waits, end = await _run(policy, [server_error] * 5)
    assert (attempts, end) == (6, "ok")
    # Full jitter: each wait lies between 0 and min(max_wait, initial * 2^n).
    for n, wait in enumerate(waits):
        assert 0.0 <= wait <= min(3.0, 1.0 * 2**n)
    assert max(waits) <= 3.0


async def test_a_rate_limit_without_retry_after_backs_off_too() -> None:
    policy = RetryPolicy(attempts=2, max_total_seconds=100.0, initial_wait=0.25, max_wait=0.25)
    attempts, waits, end = await _run(policy, [_limited(None)])
    assert (attempts, end) == (2, "ok")
    assert len(waits) == 1 and 0.0 <= waits[0] <= 0.25


async def test_the_attempts_are_counted_and_the_last_error_is_raised() -> None:
    policy = RetryPolicy(attempts=3, max_total_seconds=1000.0, initial_wait=0.0, max_wait=0.0)
    attempts, waits, end = await _run(policy, [HubSpotServerError("500")] * 10)
    assert (attempts, len(waits), end) == (3, 2, "HubSpotServerError")


async def test_a_refusal_and_a_daily_limit_are_tried_once() -> None:
    policy = RetryPolicy(attempts=5, max_total_seconds=1000.0, initial_wait=0.0, max_wait=0.0)
    assert await _run(policy, [HubSpotValidationError("400")]) == (
        1,
        [],
        "HubSpotValidationError",
    )
    assert await _run(policy, [_limited(1.0, "DAILY")]) == (1, [], "HubSpotRateLimited")


@pytest.mark.parametrize("attempts", [1, 2, 4])
async def test_a_request_that_keeps_failing_stops_after_its_attempts(attempts: int) -> None:
    policy = RetryPolicy(attempts=attempts, max_total_seconds=1000.0, initial_wait=0.0)
    made, _, end = await _run(policy, [HubSpotServerError("500")] * 10)
    assert (made, end) == (attempts, "HubSpotServerError")


async def test_no_attempt_starts_past_the_total_time() -> None:
    # A total of zero seconds has passed once the first attempt failed: no second one.
    policy = RetryPolicy(attempts=5, max_total_seconds=0.0, initial_wait=0.0, max_wait=0.0)
    made, waits, end = await _run(policy, [HubSpotServerError("500")] * 10)
    assert (made, waits, end) == (1, [], "HubSpotServerError")


async def test_the_service_waits_between_attempts_with_the_sleep_it_was_given() -> None:
    # A 503, then a 200: the one wait goes through the injected sleep (a test clock, the
    # app's loop), never around it.
    answers = iter([503, 200])
    transport = httpx.MockTransport(
        lambda request: httpx.Response(next(answers), json={"portalId": 1, "uiDomain": "d"})
    )
    sleeps = Sleeps()
    policy = RetryPolicy(attempts=2, max_total_seconds=30, initial_wait=0.25, max_wait=0.25)
    async with build_client(transport=transport) as client:
        service = HubSpotService(
            client,
            StaticToken(Secret("t")),
            base_url="http://h.invalid",
            retry_policy=policy,
            retry_sleep=sleeps,
        )
        assert (await service.account_details()).portal_id == 1
    [wait] = sleeps.waits  # the backoff, with its jitter
    assert 0 < wait <= 0.25
