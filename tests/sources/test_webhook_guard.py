"""The webhook's checks, one by one, without a server."""

from __future__ import annotations

import pytest
from multidict import CIMultiDict

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook_guard import (
    FloodLog,
    RateLimiter,
    Refusal,
    bearer_token,
    check_body_size,
    check_host,
    check_json_content_type,
    check_not_from_browser,
    check_secret,
    parse_query,
    secret_matches,
)

SECRET = Secret("guard-secret-abcdefghijklmnopqrstuvwxyz012345")


def status_of(check: object, *args: object) -> int:
    with pytest.raises(Refusal) as caught:
        check(*args)  # type: ignore[operator]
    return caught.value.status


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.0.0.1:47831", "localhost", "LOCALHOST:1", "[::1]", "[::1]:47831"],
)
def test_loopback_hosts_pass(host: str) -> None:
    check_host(host)


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:47831",
        "127.0.0.1.evil.example",
        "localhost.evil.example:47831",
        "[::1",
        "[::1]x",
        "[::1]:port",
        "[evil.example]:1",
        "127.0.0.1:47831:1",
        "127.0.0.2",
        "0.0.0.0:47831",
        "[::ffff:127.0.0.1]:47831",
    ],
)
def test_other_hosts_are_refused(host: str) -> None:
    assert status_of(check_host, host) == 403


@pytest.mark.parametrize("host", [None, ""])
def test_a_missing_host_is_a_bad_request(host: str | None) -> None:
    assert status_of(check_host, host) == 400


def test_web_pages_are_refused_but_scripts_pass() -> None:
    check_not_from_browser(CIMultiDict({"User-Agent": "curl/8"}))
    check_not_from_browser(CIMultiDict({"Sec-Fetch-Site": "none"}))  # typed in the URL bar
    for headers in (
        {"Origin": "https://evil.example"},
        {"origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"sec-fetch-site": "Same-Site"},
    ):
        assert status_of(check_not_from_browser, CIMultiDict(headers)) == 403


def test_bearer_token_parsing() -> None:
    assert bearer_token(None) is None
    assert bearer_token("Bearer abc") == "abc"
    assert bearer_token("bearer   abc ") == "abc"
    for bad in ("Basic abc", "Bearer", "Bearer a b", "abc", ""):
        assert status_of(bearer_token, bad) == 401


def test_secret_checks() -> None:
    right = SECRET.reveal()
    check_secret(f"Bearer {right}", None, SECRET)
    check_secret(None, right, SECRET)
    check_secret(f"Bearer {right}", right, SECRET)
    assert status_of(check_secret, None, None, SECRET) == 401
    assert status_of(check_secret, "Bearer nope", None, SECRET) == 401
    assert status_of(check_secret, None, right + "x", SECRET) == 401
    assert status_of(check_secret, f"Bearer {right}", "wrong", SECRET) == 401  # both must match
    assert status_of(check_secret, None, right[:-1], SECRET) == 401
    assert not secret_matches("ü" * 3, SECRET)  # non-ASCII compares without raising


def test_refusals_never_quote_the_secret() -> None:
    with pytest.raises(Refusal) as caught:
        check_secret("Bearer " + SECRET.reveal()[:-1], None, SECRET)
    assert SECRET.reveal()[:-1] not in str(caught.value)


def test_content_type_and_size() -> None:
    check_json_content_type("application/json")
    check_json_content_type("Application/JSON; charset=utf-8")
    for bad in ("", "text/plain", "application/x-www-form-urlencoded", "application/jsonx"):
        assert status_of(check_json_content_type, bad) == 415
    check_body_size(None, 10)
    check_body_size(10, 10)
    assert status_of(check_body_size, 11, 10) == 413


def test_query_parsing_keeps_the_plus_and_refuses_what_it_cannot_read() -> None:
    assert parse_query("from=+4930123456&to=&call_id=a%20b", 16) == {
        "from": "+4930123456",
        "to": "",
        "call_id": "a b",
    }
    assert parse_query("", 16) == {}
    assert parse_query("a=1&&b", 16) == {"a": "1", "b": ""}
    assert status_of(parse_query, "from=%FF", 16) == 400
    assert status_of(parse_query, "from=1&from=2", 16) == 400
    assert status_of(parse_query, "&".join(f"p{i}=1" for i in range(17)), 16) == 400


def test_rate_limiter_bursts_then_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2.0, burst=3, clock=lambda: now[0])
    assert [limiter.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.take("a")
    assert wait == pytest.approx(0.5)
    assert limiter.take("b") == 0.0  # another client has its own bucket
    now[0] += 0.5
    assert limiter.take("a") == 0.0
    now[0] += 100
    assert [limiter.take("a") for _ in range(4)].count(0.0) == 3  # never above the burst


def test_rate_limiter_forgets_the_oldest_clients() -> None:
    limiter = RateLimiter(rate=1.0, burst=1, clock=lambda: 0.0, max_clients=2)
    limiter.take("a")
    limiter.take("b")
    limiter.take("c")  # "a" is forgotten and starts with a full bucket again
    assert limiter.take("a") == 0.0
    assert limiter.take("c") > 0


def test_a_flood_is_logged_at_its_start_then_once_per_interval() -> None:
    log = FloodLog(interval=10)
    assert log.refused("a", 0.0) == 1
    assert [log.refused("a", t) for t in (1.0, 2.0, 9.9)] == [None, None, None]
    assert log.refused("b", 3.0) == 1  # each client on its own
    assert log.refused("a", 10.0) == 4  # the three kept quiet and this one
    assert log.refused("a", 10.5) is None


def test_rate_limiter_needs_positive_settings() -> None:
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(rate=0, burst=1)
