"""What an answer's own headers settle: a plain answer that declares more than the cap
is refused unread, a compressed one is judged on what it inflates to (its declared
length is the compressed size) and must be in the encoding it names, and an answer that
cannot be read still keeps its status and headers (a 429's wait is in them)."""

from __future__ import annotations

import gzip
import random
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.answers import read_answer
from hubcall_desktop.hubspot.errors import HubSpotRateLimited
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from tests.hubspot.test_service_sandbox import ringing_call

LIMIT = 4096


class _Unread(httpx.AsyncByteStream):
    """A body that must not be read."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        raise AssertionError("the body was read")
        yield b""  # pragma: no cover - makes this an async generator


class _Pieces(httpx.AsyncByteStream):
    def __init__(self, *pieces: bytes) -> None:
        self._pieces = pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece


@pytest.mark.parametrize("length", [str(LIMIT + 1), "99999999999"])
async def test_a_plain_answer_declaring_more_than_the_cap_is_refused_unread(length: str) -> None:
    response = httpx.Response(200, headers={"Content-Length": length}, stream=_Unread())
    answer = await read_answer(response, LIMIT)
    assert (answer.status, answer.body, answer.problem) == (200, None, "larger than 4 KiB")
    assert answer.headers["Content-Length"] == length


async def test_a_plain_answer_declaring_exactly_the_cap_is_read() -> None:
    body = b"p" * LIMIT
    response = httpx.Response(200, headers={"Content-Length": str(LIMIT)}, stream=_Pieces(body))
    assert (await read_answer(response, LIMIT)).body == body


async def test_a_gzip_answer_longer_than_the_cap_on_the_wire_is_read_when_it_fits() -> None:
    # Random bytes do not compress: the gzip form is longer than what it inflates to.
    text = random.Random(7).randbytes(LIMIT - 8)
    packed = gzip.compress(text)
    assert len(packed) > LIMIT
    headers = {"Content-Encoding": "gzip", "Content-Length": str(len(packed))}
    response = httpx.Response(200, headers=headers, stream=_Pieces(packed))
    answer = await read_answer(response, LIMIT)
    assert (answer.body, answer.problem) == (text, "")


async def test_a_zlib_stream_named_gzip_is_badly_compressed_and_keeps_its_status() -> None:
    headers = {"Content-Encoding": "gzip", "Retry-After": "3"}
    response = httpx.Response(429, headers=headers, stream=_Pieces(zlib.compress(b"{}")))
    answer = await read_answer(response, LIMIT)
    assert (answer.status, answer.body, answer.problem) == (429, None, "badly compressed")
    assert answer.headers["Retry-After"] == "3"


async def test_a_429_handed_over_whole_and_too_large_still_gives_its_wait() -> None:
    huge = b" " * (2 * 1024 * 1024)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(429, headers={"Retry-After": "7"}, content=huge)
    )
    async with build_client(transport=transport) as client:
        service = HubSpotService(
            client, StaticToken(Secret("t")), base_url="http://h.invalid", retry_policy=NO_RETRY
        )
        with pytest.raises(HubSpotRateLimited) as caught:
            await service.lookup(ringing_call())
    assert caught.value.retry_after == 7.0
