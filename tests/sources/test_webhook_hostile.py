"""Hostile input against the webhook: each bad request is answered as specified, nothing
it carried reaches the journal, and the server keeps answering good requests."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

import aiohttp
import httpx
import pytest

from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer

from .conftest import RateClock
from .helpers import SECRET, RecordingSink, raw_request

TOKEN = SECRET.reveal()
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON = {"Content-Type": "application/json"}
GOOD = {"event": "ringing", "call_id": "good-1", "from": "+4930123456"}


@dataclass(frozen=True)
class Bad:
    name: str
    status: int
    method: str = "POST"
    target: str = "/v1/events"
    headers: dict[str, str] = field(default_factory=lambda: {**AUTH, **JSON})
    body: bytes | None = None
    raw: bytes | None = None  # sent as is over a socket ({port}, {token} filled in)


def body(**data: object) -> bytes:
    return json.dumps({**GOOD, **data}).encode()


BAD = [
    # -- the secret
    Bad("no secret", 401, headers=JSON, body=body()),
    Bad("wrong bearer", 401, headers={"Authorization": "Bearer nope", **JSON}, body=body()),
    Bad(
        "secret plus a character",
        401,
        headers={"Authorization": f"Bearer {TOKEN}x", **JSON},
        body=body(),
    ),
    Bad(
        "secret minus a character",
        401,
        headers={"Authorization": f"Bearer {TOKEN[:-1]}", **JSON},
        body=body(),
    ),
    Bad("basic auth", 401, headers={"Authorization": f"Basic {TOKEN}", **JSON}, body=body()),
    Bad("bearer without token", 401, headers={"Authorization": "Bearer", **JSON}, body=body()),
    Bad(
        "wrong token parameter",
        401,
        "GET",
        "/v1/events/ringing?token=nope&from=%2B4930123456",
        headers={},
    ),
    Bad(
        "right bearer, wrong token parameter",
        401,
        "GET",
        "/v1/events/ringing?token=nope&from=1",
        headers=AUTH,
    ),
    Bad("empty token parameter", 401, "GET", "/v1/events/ringing?token=&from=1", headers={}),
    # -- DNS rebinding and web pages
    Bad("foreign host", 403, headers={**AUTH, **JSON, "Host": "evil.example"}, body=body()),
    Bad(
        "foreign host with our port",
        403,
        headers={**AUTH, **JSON, "Host": "evil.example:47831"},
        body=body(),
    ),
    Bad(
        "loopback as a subdomain",
        403,
        headers={**AUTH, **JSON, "Host": "127.0.0.1.evil.example"},
        body=body(),
    ),
    Bad(
        "localhost as a subdomain",
        403,
        headers={**AUTH, **JSON, "Host": "localhost.evil.example"},
        body=body(),
    ),
    Bad(
        "origin of a web page",
        403,
        headers={**AUTH, **JSON, "Origin": "https://evil.example"},
        body=body(),
    ),
    Bad(
        "origin null (sandboxed frame)",
        403,
        headers={**AUTH, **JSON, "Origin": "null"},
        body=body(),
    ),
    Bad(
        "origin of loopback itself",
        403,
        headers={**AUTH, **JSON, "Origin": "http://127.0.0.1"},
        body=body(),
    ),
    Bad(
        "cross-site fetch",
        403,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&from=1",
        headers={"Sec-Fetch-Site": "cross-site"},
    ),
    Bad(
        "same-site fetch (another localhost port)",
        403,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&from=1",
        headers={"Sec-Fetch-Site": "same-site"},
    ),
    # -- size and form
    Bad("body over 64 KiB", 413, body=body(call_id="x" * 70_000)),
    Bad(
        "body over 64 KiB, no length given",
        413,
        raw=(
            b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + b"".join(b"4000\r\n" + b" " * 0x4000 + b"\r\n" for _ in range(5))
            + b"0\r\n\r\n"
        ),
    ),
    Bad(
        "text/plain body (a browser form)",
        415,
        headers={**AUTH, "Content-Type": "text/plain"},
        body=body(),
    ),
    Bad(
        "form-encoded body",
        415,
        headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
        body=b"event=ringing",
    ),
    Bad("no content type", 415, headers=AUTH, body=body()),
    Bad("malformed JSON", 400, body=b'{"event": "ringing",'),
    Bad("JSON array", 400, body=b'["ringing"]'),
    Bad("JSON string", 400, body=b'"ringing"'),
    Bad("NaN in JSON", 400, body=b'{"event": "ringing", "from": NaN}'),
    Bad(
        "duplicate JSON keys", 400, body=b'{"event": "ringing", "from": "1", "from": "+4930123456"}'
    ),
    Bad("invalid UTF-8", 400, body=b'{"event": "ringing", "from": "\xff\xfe"}'),
    Bad("UTF-16 body", 400, body=json.dumps(GOOD).encode("utf-16")),
    Bad("deeply nested JSON", 400, body=b'{"event": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"),
    Bad("a 5000-digit number", 400, body=b'{"event": "ringing", "from": ' + b"9" * 5000 + b"}"),
    # -- the event
    Bad("unknown event type", 400, body=body(event="exploded")),
    Bad(
        "unknown event type in the path",
        400,
        "GET",
        f"/v1/events/exploded?token={TOKEN}&from=1",
        headers={},
    ),
    Bad("garbage number", 400, body=body(**{"from": "12ab34xyz"})),
    Bad("number of the wrong type", 400, body=body(**{"from": 4930123456})),
    Bad("over-long call id", 400, body=body(call_id="c" * 129)),
    Bad("over-long number", 400, body=body(**{"from": "+49" + "1" * 200})),
    Bad("unknown field", 400, body=body(callerid="+4930123456")),
    Bad("reason on a ringing event", 400, body=body(reason="busy")),
    Bad("unknown reason", 400, body=body(event="ended", reason="vanished")),
    Bad("timestamp two days ahead", 400, body=body(at="2099-01-01T00:00:00Z")),
    Bad("timestamp without offset", 400, body=body(at="2026-11-24T09:30:00")),
    Bad("claims to be baresip", 400, body=body(source="baresip")),
    Bad(
        "event fields in a POST's query",
        400,
        target=f"/v1/events?from=1&token={TOKEN}",
        body=body(),
    ),
    Bad(
        "event name in a GET's query",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&event=ended",
        headers={},
    ),
    # -- query parameters
    Bad(
        "17 query parameters",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&" + "&".join(f"p{i}=1" for i in range(16)),
        headers={},
    ),
    Bad(
        "2000 query parameters",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&" + "&".join("a=1" for _ in range(2000)),
        headers={},
    ),
    Bad(
        "the caller given twice",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&from=1&from=%2B4930123456",
        headers={},
    ),
    Bad(
        "invalid UTF-8 in the query",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&from=%FF%FE",
        headers={},
    ),
    Bad(
        "CR LF smuggled in the call id",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&from=1&call_id=a%0d%0aSet-Cookie:%20x",
        headers={},
    ),
    Bad(
        "NUL in the caller",
        400,
        "GET",
        f"/v1/events/ringing?token={TOKEN}&from=%2B49%0030",
        headers={},
    ),
    # -- routes and methods
    Bad("unknown path", 404, "GET", f"/v1/other?token={TOKEN}", headers={}),
    Bad("PUT", 405, "PUT", "/v1/events", body=body()),
    Bad(
        "HEAD would journal with GET",
        405,
        "HEAD",
        f"/v1/events/ringing?token={TOKEN}&from=1",
        headers={},
    ),
    Bad("DELETE", 405, "DELETE", f"/v1/events/ringing?token={TOKEN}", headers={}),
    # -- the HTTP framing itself
    Bad(
        "no Host header (HTTP/1.0)",
        400,
        raw=(b"GET /v1/events/ringing?token={token}&from=1 HTTP/1.0\r\n\r\n"),
    ),
    Bad(
        "two Host headers",
        400,
        raw=(
            b"GET /v1/events/ringing?token={token}&from=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Host: evil.example\r\nConnection: close\r\n\r\n"
        ),
    ),
    Bad(
        "two Authorization headers",
        400,
        raw=(
            b"GET /v1/events/ringing?from=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            b"Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        ),
    ),
    Bad(
        "header injection with a bare CR",
        400,
        raw=(
            b"GET /v1/events/ringing?token={token}&from=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"X-Test: a\rInjected: b\r\nConnection: close\r\n\r\n"
        ),
    ),
    Bad(
        "a header line of 20 kB",
        400,
        raw=(
            b"GET /v1/events/ringing?token={token}&from=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"X-Big: " + b"a" * 20_000 + b"\r\nConnection: close\r\n\r\n"
        ),
    ),
    Bad(
        "request line with raw bytes",
        400,
        raw=(
            b"GET /v1/events/ringing?token={token}&from=\xff\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Connection: close\r\n\r\n"
        ),
    ),
    Bad(
        "smuggling: length and chunked",
        400,
        raw=(
            b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            b"Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n"
            b"Connection: close\r\n\r\n0\r\n\r\n"
        ),
    ),
]


async def send(client: httpx.AsyncClient, port: int, bad: Bad) -> int:
    if bad.raw is not None:
        data = bad.raw.replace(b"{token}", TOKEN.encode()).replace(b"{port}", str(port).encode())
        status, _ = await raw_request(port, data)
        return status
    response = await client.request(
        bad.method, httpx.URL(bad.target), headers=bad.headers, content=bad.body
    )
    if bad.method != "HEAD" and response.status_code >= 400:
        assert "error" in response.json(), "refusals answer JSON with a reason"
    return response.status_code


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
async def test_bad_request(
    bad: Bad, client: httpx.AsyncClient, server: WebhookServer, sink: RecordingSink
) -> None:
    assert await send(client, server.port, bad) == bad.status
    assert sink.events == [], "a refused request leaves no trace in the journal"
    good = await client.post("/v1/events", json=GOOD, headers=AUTH)
    assert good.status_code == 202, "the server still answers good requests"


def test_there_are_at_least_forty_kinds_of_bad_request() -> None:
    assert len(BAD) >= 40


async def test_slow_partial_requests_do_not_block_other_clients(
    client: httpx.AsyncClient, server: WebhookServer, sink: RecordingSink
) -> None:
    writers = []
    try:
        for _ in range(100):
            _, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le")
            await writer.drain()
            writers.append(writer)
        # A body that never finishes arriving, too.
        _, stalled = await asyncio.open_connection("127.0.0.1", server.port)
        stalled.write(
            b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + TOKEN.encode()
            + b'\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"ev'
        )
        await stalled.drain()
        writers.append(stalled)
        good = await client.post("/v1/events", json=GOOD, headers=AUTH)
        assert good.status_code == 202
        assert len(sink.events) == 1
    finally:
        for writer in writers:
            writer.close()


@pytest.mark.parametrize("limits", [WebhookLimits(rate_per_second=1.0, burst=50)])
async def test_a_flood_is_answered_429_and_only_accepted_events_are_journaled(
    server: WebhookServer, sink: RecordingSink, rate_clock: RateClock
) -> None:
    # aiohttp's client: httpx's pool slows down badly with hundreds of concurrent requests.
    async with aiohttp.ClientSession(server.url) as http:

        async def one(i: int) -> tuple[int, dict[str, str], dict[str, object]]:
            payload = {**GOOD, "call_id": f"f{i}"}
            async with http.post("/v1/events", json=payload, headers=AUTH) as answer:
                return answer.status, dict(answer.headers), await answer.json()

        answers = await asyncio.gather(*(one(i) for i in range(400)))
        statuses = [status for status, _, _ in answers]
        assert set(statuses) == {202, 429}
        assert statuses.count(202) == 50  # the burst, then the bucket is empty
        assert len(sink.events) == 50
        _, headers, refusal = next(a for a in answers if a[0] == 429)
        assert int(headers["Retry-After"]) >= 1
        assert "too many requests" in str(refusal["error"])
        rate_clock.now += 1.0  # one second later there is room for one more
        status, _, _ = await one(1000)
        assert status == 202
        assert len(sink.events) == 51


@pytest.mark.parametrize("limits", [WebhookLimits(keepalive_timeout=0.2)])
async def test_a_partial_request_is_cut_off_after_the_idle_timeout(server: WebhookServer) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    try:
        writer.write(b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le")
        await writer.drain()
        # The server hangs up by itself; the wait_for only guards against a hang.
        assert await asyncio.wait_for(reader.read(), 10) == b""
    finally:
        writer.close()
