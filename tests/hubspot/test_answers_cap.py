"""Reading an answer with a size cap, byte-exact at the edge: plain, gzip (also spelled
x-gzip, in any case), deflate, an encoding we never asked for, a broken stream, and an
answer an in-memory transport hands over whole. A real loopback HTTP server sends the
exact bytes and headers each test sets."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web

from hubcall_desktop.hubspot.answers import MAX_ANSWER_BYTES, Answer, read_answer

LIMIT = 4096


class Server:
    """Serves the body and headers last set for a path, as raw bytes."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[bytes, dict[str, str], bool]] = {}
        self.url = ""

    def set(self, path: str, body: bytes, headers: dict[str, str], *, chunked: bool) -> str:
        self.answers[path] = (body, headers, chunked)
        return self.url + path

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body, headers, chunked = self.answers[request.path]
        if not chunked:
            return web.Response(body=body, headers=headers)
        answer = web.StreamResponse(headers=headers)
        answer.enable_chunked_encoding()
        await answer.prepare(request)
        for start in range(0, len(body), 1000):
            await answer.write(body[start : start + 1000])
        await answer.write_eof()
        return answer


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    served = Server()
    app = web.Application()
    app.router.add_get("/{name}", served.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    served.url = f"http://127.0.0.1:{port}"
    yield served
    await runner.cleanup()


async def _read(
    server: Server,
    body: bytes,
    headers: dict[str, str] | None = None,
    *,
    chunked: bool = False,
    limit: int = LIMIT,
) -> Answer:
    url = server.set("/answer", body, headers or {}, chunked=chunked)
    async with (
        httpx.AsyncClient() as client,
        client.stream("GET", url, headers={"Accept-Encoding": "gzip, deflate"}) as response,
    ):
        return await read_answer(response, limit)


@pytest.mark.parametrize("chunked", [False, True], ids=["length", "chunked"])
async def test_a_plain_answer_of_exactly_the_cap_is_read_one_more_byte_is_not(
    server: Server, chunked: bool
) -> None:
    whole = await _read(server, b"a" * LIMIT, chunked=chunked)
    assert (whole.status, whole.body, whole.problem) == (200, b"a" * LIMIT, "")
    over = await _read(server, b"a" * (LIMIT + 1), chunked=chunked)
    assert (over.status, over.body, over.problem) == (200, None, "larger than 4 KiB")


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", " GZip "])
async def test_a_gzip_answer_is_capped_on_what_it_inflates_to(
    server: Server, encoding: str
) -> None:
    exact = await _read(server, gzip.compress(b"b" * LIMIT), {"Content-Encoding": encoding})
    assert exact.body == b"b" * LIMIT
    over = await _read(server, gzip.compress(b"b" * (LIMIT + 1)), {"Content-Encoding": encoding})
    assert (over.body, over.problem) == (None, "larger than 4 KiB")


async def test_a_gzip_stream_in_many_pieces_is_read_whole(server: Server) -> None:
    text = bytes(range(256)) * 12  # 3 KiB that compresses poorly: several network chunks
    answer = await _read(server, gzip.compress(text), {"Content-Encoding": "gzip"}, chunked=True)
    assert answer.body == text


async def test_each_compressed_piece_is_inflated_no_further_than_the_cap(server: Server) -> None:
    # 64 MiB of zeros squeeze into one 64 KiB gzip block: a piece off the wire must not
    # be inflated whole before the cap is checked. tracemalloc sees every bytes object.
    bomb = gzip.compress(bytes(64 * 1024 * 1024))
    tracemalloc.start()
    try:
        answer = await _read(server, bomb, {"Content-Encoding": "gzip"}, limit=MAX_ANSWER_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (answer.body, answer.problem) == (None, "larger than 1024 KiB")
    assert peak < 16 * 1024 * 1024


async def test_a_deflate_answer_is_read(server: Server) -> None:
    answer = await _read(server, zlib.compress(b'{"ok": 1}'), {"Content-Encoding": "deflate"})
    assert answer.body == b'{"ok": 1}'
    over = await _read(server, zlib.compress(b"c" * (LIMIT + 1)), {"Content-Encoding": "deflate"})
    assert over.body is None


async def test_an_encoding_we_never_asked_for_is_not_read(server: Server) -> None:
    answer = await _read(server, b"\x1b\x00", {"Content-Encoding": "br"})
    assert (answer.body, answer.problem) == (None, "encoded as br")


async def test_a_broken_gzip_stream_is_badly_compressed(server: Server) -> None:
    answer = await _read(server, b"this was never gzip", {"Content-Encoding": "gzip"})
    assert (answer.body, answer.problem) == (None, "badly compressed")


async def test_an_empty_answer_is_an_empty_body(server: Server) -> None:
    answer = await _read(server, b"")
    assert (answer.body, answer.problem) == (b"", "")


async def test_the_default_cap_is_one_mebibyte(server: Server) -> None:
    assert MAX_ANSWER_BYTES == 1024 * 1024
    url = server.set("/big", b"d" * (MAX_ANSWER_BYTES + 1), {}, chunked=True)
    async with httpx.AsyncClient() as client, client.stream("GET", url) as response:
        answer = await read_answer(response)
    assert (answer.body, answer.problem) == (None, "larger than 1024 KiB")


def _handed_over(body: bytes) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(201, content=body))


@pytest.mark.parametrize(("size", "read"), [(LIMIT, True), (LIMIT + 1, False)])
async def test_an_answer_handed_over_whole_is_capped_too(size: int, read: bool) -> None:
    async with (
        httpx.AsyncClient(transport=_handed_over(b"e" * size)) as client,
        client.stream("GET", "http://hubspot.invalid/") as response,
    ):
        answer = await read_answer(response, LIMIT)
    assert answer.status == 201
    assert answer.body == (b"e" * size if read else None)
    assert answer.problem == ("" if read else "larger than 4 KiB")
