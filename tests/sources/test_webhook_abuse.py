"""The webhook under abuse by local processes: strangers cannot use up the softphone's
allowance, the limits are the documented ones, the secret never reaches a log line or a
refusal, and requests that would hold the server or fool it are cut short. Raw sockets
where no HTTP client would send what an attacker sends."""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
import pytest

from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer
from hubcall_desktop.sources.webhook_guard import FloodLog
from hubcall_desktop.sources.webhook_redact import MALFORMED_LOG_INTERVAL_S, REDACTOR

from .conftest import RateClock
from .helpers import SECRET, RecordingSink, raw_request

TOKEN = SECRET.reveal()
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GOOD = {"event": "ringing", "call_id": "good-1", "from": "+4930123456"}


@pytest.fixture(autouse=True)
def _fresh_malformed_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no flood of malformed requests counted yet."""
    monkeypatch.setattr(REDACTOR, "_malformed", FloodLog(MALFORMED_LOG_INTERVAL_S))


async def status_from(port: int, source: str, headers: dict[str, str] | None = None) -> int:
    """One POST from the loopback address ``source`` (any 127.x is this computer)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    try:
        body = json.dumps(GOOD).encode()
        head = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        writer.write(
            b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + head.encode()
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()
    return int(answer.split(b" ", 2)[1])


async def test_requests_without_the_secret_never_starve_the_softphone(
    server: WebhookServer, sink: RecordingSink
) -> None:
    # The clock stands still: nothing refills while the stranger hammers the webhook.
    refused = [await status_from(server.port, "127.0.0.1") for _ in range(60)]
    assert set(refused) <= {401, 429} and 429 in refused
    assert await status_from(server.port, "127.0.0.1", AUTH) == 202
    assert len(sink.events) == 1


async def test_strangers_share_one_budget_whatever_address_they_use(
    server: WebhookServer,
    sink: RecordingSink,
    rate_clock: RateClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    limits = WebhookLimits()
    statuses = [
        await status_from(server.port, f"127.0.{i // 250}.{2 + i % 250}")
        for i in range(limits.stranger_burst + 5)
    ]
    # The documented budget: stranger_burst refusals with 401, then 429 for everyone.
    assert statuses == [401] * limits.stranger_burst + [429] * 5
    floods = [r for r in caplog.records if "answered 429" in r.getMessage()]
    assert len(floods) == 1, "logged as one flood, not a line per address"
    rate_clock.now += 1.0  # a second later the budget has room for stranger_rate_per_second
    later = [await status_from(server.port, "127.0.9.9") for _ in range(6)]
    assert later == [401] * int(limits.stranger_rate_per_second) + [429]
    assert await status_from(server.port, "127.0.9.9", AUTH) == 202
    assert sink.events and len(sink.events) == 1


async def test_the_default_limits_for_a_client_with_the_secret(
    server: WebhookServer, sink: RecordingSink, rate_clock: RateClock
) -> None:
    """40 at once, then 20 per second: the documented defaults, not ten times more."""
    async with aiohttp.ClientSession(server.url) as http:

        async def one(i: int) -> int:
            payload = {**GOOD, "call_id": f"c{i}"}
            async with http.post("/v1/events", json=payload, headers=AUTH) as answer:
                return answer.status

        burst = await asyncio.gather(*(one(i) for i in range(41)))
        assert sorted(burst) == [202] * 40 + [429]
        rate_clock.now += 1.0
        second = [await one(100 + i) for i in range(21)]
        assert second == [202] * 20 + [429]
    assert len(sink.events) == 60
    assert WebhookLimits().burst == 40 and WebhookLimits().rate_per_second == 20.0


def request_line_with(target: str) -> bytes:
    return f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()


@pytest.mark.parametrize(
    "data",
    [
        # aiohttp's "line too long" error quotes the start of the request line.
        pytest.param(
            request_line_with(f"/v1/events/ringing?token={TOKEN}&from=" + "1" * 9000),
            id="9 KB request line with the token",
        ),
        pytest.param(
            # aiohttp quotes the first 100 characters: 20 of the secret's, here.
            request_line_with(f"/v1/events/ringing?from={'1' * 49}&token={TOKEN}&x={'1' * 9000}"),
            id="secret cut short by the quote",
        ),
        pytest.param(
            request_line_with(f"/v1/events/ringing?token={TOKEN}&{TOKEN}=1"),
            id="secret as a field name",
        ),
        pytest.param(
            request_line_with(f"/v1/events/ringing?token={TOKEN}&x{TOKEN}x=1"),
            id="secret inside a field name",
        ),
        pytest.param(
            request_line_with(f"/v1/events/ringing?token={TOKEN}&from={TOKEN[:30]}"),
            id="part of the secret as the caller",
        ),
        pytest.param(
            request_line_with(f"/v1/{TOKEN}/events"),
            id="secret in the path",
        ),
        pytest.param(
            request_line_with("/v1/" + "".join(f"%{ord(c):02X}" for c in TOKEN)),
            id="secret percent-encoded in the path",
        ),
        pytest.param(
            b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
            + TOKEN.encode()
            + b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
            id="secret in a malformed header",
        ),
        pytest.param(
            b"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            b"Content-Type: application/json\r\nContent-Length: 80\r\nConnection: close\r\n\r\n"
            + json.dumps({TOKEN: 1}).encode().ljust(80),
            id="secret as a JSON key",
        ),
        pytest.param(
            f"GET /v1/events/ringing?token={TOKEN}&from=\xff HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode(
                "latin-1"
            ),
            id="raw bytes after the token",
        ),
    ],
)
async def test_the_secret_never_reaches_a_log_line_or_a_refusal(
    server: WebhookServer, caplog: pytest.LogCaptureFixture, data: bytes
) -> None:
    caplog.set_level(logging.DEBUG)  # any verbosity
    _, body = await raw_request(server.port, data.replace(b"{token}", TOKEN.encode()))
    assert caplog.records, "the refusal or the error is logged"
    assert TOKEN[:8] not in caplog.text and TOKEN[-8:] not in caplog.text
    for record in caplog.records:
        assert TOKEN[:8] not in record.getMessage()
    if body.startswith(b"{"):  # our refusals; aiohttp's own 400 only goes back to the sender
        assert TOKEN[:8].encode() not in body and TOKEN[-8:].encode() not in body


async def test_a_typo_in_a_field_name_is_still_named(server: WebhookServer) -> None:
    status, body = await raw_request(
        server.port, request_line_with(f"/v1/events/ringing?token={TOKEN}&form=1")
    )
    assert status == 400
    assert json.loads(body)["field"] == "form"


@pytest.mark.parametrize(
    "target",
    [
        "http://evil.example/v1/events/ringing?token={token}&from=1",
        "http://evil.example:47831/v1/events/ringing?token={token}&from=1",
        "http://127.0.0.1@evil.example/v1/events/ringing?token={token}&from=1",
        "https://127.0.0.1/v1/events/ringing?token={token}&from=1",
        "*",
    ],
)
async def test_an_absolute_target_naming_another_host_is_refused(
    server: WebhookServer, sink: RecordingSink, target: str
) -> None:
    status, _ = await raw_request(server.port, request_line_with(target.format(token=TOKEN)))
    assert status in (400, 403)
    assert sink.events == []


async def test_an_absolute_target_naming_this_computer_is_taken(
    server: WebhookServer, sink: RecordingSink
) -> None:
    target = f"http://127.0.0.1:{server.port}/v1/events/ringing?token={TOKEN}&from=1"
    status, _ = await raw_request(server.port, request_line_with(target))
    assert status == 202
    assert len(sink.events) == 1


async def first_answer(port: int, head: bytes) -> bytes:
    """Send headers only, with ``Expect: 100-continue``; the first status line back."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(head)
        await writer.drain()
        return await asyncio.wait_for(reader.readline(), 10)
    finally:
        writer.close()


def expecting(length: int, auth: bool = True, path: str = "/v1/events") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + (f"Authorization: Bearer {TOKEN}\r\n" if auth else "")
        + f"Content-Length: {length}\r\nExpect: 100-continue\r\n\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (expecting(100_000_000), b"413"),
        (expecting(100, auth=False), b"401"),
        (expecting(100, path="/v1/other"), b"404"),
        (expecting(100).replace(b"application/json", b"text/plain"), b"415"),
        (expecting(100).replace(b"100-continue", b"something-else"), b"417"),
    ],
)
async def test_expect_continue_is_refused_before_the_body_is_asked_for(
    server: WebhookServer, sink: RecordingSink, head: bytes, status: bytes
) -> None:
    line = await first_answer(server.port, head)
    assert line.split(b" ")[1] == status, line
    assert sink.events == []


async def test_expect_continue_still_works_for_a_good_request(
    server: WebhookServer, sink: RecordingSink
) -> None:
    body = json.dumps(GOOD).encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    try:
        writer.write(expecting(len(body)))
        await writer.drain()
        assert await asyncio.wait_for(reader.readline(), 10) == b"HTTP/1.1 100 Continue\r\n"
        assert await reader.readline() == b"\r\n"
        writer.write(body)
        await writer.drain()
        assert (await asyncio.wait_for(reader.readline(), 10)).startswith(b"HTTP/1.1 202")
    finally:
        writer.close()
    assert len(sink.events) == 1


@pytest.mark.parametrize("limits", [WebhookLimits(body_timeout=0.5)])
async def test_a_body_that_trickles_in_is_cut_off(
    server: WebhookServer, sink: RecordingSink
) -> None:
    """Valid headers, then one byte at a time: answered 408 and closed long before the
    body would be complete."""
    body = json.dumps(GOOD).encode().ljust(200)  # 40 s at the pace below
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    sent = 0
    try:
        writer.write(expecting(len(body)).replace(b"Expect: 100-continue\r\n", b""))
        await writer.drain()
        answer = asyncio.ensure_future(reader.read())
        while not answer.done() and sent < len(body):
            writer.write(body[sent : sent + 1])
            await writer.drain()
            sent += 1
            await asyncio.wait([answer], timeout=0.2)
        data = await asyncio.wait_for(answer, 10)
    finally:
        writer.close()
    assert data.startswith(b"HTTP/1.1 408"), data[:80]
    assert sent < len(body)
    assert sink.events == []
    assert WebhookLimits().body_timeout <= 10  # "a few seconds" by default


async def test_requests_aiohttp_cannot_parse_are_one_line_each_flood(
    server: WebhookServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Any local process can send garbage: no traceback, and a flood is one line."""
    caplog.set_level(logging.DEBUG)
    for _ in range(5):
        status, _ = await raw_request(
            server.port, request_line_with("/v1/events/ringing?from=" + "1" * 9000)
        )
        assert status == 400
    assert "Traceback" not in caplog.text
    malformed = [r for r in caplog.records if "Error handling request" in r.getMessage()]
    assert len(malformed) == 1
    assert malformed[0].levelno == logging.WARNING
    assert "8190 bytes" in malformed[0].getMessage()
