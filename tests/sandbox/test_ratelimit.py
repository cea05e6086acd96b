"""HubSpot's rolling ten-second window and daily cap, enforced with a clock the test moves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH, INBOUND_CALL_PATHS
from hubcall_desktop.sandbox.ratelimit import RateLimiter, RatePolicy

from .helpers import PRIVATE_APP_TOKEN, FakeClock


async def _get(http: httpx.AsyncClient) -> httpx.Response:
    return await http.get(ACCOUNT_DETAILS_PATH)


DAILY_HEADERS = ("X-HubSpot-RateLimit-Daily", "X-HubSpot-RateLimit-Daily-Remaining")


@pytest.fixture
async def limited_sandbox(clock: FakeClock) -> AsyncIterator[SandboxServer]:
    """A sandbox allowing 3 requests per 10 s and, to a private app, 5 a day."""
    async with SandboxServer(
        rate_limit=3,
        rate_window_ms=10_000,
        daily_limit=5,
        private_app_tokens=(PRIVATE_APP_TOKEN,),
        clock=clock,
    ) as server:
        yield server


@pytest.fixture
async def limited(limited_sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    """A private app's client of ``limited_sandbox``."""
    async with httpx.AsyncClient(
        base_url=limited_sandbox.base_url,
        headers={"Authorization": f"Bearer {PRIVATE_APP_TOKEN}"},
    ) as http:
        yield http


async def test_the_rolling_window_refuses_the_fourth_request_in_ten_seconds(
    limited: httpx.AsyncClient, clock: FakeClock
) -> None:
    allowed = [await _get(limited) for _ in range(3)]
    refused = await _get(limited)

    assert [a.status_code for a in allowed] == [200, 200, 200]
    assert [a.headers["X-HubSpot-RateLimit-Remaining"] for a in allowed] == ["2", "1", "0"]
    assert refused.status_code == 429
    body = refused.json()
    assert body == {
        "status": "error",
        "message": "You have reached your ten_secondly_rolling limit.",
        "errorType": "RATE_LIMIT",
        "correlationId": body["correlationId"],
        "policyName": "TEN_SECONDLY_ROLLING",
        "category": "RATE_LIMITS",
    }
    assert refused.headers["X-HubSpot-RateLimit-Remaining"] == "0"
    assert refused.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000"
    assert "Retry-After" not in refused.headers  # HubSpot does not document one


async def test_the_window_rolls_rather_than_resetting(
    limited: httpx.AsyncClient, clock: FakeClock
) -> None:
    await _get(limited)  # t = 0
    clock.advance(6)
    await _get(limited)  # t = 6
    await _get(limited)  # t = 6
    clock.advance(3.875)  # binary-exact steps: the boundary is tested, not float rounding
    still_full = await _get(limited)  # t = 9.875: all three are inside the window
    clock.advance(0.125)
    one_free = await _get(limited)  # t = 10: the first has left the window
    refused_again = await _get(limited)

    assert still_full.status_code == 429
    assert one_free.status_code == 200
    assert one_free.headers["X-HubSpot-RateLimit-Remaining"] == "0"
    assert refused_again.status_code == 429


async def test_refused_requests_do_not_use_up_the_window(
    limited: httpx.AsyncClient, clock: FakeClock
) -> None:
    for _ in range(3):
        await _get(limited)
    for _ in range(5):
        assert (await _get(limited)).status_code == 429
    clock.advance(10)

    answers = [await _get(limited) for _ in range(2)]

    assert [a.status_code for a in answers] == [200, 200]
    assert answers[-1].headers["X-HubSpot-RateLimit-Daily-Remaining"] == "0"  # 5 of 5 used


async def test_the_daily_cap_refuses_with_the_daily_policy_until_the_next_day(
    limited: httpx.AsyncClient, clock: FakeClock
) -> None:
    for _ in range(5):
        clock.advance(10)
        assert (await _get(limited)).status_code == 200
    clock.advance(10)

    refused = await _get(limited)
    clock.advance(86_400)
    next_day = await _get(limited)

    assert refused.status_code == 429
    assert refused.json()["policyName"] == "DAILY"
    assert refused.json()["message"] == "You have reached your daily limit."
    assert refused.headers["X-HubSpot-RateLimit-Daily-Remaining"] == "0"
    assert refused.headers["X-HubSpot-RateLimit-Daily"] == "5"
    assert next_day.status_code == 200
    assert next_day.headers["X-HubSpot-RateLimit-Daily-Remaining"] == "4"


async def test_an_oauth_token_has_no_daily_cap_and_is_told_of_none(
    limited_sandbox: SandboxServer, clock: FakeClock
) -> None:
    """HubSpot limits OAuth apps per ten seconds only: twice the private app's day is
    answered, never with a daily-limit header, and the private app's day is untouched."""
    async with httpx.AsyncClient(
        base_url=limited_sandbox.base_url, headers={"Authorization": f"Bearer {DEMO_TOKEN}"}
    ) as oauth:
        for _ in range(10):
            clock.advance(10)
            answer = await _get(oauth)
            assert answer.status_code == 200, answer.text
            assert answer.headers["X-HubSpot-RateLimit-Max"] == "3"
            assert not any(name in answer.headers for name in DAILY_HEADERS)
        clock.advance(10)
        for _ in range(3):
            await _get(oauth)
        refused = await _get(oauth)
    assert refused.json()["policyName"] == "TEN_SECONDLY_ROLLING"
    assert not any(name in refused.headers for name in DAILY_HEADERS)
    clock.advance(10)
    async with httpx.AsyncClient(
        base_url=limited_sandbox.base_url,
        headers={"Authorization": f"Bearer {PRIVATE_APP_TOKEN}"},
    ) as private:
        first = await _get(private)
    assert first.headers["X-HubSpot-RateLimit-Daily-Remaining"] == "4"


async def test_the_rate_limit_applies_to_the_inbound_call_route_too(
    clock: FakeClock, make_body: Callable[..., dict[str, Any]]
) -> None:
    async with (
        SandboxServer(rate_limit=1, clock=clock) as server,
        httpx.AsyncClient(
            base_url=server.base_url, headers={"Authorization": f"Bearer {DEMO_TOKEN}"}
        ) as http,
    ):
        first = await http.post(INBOUND_CALL_PATHS[0], json=make_body())
        second = await http.post(INBOUND_CALL_PATHS[1], json=make_body())

        assert (first.status_code, second.status_code) == (200, 429)
        assert len(server.accepted_bodies()) == 1


def test_when_both_limits_are_spent_the_daily_one_is_named(clock: FakeClock) -> None:
    limiter = RateLimiter(max_requests=1, daily_limit=1, clock=clock)
    assert limiter.acquire().allowed

    decision = limiter.acquire()

    assert decision.refused_by is RatePolicy.DAILY  # it will not clear in ten seconds


@pytest.mark.parametrize(
    "limits",
    [{"max_requests": 0}, {"window_ms": 0}, {"daily_limit": 0}, {"max_requests": -5}],
)
def test_limits_must_be_positive(limits: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(**limits)


def test_a_custom_limit_shows_in_the_headers(clock: FakeClock) -> None:
    limiter = RateLimiter(max_requests=190, window_ms=10_000, daily_limit=1_000_000, clock=clock)

    headers = limiter.acquire().headers

    assert headers == {
        "X-HubSpot-RateLimit-Max": "190",
        "X-HubSpot-RateLimit-Remaining": "189",
        "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
        "X-HubSpot-RateLimit-Daily": "1000000",
        "X-HubSpot-RateLimit-Daily-Remaining": "999999",
    }
